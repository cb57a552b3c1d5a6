import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { addBankCustomer, loadLinkageDemo, accountIdOf } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { messages } from '../../server/src/linkage/messages.ts'
import { advanceUnlessLocked } from '../../server/src/linkage/flow.ts'
import { recordFailure } from '../../server/src/linkage/lock.ts'
import { LinkageBrowser, authorizeUrl, inboundCall, pkce } from './linkage-client.ts'

const B84 = messages.locked

/** The message of the seed's エラー dialog shown open with the page (undefined when there is none). */
const errorDialogOf = (html: string) => /<dialog id="error-dialog"[^>]* open[^>]*>\s*<p[^>]*>エラー<\/p>\s*<p>([^<]*)<\/p>/.exec(html)?.[1]

describeOnEachDatabase('LNK-04 identity failures and the API-linkage lock', (target) => {
  let h: Harness
  const clock = () => h.deps.clock as ManualClock
  let n = 0

  /** A customer of its own for each test, so the tests' counters do not meet. */
  async function newCustomer() {
    n += 1
    const accountNumber = String(3_000_000 + n)
    const phone = `090${String(10_000_000 + n)}`
    await addBankCustomer(
      h.deps.db,
      { customerId: `lock-${n}`, nameKana: 'ﾛｯｸ ﾃｽﾄ', birthDate: '1985-06-15', phone, accounts: [{ branch: '200', type: 'ordinary', accountNumber, pin: '2468', balance: 1000 }] },
      h.deps.clock.now(),
    )
    return { accountNumber, phone, accountId: accountIdOf({ branch: '200', type: 'ordinary', accountNumber }) }
  }

  async function atCustomerScreen(accountNumber: string) {
    const browser = new LinkageBrowser(h.url)
    await browser.open(authorizeUrl({ challenge: pkce().challenge }))
    await browser.submit('/linkage/account', { branch: '200', type: 'ordinary', accountNumber })
    return browser
  }

  const answers = (phone: string, name = 'ロック テスト') => ({
    name,
    birthYear: '1985',
    birthMonth: '06',
    birthDay: '15',
    phone,
    email: 'lock@example.jp',
    emailConfirm: 'lock@example.jp',
  })

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true, env: { LINKAGE_MAX_FAILURES: '5' } })
    clock().set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
  })
  afterAll(() => h.close())

  it('LNK-04 message 1 for an unknown account, a moved account and an account without a cash card: raised on ② with the エラー dialog (not counted)', async () => {
    for (const [branch, accountNumber] of [
      ['115', '9999999'],
      ['011', '1111111'],
      ['115', '1100034'],
    ]) {
      const browser = new LinkageBrowser(h.url)
      await browser.open(authorizeUrl({ challenge: pkce().challenge }))
      await browser.submit('/linkage/account', { branch: branch!, type: 'ordinary', accountNumber: accountNumber! })
      const page = await browser.submit('/linkage/customer', answers('0312345678', 'シンクミ ハナコ'))
      expect(page.html).toContain('画面ID : SOA202')
      expect(errorDialogOf(page.html)).toBe(messages.accountNotHandled)
      // 科目 and 口座番号 are corrected on ①: [最初に戻る] takes the customer there.
      expect(page.html).toContain('action="/linkage/restart"')
      expect((await browser.submit('/linkage/restart', {})).html).toContain('画面ID : SOA201')
    }
    expect(await h.deps.db.selectFrom('linkage_locks').selectAll().execute()).toEqual([])
  })

  it('LNK-04 messages 2, 3 and then B84 for every attempt, even with the right answers', async () => {
    const c = await newCustomer()
    for (let i = 1; i <= 4; i++) {
      const page = await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone, 'チガウ ナマエ'))
      expect(errorDialogOf(page.html)).toBe(messages.identityWrong)
    }
    const fifth = await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone, 'チガウ ナマエ'))
    expect(fifth.html).toContain(messages.nowLocked)
    const right = await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone))
    expect(right.html).toContain(B84)
    expect(right.html).toContain('理由コードはB84です。')
  })

  it('LNK-04 the lock ends at the next 0:00 JST (service clock), and only then', async () => {
    const c = await newCustomer()
    clock().set(new Date('2026-11-18T14:30:00Z')) // 23:30 JST
    for (let i = 0; i < 5; i++) await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone, 'チガウ ナマエ'))
    const lock = await h.deps.db.selectFrom('linkage_locks').selectAll().where('account_id', '=', c.accountId).executeTakeFirstOrThrow()
    expect(new Date(lock.locked_until!).toISOString()).toBe('2026-11-18T15:00:00.000Z') // 0:00 JST on the 19th
    clock().set(new Date('2026-11-18T14:49:59Z')) // 23:49:59 JST, still the 18th
    expect((await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone))).html).toContain(B84)
    clock().set(new Date('2026-11-18T15:02:00Z')) // 0:02 JST on the 19th (0:00–0:01 is out of hours)
    const after = await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone))
    expect(after.html).toContain('SOA208')
    clock().set(new Date('2026-11-18T05:00:00Z'))
  })

  it('LNK-09 a wrong PIN is message 2 in the same エラー dialog as on ②, and counts toward the same lock', async () => {
    const c = await newCustomer()
    for (let i = 0; i < 3; i++) await (await atCustomerScreen(c.accountNumber)).submit('/linkage/customer', answers(c.phone, 'チガウ ナマエ'))
    const browser = await atCustomerScreen(c.accountNumber)
    await browser.submit('/linkage/customer', answers(c.phone))
    const callPage = await browser.submit('/linkage/phone', {})
    const to = callPage.html.match(/href="tel:(0\d+)"/)![1]!
    await inboundCall(h.url, h.deps.config.linkage.telephonySecret, { from: c.phone, to })
    await browser.submit('/linkage/call', {})
    const wrong = await browser.submit('/linkage/pin', { pin: '0000' })
    expect(wrong.html).toContain('画面ID : SOA211')
    expect(errorDialogOf(wrong.html)).toBe(messages.identityWrong)
    const fifth = await browser.submit('/linkage/pin', { pin: '1111' })
    expect(fifth.html).toContain(messages.nowLocked)
  })

  /** A flow of customer `c` on 画面⑤ (SOA211), its identity and call already passed. */
  async function atPinScreen(c: { accountNumber: string; phone: string }) {
    const browser = await atCustomerScreen(c.accountNumber)
    await browser.submit('/linkage/customer', answers(c.phone))
    const callPage = await browser.submit('/linkage/phone', {})
    const to = callPage.html.match(/href="tel:(0\d+)"/)![1]!
    await inboundCall(h.url, h.deps.config.linkage.telephonySecret, { from: c.phone, to })
    const pinPage = await browser.submit('/linkage/call', {})
    expect(pinPage.html).toContain('SOA211')
    return browser
  }

  it('LNK-09 a lock reached in another flow refuses the right PIN in a parallel flow, with the lock message', async () => {
    const c = await newCustomer()
    const parallel = await atPinScreen(c)
    const guessing = await atPinScreen(c)
    for (const pin of ['0000', '1111', '2222', '3333']) expect((await guessing.submit('/linkage/pin', { pin })).html).toContain(messages.identityWrong)
    expect((await guessing.submit('/linkage/pin', { pin: '4444' })).html).toContain(messages.nowLocked)
    const right = await parallel.submit('/linkage/pin', { pin: '2468' })
    expect(right.html).toContain(B84)
    expect(right.html).not.toContain('SOA206')
  })

  it('LNK-09 the statement that moves a flow past 画面⑤ refuses while the account is locked (no gap after the PIN check)', async () => {
    const c = await newCustomer()
    await atPinScreen(c)
    const flow = await h.deps.db.selectFrom('linkage_flows').select('flow_id').where('account_id', '=', c.accountId).where('step', '=', 'pin').executeTakeFirstOrThrow()
    // The PIN was checked while unlocked; the lock lands (another flow's guesses) before this flow moves on.
    for (let i = 0; i < 5; i++) await recordFailure(h.deps.db, c.accountId, h.deps.clock.now(), 5)
    expect(await advanceUnlessLocked(h.deps.db, flow.flow_id, c.accountId, 'pin', 'consent', h.deps.clock.now())).toBe(false)
    const still = await h.deps.db.selectFrom('linkage_flows').select('step').where('flow_id', '=', flow.flow_id).executeTakeFirstOrThrow()
    expect(still.step).toBe('pin')
  })

  it('LNK-09 PIN guesses sent at once from parallel flows are judged five times at most, then B84 (SPEC §5)', async () => {
    const c = await newCustomer()
    const flows = []
    for (let i = 0; i < 8; i++) flows.push(await atPinScreen(c))
    const csrfs = await Promise.all(flows.map((b) => b.csrf()))
    const pages = await Promise.all(flows.map((b, i) => b.submit('/linkage/pin', { pin: String(1000 + i) }, csrfs[i])))
    const count = (text: string) => pages.filter((p) => p.html.includes(text)).length
    expect(count(messages.identityWrong)).toBe(4)
    expect(count(messages.nowLocked)).toBe(1)
    expect(count(B84)).toBe(3)
    const lock = await h.deps.db.selectFrom('linkage_locks').selectAll().where('account_id', '=', c.accountId).executeTakeFirstOrThrow()
    expect(lock.failures).toBe(5)
  })

  it('LNK-04 concurrent failures lock exactly at the threshold (SPEC §5)', async () => {
    const c = await newCustomer()
    const browsers = await Promise.all(Array.from({ length: 16 }, () => atCustomerScreen(c.accountNumber)))
    const csrfs = await Promise.all(browsers.map((b) => b.csrf()))
    const pages = await Promise.all(browsers.map((b, i) => b.submit('/linkage/customer', answers(c.phone, 'チガウ ナマエ'), csrfs[i])))
    const count = (text: string) => pages.filter((p) => p.html.includes(text)).length
    expect(count(messages.identityWrong)).toBe(4)
    expect(count(messages.nowLocked)).toBe(1)
    expect(count(B84)).toBe(11)
    const lock = await h.deps.db.selectFrom('linkage_locks').selectAll().where('account_id', '=', c.accountId).executeTakeFirstOrThrow()
    expect(lock.failures).toBe(5)
  })
})
