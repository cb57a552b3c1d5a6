// Staff sign-in (STF-01): staff ID + password + the staff member's own TOTP. Every wrong attempt counts toward a
// lock of its own (STAFF_MAX_FAILURES, then STAFF_LOCK_MINUTES) in one conditional UPDATE, so concurrent guesses
// cannot count past the limit; a locked account answers STAFF_LOCKED whether or not the credentials are right.
// An accepted TOTP step is the new replay floor: the same code cannot open a second session.
// Every attempt is audited (STF-05); a counted failure or an accepted step commits in one transaction with its audit
// entry, so a client that hangs up mid-request leaves both or neither.
import type { Transaction } from 'kysely'
import type { Deps } from '../deps.ts'
import type { Database } from '../db/schema.ts'
import type { StaffRole, StaffSignInRequest } from '@shinkumi/common/staff-api.ts'
import { verifyAgainstNothing, verifyPassword } from '../secrets.ts'
import { appendAudit } from './audit.ts'
import { matchingStaffStep } from './totp.ts'
import { lockouts } from '../metrics.ts'

export type SignInOutcome = { ok: true; staffId: string; name: string; role: StaffRole } | { ok: false; code: 'STAFF_SIGNIN_FAILED' | 'STAFF_LOCKED'; role: StaffRole | null }

/** Checks a sign-in and audits it; `ip` is the caller's address, taken before anything was awaited. */
export async function signIn(deps: Deps, input: StaffSignInRequest, ip: string): Promise<SignInOutcome> {
  const now = deps.clock.now()
  const audit = (db: Deps['db'] | Transaction<Database>, outcome: SignInOutcome) =>
    appendAudit(db, { staffId: input.staffId, role: outcome.role, ip, action: 'staff.sign-in', subject: null, outcome: outcome.ok ? 'done' : outcome.code }, now)
  const refuse = async (outcome: SignInOutcome) => {
    await audit(deps.db, outcome)
    return outcome
  }

  await releaseExpiredLock(deps, input.staffId, now)
  const staff = await deps.db.selectFrom('staff_users').selectAll().where('staff_id', '=', input.staffId).executeTakeFirst()
  if (!staff) {
    // The same scrypt work as a real check, so timing does not tell which staff IDs exist.
    await verifyAgainstNothing(input.password)
    return refuse({ ok: false, code: 'STAFF_SIGNIN_FAILED', role: null })
  }
  const role = staff.role
  if (staff.failures >= deps.config.staff.maxFailures) return refuse({ ok: false, code: 'STAFF_LOCKED', role })
  // The slow checks run before the transaction, so that it holds its locks for a few statements only.
  const passwordRight = await verifyPassword(input.password, staff.password_hash)
  const step = matchingStaffStep(deps.seedKey, staff.staff_id, staff.totp_secret_ciphertext, input.otp, now)
  return deps.db.transaction().execute(async (trx) => {
    const outcome: SignInOutcome =
      passwordRight && step !== null && (await acceptStep(trx, deps, staff.staff_id, step))
        ? { ok: true, staffId: staff.staff_id, name: staff.name, role }
        : { ok: false, code: await countFailure(trx, deps, staff.staff_id, now), role }
    await audit(trx, outcome)
    return outcome
  })
}

/** A lock whose time is over ends, and its count with it. */
async function releaseExpiredLock(deps: Deps, staffId: string, now: Date): Promise<void> {
  await deps.db.updateTable('staff_users').set({ failures: 0, locked_until: null }).where('staff_id', '=', staffId).where('locked_until', '<=', now.getTime()).execute()
}

/** Takes the step as the new replay floor, and clears the count; false for a replayed step or a lock meanwhile. */
async function acceptStep(trx: Transaction<Database>, deps: Deps, staffId: string, step: number): Promise<boolean> {
  const accepted = await trx
    .updateTable('staff_users')
    .set({ totp_last_step: step, failures: 0 })
    .where('staff_id', '=', staffId)
    .where('totp_last_step', '<', step)
    .where('failures', '<', deps.config.staff.maxFailures)
    .returning('staff_id')
    .executeTakeFirst()
  return accepted !== undefined
}

async function countFailure(trx: Transaction<Database>, deps: Deps, staffId: string, now: Date): Promise<'STAFF_SIGNIN_FAILED' | 'STAFF_LOCKED'> {
  const { maxFailures, lockMs } = deps.config.staff
  const counted = await trx
    .updateTable('staff_users')
    .set((eb) => ({
      failures: eb('failures', '+', 1),
      locked_until: eb
        .case()
        .when('failures', '>=', maxFailures - 1)
        .then(now.getTime() + lockMs)
        .else(null)
        .end(),
    }))
    .where('staff_id', '=', staffId)
    .where('failures', '<', maxFailures)
    .returning('failures')
    .executeTakeFirst()
  if (counted?.failures === maxFailures) lockouts.inc({ kind: 'staff' })
  return counted && counted.failures < maxFailures ? 'STAFF_SIGNIN_FAILED' : 'STAFF_LOCKED'
}
