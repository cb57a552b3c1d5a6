// SEC-02 / LNK-06: linkage capacity cannot be taken by anonymous authorization requests. A flow holds capacity only
// once 画面① is submitted; one nobody answers ① for ends within 10 minutes; flows past ① are capped per client and
// per source address. Requests come in through app.inject from chosen source addresses.
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ManualClock } from '../../server/src/clock.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { LinkageBrowser, TARO, authorizeUrl, pkce } from './linkage-client.ts'

const WEEKDAY_AFTERNOON = new Date('2026-11-18T05:00:00Z')
const BUSY = 'ただ今受付が混雑しておりますので、しばらくしてからご利用下さい。'
const ATTACKER = '203.0.113.66'

describeOnEachDatabase('linkage capacity', (target) => {
  let h: Harness
  const browserFrom = (address: string) => new LinkageBrowser(h.url, { from: { app: h.app, address } })
  /** 画面① as a customer would answer it; the page that follows. */
  const submitAccount = (browser: LinkageBrowser) => browser.submit('/linkage/account', { branch: TARO.branch, type: TARO.type, accountNumber: TARO.accountNumber })

  beforeAll(async () => {
    // The real rate limits, with a window short enough for the test to wait out one Retry-After; two flows past
    // ① per address and three per client, so the caps show with few requests.
    h = await startHarness(target, {
      manualClock: true,
      rateLimits: 'real',
      env: { RATE_LIMIT_WINDOW_SECONDS: '3', LINKAGE_MAX_FLOWS_PER_ADDRESS: '2', LINKAGE_MAX_FLOWS_PER_CLIENT: '3' },
    })
    ;(h.deps.clock as ManualClock).set(WEEKDAY_AFTERNOON)
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
  })
  afterAll(() => h.close())

  it('SEC-02 LNK-06 after 400 anonymous authorization requests from one address, a customer there is served 画面① (after at most one Retry-After ≤ 60 s)', async () => {
    const statuses = new Map<number, number>()
    for (let i = 0; i < 400; i++) {
      const page = await browserFrom(ATTACKER).request(authorizeUrl({ challenge: pkce().challenge }))
      statuses.set(page.status, (statuses.get(page.status) ?? 0) + 1)
    }
    // Some became flows (more than the per-address cap of 2), the rest met the rate limit; none was a 503.
    expect(statuses.get(303)).toBeGreaterThan(2)
    expect([...statuses.keys()].sort()).toEqual(statuses.size === 1 ? [303] : [303, 429])

    const ask = () => h.app.inject({ url: authorizeUrl({ challenge: pkce().challenge }), remoteAddress: ATTACKER })
    let answer = await ask()
    if (answer.statusCode === 429) {
      const retryAfter = Number(answer.headers['retry-after'])
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(answer.body).toContain(BUSY)
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000))
      answer = await ask()
    }
    expect(answer.statusCode).toBe(303)
    const customer = browserFrom(ATTACKER)
    customer.cookie = String(answer.headers['set-cookie']).split(';')[0]!
    const screen = await customer.open('/linkage')
    expect(screen.html).toContain('SOA201')
    expect((await submitAccount(customer)).html).toContain('SOA202')
  })

  it('SEC-02 an authorization request nobody answers 画面① for ends within 10 minutes; a submitted one lives the full flow lifetime', async () => {
    const idle = browserFrom('198.51.100.1')
    await idle.open(authorizeUrl({ challenge: pkce().challenge }))
    const rows = await h.deps.db.selectFrom('linkage_flows').select(['step', 'created_at', 'expires_at']).where('source_address', '=', '198.51.100.1').execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.expires_at - rows[0]!.created_at).toBeLessThanOrEqual(10 * 60_000)
    await submitAccount(idle)
    const submitted = await h.deps.db.selectFrom('linkage_flows').select(['step', 'expires_at']).where('source_address', '=', '198.51.100.1').executeTakeFirstOrThrow()
    expect(submitted).toEqual({ step: 'customer', expires_at: h.deps.clock.now().getTime() + h.deps.config.linkage.flowTtlSeconds * 1000 })
  })

  it('SEC-02 LNK-06 flows past 画面① are capped per source address and per client: 503 with Retry-After, others still served', async () => {
    await h.deps.db.deleteFrom('linkage_flows').execute()
    const address = '198.51.100.2'
    for (let i = 0; i < 2; i++) {
      const browser = browserFrom(address)
      await browser.open(authorizeUrl({ challenge: pkce().challenge }))
      expect((await submitAccount(browser)).html).toContain('SOA202')
    }
    // The third from that address is told at once; one already at ① is told when it submits ①.
    const third = await h.app.inject({ url: authorizeUrl({ challenge: pkce().challenge }), remoteAddress: address })
    expect(third.statusCode).toBe(503)
    expect(third.headers['retry-after']).toBe('60')
    expect(third.body).toContain(BUSY)

    const elsewhere = browserFrom('198.51.100.3')
    expect((await elsewhere.open(authorizeUrl({ challenge: pkce().challenge }))).html).toContain('SOA201')
    const waiting = browserFrom('198.51.100.4')
    expect((await waiting.open(authorizeUrl({ challenge: pkce().challenge }))).html).toContain('SOA201')
    expect((await submitAccount(elsewhere)).html).toContain('SOA202')
    // The client now holds three flows past ①: its cap. The customer who waited at ① is told so on submitting.
    const refused = await submitAccount(waiting)
    expect(refused.status).toBe(503)
    expect(refused.html).toContain(BUSY)
    expect(refused.html).toContain('error=temporarily_unavailable')
  })
})
