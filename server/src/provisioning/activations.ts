// 利用開始パスワード (activation passwords): issued by the credit union, used at most once to set up a device,
// locked after repeated wrong attempts (S0C4). Stored as scrypt hashes only (SPEC §5).
import { randomInt } from 'node:crypto'
import { activationPasswordRule } from '@shinkumi/common/rules.ts'
import { changedRows, type Db } from '../db/index.ts'
import type { ActivationsTable } from '../db/schema.ts'
import { hashPassword } from '../secrets.ts'
import { ensureOtpUser } from './catalog.ts'
import { lockouts } from '../metrics.ts'
import { DAY_MS } from '@shinkumi/common/time.ts'

/** Upper-case letters and digits without 0/O and 1/I, which customers misread on printed letters. 32 symbols. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const PASSWORD_LENGTH = 10

export function newActivationPassword(): string {
  const password = Array.from({ length: PASSWORD_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
  return activationPasswordRule.parse(password)
}

export interface IssuedActivation {
  serviceId: string
  userId: string
  activationPassword: string
  expiresAt: Date
}

/**
 * Issues a fresh activation password, creating the OTP user when missing. Any password not yet used is
 * replaced (and with it its failure count), so only the newest letter a customer received works.
 */
export async function issueActivation(db: Db, now: Date, request: { serviceId: string; userId: string; expiresInDays: number }): Promise<IssuedActivation> {
  const { serviceId, userId } = request
  const activationPassword = newActivationPassword()
  const passwordHash = await hashPassword(activationPassword)
  const expiresAt = new Date(now.getTime() + request.expiresInDays * DAY_MS)
  await db.transaction().execute(async (trx) => {
    await ensureOtpUser(trx, now, serviceId, userId)
    await replaceActivation(trx, { serviceId, userId, passwordHash, expiresAt }, now)
  })
  return { serviceId, userId, activationPassword, expiresAt }
}

/** Any password not yet used gives way to this one (and its failure count with it); within the caller's transaction. */
export async function replaceActivation(db: Db, activation: { serviceId: string; userId: string; passwordHash: string; expiresAt: Date }, now: Date): Promise<void> {
  const { serviceId, userId } = activation
  await db.deleteFrom('activations').where('service_id', '=', serviceId).where('user_id', '=', userId).where('used_at', 'is', null).execute()
  await db
    .insertInto('activations')
    .values({
      id: crypto.randomUUID(),
      service_id: serviceId,
      user_id: userId,
      password_hash: activation.passwordHash,
      expires_at: activation.expiresAt.getTime(),
      failures: 0,
      locked_at: null,
      used_at: null,
      created_at: now.getTime(),
    })
    .execute()
}

/** S0C4 ends (staff): the unused password the customer holds works again, with the same expiry; false when it was not locked. */
export async function clearActivationFailures(db: Db, user: { serviceId: string; userId: string }): Promise<boolean> {
  return changedRows(
    await db
      .updateTable('activations')
      .set({ failures: 0, locked_at: null })
      .where('service_id', '=', user.serviceId)
      .where('user_id', '=', user.userId)
      .where('used_at', 'is', null)
      .where('failures', '>', 0)
      .executeTakeFirst(),
  )
}

export type Activation = Pick<ActivationsTable, 'id' | 'password_hash' | 'expires_at' | 'failures' | 'used_at'>

/** The password a setup is checked against: the pending one if any, else the most recently used one (→ S0G1). */
export async function currentActivation(db: Db, serviceId: string, userId: string): Promise<Activation | undefined> {
  const rows = await db
    .selectFrom('activations')
    .select(['id', 'password_hash', 'expires_at', 'failures', 'used_at', 'created_at'])
    .where('service_id', '=', serviceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.find((row) => row.used_at === null) ?? rows[0]
}

/**
 * Counts one wrong password in a single statement, so concurrent attempts can never count past the limit or
 * lose a count. 'locked' when this attempt reached the limit or the password was locked already.
 */
export async function countActivationFailure(db: Db, id: string, maxFailures: number, now: Date): Promise<'wrong' | 'locked'> {
  const row = await db
    .updateTable('activations')
    .set((eb) => ({
      failures: eb('failures', '+', 1),
      locked_at: eb
        .case()
        .when('failures', '>=', maxFailures - 1)
        .then(now.getTime())
        .else(eb.ref('locked_at'))
        .end(),
    }))
    .where('id', '=', id)
    .where('failures', '<', maxFailures)
    .returning('failures')
    .executeTakeFirst()
  if (row?.failures === maxFailures) lockouts.inc({ kind: 'activation' })
  return row && row.failures < maxFailures ? 'wrong' : 'locked'
}
