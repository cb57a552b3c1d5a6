// Staff users (STF-01): an ID, a name, a role, a scrypt-hashed password and an own TOTP secret. Passwords and
// secrets are shown once, when made (staff-add, demo), and stored only hashed or encrypted.
import { randomBytes } from 'node:crypto'
import type { Deps } from '../deps.ts'
import type { StaffRole } from '@shinkumi/common/staff-api.ts'
import { hashPassword } from '../secrets.ts'
import { encryptStaffSecret, newStaffSecret, otpauthUri } from './totp.ts'

export interface NewStaff {
  staffId: string
  name: string
  role: StaffRole
  /** Given for the documented demo staff; made fresh otherwise. */
  password?: string
  totpSecret?: string
}

export interface StaffCredentials {
  staffId: string
  name: string
  role: StaffRole
  password: string
  /** Base32, as authenticator apps take it by hand. */
  totpSecret: string
  otpauthUri: string
}

/** 16 characters of base64url: 96 random bits, typed once and then changed by the person (or kept in a vault). */
export const newStaffPassword = () => randomBytes(12).toString('base64url')

async function credentialsRow(deps: Deps, staff: NewStaff) {
  const password = staff.password ?? newStaffPassword()
  const totpSecret = staff.totpSecret ?? newStaffSecret()
  const row = {
    name: staff.name,
    role: staff.role,
    password_hash: await hashPassword(password),
    totp_secret_ciphertext: encryptStaffSecret(deps.seedKey, staff.staffId, totpSecret),
    totp_last_step: -1,
    failures: 0,
    locked_until: null,
  }
  const credentials: StaffCredentials = { ...staff, password, totpSecret, otpauthUri: otpauthUri(staff.staffId, totpSecret) }
  return { row, credentials }
}

/** Adds a staff member; null when the ID is taken (the existing one is left as it is). */
export async function addStaff(deps: Deps, staff: NewStaff): Promise<StaffCredentials | null> {
  const { row, credentials } = await credentialsRow(deps, staff)
  const inserted = await deps.db
    .insertInto('staff_users')
    .values({ staff_id: staff.staffId, ...row, created_at: deps.clock.now().getTime() })
    .onConflict((oc) => oc.column('staff_id').doNothing())
    .executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1 ? credentials : null
}

/** Creates the staff member or brings them back to the given credentials, unlocked (the demo is idempotent). */
export async function putStaff(deps: Deps, staff: NewStaff): Promise<StaffCredentials> {
  const { row, credentials } = await credentialsRow(deps, staff)
  await deps.db
    .insertInto('staff_users')
    .values({ staff_id: staff.staffId, ...row, created_at: deps.clock.now().getTime() })
    .onConflict((oc) => oc.column('staff_id').doUpdateSet(row))
    .execute()
  return credentials
}
