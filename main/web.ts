// The browser host (SPEC SVC-02): the same main-process core and the same renderer, with the bridge carried over
// loopback HTTP instead of Electron IPC — for machines without the Electron runtime and for end-to-end tests.
// Not a second product: it adds no behaviour, only a transport.
//
// Trust: the server listens on 127.0.0.1 only; each run makes a random token that is written into the served
// page and must come back in a custom header (which no cross-origin page can send without a CORS preflight we
// never grant); Host and Origin must be ours (no DNS rebinding). Inputs and outputs are parsed with the contract.
import http from 'node:http'
import fs from 'node:fs/promises'
import path from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { bridge, channels, type BridgeApi, type Channel } from '@shinkumi/common/bridge.ts'
import { createCore } from './core/index.ts'
import { DAY_MS, systemClock, type Clock } from '@shinkumi/common/time.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const TOKEN_HEADER = 'x-shinkumi-bridge-token'
const MAX_BODY = 64 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

/** The page's side of the HTTP transport: a `window.api` of the same shape the preload exposes in Electron. */
const CLIENT_SCRIPT = `(() => {
  const token = document.querySelector('meta[name="shinkumi-bridge-token"]').content
  const call = (channel) => async (input) => {
    const response = await fetch('/__bridge/' + channel, {
      method: 'POST',
      headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
      body: JSON.stringify({ input: input === undefined ? null : input }),
    })
    if (!response.ok) throw new Error('bridge call ' + channel + ' failed with HTTP ' + response.status)
    return (await response.json()).output
  }
  window.api = Object.freeze(Object.fromEntries(${JSON.stringify(channels)}.map((c) => [c, call(c)])))
})()
`

export interface WebHostOptions {
  api: BridgeApi
  port: number
  rendererDir: string
}

export async function startWebHost({ api, port, rendererDir }: WebHostOptions) {
  const token = randomBytes(32).toString('base64url')
  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'text/plain; charset=utf-8', 'internal error'))
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const address = server.address()
    const ownPort = typeof address === 'object' && address ? address.port : port
    const allowedHosts = [`127.0.0.1:${ownPort}`, `localhost:${ownPort}`]
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(response, 421, 'text/plain; charset=utf-8', 'wrong host')
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)

    if (url.pathname.startsWith('/__bridge/')) {
      const origin = request.headers.origin
      if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return send(response, 403, 'text/plain', 'forbidden')
      if (request.method !== 'POST' || !tokenMatches(request.headers[TOKEN_HEADER])) return send(response, 403, 'text/plain', 'forbidden')
      return callBridge(url.pathname.slice('/__bridge/'.length), request, response)
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed')
    if (url.pathname === '/__bridge.js') return send(response, 200, CONTENT_TYPES['.js']!, CLIENT_SCRIPT)
    return serveStatic(url.pathname, response)
  }

  function tokenMatches(header: string | string[] | undefined): boolean {
    if (typeof header !== 'string' || header.length !== token.length) return false
    return timingSafeEqual(Buffer.from(header), Buffer.from(token))
  }

  async function callBridge(name: string, request: http.IncomingMessage, response: http.ServerResponse) {
    if (!(channels as string[]).includes(name)) return send(response, 404, 'text/plain', 'no such entry')
    const channel = name as Channel
    let body: unknown
    try {
      body = JSON.parse(await readBody(request))
    } catch {
      return send(response, 400, 'text/plain', 'malformed body')
    }
    const raw = (body as { input?: unknown } | null)?.input
    const input = bridge[channel].input.safeParse(raw === null ? undefined : raw)
    if (!input.success) return send(response, 400, 'text/plain', 'input does not match the contract')
    const run = api[channel] as (i: unknown) => Promise<unknown>
    const output = bridge[channel].output.parse(await run(input.data))
    return send(response, 200, 'application/json', JSON.stringify({ output: output ?? null }))
  }

  async function serveStatic(pathname: string, response: http.ServerResponse) {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = path.resolve(rendererDir, relative)
    if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return send(response, 404, 'text/plain', 'not found')
    let content: Buffer
    try {
      content = await fs.readFile(file)
    } catch {
      return send(response, 404, 'text/plain', 'not found')
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
    if (relative === 'index.html') {
      const page = content
        .toString('utf8')
        .replace('<head>', `<head>\n    <meta name="shinkumi-bridge-token" content="${token}" />\n    <script src="/__bridge.js"></script>`)
      return send(response, 200, type, page)
    }
    return send(response, 200, type, content)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS })
  response.end(body)
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/**
 * Test-only: `--clock-offset-days N` runs the app's clock N days ahead (negative: behind), so end-to-end tests can
 * show 有効期限切れ for a token the service issued today (OTP-21, OTP-22). Only here, never in Electron, and refused
 * in a production channel; the service keeps its own clock (a signed request from a shifted app is STALE_REQUEST).
 */
function offsetClock(days: string | undefined, channel: string): Clock | undefined {
  if (days === undefined) return undefined
  const parsed = z.coerce.number().int().min(-3650).max(3650).safeParse(days)
  if (!parsed.success) throw new Error(`--clock-offset-days ${JSON.stringify(days)} is not a whole number of days`)
  if (channel === 'production') throw new Error('--clock-offset-days is refused in the production channel')
  console.warn(`Test clock: the app runs ${parsed.data} days off the system clock`)
  return { now: () => new Date(systemClock.now().getTime() + parsed.data * DAY_MS) }
}

/** `node main/web.ts [--port N] [--service-url URL] [--data-dir DIR] [--clock-offset-days N]` — what `npm run web` starts. */
async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.WEB_PORT ?? '5180' },
      'service-url': { type: 'string', default: process.env.SHINKUMI_SERVICE_URL ?? 'http://127.0.0.1:8787' },
      'data-dir': { type: 'string', default: process.env.SHINKUMI_APP_DATA ?? path.join(ROOT, 'data', 'web-app') },
      'renderer-dir': { type: 'string', default: path.join(ROOT, 'out', 'renderer') },
      'clock-offset-days': { type: 'string' },
    },
  })
  const pkg = JSON.parse(await fs.readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  const channel = process.env.SHINKUMI_CHANNEL ?? 'development'
  const api = await createCore({
    dataDir: path.resolve(values['data-dir']),
    serviceUrl: values['service-url'],
    version: pkg.version,
    channel,
    clock: offsetClock(values['clock-offset-days'], channel),
  })
  const host = await startWebHost({ api, port: Number(values.port), rendererDir: path.resolve(values['renderer-dir']) })
  console.log(`Desktop app (browser host): ${host.url}`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void host.close().then(() => process.exit(0)))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`The browser host could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
