// Issue 12, SPEC §5: the verify path's writes commit in groups (server/src/db/group-commit.ts) on both databases —
// the writes of concurrent verifications share one statement and one durable commit, as their token lookups share
// one statement (otp/verify.ts) — and each keeps its own
// outcome: a code is still valid exactly once, a failure is still counted exactly once (and the lock comes exactly
// at the limit), two writes to one token see each other, and a write that fails fails alone.
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { CompiledQuery } from 'kysely'
import { groupCommitted, type GroupedWrite } from '../../server/src/db/group-commit.ts'
import { groupRows } from '../../server/src/db/group-rows.ts'
import { precompiled } from '../../server/src/db/precompiled.ts'
import { acceptStep, recordOtpFailure } from '../../server/src/tokens/store.ts'
import { verifyOtp as verifyCode } from '../../server/src/otp/verify.ts'
import { describeOnEachDatabase, startHarness, type DatabaseTarget, type Harness } from './harness.ts'
import { setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'

const T0 = new Date()
const COUNT = 24
const MAX_FAILURES = 10

describeOnEachDatabase('group commit of the verify path', (target) => {
  let h: Harness
  let rpKey: string
  const statements: string[] = []
  const tokens: { userId: string; token: ProvisionedToken }[] = []
  const begins = () => statements.filter((s) => /^begin/i.test(s)).length
  const lookups = () => statements.filter((s) => /^select .* inner join "tokens"/is.test(s)).length
  const updates = () => statements.filter((s) => /^update "tokens"/i.test(s)).length
  const tokenIds = async () => (await h.deps.db.selectFrom('tokens').select('token_id').where('user_id', 'like', 'group%').orderBy('user_id').execute()).map((r) => r.token_id)
  // Steps far past any code's: the writes below are tried directly, not through a verification.
  let stepsTaken = 0
  const nextStep = () => 1e9 + 10 * stepsTaken++

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

  it('SVC-04 concurrent verifications of different customers are each valid once; their lookups share one statement', async () => {
    const lookupsBefore = lookups()
    // Started in one turn of the event loop, as requests read together from the sockets are; one of a user
    // without a token among them.
    const verdicts = await Promise.all([
      ...tokens.map(({ userId, token }) => verifyCode(h.deps, { serviceId: SERVICE_ID, userId, otp: token.codeAt(new Date()) })),
      verifyCode(h.deps, { serviceId: SERVICE_ID, userId: 'nobody', otp: '12345678' }),
    ])
    expect(verdicts).toEqual([...tokens.map(() => ({ valid: true })), { valid: false, reason: 'unknown' }])
    expect(lookups() - lookupsBefore).toBe(1)
    // Durable and exactly once: the same codes again are replays.
    const again = await verifyAll(({ token }) => token.codeAt(new Date()))
    expect(new Set(again.map((a) => a.body.reason))).toEqual(new Set(['replayed']))
  })

  it('SPEC §5 writes queued together share one statement and one commit, each row under its own conditions', async () => {
    const ids = await tokenIds()
    const step = nextStep()
    const [before, beginsBefore] = [updates(), begins()]
    const accepted = await Promise.all(ids.map((id) => acceptStep(h.deps.db, id, step, MAX_FAILURES)))
    expect(accepted).toEqual(ids.map(() => true))
    expect(updates() - before).toBe(1)
    expect(begins() - beginsBefore).toBe(0)
    // The same step again: every row's condition (last_step < step) now fails, in one statement again.
    expect(await Promise.all(ids.map((id) => acceptStep(h.deps.db, id, step, MAX_FAILURES)))).toEqual(ids.map(() => false))
    expect(updates() - before).toBe(2)
  })

  it('SPEC §5 two writes to one token never share a group: each sees the other as if they ran one after the other', async () => {
    const [id] = await tokenIds()
    const step = nextStep()
    // A step and the next: both accepted, in that order. The same step twice: accepted once.
    expect(await Promise.all([acceptStep(h.deps.db, id!, step, MAX_FAILURES), acceptStep(h.deps.db, id!, step + 1, MAX_FAILURES)])).toEqual([true, true])
    expect(await Promise.all([acceptStep(h.deps.db, id!, step + 2, MAX_FAILURES), acceptStep(h.deps.db, id!, step + 2, MAX_FAILURES)])).toEqual([true, false])
  })

  it('SVC-04 concurrent wrong codes in one group are each counted once', async () => {
    const failures = async () =>
      (await h.deps.db.selectFrom('tokens').select(['user_id', 'failures']).where('user_id', 'like', 'group%').orderBy('user_id').execute()).map((r) => r.failures)
    const before = await failures()
    const answers = await verifyAll(() => '00000000')
    expect(new Set(answers.map((a) => a.body.reason))).toEqual(new Set(['mismatch']))
    expect(await failures()).toEqual(before.map((n) => n + 1))
  })

  it('SVC-04 concurrent failures of one token lock it exactly at the limit', async () => {
    const [id] = await tokenIds()
    await h.deps.db.updateTable('tokens').set({ failures: 0 }).where('token_id', '=', id!).execute()
    const outcomes = await Promise.all(Array.from({ length: MAX_FAILURES + 3 }, () => recordOtpFailure(h.deps.db, id!, MAX_FAILURES, new Date())))
    expect(outcomes.filter((o) => o === 'mismatch')).toHaveLength(MAX_FAILURES)
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(3)
    const row = await h.deps.db.selectFrom('tokens').select('failures').where('token_id', '=', id!).executeTakeFirstOrThrow()
    expect(row.failures).toBe(MAX_FAILURES)
  })

  it('SPEC §5 the event loop keeps answering while a group commit waits for the database', async () => {
    const id = (await tokenIds())[5]!
    // Another connection holds the token's row (PostgreSQL) or the file's write lock (SQLite): the group's
    // commit must wait for it.
    const blocker = await holdTokenRow(h, target, id)
    try {
      let settled = false
      const accepted = acceptStep(h.deps.db, id, nextStep(), MAX_FAILURES).finally(() => (settled = true))
      // This timer fires on time only if the write waits off the event loop — on SQLite, in the writer thread
      // (db/sqlite-writer.ts); waiting on the event loop, it would hold the loop for the whole busy timeout and fail.
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(settled).toBe(false)
      await blocker.release()
      expect(await accepted).toBe(true)
    } finally {
      await blocker.release()
    }
  })

  it('SPEC §5 a write that fails in a group fails alone; the others commit', async () => {
    const [first, second, third] = await tokenIds()
    // last_step is NOT NULL: the row that would set it to null makes the group's statement fail on both databases.
    const setting = precompiled<{ rows: string }, { token_id: string }>((db, arg) =>
      db
        .updateTable('tokens')
        .from(groupRows(db, arg('rows'), { token_id: 'text', step: 'bigint' }))
        .set((eb) => ({ last_step: eb.ref('v.step') }))
        .whereRef('tokens.token_id', '=', 'v.token_id')
        .returning('tokens.token_id'),
    )
    const write: GroupedWrite<{ tokenId: string; step: number | null }, true> = {
      key: (a) => a.tokenId,
      run: async (db, group) =>
        new Map((await setting(db, { rows: JSON.stringify(group.map((a) => ({ token_id: a.tokenId, step: a.step }))) })).map((r) => [r.token_id, true as const])),
    }
    const results = await Promise.allSettled([
      groupCommitted(h.deps.db, write, { tokenId: first!, step: 42 }),
      groupCommitted(h.deps.db, write, { tokenId: second!, step: null }),
      groupCommitted(h.deps.db, write, { tokenId: third!, step: 42 }),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const stepOf = async (tokenId: string) => (await h.deps.db.selectFrom('tokens').select('last_step').where('token_id', '=', tokenId).executeTakeFirstOrThrow()).last_step
    expect([await stepOf(first!), await stepOf(third!)]).toEqual([42, 42])
    expect(await stepOf(second!)).not.toBe(42)
  })
})

async function holdTokenRow(h: Harness, target: DatabaseTarget, tokenId: string): Promise<{ release(): Promise<void> }> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url, options: `-c search_path=${h.env.DATABASE_SCHEMA}` })
    await client.connect()
    await client.query('begin')
    await client.query('select token_id from tokens where token_id = $1 for update', [tokenId])
    let held = true
    return {
      release: async () => {
        if (!held) return
        held = false
        await client.query('commit')
        await client.end()
      },
    }
  }
  const blocker = new SQLite(path.join(h.env.DATA_DIR!, 'shinkumi.sqlite'))
  blocker.exec('begin immediate')
  return {
    release: async () => {
      if (!blocker.open) return
      blocker.exec('commit')
      blocker.close()
    },
  }
}
