// LNK-05 "その他システムメンテナンス": windows set by staff (STF-04, the staff mode's メンテナンス設定 screen), read together
// with the fixed calendar on every linkage request.
import type { Db } from '../db/index.ts'
import type { MaintenanceWindow } from './calendar/service-hours.ts'

export interface NewMaintenanceWindow {
  startsAt: Date
  endsAt: Date
  reason: string
  createdBy: string
}

export async function addMaintenanceWindow(db: Db, window: NewMaintenanceWindow, now: Date): Promise<string> {
  if (!(window.endsAt.getTime() > window.startsAt.getTime())) throw new Error('a maintenance window must end after it starts')
  const id = crypto.randomUUID()
  await db
    .insertInto('linkage_maintenance')
    .values({
      id,
      starts_at: window.startsAt.getTime(),
      ends_at: window.endsAt.getTime(),
      reason: window.reason,
      created_by: window.createdBy,
      created_at: now.getTime(),
    })
    .execute()
  return id
}

/** Windows in force at `now` (the pure calendar function decides; this only narrows what it is given). */
export async function maintenanceAround(db: Db, now: Date): Promise<MaintenanceWindow[]> {
  const rows = await db.selectFrom('linkage_maintenance').select(['starts_at', 'ends_at']).where('starts_at', '<=', now.getTime()).where('ends_at', '>', now.getTime()).execute()
  return rows.map((r) => ({ startsAt: r.starts_at, endsAt: r.ends_at }))
}
