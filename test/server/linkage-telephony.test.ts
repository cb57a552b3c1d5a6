import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { LinkageBrowser, TARO, inboundCall, pkce, reachCallScreen } from './linkage-client.ts'

describeOnEachDatabase('SVC-05 telephony webhook', (target) => {
  let h: Harness
  let secret: string
  const clock = () => h.deps.clock as ManualClock
  const calls = () => h.deps.db.selectFrom('telephony_calls').selectAll().execute()
  // Each test starts 10 minutes after the last one, so no earlier flow still waits for a call.
  const callScreen = async () => {
    clock().set(new Date(h.deps.clock.now().getTime() + 600_000))
    const browser = new LinkageBrowser(h.url)
    const to = await reachCallScreen(browser, pkce().challenge)
    return { browser, to }
  }
  const confirm = (browser: LinkageBrowser) => browser.submit('/linkage/call', {})

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    clock().set(new Date('2026-11-18T01:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
    secret = h.deps.config.linkage.telephonySecret
  })
  afterAll(() => h.close())

  it('SVC-05 a bad or missing signature is 401 and nothing is recorded', async () => {
    const before = (await calls()).length
    const { to } = await callScreen()
    expect((await inboundCall(h.url, secret, { from: TARO.phone, to }, `sha256=${'0'.repeat(64)}`)).status).toBe(401)
    expect((await inboundCall(h.url, 'another-secret-of-16+', { from: TARO.phone, to })).status).toBe(401)
    expect((await inboundCall(h.url, secret, { from: TARO.phone, to }, 'garbage')).status).toBe(401)
    expect((await calls()).length).toBe(before)
  })

  it('SVC-05 the same callId twice counts once', async () => {
    const { browser, to } = await callScreen()
    const callId = crypto.randomUUID()
    const first = await inboundCall(h.url, secret, { callId, from: TARO.phone, to })
    const second = await inboundCall(h.url, secret, { callId, from: TARO.phone, to })
    expect([first.body.status, second.body.status]).toEqual(['verified', 'duplicate'])
    expect((await calls()).filter((c) => c.call_id === callId)).toHaveLength(1)
    expect((await confirm(browser)).html).toContain('SOA211')
  })

  it('LNK-08 withheld caller ID (empty or anonymous) does not verify', async () => {
    const { browser, to } = await callScreen()
    expect((await inboundCall(h.url, secret, { from: 'anonymous', to })).body.status).toBe('withheld')
    expect((await inboundCall(h.url, secret, { from: '', to })).body.status).toBe('withheld')
    const page = await confirm(browser)
    expect(page.html).toContain('認証中（認証着信待ち）')
    expect(page.html).toContain('SOA209')
  })

  it('SVC-05 a call verifies only the flow waiting for that caller on that number', async () => {
    const { browser, to } = await callScreen()
    const other = to === '0120000111' ? '0120000222' : '0120000111'
    expect((await inboundCall(h.url, secret, { from: TARO.phone, to: other })).body.status).toBe('unmatched')
    expect((await inboundCall(h.url, secret, { from: '09099999999', to })).body.status).toBe('unmatched')
    expect((await confirm(browser)).html).toContain('認証中（認証着信待ち）')
    // E.164 from the provider is the same number.
    expect((await inboundCall(h.url, secret, { from: `+81${TARO.phone.slice(1)}`, to })).body.status).toBe('verified')
    expect((await confirm(browser)).html).toContain('SOA211')
  })

  it('LNK-08 after 120 s the call does not count and the flow restarts from the beginning', async () => {
    const { browser, to } = await callScreen()
    const start = h.deps.clock.now()
    clock().set(new Date(start.getTime() + 121_000))
    expect((await inboundCall(h.url, secret, { from: TARO.phone, to })).body.status).toBe('unmatched')
    const page = await confirm(browser)
    expect(page.html).toContain('・120秒経過後の架電')
    expect(page.html).toContain('・120秒経過後の「確定する」ボタン選択は無効となります。')
    expect(page.html).toContain('API連携認証の最初に戻って操作してください。')
    const again = await browser.submit('/linkage/restart', {})
    expect(again.html).toContain('SOA201')
  })

  it('LNK-08 a call at 120 s still counts (the window is inclusive)', async () => {
    const { browser, to } = await callScreen()
    const start = h.deps.clock.now()
    clock().set(new Date(start.getTime() + 120_000))
    expect((await inboundCall(h.url, secret, { from: TARO.phone, to })).body.status).toBe('verified')
    expect((await confirm(browser)).html).toContain('SOA211')
  })

  it('SVC-05 a call whose `at` is more than 5 minutes from the service clock is refused with a code, nothing recorded', async () => {
    const { browser, to } = await callScreen()
    const before = (await calls()).length
    const now = h.deps.clock.now().getTime()
    for (const offset of [-301_000, 301_000, -86_400_000]) {
      const refused = await inboundCall(h.url, secret, { from: TARO.phone, to, at: new Date(now + offset) })
      expect(refused).toEqual({ status: 400, body: { code: 'CALL_TIME_OUT_OF_RANGE', message: expect.any(String) } })
    }
    expect((await calls()).length).toBe(before)
    expect((await confirm(browser)).html).toContain('認証中（認証着信待ち）')
    expect((await inboundCall(h.url, secret, { from: TARO.phone, to, at: new Date(now - 299_000) })).body.status).toBe('verified')
  })

  it('SVC-05 callIds older than a day are pruned when later calls arrive', async () => {
    const old = crypto.randomUUID()
    await inboundCall(h.url, secret, { callId: old, from: '09099999999', to: '0120000111' })
    clock().set(new Date(h.deps.clock.now().getTime() + 23 * 3_600_000))
    await inboundCall(h.url, secret, { from: '09099999999', to: '0120000111' })
    expect((await calls()).map((c) => c.call_id)).toContain(old)
    clock().set(new Date(h.deps.clock.now().getTime() + 3_600_000 + 1000))
    const fresh = crypto.randomUUID()
    await inboundCall(h.url, secret, { callId: fresh, from: '09099999999', to: '0120000111' })
    const ids = (await calls()).map((c) => c.call_id)
    expect(ids).not.toContain(old)
    expect(ids).toContain(fresh)
  })
})
