// LNK-04: identity failures per account, for API linkage only. At the limit the account is locked until the
// next 0:00 JST. Each change is one statement, so concurrent failures lock exactly at the threshold on SQLite
// and PostgreSQL alike: the increment only matches while failures < max.
import { changedRows, type Db } from '../db/index.ts'
import { nextJstMidnight } from '@shinkumi/common/time.ts'
import { lockouts } from '../metrics.ts'

export type FailureOutcome = 'failed' | 'nowLocked' | 'locked'

/** Ends a lock (and its count) whose 0:00 JST has passed; a no-op otherwise. */
async function releaseExpired(db: Db, accountId: string, now: Date): Promise<void> {
  await db
    .updateTable('linkage_locks')
    .set({ failures: 0, locked_at: null, locked_until: null, updated_at: now.getTime() })
    .where('account_id', '=', accountId)
    .where('locked_until', '<=', now.getTime())
    .execute()
}

export async function isLocked(db: Db, accountId: string, now: Date): Promise<boolean> {
  await releaseExpired(db, accountId, now)
  const row = await db.selectFrom('linkage_locks').select('locked_until').where('account_id', '=', accountId).executeTakeFirst()
  return row?.locked_until != null && row.locked_until > now.getTime()
}

export async function recordFailure(db: Db, accountId: string, now: Date, maxFailures: number): Promise<FailureOutcome> {
  const t = now.getTime()
  await db
    .insertInto('linkage_locks')
    .values({ account_id: accountId, failures: 0, updated_at: t })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute()
  await releaseExpired(db, accountId, now)
  const until = nextJstMidnight(now)
  const row = await db
    .updateTable('linkage_locks')
    .set((eb) => ({
      failures: eb('failures', '+', 1),
      locked_at: eb
        .case()
        .when('failures', '>=', maxFailures - 1)
        .then(t)
        .else(null)
        .end(),
      locked_until: eb
        .case()
        .when('failures', '>=', maxFailures - 1)
        .then(until)
        .else(null)
        .end(),
      updated_at: t,
    }))
    .where('account_id', '=', accountId)
    .where('failures', '<', maxFailures)
    .returning('failures')
    .executeTakeFirst()
  if (!row) return 'locked'
  if (row.failures < maxFailures) return 'failed'
  lockouts.inc({ kind: 'linkage' })
  return 'nowLocked'
}

/** All three stages passed: the count starts again. */
export async function clearFailures(db: Db, accountId: string, now: Date): Promise<void> {
  await db.updateTable('linkage_locks').set({ failures: 0, updated_at: now.getTime() }).where('account_id', '=', accountId).where('locked_until', 'is', null).execute()
}

/** STF-04: staff end the lock now instead of at 0:00 JST, and the count starts again; false when there was nothing to end. */
export async function releaseLock(db: Db, accountId: string, now: Date): Promise<boolean> {
  return changedRows(
    await db
      .updateTable('linkage_locks')
      .set({ failures: 0, locked_at: null, locked_until: null, updated_at: now.getTime() })
      .where('account_id', '=', accountId)
      .where((eb) => eb.or([eb('failures', '>', 0), eb('locked_until', 'is not', null)]))
      .executeTakeFirst(),
  )
}
