// Revoking a device (lost phone or PC; by staff after four-eyes approval, STF-02, or the admin CLI): the token stops signing (DEVICE_REVOKED) and stops
// verifying (/v1/otp/verify answers `unknown`, as for a user without an active token); the user may set up again.
import type { Db } from '../db/index.ts'

export type DeviceTarget = { tokenId: string } | { serviceId: string; userId: string }

/**
 * Revokes the active token named by id or by its user; returns the ids revoked (none when there was none). Its
 * pending transactions end now in the same transaction: a revoked device can no longer answer them, and its
 * relying party should not wait for their expiry to learn that.
 */
export async function revokeDevice(db: Db, target: DeviceTarget, now: Date): Promise<string[]> {
  // Within a caller's transaction (a staff approval and its audit entry) it joins that one.
  const atomically = <T>(work: (trx: Db) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work))
  return atomically(async (trx) => {
    let revoke = trx.updateTable('tokens').set({ status: 'revoked' }).where('status', '=', 'active')
    revoke = 'tokenId' in target ? revoke.where('token_id', '=', target.tokenId) : revoke.where('service_id', '=', target.serviceId).where('user_id', '=', target.userId)
    const revoked = (await revoke.returning('token_id').execute()).map((row) => row.token_id)
    if (revoked.length > 0) {
      await trx
        .updateTable('transaction_confirmations')
        .set({ expires_at: now.getTime() })
        .where('token_id', 'in', revoked)
        .where('status', '=', 'pending')
        .where('expires_at', '>', now.getTime())
        .execute()
    }
    return revoked
  })
}
