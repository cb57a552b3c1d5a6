// LNK-05 at request time: the fixed calendar plus staff maintenance, at the service clock's instant.
import type { Db } from '../db/index.ts'
import { serviceHoursRules } from './calendar/rules.ts'
import { serviceHoursAt } from './calendar/service-hours.ts'
import { maintenanceAround } from './maintenance.ts'

export async function linkageOpen(db: Db, now: Date): Promise<boolean> {
  return serviceHoursAt(now, serviceHoursRules, await maintenanceAround(db, now)).open
}
