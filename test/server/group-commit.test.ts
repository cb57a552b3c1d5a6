// Issue 12, SPEC §5: the verify path's writes on SQLite commit in groups (server/src/db/group-commit.ts) — many
// verifications share one durable commit — and each keeps its own outcome: a code is still valid exactly once, a
// failure is still counted exactly once, and a write that fails fails alone. On PostgreSQL the writes commit as before.
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CompiledQuery } from 'kysely'
import { groupCommitted } from '../../server/src/db/group-commit.ts'
import { verifyOtp as verifyCode } from '../../server/src/otp/verify.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'

const T0 = new Date()
const COUNT = 24

describeOnEachDatabase('group commit of the verify path', (target) => {
  let h: Harness
  let rpKey: string
  const statements: string[] = []
  const tokens: { userId: string; token: ProvisionedToken }[] = []
  const begins = () => statements.filter((s) => /^begin/i.test(s)).length

  beforeAll(async () => {
    h = await startHarness(target, { onQuery: (query: CompiledQuery) => statements.push(query.sql) })
    await addService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
    for (let i = 0; i < COUNT; i++) {
      const userId = `group${i}`
      const { activationPassword } = await issue(h.deps, userId)
      tokens.push({ userId, token: await setUpToken(h.url, { serviceId: SERVICE_ID, userId, activationPassword, deviceTime: T0 }) })
    }
  })
  afterAll(() => h.close())

  const verifyAll = (otp: (t: { token: ProvisionedToken }) => string) =>
    Promise.all(tokens.map((t) => verifyOtp(h.url, rpKey, { serviceId: SERVICE_ID, userId: t.userId, otp: otp(t) })))

  it('SVC-04 concurrent verifications of different customers are each valid once, in one commit on SQLite', async () => {
    const before = begins()
    // Started in one turn of the event loop, as requests read together from the sockets are.
    const verdicts = await Promise.all(tokens.map(({ userId, token }) => verifyCode(h.deps, { serviceId: SERVICE_ID, userId, otp: token.codeAt(new Date()) })))
    expect(verdicts).toEqual(tokens.map(() => ({ valid: true })))
    const transactions = begins() - before
    // SQLite: the writes that arrived together shared one commit. PostgreSQL: each UPDATE commits on its own.
    expect(transactions).toBe(target.kind === 'sqlite' ? 1 : 0)
    // Durable and exactly once: the same codes again are replays.
    const again = await verifyAll(({ token }) => token.codeAt(new Date()))
    expect(new Set(again.map((a) => a.body.reason))).toEqual(new Set(['replayed']))
  })

  it('SVC-04 concurrent wrong codes in one group are each counted once', async () => {
    const failures = async () => (await h.deps.db.selectFrom('tokens').select(['user_id', 'failures']).where('user_id', 'like', 'group%').execute()).map((r) => r.failures)
    const before = await failures()
    const answers = await verifyAll(() => '00000000')
    expect(new Set(answers.map((a) => a.body.reason))).toEqual(new Set(['mismatch']))
    expect(await failures()).toEqual(before.map((n) => n + 1))
  })

  it('SPEC §5 a write that fails in a group fails alone; the others commit', async () => {
    const users = [tokens[0]!.userId, tokens[1]!.userId]
    const mark = (userId: string) => groupCommitted(h.deps.db, (trx) => trx.updateTable('tokens').set({ failed_at: 42 }).where('user_id', '=', userId).execute())
    const results = await Promise.allSettled([mark(users[0]!), groupCommitted(h.deps.db, (trx) => sql`update no_such_table set x = 1`.execute(trx)), mark(users[1]!)])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const marked = await h.deps.db.selectFrom('tokens').select('failed_at').where('user_id', 'in', users).execute()
    expect(marked).toEqual([{ failed_at: 42 }, { failed_at: 42 }])
  })
})
