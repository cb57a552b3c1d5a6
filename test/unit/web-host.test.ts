// The browser host's transport (SVC-02, DESIGN §2): the same core behind loopback HTTP, reachable only with the
// per-run token from the served page, from our own Host and Origin, with contract-checked input.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../main/core/index.ts'
import { startWebHost } from '../../main/web.ts'

let host: Awaited<ReturnType<typeof startWebHost>>
let dataDir: string
let token: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-webhost-'))
  const rendererDir = path.join(dataDir, 'renderer')
  fs.mkdirSync(rendererDir)
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
  const api = await createCore({ dataDir: path.join(dataDir, 'vault'), serviceUrl: 'http://127.0.0.1:9', version: '0.0.0-test', channel: 'test', logger: { info() {}, error() {} } })
  host = await startWebHost({ api, port: 0, rendererDir })
  const page = await (await fetch(host.url)).text()
  token = page.match(/name="shinkumi-bridge-token" content="([^"]+)"/)![1]!
})

afterAll(async () => {
  await host.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const call = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/__bridge/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shinkumi-bridge-token': token, ...headers },
    body: JSON.stringify(body),
  })

/** fetch() will not send a forged Host header, so this one speaks HTTP directly. */
function requestWithHost(hostHeader: string): Promise<number> {
  const { port } = new URL(host.url)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/__bridge/app.status', method: 'POST', headers: { host: hostHeader, 'x-shinkumi-bridge-token': token } }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end('{"input":null}')
  })
}

describe('SVC-02 browser host transport', () => {
  it('serves the page with a per-run token and the bridge script, under a strict CSP', async () => {
    const response = await fetch(host.url)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const page = await response.text()
    expect(page).toContain('<script src="/__bridge.js"></script>')
    expect(token.length).toBeGreaterThanOrEqual(40)
  })

  it('answers contract entries through the real core', async () => {
    const response = await call('app.status', { input: null })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ output: { ok: true, value: { phase: 'setup', tokenCount: 0 } } })
    const about = await (await call('app.about', { input: null })).json()
    expect(about.output).toMatchObject({ version: '0.0.0-test', channel: 'test' })
    expect(about.output.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:9\/?$/)
  })

  it('refuses a call without the token, with a wrong token, or from another origin', async () => {
    expect((await call('app.status', { input: null }, { 'x-shinkumi-bridge-token': '' })).status).toBe(403)
    expect((await call('app.status', { input: null }, { 'x-shinkumi-bridge-token': 'x'.repeat(token.length) })).status).toBe(403)
    expect((await call('app.status', { input: null }, { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('refuses another Host (DNS rebinding)', async () => {
    expect(await requestWithHost('evil.example')).toBe(421)
  })

  it('refuses unknown entries and input that breaks the contract, without reaching the core', async () => {
    expect((await call('vault.dump', { input: null })).status).toBe(404)
    expect((await call('otp.current', { input: 'not-a-uuid' })).status).toBe(400)
    expect((await call('tokens.provision', { input: { mode: 'steal' } })).status).toBe(400)
  })

  it('never serves files outside the renderer directory', async () => {
    const response = await fetch(`${host.url}/..%2Fvault%2Fvault.json`)
    expect(response.status).toBe(404)
  })
})
