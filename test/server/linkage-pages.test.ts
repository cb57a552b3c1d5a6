import http from 'node:http'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import { addMaintenanceWindow } from '../../server/src/linkage/maintenance.ts'
import { html } from '../../server/src/linkage/html.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { LinkageBrowser, TARO, authorizeUrl, pkce } from './linkage-client.ts'

it('LNK-02 the html template escapes everything interpolated', () => {
  const evil = '<script>alert("x")</script>&\''
  expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
  )
  expect(html`<ul>${['a<b', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>a&lt;b<li>ok</li></ul>')
})

describeOnEachDatabase('API linkage pages: session, CSRF, CSP, hours', (target) => {
  let h: Harness
  const clock = () => h.deps.clock as ManualClock

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    clock().set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
  })
  afterAll(() => h.close())

  it('LNK-01 the session cookie is HttpOnly and SameSite=Lax, Secure only when published over https (SEC-05); pages carry a strict CSP', async () => {
    const path = authorizeUrl({ challenge: pkce().challenge })
    const loopback = await fetch(`${h.url}${path}`, { redirect: 'manual' })
    const cookie = loopback.headers.get('set-cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const remote = await new Promise<http.IncomingMessage>((resolve) => http.get(`${h.url}${path}`, { headers: { host: 'linkage.mire-shinkumi.example' } }, resolve))
    // SEC-05: a Host header chosen by the caller decides nothing; PUBLIC_URL does (http-headers.test.ts).
    expect(String(remote.headers['set-cookie'])).not.toMatch(/Secure/)
    remote.resume()

    const browser = new LinkageBrowser(h.url)
    await browser.request(path)
    const page = await fetch(`${h.url}/linkage`, { headers: { cookie: browser.cookie } })
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("form-action 'self' http://127.0.0.1:8790")
    expect(await page.text()).not.toMatch(/<script>|style=/)
  })

  it("LNK-01 every POST needs the flow's CSRF token; a missing session means starting again", async () => {
    const browser = new LinkageBrowser(h.url)
    await browser.open(authorizeUrl({ challenge: pkce().challenge }))
    const forged = await browser.request('/linkage/account', { form: { csrf: 'x'.repeat(43), branch: TARO.branch, type: 'ordinary', accountNumber: TARO.accountNumber } })
    expect(forged.status).toBe(403)
    const none = await browser.request('/linkage/account', { form: { branch: TARO.branch, type: 'ordinary', accountNumber: TARO.accountNumber } })
    expect(none.status).toBe(403)
    expect((await browser.open('/linkage')).html).toContain('SOA201')
    const stranger = new LinkageBrowser(h.url)
    const page = await stranger.request('/linkage/account', { form: { csrf: 'x', branch: '115', type: 'ordinary', accountNumber: '1100026' } })
    expect(page.status).toBe(400)
    expect(page.html).toContain('API連携認証の最初に戻って操作してください。')
  })

  it('LNK-01 a flow expires (service clock)', async () => {
    const browser = new LinkageBrowser(h.url)
    await browser.open(authorizeUrl({ challenge: pkce().challenge }))
    const start = h.deps.clock.now()
    clock().set(new Date(start.getTime() + h.deps.config.linkage.flowTtlSeconds * 1000 + 1000))
    expect((await browser.open('/linkage')).html).toContain('API連携認証の最初に戻って操作してください。')
    clock().set(start)
  })

  it('LNK-05 a maintenance window set by staff closes the pages', async () => {
    const now = h.deps.clock.now()
    await addMaintenanceWindow(h.deps.db, { startsAt: now, endsAt: new Date(now.getTime() + 3_600_000), reason: 'test', createdBy: 'staff-1' }, now)
    const page = await new LinkageBrowser(h.url).request(authorizeUrl({ challenge: pkce().challenge }))
    expect(page.status).toBe(503)
    expect(page.html).toContain('ただ今の時間はサービスを行っていません。ご了承下さい。')
    clock().set(new Date(now.getTime() + 3_600_000))
    expect((await new LinkageBrowser(h.url).open(authorizeUrl({ challenge: pkce().challenge }))).html).toContain('SOA201')
  })

  it('LNK-03 full-width katakana and hiragana names are converted; full-width digits accepted', async () => {
    for (const name of ['データ　タロウ', 'でーた たろう', 'ﾃﾞｰﾀﾀﾛｳ']) {
      const browser = new LinkageBrowser(h.url)
      await browser.open(authorizeUrl({ challenge: pkce().challenge }))
      await browser.submit('/linkage/account', { branch: '１１５', type: 'ordinary', accountNumber: '１１０００２６' })
      const page = await browser.submit('/linkage/customer', {
        name,
        birthYear: '1980',
        birthMonth: '04',
        birthDay: '01',
        phone: '090-1111-3333',
        email: 'taro@example.jp',
        emailConfirm: 'taro@example.jp',
      })
      expect(page.html).toContain('SOA208')
    }
  })

  it('LNK-03 malformed input is shown on its field and is not a failure', async () => {
    const browser = new LinkageBrowser(h.url)
    await browser.open(authorizeUrl({ challenge: pkce().challenge }))
    await browser.submit('/linkage/account', { branch: '115', type: 'ordinary', accountNumber: '1100026' })
    const page = await browser.submit('/linkage/customer', {
      name: '山田',
      birthYear: '1980',
      birthMonth: '02',
      birthDay: '30',
      phone: '123',
      email: 'not-mail',
      emailConfirm: 'x@example.jp',
    })
    expect(page.html).toContain('半角カタカナで入力して下さい。')
    expect(page.html).toContain('正しい生年月日を入力して下さい。')
    expect(page.html).toContain('半角数字10桁または11桁で入力して下さい。')
    expect(page.html).toContain('正しいメールアドレスを64文字以内で入力して下さい。')
    expect(await h.deps.db.selectFrom('linkage_locks').selectAll().execute()).toEqual([])
  })
})
