// The tokens table's only writer (issue 10: each area owns its tables). Provisioning creates a token, verification
// counts and accepts codes, the device routes correct, renew and revoke, transactions enrol, staff reset the lock:
// each calls a function here. Every change is one conditional UPDATE (or the caller's transaction), so concurrent
// requests cannot both win and no count is lost, on SQLite and PostgreSQL alike (DESIGN.md §4).
import { sql, type Insertable } from 'kysely'
import { changedRows, type Db } from '../db/index.ts'
import { groupCommitted, type GroupedWrite } from '../db/group-commit.ts'
import { groupRows } from '../db/group-rows.ts'
import { precompiled } from '../db/precompiled.ts'
import type { TokensTable } from '../db/schema.ts'
import { lockouts } from '../metrics.ts'

/** A token named by its id, or the active token of a user. */
export type TokenTarget = { tokenId: string } | { serviceId: string; userId: string }

export interface TokenUser {
  serviceId: string
  userId: string
}

/** Within the caller's transaction, which uses the activation password in the same commit. */
export async function insertToken(db: Db, row: Insertable<TokensTable>): Promise<void> {
  await db.insertInto('tokens').values(row).execute()
}

/**
 * Counts one failed code toward the lock (SVC-04; correction failures count too, OTP-24). The failure that
 * reaches the limit still answers `mismatch` — it was one — and every later attempt answers `locked`.
 */
export async function recordOtpFailure(db: Db, tokenId: string, maxFailures: number, now: Date): Promise<'mismatch' | 'locked'> {
  const failures = await groupCommitted(db, countingFailures, { tokenId, maxFailures, now: now.getTime() })
  if (failures === maxFailures) lockouts.inc({ kind: 'otp' })
  return failures === undefined ? 'locked' : 'mismatch'
}

/** Accepts a step only if no request accepted it (or a later one) first and the token is not locked meanwhile. */
export async function acceptStep(db: Db, tokenId: string, step: number, maxFailures: number): Promise<boolean> {
  return (await groupCommitted(db, accepting, { tokenId, step, maxFailures })) !== undefined
}

// The two writes of /v1/otp/verify: the writes of concurrent verifications share one statement and one commit
// (db/group-commit.ts), each row under its own conditions. Compiled once (db/precompiled.ts); 'active' is a literal
// so that SQLite does not plan them again on every call (see otp/verify.ts, activeTokens).
const countFailures = precompiled<{ rows: string }, { token_id: string; failures: number }>((db, arg) =>
  db
    .updateTable('tokens')
    .from(groupRows(db, arg('rows'), { token_id: 'text', max_failures: 'bigint', now: 'bigint' }))
    // failed_at: staff see when the lock was reached (STF-03).
    .set((eb) => ({ failures: eb('tokens.failures', '+', 1), failed_at: eb.ref('v.now') }))
    .whereRef('tokens.token_id', '=', 'v.token_id')
    .whereRef('tokens.failures', '<', 'v.max_failures')
    .where('tokens.status', '=', sql.lit('active'))
    .returning(['tokens.token_id', 'tokens.failures']),
)

const countingFailures: GroupedWrite<{ tokenId: string; maxFailures: number; now: number }, number> = {
  key: (failure) => failure.tokenId,
  run: async (db, group) => {
    const rows = JSON.stringify(group.map((f) => ({ token_id: f.tokenId, max_failures: f.maxFailures, now: f.now })))
    return new Map((await countFailures(db, { rows })).map((row) => [row.token_id, row.failures]))
  },
}

const acceptNewer = precompiled<{ rows: string }, { token_id: string }>((db, arg) =>
  db
    .updateTable('tokens')
    .from(groupRows(db, arg('rows'), { token_id: 'text', step: 'bigint', max_failures: 'bigint' }))
    .set((eb) => ({ last_step: eb.ref('v.step'), failures: 0 }))
    .whereRef('tokens.token_id', '=', 'v.token_id')
    .whereRef('tokens.last_step', '<', 'v.step')
    .whereRef('tokens.failures', '<', 'v.max_failures')
    .where('tokens.status', '=', sql.lit('active'))
    .returning('tokens.token_id'),
)

const accepting: GroupedWrite<{ tokenId: string; step: number; maxFailures: number }, true> = {
  key: (acceptance) => acceptance.tokenId,
  run: async (db, group) => {
    const rows = JSON.stringify(group.map((a) => ({ token_id: a.tokenId, step: a.step, max_failures: a.maxFailures })))
    return new Map((await acceptNewer(db, { rows })).map((row) => [row.token_id, true as const]))
  },
}

/**
 * Stores a correction (OTP-24). The code used travelled over the wire, so its step becomes the replay floor — but
 * only upwards: last_step never moves back, or codes already accepted at /v1/otp/verify would work again.
 * The failure count is left alone: a match among 21 steps proves less than a login, which alone ends a run.
 */
export async function storeCorrection(db: Db, tokenId: string, c: { step: number; correctionSteps: number; maxFailures: number }, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('tokens')
    .set((eb) => ({
      correction_steps: c.correctionSteps,
      last_step: eb.case().when('last_step', '<', c.step).then(c.step).else(eb.ref('last_step')).end(),
    }))
    .where('token_id', '=', tokenId)
    .where('status', '=', 'active')
    .where('failures', '<', c.maxFailures)
    .where('expires_at', '>', now.getTime())
    .returning('token_id')
    .executeTakeFirst()
  return updated !== undefined
}

/**
 * Renews (OTP-20…23): the token must be active, unexpired and within `windowMs` of its expiry, with no pending
 * transaction, at the moment the UPDATE applies.
 */
export async function extendExpiry(db: Db, tokenId: string, renewal: { expiresAt: number; windowMs: number }, now: Date): Promise<boolean> {
  const t = now.getTime()
  const updated = await db
    .updateTable('tokens')
    .set({ expires_at: renewal.expiresAt })
    .where('token_id', '=', tokenId)
    .where('status', '=', 'active')
    .where('expires_at', '>', t)
    .where('expires_at', '<=', t + renewal.windowMs)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('transaction_confirmations')
            .select('transaction_confirmations.id')
            .whereRef('transaction_confirmations.token_id', '=', 'tokens.token_id')
            .where('transaction_confirmations.status', '=', 'pending')
            .where('transaction_confirmations.expires_at', '>', t),
        ),
      ),
    )
    .returning('token_id')
    .executeTakeFirst()
  return updated !== undefined
}

/** 取引認証開始: only for a service that offers 取引確認; enrolling twice is the same as once. */
export async function enrolForTransactions(db: Db, tokenId: string): Promise<boolean> {
  const updated = await db
    .updateTable('tokens')
    .set({ transaction_enrolment: 'enrolled' })
    .where('token_id', '=', tokenId)
    .where('status', '=', 'active')
    .where((eb) =>
      eb.exists(eb.selectFrom('services').select('services.service_id').whereRef('services.service_id', '=', 'tokens.service_id').where('services.offers_transactions', '=', 1)),
    )
    .returning('token_id')
    .executeTakeFirst()
  return updated !== undefined
}

/** SVC-04's lock, which only staff end: the user's active token's failure count back to zero; false when it was zero. */
export async function resetFailures(db: Db, user: TokenUser): Promise<boolean> {
  return changedRows(
    await db
      .updateTable('tokens')
      .set({ failures: 0 })
      .where('service_id', '=', user.serviceId)
      .where('user_id', '=', user.userId)
      .where('status', '=', 'active')
      .where('failures', '>', 0)
      .executeTakeFirst(),
  )
}

/** Revokes the active token named by id or by its user; the ids revoked (none when there was none). */
export async function revokeActiveTokens(db: Db, target: TokenTarget): Promise<string[]> {
  let revoke = db.updateTable('tokens').set({ status: 'revoked' }).where('status', '=', 'active')
  revoke = 'tokenId' in target ? revoke.where('token_id', '=', target.tokenId) : revoke.where('service_id', '=', target.serviceId).where('user_id', '=', target.userId)
  return (await revoke.returning('token_id').execute()).map((row) => row.token_id)
}
