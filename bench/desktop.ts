// The desktop app's figures: what the first screen downloads (the renderer's entry chunk, what index.html preloads
// and its CSS, gzip bytes, and any chunk over Vite's 500 kB warning limit), its first contentful paint next to a bare Mantine
// page built by the same Vite in the same run, and how long the app lock takes to open the vault.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { build } from 'vite'
import { Vault } from '../main/core/vault.ts'
import { createConfStore } from '../main/platform/conf-store.ts'
import { KeyFileProtector } from '../main/platform/key-file-protector.ts'
import { percentile, round, timed } from './load.ts'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

export async function desktopFigures(options: { paintSamples: number }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-bench-desktop-'))
  try {
    const app = await buildPage(path.join(root, 'renderer/vite.config.ts'), path.join(work, 'app'))
    const bare = await buildPage(path.join(root, 'bench/bare-mantine/vite.config.ts'), path.join(work, 'bare'))
    const paint = options.paintSamples > 0 ? await firstPaints(path.join(work, 'app'), path.join(work, 'bare'), options.paintSamples) : null
    return {
      firstScreen: app.firstScreen,
      bareMantine: bare.firstScreen,
      chunks: app.chunks,
      chunksOverViteLimit: app.oversized,
      ...(paint ? { firstContentfulPaint: paint } : {}),
      vaultUnlockMs: await vaultUnlockMs(path.join(work, 'vault')),
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/** Vite's own limit: a chunk above it draws the build's size warning. */
const CHUNK_WARNING_BYTES = 500 * 1024

async function buildPage(configFile: string, outDir: string) {
  await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } })
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
  const files = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => path.join(outDir, m[1]!))
  const gzipBytes = (list: string[]) => list.reduce((sum, file) => sum + gzipSync(fs.readFileSync(file)).byteLength, 0)
  const js = [...files(/<script type="module"[^>]*src="([^"]+)"/g), ...files(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)]
  const css = files(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)
  const chunks = fs.readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'))
  const oversized = chunks.filter((f) => fs.statSync(path.join(outDir, 'assets', f)).size > CHUNK_WARNING_BYTES)
  return { firstScreen: { jsGzipBytes: gzipBytes(js), cssGzipBytes: gzipBytes(css), jsFiles: js.length }, chunks: chunks.length, oversized }
}

/** Static files of a build on loopback. */
function serve(dir: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'))
    if (!file.startsWith(dir) || !fs.existsSync(file)) return void response.writeHead(404).end()
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream'
    response.writeHead(200, { 'content-type': type }).end(fs.readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() })))
}

/**
 * Median first contentful paint of each page over `samples` cold loads (a new browser context each). The app's
 * bridge is a stub whose calls never answer: the first screen paints what it shows while it waits for the host.
 */
async function firstPaints(appDir: string, bareDir: string, samples: number) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  const servers = await Promise.all([serve(appDir), serve(bareDir)])
  try {
    const fcp = async (url: string) => {
      const context = await browser.newContext()
      await context.addInitScript(() => {
        Object.defineProperty(window, 'api', { value: new Proxy({}, { get: () => () => new Promise(() => undefined) }) })
      })
      const page = await context.newPage()
      await page.goto(url)
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0]
              if (entry) resolve(entry.startTime)
            }).observe({ type: 'paint', buffered: true })
          }),
      )
      await context.close()
      return ms
    }
    const app: number[] = []
    const bare: number[] = []
    for (let n = 0; n < samples; n++) {
      bare.push(await fcp(servers[1].url))
      app.push(await fcp(servers[0].url))
    }
    const appMs = percentile(app, 50)
    const bareMs = percentile(bare, 50)
    return { appMs, bareMantineMs: bareMs, ratio: round(appMs / bareMs, 3) }
  } finally {
    for (const server of servers) server.close()
    await browser.close()
  }
}

/**
 * Median time to open the vault with the app lock code (scrypt of the code, then the vault's key layers): the
 * wait a customer has between typing the code and seeing their tokens. One token is stored first, as the app
 * only offers the lock once a token exists.
 */
async function vaultUnlockMs(dir: string): Promise<number> {
  fs.mkdirSync(dir, { recursive: true })
  const store = createConfStore(dir)
  const protector = new KeyFileProtector(path.join(dir, 'vault.key'))
  const vault = await Vault.open(store, protector)
  const record = {
    id: crypto.randomUUID(),
    serviceId: 'BENCH',
    serviceName: 'ベンチ',
    userId: 'bench',
    serialNumber: '00000001',
    ordinal: 1,
    suffix: '',
    algorithm: 'SHA1',
    digits: 8,
    period: 60,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    logoUrl: null,
    linkUrl: null,
    offersTransactions: false,
    devicePublicKey: 'AA',
    addedAt: new Date().toISOString(),
  } as const
  await vault.addToken(record, { totpSeed: new Uint8Array(20), devicePrivateKey: new Uint8Array(32) })
  await vault.setLockCode('1234')
  const times: number[] = []
  for (let n = 0; n < 3; n++) {
    await vault.lock()
    times.push(await timed(() => vault.unlock('1234', Date.now())))
  }
  return percentile(times, 50)
}
