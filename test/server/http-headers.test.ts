// SEC-05 (security headers, no-store, trusted proxies, cookie flags from configuration) and SEC-08 (request ids,
// the metrics token) over real HTTP. Headers do not depend on the database: SQLite only, except where noted.
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, startHarness, type Harness } from './harness.ts'
import { loadConfig } from '../../server/src/config.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { CLIENT, LinkageBrowser, authorizeUrl, completeFlow, pkce } from './linkage-client.ts'

const SQLITE = DATABASES[0]!
const PUBLIC_HTTPS = 'https://otp.mire-shinkumi.example'

/** A GET with headers fetch would not let us set (Host) or follow. */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers }, (response) => {
      response.resume()
      resolve(response)
    })
    request.once('error', reject)
  })
}

async function withinHours(h: Harness): Promise<void> {
  ;(h.deps.clock as ManualClock).set(new Date('2026-11-18T05:00:00Z'))
  await loadLinkageDemo(h.deps.db, h.deps.clock.now())
}

describe('SEC-05 headers on the loopback default', () => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness(SQLITE, { manualClock: true })
    await withinHours(h)
  })
  afterAll(() => h.close())

  it('SEC-05 every kind of answer carries the helmet headers and no-store, and no HSTS on loopback', async () => {
    const answers = await Promise.all([
      fetch(`${h.url}/healthz`),
      fetch(`${h.url}/docs/json`),
      fetch(`${h.url}/v1/otp/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      fetch(`${h.url}/v1/accounts`),
      fetch(`${h.url}/no/such/route`),
      fetch(`${h.url}/v1/staff/locks`),
    ])
    for (const response of answers) {
      const where = `${response.url} ${response.status}`
      expect(response.headers.get('x-content-type-options'), where).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), where).toBe('SAMEORIGIN')
      expect(response.headers.get('content-security-policy'), where).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none'")
      expect(response.headers.get('cache-control'), where).toBe('no-store')
      expect(response.headers.get('strict-transport-security'), where).toBeNull()
    }
  })

  it('SEC-05 the linkage pages keep their own strict CSP and no-store; their static assets stay cacheable', async () => {
    const browser = new LinkageBrowser(h.url)
    await browser.request(authorizeUrl({ challenge: pkce().challenge }))
    const page = await fetch(`${h.url}/linkage`, { headers: { cookie: browser.cookie } })
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self' http://127.0.0.1:8790; frame-ancestors 'none'; base-uri 'none'",
    )
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    expect((await fetch(`${h.url}/linkage/assets/linkage.css`)).headers.get('cache-control')).toBe('no-cache')
  })

  it('SEC-05 balances, transactions and tokens are no-store', async () => {
    const { code, verifier } = await completeFlow(h.url, h.deps.config.linkage.telephonySecret)
    const token = await fetch(`${h.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CLIENT.redirectUri }).toString(),
    })
    expect(token.status).toBe(200)
    expect(token.headers.get('cache-control')).toBe('no-store')
    const { access_token: accessToken } = (await token.json()) as { access_token: string }
    const accounts = await fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${accessToken}` } })
    const [account] = ((await accounts.json()) as { accounts: { id: string; balance: number }[] }).accounts
    expect(account!.balance).toBeTypeOf('number')
    expect(accounts.headers.get('cache-control')).toBe('no-store')
    const transactions = await fetch(`${h.url}/v1/accounts/${account!.id}/transactions`, { headers: { authorization: `Bearer ${accessToken}` } })
    expect(transactions.status).toBe(200)
    expect(transactions.headers.get('cache-control')).toBe('no-store')
  })

  it('SEC-05 a Host header never makes the cookie Secure or turns HSTS on', async () => {
    const response = await rawGet(h.url, authorizeUrl({ challenge: pkce().challenge }), { host: 'linkage.mire-shinkumi.example', 'x-forwarded-proto': 'https' })
    expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/)
    expect(response.headers['strict-transport-security']).toBeUndefined()
  })

  it('SEC-05 without TRUST_PROXY, X-Forwarded-For is ignored: the audit records the socket address', async () => {
    await staffSignInFrom(h, '203.0.113.7')
    expect(await lastSignInAddress(h)).toBe('127.0.0.1')
  })

  it('SEC-08 a sane X-Request-Id is kept and returned; anything else is replaced by a fresh id', async () => {
    const kept = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'lb-4f1c:ab.12_x' } })
    expect(kept.headers.get('x-request-id')).toBe('lb-4f1c:ab.12_x')
    for (const bad of ['a'.repeat(129), 'two words', 'line"quote', '']) {
      const replaced = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': bad } })
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
    const made = await fetch(`${h.url}/no/such/route`)
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('SEC-08 /metrics is open when METRICS_TOKEN is not set', async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(200)
  })
})

async function staffSignInFrom(h: Harness, forwardedFor: string): Promise<void> {
  const response = await fetch(`${h.url}/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ staffId: 'nobody01', password: 'wrong-password', otp: '000000' }),
  })
  expect(response.status).toBeGreaterThanOrEqual(400)
}

async function lastSignInAddress(h: Harness): Promise<string> {
  const entry = await h.deps.db.selectFrom('staff_audit').select('ip').where('action', '=', 'staff.sign-in').orderBy('seq', 'desc').executeTakeFirstOrThrow()
  return entry.ip
}

describe('SEC-05 published over https behind a trusted proxy', () => {
  let h: Harness
  const metricsToken = randomBytes(24).toString('base64url')
  beforeAll(async () => {
    h = await startHarness(SQLITE, { manualClock: true, env: { PUBLIC_URL: PUBLIC_HTTPS, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', METRICS_TOKEN: metricsToken } })
    await withinHours(h)
  })
  afterAll(() => h.close())

  it('SEC-05 PUBLIC_URL https: HSTS on every answer and a Secure linkage cookie', async () => {
    for (const path of ['/healthz', '/no/such/route', '/linkage/faq']) {
      const response = await fetch(`${h.url}${path}`)
      expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains')
    }
    const authorize = await rawGet(h.url, authorizeUrl({ challenge: pkce().challenge }))
    expect(String(authorize.headers['set-cookie'])).toMatch(/; Secure/)
  })

  it('SEC-05 TRUST_PROXY: the address a trusted proxy forwards is the client address', async () => {
    await staffSignInFrom(h, '203.0.113.7')
    expect(await lastSignInAddress(h)).toBe('203.0.113.7')
  })

  it('SEC-08 METRICS_TOKEN: /metrics answers 401 without the bearer token and the figures with it', async () => {
    expect((await fetch(`${h.url}/metrics`)).status).toBe(401)
    expect((await fetch(`${h.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    const allowed = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
    expect(allowed.status).toBe(200)
    expect(await allowed.text()).toContain('shinkumi_build_info')
  })
})

describe('SEC-05 configuration', () => {
  const production = { NODE_ENV: 'production', SEED_KEY: randomBytes(32).toString('base64'), TELEPHONY_SECRET: 'x'.repeat(32) }

  it('SEC-05 production refuses to start without an https PUBLIC_URL', () => {
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL/)
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://otp.mire-shinkumi.example' })).toThrow(/PUBLIC_URL/)
    expect(loadConfig({ ...production, PUBLIC_URL: PUBLIC_HTTPS }).publicUrl).toBe(PUBLIC_HTTPS)
  })

  it('SEC-05 TRUST_PROXY takes addresses and CIDRs only', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,192.168.1.1, ::1, fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.1', '::1', 'fd00::/8'])
    expect(loadConfig({}).trustProxy).toEqual([])
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example', '1.2.3.4/8/9']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/)
  })

  it('PUBLIC_URL defaults to loopback on the configured port', () => {
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://127.0.0.1:9000')
  })
})
