// SEC-01: every route a stranger reaches is rate limited per source address and area (429 + Retry-After; the
// linkage pages show the seed's 混雑 page); relying parties have their own limit per key; with REDIS_URL every
// instance shares the counts. The limits are the real defaults, except where a small one keeps the test short.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { addRelyingPartyKey, addService, SERVICE_ID } from './fixtures.ts'

const BUSY = 'ただ今受付が混雑しておりますので、しばらくしてからご利用下さい。'

/** `count` requests from one address; the answers' statuses in order, and the last answer. */
async function hammer(h: Harness, count: number, request: { method?: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: unknown; address?: string }) {
  const statuses: number[] = []
  let last
  for (let i = 0; i < count; i++) {
    last = await h.app.inject({
      method: request.method ?? 'GET',
      url: request.url,
      headers: request.headers,
      payload: request.payload as string | undefined,
      remoteAddress: request.address ?? '192.0.2.10',
    })
    statuses.push(last.statusCode)
  }
  return { statuses, last: last! }
}

const retryAfterOf = (answer: { headers: Record<string, unknown> }) => Number(answer.headers['retry-after'])

describeOnEachDatabase('rate limits', (target) => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness(target, { rateLimits: 'real', env: { RATE_LIMIT_TELEPHONY: '5', RATE_LIMIT_RELYING_PARTY: '8' } })
    await addService(h.deps)
  })
  afterAll(() => h.close())

  it('SEC-01 provisioning: 30 setup attempts a minute from one address, the 31st gets 429 with Retry-After and a code', async () => {
    const { statuses, last } = await hammer(h, 31, { method: 'POST', url: '/v1/devices/provision', payload: {}, address: '192.0.2.1' })
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true)
    expect(last.statusCode).toBe(429)
    expect(last.headers['content-type']).toContain('application/json')
    expect(last.json()).toEqual({ code: 'RATE_LIMITED', message: expect.any(String) })
    expect(retryAfterOf(last)).toBeGreaterThan(0)
    expect(retryAfterOf(last)).toBeLessThanOrEqual(60)
    // Another address is not affected.
    expect((await hammer(h, 1, { method: 'POST', url: '/v1/devices/provision', payload: {}, address: '192.0.2.2' })).last.statusCode).toBe(400)
  })

  it('SEC-01 staff sign-in: 20 attempts a minute from one address, then 429', async () => {
    const { statuses, last } = await hammer(h, 21, { method: 'POST', url: '/v1/staff/session', payload: {}, address: '192.0.2.3' })
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true)
    expect(last.statusCode).toBe(429)
    expect(last.json()).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it("SEC-01 the linkage pages: 120 requests a minute from one address, then the seed's 混雑 page with 429 and Retry-After", async () => {
    const { statuses, last } = await hammer(h, 121, { url: '/linkage/faq', address: '192.0.2.4' })
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true)
    expect(last.statusCode).toBe(429)
    expect(last.headers['content-type']).toContain('text/html')
    expect(last.body).toContain(BUSY)
    expect(retryAfterOf(last)).toBeLessThanOrEqual(60)
    // /oauth/authorize is a linkage page too: same counter, same answer.
    const authorize = await hammer(h, 1, { url: '/oauth/authorize?client_id=x', address: '192.0.2.4' })
    expect(authorize.last.statusCode).toBe(429)
    expect(authorize.last.body).toContain(BUSY)
  })

  it('SEC-01 /oauth/*: 300 requests a minute from one address, then 429 in the OAuth error shape', async () => {
    const { statuses, last } = await hammer(h, 301, {
      method: 'POST',
      url: '/oauth/revoke',
      payload: 'token=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      address: '192.0.2.5',
    })
    expect(statuses.slice(0, 300).every((s) => s === 401)).toBe(true)
    expect(last.statusCode).toBe(429)
    expect(last.json()).toMatchObject({ error: 'temporarily_unavailable' })
    expect(retryAfterOf(last)).toBeGreaterThan(0)
  })

  it('SEC-01 the telephony webhook is limited by source address (small configured limit)', async () => {
    const { statuses, last } = await hammer(h, 6, { method: 'POST', url: '/v1/telephony/inbound-call', payload: {}, address: '192.0.2.6' })
    expect(statuses.slice(0, 5).every((s) => s === 401 || s === 400)).toBe(true)
    expect(last.statusCode).toBe(429)
    expect((await hammer(h, 1, { method: 'POST', url: '/v1/telephony/inbound-call', payload: {}, address: '192.0.2.7' })).last.statusCode).not.toBe(429)
  })

  it('SEC-01 relying parties have their own limit per key (small configured limit); strangers on their routes count per address', async () => {
    const keyA = await addRelyingPartyKey(h.deps)
    const keyB = await addRelyingPartyKey(h.deps)
    const verify = (key: string) => ({
      method: 'POST' as const,
      url: '/v1/otp/verify',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: { serviceId: SERVICE_ID, userId: 'nobody', otp: '12345678' },
      address: '192.0.2.8',
    })
    const a = await hammer(h, 9, verify(keyA))
    expect(a.statuses.slice(0, 8).every((s) => s === 200)).toBe(true)
    expect(a.last.statusCode).toBe(429)
    expect(a.last.json()).toMatchObject({ code: 'RATE_LIMITED' })
    // Same address, another key: a counter of its own. A wrong key counts against the address (600 by default).
    expect((await hammer(h, 1, verify(keyB))).last.statusCode).toBe(200)
    expect((await hammer(h, 1, verify('not-a-key'))).last.statusCode).toBe(401)
  })

  it('SEC-01 /healthz is never limited (load balancers and monitors probe it)', async () => {
    const { statuses } = await hammer(h, 700, { url: '/healthz', address: '192.0.2.9' })
    expect(statuses.every((s) => s === 200)).toBe(true)
  })
})

const redisUrl = process.env.TEST_REDIS_URL

describe.skipIf(!redisUrl)(`SEC-01 with Redis${redisUrl ? '' : ' (skipped: requires TEST_REDIS_URL)'}`, () => {
  const services: Harness[] = []

  beforeAll(async () => {
    // A key prefix of this run's own, so parallel runs on the same Redis do not share counters.
    const env = { REDIS_URL: redisUrl!, RATE_LIMIT_REDIS_PREFIX: `shinkumi-test-${randomBytes(6).toString('hex')}:`, RATE_LIMIT_PROVISIONING: '4' }
    for (let i = 0; i < 2; i++) services.push(await startHarness(DATABASES[0]!, { rateLimits: 'real', env }))
  })
  afterAll(async () => {
    for (const service of services) await service.close()
  })

  it('SEC-01 two service instances share one limit through Redis', async () => {
    const attempt = (h: Harness) => hammer(h, 1, { method: 'POST', url: '/v1/devices/provision', payload: {}, address: '192.0.2.20' })
    const [first, second] = services as [Harness, Harness]
    const answers = [await attempt(first), await attempt(second), await attempt(first), await attempt(second)]
    expect(answers.map((a) => a.last.statusCode)).toEqual([400, 400, 400, 400])
    // Each instance has seen only two requests, but together they have used the limit of four.
    expect((await attempt(first)).last.statusCode).toBe(429)
    expect((await attempt(second)).last.statusCode).toBe(429)
  })
})
