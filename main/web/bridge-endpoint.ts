// The bridge over HTTP: POST /__bridge/<channel> with `{ input }`, answered with `{ output }`, both parsed with the
// contract. Each run makes a random token that the served page carries and every call must send back in a custom
// header (which no cross-origin page can send without a CORS preflight we never grant); a call from another
// Origin is refused as well.
import type http from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { bridge, channels, type BridgeApi, type Channel } from '@shinkumi/common/bridge.ts'
import { send } from './respond.ts'

export const BRIDGE_PREFIX = '/__bridge/'
export const CLIENT_SCRIPT_PATH = '/__bridge.js'
const TOKEN_HEADER = 'x-shinkumi-bridge-token'
const MAX_BODY = 64 * 1024

/** The page's side of the HTTP transport: a `window.api` of the same shape the preload exposes in Electron. */
export const CLIENT_SCRIPT = `(() => {
  const token = document.querySelector('meta[name="shinkumi-bridge-token"]').content
  const call = (channel) => async (input) => {
    const response = await fetch('${BRIDGE_PREFIX}' + channel, {
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

export function bridgeEndpoint(api: BridgeApi) {
  const token = randomBytes(32).toString('base64url')

  function tokenMatches(header: string | string[] | undefined): boolean {
    if (typeof header !== 'string' || header.length !== token.length) return false
    return timingSafeEqual(Buffer.from(header), Buffer.from(token))
  }

  /** `ownOrigins`: the origins of this host (http://127.0.0.1:<port> and http://localhost:<port>). */
  async function handleBridgeCall(pathname: string, request: http.IncomingMessage, response: http.ServerResponse, ownOrigins: string[]): Promise<void> {
    const origin = request.headers.origin
    if (origin !== undefined && !ownOrigins.includes(origin)) return send(response, 403, 'text/plain', 'forbidden')
    if (request.method !== 'POST' || !tokenMatches(request.headers[TOKEN_HEADER])) return send(response, 403, 'text/plain', 'forbidden')
    const name = pathname.slice(BRIDGE_PREFIX.length)
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

  return { token, handleBridgeCall }
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
