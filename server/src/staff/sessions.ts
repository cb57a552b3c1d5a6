// Staff sessions (STF-01): an opaque random token, stored as its SHA-256 only; it ends after the configured idle
// time without a request or at its absolute end, whichever comes first. Each use moves last_seen_at in the same
// conditional UPDATE that checks both limits, so an expired session can never be revived by a racing request.
import { randomBytes } from 'node:crypto'
import type { Deps } from '../deps.ts'
import type { StaffMember, StaffRole } from '@shinkumi/common/staff-api.ts'
import { hashKey } from '../secrets.ts'

export interface StaffPrincipal extends StaffMember {
  tokenHash: string
  expiresAt: number
}

const TOKEN = /^Bearer (stf_[A-Za-z0-9_-]{43})$/

export async function openSession(deps: Deps, staffId: string, ip: string): Promise<{ token: string; expiresAt: number }> {
  const token = `stf_${randomBytes(32).toString('base64url')}`
  const now = deps.clock.now().getTime()
  const expiresAt = now + deps.config.staff.sessionMaxMs
  await deps.db
    .insertInto('staff_sessions')
    .values({ token_hash: hashKey(token), staff_id: staffId, ip, created_at: now, last_seen_at: now, expires_at: expiresAt, revoked_at: null })
    .execute()
  return { token, expiresAt }
}

/** The staff member behind an `Authorization: Bearer stf_…` header while the session lives; null otherwise. */
export async function sessionOf(deps: Deps, authorization: string | undefined): Promise<StaffPrincipal | null> {
  const token = TOKEN.exec(authorization ?? '')?.[1]
  if (!token) return null
  const tokenHash = hashKey(token)
  const now = deps.clock.now().getTime()
  const touched = await deps.db
    .updateTable('staff_sessions')
    .set({ last_seen_at: now })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', now - deps.config.staff.sessionIdleMs)
    .returning(['staff_id', 'expires_at'])
    .executeTakeFirst()
  if (!touched) return null
  const staff = await deps.db.selectFrom('staff_users').select(['staff_id', 'name', 'role']).where('staff_id', '=', touched.staff_id).executeTakeFirst()
  if (!staff) return null
  return { staffId: staff.staff_id, name: staff.name, role: staff.role as StaffRole, tokenHash, expiresAt: touched.expires_at }
}

export async function closeSession(deps: Deps, tokenHash: string): Promise<void> {
  await deps.db.updateTable('staff_sessions').set({ revoked_at: deps.clock.now().getTime() }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute()
}
