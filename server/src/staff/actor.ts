// Who is acting, and how what they do and read is audited.
import type { IdentityCheck, StaffRole } from '@shinkumi/common/staff-api.ts'
import type { Transaction } from 'kysely'
import type { Deps } from '../deps.ts'
import type { Database } from '../db/schema.ts'
import { appendAudit, type AuditEvent } from './audit.ts'

export interface Actor {
  staffId: string
  role: StaffRole
  ip: string
}

export interface Justification {
  reason: string
  identityCheck: IdentityCheck
  identityNote?: string | null
}

/** The audit's 本人確認方法: the method, and what was checked when it is 'other'. */
export const identityOf = (j: Justification) => (j.identityNote ? `${j.identityCheck}:${j.identityNote}` : j.identityCheck)

export interface AuditedAction {
  action: string
  subject: string | null
  reason: string | null
  identityCheck: string | null
  detail?: Record<string, unknown>
}

/**
 * Runs a change and its audit entry in one transaction: either both are committed or neither. `work` says
 * whether anything changed (a release of an account that was not locked changes nothing, and says so).
 */
export async function audited(deps: Deps, actor: Actor, spec: AuditedAction, work: (trx: Transaction<Database>) => Promise<boolean>) {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const changed = await work(trx)
    const event: AuditEvent = { staffId: actor.staffId, role: actor.role, ip: actor.ip, ...spec, outcome: changed ? 'done' : 'unchanged' }
    return { auditSeq: await appendAudit(trx, event, now), changed }
  })
}

/** Audits a read of customer data (STF-05), after it succeeded. */
export function auditRead(deps: Deps, actor: Actor, action: string, subject: string | null, detail?: Record<string, unknown>): Promise<number> {
  return appendAudit(deps.db, { staffId: actor.staffId, role: actor.role, ip: actor.ip, action, subject, outcome: 'shown', detail }, deps.clock.now())
}
