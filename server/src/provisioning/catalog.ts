// The services (サービスID) the credit union runs and their OTP users: written here only (for the admin CLI and
// staff), read by provisioning and verification.
import { changedRows, type Db } from '../db/index.ts'
import type { ServicesTable } from '../db/schema.ts'

export type ServiceDefinition = Omit<ServicesTable, 'created_at'>

/** Creates the service or brings it back to the given definition: loading it twice leaves one row. */
export async function upsertService(db: Db, now: Date, service: ServiceDefinition): Promise<void> {
  const { service_id: _id, ...definition } = service
  await db
    .insertInto('services')
    .values({ ...service, created_at: now.getTime() })
    .onConflict((oc) => oc.column('service_id').doUpdateSet(definition))
    .execute()
}

export async function serviceExists(db: Db, serviceId: string): Promise<boolean> {
  const row = await db.selectFrom('services').select('service_id').where('service_id', '=', serviceId).executeTakeFirst()
  return row !== undefined
}

/** Creates the OTP user when missing; an existing user keeps its status. */
export async function ensureOtpUser(db: Db, now: Date, serviceId: string, userId: string): Promise<void> {
  await db
    .insertInto('otp_users')
    .values({ service_id: serviceId, user_id: userId, status: 'active', created_at: now.getTime() })
    .onConflict((oc) => oc.columns(['service_id', 'user_id']).doNothing())
    .execute()
}

/** 利用停止 / 利用再開; false when the user already had that status. */
export async function setOtpUserStatus(db: Db, serviceId: string, userId: string, status: 'active' | 'suspended'): Promise<boolean> {
  return changedRows(
    await db.updateTable('otp_users').set({ status }).where('service_id', '=', serviceId).where('user_id', '=', userId).where('status', '<>', status).executeTakeFirst(),
  )
}
