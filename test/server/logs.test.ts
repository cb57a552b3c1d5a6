// SEC-08: no account number, name, phone, PIN, OTP or secret in any log line. The service runs as `npm run service`
// does (its own process, logging at info to stdout) on the harness's database; a customer's and a staff member's
// whole journey goes through it, and the captured log is searched for every value used.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, startHarness, type Harness } from './harness.ts'
import { setUpToken, verifyOtp, postJson } from './client.ts'
import { loadDemo } from '../../server/src/cli/demo.ts'
import { CLIENT, LinkageBrowser, TARO, authNumberOf, authorizeUrl, basic, inboundCall, pkce } from './linkage-client.ts'
import { staffCode, type DemoStaff } from './staff-client.ts'
import { startLoggingService, type LoggingService } from './logging-service.ts'

/** Within the linkage's service hours (a Wednesday, 14:00 JST). */
const AT = new Date('2026-11-18T05:00:00Z')

/** `value` as a log could hold it: as is, URL-encoded, or JSON-escaped. */
function forms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1)])]
}

/** Where a short number (PIN, OTP) stands alone — not inside a timestamp, a port or a request id. */
const standalone = (digits: string) => new RegExp(`(?<![0-9A-Za-z-])${digits}(?![0-9A-Za-z-])`)

// What is logged does not depend on the database, so one run (SQLite) is enough for this slow test.
describe('SEC-08 logs', () => {
  let h: Harness
  let service: LoggingService
  beforeAll(async () => {
    h = await startHarness(DATABASES[0]!)
    service = await startLoggingService(h.env)
  })
  afterAll(async () => {
    await service?.stop()
    await h.close()
  })

  it('SEC-08 a whole journey leaves no account number, name, phone, PIN, OTP or secret in the log', async () => {
    const base = service.url
    expect((await postJson(`${base}/__test__/clock`, { now: AT.toISOString() })).status).toBe(200)
    const demo = await loadDemo(h.deps)
    const secrets: string[] = [demo.relyingPartyKey as string, CLIENT.clientSecret, h.deps.config.linkage.telephonySecret]

    // 初期設定 and a login at internet banking.
    const yamada = (demo.customers as { userId?: string; activationPassword?: string }[]).find((c) => c.userId === 'yamada001')!
    const token = await setUpToken(base, { serviceId: 'SHINKUMI', userId: 'yamada001', activationPassword: yamada.activationPassword!, deviceTime: AT })
    const otp = token.codeAt(AT)
    expect((await verifyOtp(base, demo.relyingPartyKey as string, { serviceId: 'SHINKUMI', userId: 'yamada001', otp })).body).toEqual({ valid: true })
    secrets.push(yamada.activationPassword!)

    // API連携認証, then the fintech app reads the account.
    const browser = new LinkageBrowser(base)
    const { verifier, challenge } = pkce()
    await browser.open(authorizeUrl({ challenge }))
    await browser.submit('/linkage/account', { branch: TARO.branch, type: TARO.type, accountNumber: TARO.accountNumber })
    const email = 'taro.logcheck@example.jp'
    await browser.submit('/linkage/customer', {
      name: TARO.name,
      birthYear: TARO.birthYear,
      birthMonth: TARO.birthMonth,
      birthDay: TARO.birthDay,
      phone: TARO.phone,
      email,
      emailConfirm: email,
    })
    const to = authNumberOf((await browser.submit('/linkage/phone', {})).html)
    expect((await inboundCall(base, h.deps.config.linkage.telephonySecret, { from: TARO.phone, to, at: AT })).body.status).toBe('verified')
    await browser.submit('/linkage/call', {})
    await browser.submit('/linkage/pin', { pin: TARO.pin })
    const consent = await browser.request('/linkage/consent', { form: { csrf: await browser.csrf(), agree: 'yes' } })
    const code = new URL(consent.location!).searchParams.get('code')!
    const exchanged = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CLIENT.redirectUri }).toString(),
    })
    const { access_token: accessToken } = (await exchanged.json()) as { access_token: string }
    const accounts = (await (await fetch(`${base}/v1/accounts`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { accounts: { id: string }[] }
    await fetch(`${base}/v1/accounts/${accounts.accounts[0]!.id}/transactions?from=2026-09-01&to=2026-11-18`, { headers: { authorization: `Bearer ${accessToken}` } })
    secrets.push(code, verifier, accessToken, browser.cookie.split('=')[1]!)

    // A teller finds the customer by account number.
    const teller = (demo.staff as DemoStaff[]).find((s) => s.staffId === 'teller01')!
    const staffOtp = staffCode(teller.totpSecret, AT)
    const signIn = await postJson<{ token: string }>(`${base}/v1/staff/session`, { staffId: teller.staffId, password: teller.password, otp: staffOtp })
    expect(signIn.status).toBe(200)
    const search = await postJson(
      `${base}/v1/staff/customers/search`,
      { by: 'account', branch: TARO.branch, accountNumber: TARO.accountNumber },
      { authorization: `Bearer ${signIn.body.token}` },
    )
    expect(search.status).toBe(200)
    secrets.push(teller.password, teller.totpSecret, signIn.body.token)

    // Whatever a caller puts in a query string stays out of the log too.
    await fetch(`${base}/no/such/route?accountNumber=${TARO.accountNumber}&phone=${TARO.phone}&name=${encodeURIComponent(TARO.name)}`)

    await new Promise((resolve) => setTimeout(resolve, 200)) // the last lines reach stdout
    const log = service.log()
    expect(log).toMatch(/"msg":"request completed"/)
    expect(log).toMatch(/"reqId":"[0-9a-f-]{36}"/)
    const personal = [TARO.accountNumber, TARO.phone, TARO.name, 'ﾃﾞｰﾀ ﾀﾛｳ', 'ﾃﾞｰﾀ', email]
    for (const value of [...personal, ...secrets]) {
      for (const form of forms(value)) expect(log.includes(form), `"${form}" is in the log`).toBe(false)
    }
    for (const digits of [TARO.pin, otp, staffOtp]) expect(log, digits).not.toMatch(standalone(digits))
  }, 90_000) // one of everything, each with its scrypt, through a second process: slow on a busy machine
})
