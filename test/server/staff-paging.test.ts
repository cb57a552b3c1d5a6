// STF-03 / SCALE-01: the staff lists are cursor-paged and bounded — at most 100 rows an answer, `nextCursor`
// until the end — and walking the pages gives every row exactly once, newest first, as the unpaged list did.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadScaleData, SCALE_SERVICE } from '../../bench/scale-data.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { call, staffWorld } from './staff-client.ts'

const CUSTOMERS = 6_000

interface Page<T> {
  nextCursor: string | null
  rows: T[]
}

describeOnEachDatabase('STF-03 paged staff lists', (target) => {
  let h: Harness
  let tokens: { teller: string; supervisor: string; auditor: string }

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    const world = await staffWorld(h)
    await loadScaleData(h.deps, { count: CUSTOMERS, now: world.clock.now().getTime(), requestedBy: 'super01' })
    tokens = { teller: await world.tokenOf('teller01'), supervisor: await world.tokenOf('super01'), auditor: await world.tokenOf('audit01') }
  }, 120_000)
  afterAll(() => h.close())

  async function walk<T>(token: string, path: string, key: string, limit: number): Promise<Page<T>[]> {
    const pages: Page<T>[] = []
    let cursor: string | null = null
    do {
      const answer: { status: number; body: Record<string, unknown> } = await call(h.url, 'GET', `${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { token })
      expect(answer.status).toBe(200)
      const page = { rows: answer.body[key] as T[], nextCursor: answer.body.nextCursor as string | null }
      pages.push(page)
      cursor = page.nextCursor
    } while (cursor && pages.length < 100)
    return pages
  }

  it('SCALE-01 the locks list comes in pages: every lock once, newest first, each page bounded', async () => {
    const { db, config, clock } = h.deps
    const now = clock.now().getTime()
    const otp = await db
      .selectFrom('tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('failures', '>=', config.otpMaxFailures)
      .executeTakeFirstOrThrow()
    const linkage = await db
      .selectFrom('linkage_locks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('locked_until', '>', now)
      .executeTakeFirstOrThrow()
    const activation = await db
      .selectFrom('activations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('failures', '>=', config.activationMaxFailures)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow()
    const expected = Number(otp.n) + Number(linkage.n) + Number(activation.n)
    expect(Number(linkage.n) * Number(activation.n)).toBeGreaterThan(0)

    const pages = await walk<{ kind: string; label: string; lockedAt: string }>(tokens.teller, '/v1/staff/locks', 'items', 7)
    const items = pages.flatMap((p) => p.rows)
    expect(pages.every((p) => p.rows.length <= 7)).toBe(true)
    expect(pages.at(-1)!.nextCursor).toBeNull()
    expect(items).toHaveLength(expected)
    expect(new Set(items.map((i) => `${i.kind}:${i.label}`)).size).toBe(expected)
    const times = items.map((i) => Date.parse(i.lockedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['otp', 'linkage', 'activation']))
  })

  it('SCALE-01 a page holds at most 100 rows: 50 by default, more than 100 is refused, a forged cursor too', async () => {
    const first = await call<{ items: unknown[]; nextCursor: string }>(h.url, 'GET', '/v1/staff/locks', { token: tokens.teller })
    expect(first.body.items).toHaveLength(50)
    expect(first.body.nextCursor).toEqual(expect.any(String))
    expect((await call(h.url, 'GET', '/v1/staff/locks?limit=100', { token: tokens.teller })).status).toBe(200)
    expect((await call(h.url, 'GET', '/v1/staff/locks?limit=101', { token: tokens.teller })).body).toEqual({ code: 'BAD_REQUEST', message: expect.any(String) })
    for (const cursor of ['bm90LWpzb24', Buffer.from('["x"]').toString('base64url'), '%00']) {
      expect((await call(h.url, 'GET', `/v1/staff/locks?cursor=${cursor}`, { token: tokens.teller })).status).toBe(400)
    }
  })

  it('STF-05 the audit log and STF-02 the approvals come in pages too, newest first, each row once', async () => {
    const audit = (await walk<{ seq: number }>(tokens.auditor, '/v1/staff/audit', 'entries', 100)).slice(0, 3).flatMap((p) => p.rows.map((e) => e.seq))
    expect(audit).toHaveLength(300)
    expect(audit).toEqual([...new Set(audit)].sort((a, b) => b - a))

    const approvals = (await walk<{ approvalId: string; requestedAt: string; serviceId: string }>(tokens.supervisor, '/v1/staff/approvals', 'approvals', 1)).flatMap((p) => p.rows)
    expect(approvals.length).toBeGreaterThan(1)
    expect(new Set(approvals.map((a) => a.approvalId)).size).toBe(approvals.length)
    const times = approvals.map((a) => Date.parse(a.requestedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(approvals.every((a) => a.serviceId === SCALE_SERVICE)).toBe(true)
  })

  it('STF-03 search results are paged as well: two customers with the same 店番 + 口座番号 (普通 and 貯蓄), one a page', async () => {
    const now = h.deps.clock.now().getTime()
    await h.deps.db.insertInto('bank_customers').values({ customer_id: 'c0-savings', name_kana: 'ﾁｮﾁｸ ﾊﾅｺ', birth_date: '1990-01-01', phone: '09000000000', created_at: now }).execute()
    await h.deps.db
      .insertInto('bank_accounts')
      .values({
        account_id: 'a0-savings',
        customer_id: 'c0-savings',
        branch: '101',
        type: 'savings',
        account_number: '0000001',
        status: 'active',
        moved_to: null,
        balance: 0,
        created_at: now,
      })
      .execute()
    const search = (cursor?: string) =>
      call<{ customers: { ref: { customerId: string } }[]; nextCursor: string | null }>(h.url, 'POST', '/v1/staff/customers/search', {
        token: tokens.teller,
        body: { by: 'account', branch: '101', accountNumber: '0000001', limit: 1, cursor },
      })
    const first = await search()
    expect(first.body.customers.map((c) => c.ref.customerId)).toEqual(['c0-savings'])
    const second = await search(first.body.nextCursor!)
    expect(second.body).toMatchObject({ customers: [{ ref: { customerId: 'c1' } }], nextCursor: null })
  })
})
