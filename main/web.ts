// The browser host (SPEC SVC-02): the same main-process core and the same renderer, with the bridge carried over
// loopback HTTP instead of Electron IPC — for machines without the Electron runtime and for end-to-end tests.
// Not a second product: it adds no behaviour, only a transport.
//
// This file wires the host: web/static-files.ts serves the renderer, web/bridge-endpoint.ts carries the bridge
// (per-run token, Origin check, contract-parsed input and output), and every answer goes through web/respond.ts
// with the CSP of main/security/policy.ts, the same one the Electron window gets.
import http from 'node:http'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { BridgeApi } from '@shinkumi/common/bridge.ts'
import { DAY_MS, systemClock, type Clock } from '@shinkumi/common/time.ts'
import { createCore } from './core/index.ts'
import { BRIDGE_PREFIX, bridgeEndpoint, CLIENT_SCRIPT, CLIENT_SCRIPT_PATH } from './web/bridge-endpoint.ts'
import { JAVASCRIPT, send, TEXT } from './web/respond.ts'
import { staticFiles } from './web/static-files.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface WebHostOptions {
  api: BridgeApi
  port: number
  rendererDir: string
}

/** Loopback only; a request for another Host is refused before anything else (no DNS rebinding). */
export async function startWebHost({ api, port, rendererDir }: WebHostOptions) {
  const { token, handleBridgeCall } = bridgeEndpoint(api)
  const serveStatic = staticFiles(rendererDir, token)
  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, TEXT, 'internal error'))
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const address = server.address()
    const ownPort = typeof address === 'object' && address ? address.port : port
    const allowedHosts = [`127.0.0.1:${ownPort}`, `localhost:${ownPort}`]
    if (!allowedHosts.includes(request.headers.host ?? '')) return send(response, 421, TEXT, 'wrong host')
    const url = new URL(request.url ?? '/', `http://${request.headers.host}`)
    if (url.pathname.startsWith(BRIDGE_PREFIX))
      return handleBridgeCall(
        url.pathname,
        request,
        response,
        allowedHosts.map((h) => `http://${h}`),
      )
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed')
    if (url.pathname === CLIENT_SCRIPT_PATH) return send(response, 200, JAVASCRIPT, CLIENT_SCRIPT)
    return serveStatic(url.pathname, response)
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
