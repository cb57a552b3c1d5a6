// The staff area of the admin CLI (SPEC SVC-03, STF-01, STF-05): `staff-add` (password and TOTP secret shown
// once) and `audit-verify` (walks the hash chain; exit code 1 and the first broken entry when it does not hold).
import { z } from 'zod'
import { staffIdRule, StaffRole } from '@shinkumi/common/staff-api.ts'
import type { Deps } from '../deps.ts'
import { appendAudit, verifyAuditChain } from '../staff/audit.ts'
import { addStaff, type StaffCredentials } from '../staff/staff-users.ts'
import { requiredOption, UsageError, type Command } from './command.ts'

/** Staff accounts made outside a staff session are audited under this name. */
export const CLI_ACTOR = { staffId: 'admin-cli', role: null, ip: 'local' }

export function auditStaffChange(deps: Deps, action: 'staff.add' | 'staff.reset', staff: Pick<StaffCredentials, 'staffId' | 'role'>) {
  return appendAudit(deps.db, { ...CLI_ACTOR, action, subject: `staff:${staff.staffId}`, outcome: 'done', detail: { role: staff.role } }, deps.clock.now())
}

export const staffAddCommand: Command = {
  name: 'staff-add',
  usage: 'staff-add --id ID --name NAME --role 窓口|管理者|監査',
  summary: 'a staff user (password and TOTP secret shown once)',
  options: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  async run(values, deps) {
    const staffId = requiredOption(values, 'id', staffIdRule)
    const name = requiredOption(values, 'name', z.string().trim().min(1).max(64))
    const role = requiredOption(values, 'role', StaffRole)
    const staff = await addStaff(deps, { staffId, name, role })
    if (!staff) throw new UsageError(`staff ID ${staffId} already exists`)
    await auditStaffChange(deps, 'staff.add', staff)
    return {
      json: { staffId, name, role, password: staff.password, totpSecret: staff.totpSecret, otpauthUri: staff.otpauthUri },
      text: [
        `Staff ${staffId} (${name}, ${role}) added. Shown only now — the service keeps a hash and an encrypted secret:`,
        `  password:    ${staff.password}`,
        `  TOTP secret: ${staff.totpSecret}  (SHA-1, 6 digits, 30 s)`,
        `  ${staff.otpauthUri}`,
      ].join('\n'),
    }
  },
}

export const auditVerifyCommand: Command = {
  name: 'audit-verify',
  usage: 'audit-verify',
  summary: 'check the staff audit log’s hash chain (exit code 1 at the first broken entry)',
  options: {},
  async run(_values, deps) {
    const check = await verifyAuditChain(deps.db)
    if (check.ok) return { json: check, text: `audit chain intact: ${check.entries} entries` }
    // A broken chain is an answer, not a crash: the report is printed, and the exit code tells scripts.
    process.exitCode = 1
    return { json: check, text: `audit chain BROKEN at entry ${check.brokenAt} (${check.problem}); the ${check.entries} entries before it are intact` }
  },
}
