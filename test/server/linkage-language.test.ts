// LNK-13: the linkage pages in English when the browser prefers it (or the customer chose it), Japanese by
// default; the language link on every page; the result mail in the page's language. Also the FAQ complete with
// the sending domain from MAIL_FROM (seed 004, 10.).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { preferredLanguage } from '../../server/src/linkage/language.ts'
import { messagesByLang } from '../../server/src/linkage/messages.ts'
import { LinkageBrowser, TARO, authNumberOf, authorizeUrl, completeFlow, inboundCall, pkce, decodeMime, type Page } from './linkage-client.ts'

const en = messagesByLang.en
const ja = messagesByLang.ja
/** Japanese that may stay on an English page: data (the client's name, the name example) and the link to 日本語. */
const ALLOWED_JAPANESE = ['しんくみ家計簿株式会社', 'ﾃﾞｰﾀ ﾀﾛｳ', '日本語']
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff9f]/

function expectEnglish(page: Page) {
  expect(page.html).toContain('<html lang="en">')
  const text = ALLOWED_JAPANESE.reduce((html, allowed) => html.replaceAll(allowed, ''), page.html)
  expect(text.match(new RegExp(`.{0,40}${JAPANESE.source}.{0,40}`))?.[0]).toBeUndefined()
  // The language link back to Japanese, written in Japanese.
  expect(page.html).toMatch(/<a class="language" href="\/linkage\/language\?lang=ja&amp;next=[^"]+" lang="ja" hreflang="ja">日本語<\/a>/)
}

describe('LNK-13 Accept-Language', () => {
  it('LNK-13 picks the first of our languages by preference; Japanese when none is named', () => {
    expect(preferredLanguage(undefined)).toBe('ja')
    expect(preferredLanguage('')).toBe('ja')
    expect(preferredLanguage('en-US,en;q=0.9')).toBe('en')
    expect(preferredLanguage('ja,en;q=0.8')).toBe('ja')
    expect(preferredLanguage('fr-CH, fr;q=0.9, en;q=0.8, ja;q=0.7')).toBe('en')
    expect(preferredLanguage('ja;q=0.5, en;q=0.9')).toBe('en')
    expect(preferredLanguage('en;q=0, ja')).toBe('ja')
    expect(preferredLanguage('de, *;q=0.5')).toBe('ja')
    expect(preferredLanguage('EN-gb')).toBe('en')
  })
})

describeOnEachDatabase('LNK-13 English linkage pages', (target) => {
  let h: Harness
  const clock = () => h.deps.clock as ManualClock

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true, env: { MAIL_FROM: 'ミレ信用組合 <no-reply@api.mire-shinkumi.example>' } })
    clock().set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
  })
  afterAll(() => h.close())

  it('LNK-13 Japanese stays the default: <html lang="ja"> and a link to English', async () => {
    const page = await new LinkageBrowser(h.url).open(authorizeUrl({ challenge: pkce().challenge }))
    expect(page.html).toContain('<html lang="ja">')
    expect(page.html).toContain('API連携認証（ご利用口座情報入力）')
    expect(page.html).toMatch(/<a class="language" href="\/linkage\/language\?lang=en&amp;next=%2Flinkage" lang="en" hreflang="en">English<\/a>/)
  })

  it('LNK-13 every screen of the flow, its messages and the 中止 page are English for a browser that prefers English', async () => {
    const browser = new LinkageBrowser(h.url, { language: 'en-US,en;q=0.9,ja;q=0.5' })
    const pages: Page[] = []
    const keep = (page: Page) => (pages.push(page), page)
    keep(await browser.open(authorizeUrl({ challenge: pkce().challenge })))
    expect(pages[0]!.html).toContain('API Linkage Authentication (Account information)')
    keep(await browser.submit('/linkage/account', { branch: '', type: 'ordinary', accountNumber: '12' }))
    expect(pages[1]!.html).toContain(en.missingDialog)
    expect(pages[1]!.html).toContain(en.accountNumberFormat)
    keep(await browser.submit('/linkage/account', { branch: TARO.branch, type: 'ordinary', accountNumber: TARO.accountNumber }))
    const customer = {
      name: TARO.name,
      birthYear: TARO.birthYear,
      birthMonth: TARO.birthMonth,
      birthDay: TARO.birthDay,
      phone: TARO.phone,
      email: 'taro@example.jp',
      emailConfirm: 'taro@example.jp',
    }
    const wrong = keep(await browser.submit('/linkage/customer', { ...customer, birthYear: '1981' }))
    expect(wrong.html).toContain(en.identityWrong)
    const phone = keep(await browser.submit('/linkage/customer', customer))
    expect(phone.html).toContain('Screen ID : SOA208')
    const call = keep(await browser.submit('/linkage/phone', {}))
    expect(keep(await browser.submit('/linkage/call', {})).html).toContain(en.waitingForCall)
    await inboundCall(h.url, h.deps.config.linkage.telephonySecret, { from: TARO.phone, to: authNumberOf(call.html) })
    keep(await browser.submit('/linkage/call', {}))
    expect(keep(await browser.submit('/linkage/pin', { pin: '9999' })).html).toContain(en.identityWrong)
    const consent = keep(await browser.submit('/linkage/pin', { pin: TARO.pin }))
    expect(consent.html).toContain('Screen ID : SOA206')
    const aborted = keep(await browser.submit('/linkage/abort', {}))
    expect(aborted.html).toContain(en.aborted)
    for (const page of pages) expectEnglish(page)
  })

  it('LNK-13 message pages, the FAQ and the terms are English too', async () => {
    const browser = new LinkageBrowser(h.url, { language: 'en' })
    expectEnglish(await browser.open('/linkage/faq'))
    expectEnglish(await browser.open('/linkage/terms'))
    const noFlow = await browser.open('/linkage')
    expect(noFlow.html).toContain(en.restart)
    expectEnglish(noFlow)
    const unknownClient = await browser.open(authorizeUrl({ challenge: pkce().challenge, clientId: 'nobody' }))
    expect(unknownClient.html).toContain(en.serviceUnavailable)
    expectEnglish(unknownClient)
    clock().set(new Date('2026-11-18T19:02:00Z')) // 4:02 JST: out of hours
    const closed = await browser.request(authorizeUrl({ challenge: pkce().challenge }))
    expect(closed.status).toBe(503)
    expect(closed.html).toContain(en.outOfHours)
    expectEnglish(closed)
    clock().set(new Date('2026-11-18T05:00:00Z'))
  })

  it('LNK-13 the language link switches and is remembered for the flow; the session, CSRF token and CSP are unchanged', async () => {
    const browser = new LinkageBrowser(h.url, { language: 'ja' })
    const first = await browser.open(authorizeUrl({ challenge: pkce().challenge }))
    const csrf = first.html.match(/name="csrf" value="([^"]+)"/)![1]!
    const link = first.html.match(/<a class="language" href="([^"]+)"/)![1]!.replaceAll('&amp;', '&')
    const switched = await browser.request(link)
    expect(switched.status).toBe(303)
    expect(switched.location).toBe('/linkage')
    const english = await browser.open('/linkage')
    expect(english.html).toContain('<html lang="en">')
    expect(english.html).toContain(`name="csrf" value="${csrf}"`)
    const response = await fetch(`${h.url}/linkage`, { headers: { cookie: browser.cookie } })
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(response.headers.get('content-language')).toBe('en')
    await response.text()
    const next = await browser.submit('/linkage/account', { branch: TARO.branch, type: 'ordinary', accountNumber: TARO.accountNumber }, csrf)
    expect(next.html).toContain('API Linkage Authentication (Customer information)')
    // And back: Japanese for the rest of the flow, whatever the browser prefers.
    await browser.open('/linkage/language?lang=ja&next=%2Flinkage')
    expect((await browser.open('/linkage')).html).toContain('API連携認証（お客様情報入力）')
  })

  it('LNK-13 the language link returns only to our own pages (no open redirect) and refuses unknown languages', async () => {
    const browser = new LinkageBrowser(h.url)
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/admin', 'javascript:alert(1)']) {
      const page = await browser.request(`/linkage/language?${new URLSearchParams({ lang: 'en', next })}`)
      expect(page.status).toBe(303)
      expect(page.location).toBe('/linkage')
    }
    expect((await browser.request('/linkage/language?lang=en&next=%2Flinkage%2Ffaq')).location).toBe('/linkage/faq')
    const bad = new LinkageBrowser(h.url)
    expect((await bad.request('/linkage/language?lang=fr')).location).toBe('/linkage')
    expect(bad.cookie).toBe('')
  })

  it("LNK-13 LNK-11 the result mail follows the page's language", async () => {
    const outbox = path.join(h.deps.config.dataDir, 'outbox')
    const mails = () => (fs.existsSync(outbox) ? fs.readdirSync(outbox).map((f) => fs.readFileSync(path.join(outbox, f), 'utf8')) : [])
    await completeFlow(h.url, h.deps.config.linkage.telephonySecret, undefined, 'en-GB,en')
    await expect.poll(() => mails().length).toBe(1)
    const english = decodeMime(mails()[0]!)
    expect(english).toContain(en.mail.completed)
    expect(english).toContain('115 Ordinary deposit ****026')
    await completeFlow(h.url, h.deps.config.linkage.telephonySecret)
    await expect.poll(() => mails().length).toBe(2)
    expect(
      mails()
        .map(decodeMime)
        .some((m) => m.includes(ja.mail.completed) && m.includes('115 普通預金 ****026')),
    ).toBe(true)
  })

  it('LNK-02 the FAQ is complete (seed 004, 10.) and names the sending domain of MAIL_FROM', async () => {
    const faq = (await new LinkageBrowser(h.url).open('/linkage/faq')).html
    for (const question of [
      '(Q4) ・誤ったカナ氏名で登録してしまったので修正したい。',
      '(Q5) ・誤ったメールアドレスで登録してしまったので修正したい。',
      '(Q3) アプリで一度照会した(取込んだ)取引明細はいつまで見れるのか。',
      '(Q1) アプリをアンインストールした。アプリ事業者と口座の連携は、即時に解除されるのか。',
      '(Q2) スマートフォンの機種変更をする(した)。どうすればよいか。',
    ]) {
      expect(faq).toContain(question)
    }
    expect(faq).toContain('4. その他')
    expect(faq).toContain('スマートフォンのメール受信設定等にて以下のドメインからの受信ができるよう設定をお願い致します。')
    expect(faq).toContain('【@api.mire-shinkumi.example】')
    expect(faq.match(/class="qa"/g)).toHaveLength(12)
  })
})
