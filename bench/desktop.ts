// The desktop app's figures: what its first screen downloads — every JS and CSS file the page fetches until that
// screen shows and the network is idle, gzip bytes, counted in a browser for the two first screens a customer meets
// (初期設定 on a fresh install, ワンタイムパスワード with one token) — whether any staff-mode file is among them, the
// chunks over Vite's 500 kB warning limit, its first contentful paint next to a bare Mantine page built by the same
// Vite in the same run (counted the same way), and how long the app lock takes to open the vault.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser } from '@playwright/test'
import { build } from 'vite'
import { Vault } from '../main/core/vault.ts'
import { createConfStore } from '../main/platform/conf-store.ts'
import { KeyFileProtector } from '../main/platform/key-file-protector.ts'
import { percentile, round, timed } from './load.ts'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')

export async function desktopFigures(options: { paintSamples: number }) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-bench-desktop-'))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const app = await buildPage(path.join(root, 'renderer/vite.config.ts'), path.join(work, 'app'))
    const bare = await buildPage(path.join(root, 'bench/bare-mantine/vite.config.ts'), path.join(work, 'bare'))
    const servers = await Promise.all([serve(app.dir), serve(bare.dir)])
    try {
      const firstScreens = {
        setup: await firstScreenFiles(browser, servers[0].url, app, hosts.setup),
        returning: await firstScreenFiles(browser, servers[0].url, app, hosts.returning),
      }
      const bareMantine = await firstScreenFiles(browser, servers[1].url, bare, null)
      const paint = options.paintSamples > 0 ? await firstPaints(browser, servers[0].url, servers[1].url, options.paintSamples) : null
      return {
        firstScreen: largest(Object.values(firstScreens)),
        firstScreens,
        bareMantine,
        chunks: app.chunks,
        chunksOverViteLimit: app.oversized,
        ...(paint ? { firstContentfulPaint: paint } : {}),
        vaultUnlockMs: await vaultUnlockMs(path.join(work, 'vault')),
      }
    } finally {
      for (const server of servers) server.close()
    }
  } finally {
    await browser.close()
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/** Vite's own limit: a chunk above it draws the build's size warning. */
const CHUNK_WARNING_BYTES = 500 * 1024

interface BuiltPage {
  dir: string
  chunks: number
  oversized: string[]
  /** Output files that belong to staff mode: its screens' chunks and its dictionaries. */
  staffFiles: Set<string>
}

async function buildPage(configFile: string, outDir: string): Promise<BuiltPage> {
  await build({ configFile, logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: true } })
  const manifest = JSON.parse(fs.readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; src?: string; css?: string[] }>
  const staffFiles = new Set(
    Object.values(manifest)
      .filter((entry) => entry.src && /(^|\/)(screens\/staff\/Staff(?!ModeEntry)|i18n\/staff-)/.test(entry.src))
      .flatMap((entry) => [entry.file, ...(entry.css ?? [])]),
  )
  const chunks = fs.readdirSync(path.join(outDir, 'assets')).filter((f) => f.endsWith('.js'))
  const oversized = chunks.filter((f) => fs.statSync(path.join(outDir, 'assets', f)).size > CHUNK_WARNING_BYTES)
  return { dir: outDir, chunks: chunks.length, oversized, staffFiles }
}

type Answers = Record<string, unknown>

/**
 * What the host answers while the first screen loads; every other bridge call stays unanswered (the screen shows
 * what it shows while it waits). `ready` is the element that says the screen is there.
 */
const hosts = {
  setup: { ready: '[data-testid="setup-form"]', answers: { 'app.status': { ok: true, value: { phase: 'setup', tokenCount: 0 } } } },
  returning: {
    ready: '[data-testid="otp-token-name"]',
    answers: {
      'app.status': { ok: true, value: { phase: 'ready', tokenCount: 1 } },
      'tokens.list': {
        ok: true,
        value: [
          {
            id: '00000000-0000-4000-8000-000000000001',
            serviceId: 'BENCH',
            serviceName: 'ベンチ',
            userId: 'bench',
            baseName: 'ベンチ',
            suffix: '',
            displayName: 'ベンチ',
            serialNumber: '00000001',
            expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
            logoUrl: null,
            linkUrl: null,
            offersTransactions: false,
          },
        ],
      },
      'expiry.check': { ok: true, value: { state: 'valid' } },
      'otp.current': { ok: true, value: { code: '12345678', secondsLeft: 42, period: 60 } },
    },
  },
} satisfies Record<string, { ready: string; answers: Answers }>

async function withHost(browser: Browser, answers: Answers | null) {
  const context = await browser.newContext()
  if (answers) {
    await context.addInitScript((table: Answers) => {
      const api = new Proxy({}, { get: (_target, method: string) => () => (method in table ? Promise.resolve(table[method]) : new Promise(() => undefined)) })
      Object.defineProperty(window, 'api', { value: api })
    }, answers)
  }
  return context
}

/** Every JS and CSS file the page fetches until `host.ready` shows and the network has been idle for 500 ms, gzip. */
async function firstScreenFiles(browser: Browser, url: string, page: BuiltPage, host: { ready: string; answers: Answers } | null) {
  const context = await withHost(browser, host?.answers ?? null)
  try {
    const tab = await context.newPage()
    const fetched = new Set<string>()
    tab.on('requestfinished', (request) => {
      const file = new URL(request.url()).pathname.replace(/^\//, '')
      if (/\.(js|css)$/.test(file)) fetched.add(file)
    })
    await tab.goto(url)
    if (host) await tab.locator(host.ready).waitFor()
    await tab.waitForLoadState('networkidle')
    const files = [...fetched].sort()
    const gzipBytes = (list: string[]) => list.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(page.dir, file))).byteLength, 0)
    const js = files.filter((f) => f.endsWith('.js'))
    const css = files.filter((f) => f.endsWith('.css'))
    return { jsGzipBytes: gzipBytes(js), cssGzipBytes: gzipBytes(css), jsFiles: js.length, staffFiles: files.filter((f) => page.staffFiles.has(f)).length }
  } finally {
    await context.close()
  }
}

function largest<T extends { jsGzipBytes: number }>(screens: T[]): T {
  return screens.reduce((a, b) => (b.jsGzipBytes > a.jsGzipBytes ? b : a))
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
 * Median first contentful paint of each page over `samples` cold loads (a new browser context each), the app
 * with the host of a returning customer.
 */
async function firstPaints(browser: Browser, appUrl: string, bareUrl: string, samples: number) {
  const fcp = async (url: string, answers: Answers | null) => {
    const context = await withHost(browser, answers)
    try {
      const page = await context.newPage()
      await page.goto(url)
      return await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const entry = list.getEntriesByName('first-contentful-paint')[0]
              if (entry) resolve(entry.startTime)
            }).observe({ type: 'paint', buffered: true })
          }),
      )
    } finally {
      await context.close()
    }
  }
  const app: number[] = []
  const bare: number[] = []
  for (let n = 0; n < samples; n++) {
    bare.push(await fcp(bareUrl, null))
    app.push(await fcp(appUrl, hosts.returning.answers))
  }
  const appMs = percentile(app, 50)
  const bareMs = percentile(bare, 50)
  return { appMs, bareMantineMs: bareMs, ratio: round(appMs / bareMs, 3) }
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
