// Revoking a device (lost phone or PC; by staff after four-eyes approval, STF-02, or the admin CLI): the token stops signing (DEVICE_REVOKED) and stops
// verifying (/v1/otp/verify answers `unknown`, as for a user without an active token); the user may set up again.
import type { Db } from '../db/index.ts'
import { revokeActiveTokens, type TokenTarget } from '../tokens/store.ts'
import { endPendingTransactions } from '../transactions/store.ts'

/**
 * Revokes the active token named by id or by its user; returns the ids revoked (none when there was none). Its
 * pending transactions end now in the same transaction.
 */
export async function revokeDevice(db: Db, target: TokenTarget, now: Date): Promise<string[]> {
  // Within a caller's transaction (a staff approval and its audit entry) it joins that one.
  const atomically = <T>(work: (trx: Db) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work))
  return atomically(async (trx) => {
    const revoked = await revokeActiveTokens(trx, target)
    if (revoked.length > 0) await endPendingTransactions(trx, revoked, now)
    return revoked
  })
}
