// SEC-08: what operators see in GET /metrics after real traffic — verification outcomes, lockouts, the linkage
// funnel and its refusals, staff actions, mail and telephony failures, the database pool and the build — on each
// database. Counters are the process's own (several services run in this test process), so tests read deltas.
import net from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'
import { provision, newDevice, setUpToken, verifyOtp } from './client.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { LinkageBrowser, TARO, completeFlow, inboundCall } from './linkage-client.ts'

/** The value of one sample (`name{labels}`), 0 when it is not there yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

/** A port nothing listens on: mail sent there fails at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describeOnEachDatabase('SEC-08 operators’ metrics', (target) => {
  let h: Harness
  const metrics = async () => (await fetch(`${h.url}/metrics`)).text()
  const now = () => h.deps.clock.now()

  beforeAll(async () => {
    const env = { OTP_MAX_FAILURES: '2', ACTIVATION_MAX_FAILURES: '1', SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` }
    h = await startHarness(target, { manualClock: true, env })
    ;(h.deps.clock as ManualClock).set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, now())
    await addService(h.deps)
  })
  afterAll(() => h.close())

  it('SEC-08 verification outcomes by reason and OTP/activation lockouts, each counted once', async () => {
    const before = await metrics()
    const rpKey = await addRelyingPartyKey(h.deps)
    const issued = await issue(h.deps, 'metrics01')
    const token = await setUpToken(h.url, { serviceId: SERVICE_ID, userId: 'metrics01', activationPassword: issued.activationPassword, deviceTime: now() })
    const verify = (otp: string) => verifyOtp(h.url, rpKey, { serviceId: SERVICE_ID, userId: 'metrics01', otp })
    expect((await verify(token.codeAt(now()))).body).toEqual({ valid: true })
    expect((await verify('00000000')).body.reason).toBe('mismatch')
    expect((await verify('00000001')).body.reason).toBe('mismatch') // the second failure reaches OTP_MAX_FAILURES=2
    expect((await verify('00000002')).body.reason).toBe('locked')
    const { activationPassword } = await issue(h.deps, 'metrics02')
    const wrong = activationPassword.slice(0, -1) + (activationPassword.endsWith('Z') ? 'Y' : 'Z')
    await provision(h.url, await newDevice(), { serviceId: SERVICE_ID, userId: 'metrics02', activationPassword: wrong, deviceTime: now() })
    const after = await metrics()
    const delta = (series: string) => sample(after, series) - sample(before, series)
    expect(delta('shinkumi_otp_verifications_total{outcome="valid"}')).toBe(1)
    expect(delta('shinkumi_otp_verifications_total{outcome="mismatch"}')).toBe(2)
    expect(delta('shinkumi_otp_verifications_total{outcome="locked"}')).toBe(1)
    expect(delta('shinkumi_lockouts_total{kind="otp"}')).toBe(1)
    expect(delta('shinkumi_lockouts_total{kind="activation"}')).toBe(1)
  })

  it('SEC-08 the linkage funnel, refusals by message, telephony and mail failures', async () => {
    const before = await metrics()
    await completeFlow(h.url, h.deps.config.linkage.telephonySecret)
    const stranger = new LinkageBrowser(h.url)
    expect((await stranger.request('/linkage/account', { form: { csrf: 'x', branch: TARO.branch } })).status).toBe(400)
    expect((await inboundCall(h.url, h.deps.config.linkage.telephonySecret, { from: TARO.phone, to: '0120000111' }, 'sha256=00')).status).toBe(401)
    // The result mail goes to an SMTP port nothing listens on; the customer's journey does not wait for it.
    let after = await metrics()
    for (let i = 0; i < 50 && sample(after, 'shinkumi_mail_failures_total') === sample(before, 'shinkumi_mail_failures_total'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      after = await metrics()
    }
    const delta = (series: string) => sample(after, series) - sample(before, series)
    for (const step of ['account', 'customer', 'phone', 'call', 'pin', 'consent', 'done']) expect(delta(`shinkumi_linkage_steps_total{step="${step}"}`), step).toBe(1)
    expect(delta('shinkumi_linkage_refusals_total{message="restart"}')).toBe(1)
    expect(delta('shinkumi_telephony_failures_total{reason="invalid_signature"}')).toBe(1)
    expect(delta('shinkumi_mail_failures_total')).toBe(1)
  })

  it('SEC-08 staff actions by kind, the database pool and the build', async () => {
    const before = await metrics()
    await fetch(`${h.url}/v1/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'nobody01', password: 'wrong-password', otp: '000000' }),
    })
    const after = await metrics()
    expect(sample(after, 'shinkumi_staff_actions_total{action="staff.sign-in"}') - sample(before, 'shinkumi_staff_actions_total{action="staff.sign-in"}')).toBe(1)
    expect(after).toMatch(/^shinkumi_build_info\{version="\d+\.\d+\.\d+",node="[\d.]+"\} 1$/m)
    if (target.kind === 'postgres') expect(sample(after, 'shinkumi_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1)
    expect(after).toContain('shinkumi_db_pool_connections{state="waiting"}')
  })
})
