// The staff mode's part of the bridge contract (STF-01…STF-05), spread into common/bridge.ts. The staff session
// token never crosses it: the main process holds the session and the renderer gets views and outcomes only.
import { z } from 'zod'
import {
  ApprovalList,
  ApprovalOutcome,
  ApprovalView,
  AuditPage,
  CustomerDetail,
  CustomerRef,
  CustomerSearch,
  CustomerSearchResponse,
  IdentityCheck,
  LockedList,
  MaintenanceWindowView,
  StaffMember,
} from './staff-api.ts'
import { Result } from './result.ts'

export const StaffStatus = z.object({
  staff: StaffMember.nullable(),
  /** Why the last session ended, when it did not end by [スタッフモード終了]. */
  endedBy: z.enum(['idle', 'expired']).nullable(),
  idleSeconds: z.number().int().positive(),
})
export type StaffStatus = z.infer<typeof StaffStatus>

/** Raw form values (bounded): the main process applies the contract's rules, so bad input is a code, not a crash. */
export const StaffSignInInput = z.object({ staffId: z.string().max(64), password: z.string().max(128), otp: z.string().max(16) })

const Justification = { reason: z.string().max(400), identityCheck: IdentityCheck, identityNote: z.string().max(200).optional() }
const OtpUser = { serviceId: z.string().max(32), userId: z.string().max(64) }
export const StaffActionInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('release-linkage-lock'), accountId: z.string().max(64), ...Justification }),
  z.object({ kind: z.enum(['reset-otp-failures', 'unlock-activation', 'suspend', 'resume', 'reissue-activation']), ...OtpUser, ...Justification }),
  z.object({ kind: z.literal('revoke-device'), ...OtpUser, serialNumber: z.string().max(16), ...Justification }),
  z.object({ kind: z.literal('revoke-linkage'), grantId: z.string().max(64), ...Justification }),
  z.object({ kind: z.literal('maintenance'), startsAt: z.string().max(40), endsAt: z.string().max(40), reason: z.string().max(400) }),
])
export type StaffActionInput = z.infer<typeof StaffActionInput>
export type StaffActionKind = StaffActionInput['kind']

export const StaffActionOutcome = z.discriminatedUnion('outcome', [
  /** Done at once; `changed` false when there was nothing to change. */
  z.object({ outcome: z.literal('done'), changed: z.boolean() }),
  /** Four eyes: waits for a second 管理者. */
  z.object({ outcome: z.literal('pending'), approval: ApprovalView }),
  z.object({ outcome: z.literal('maintenance'), window: MaintenanceWindowView }),
])
export type StaffActionOutcome = z.infer<typeof StaffActionOutcome>

/** A staff list's next page: the `nextCursor` of the page before, or nothing for the first (SCALE-01). */
const NextPage = z.object({ cursor: z.string().max(200).optional() })

export const AuditExportInput = z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() })
export const AuditExportOutcome = z.discriminatedUnion('saved', [
  /** Saved by the main process where the staff member chose (Electron). */
  z.object({ saved: z.literal(true), path: z.string() }),
  /** Not saved: the save dialog was cancelled, or this host has none — the renderer offers the file as a download. */
  z.object({ saved: z.literal(false), fileName: z.string(), csv: z.string().nullable() }),
])
export type AuditExportOutcome = z.infer<typeof AuditExportOutcome>

export const staffBridge = {
  'staff.status': { input: z.void(), output: StaffStatus },
  'staff.signIn': { input: StaffSignInInput, output: Result(StaffMember) },
  /** [スタッフモード終了], or leaving the staff screens: the session ends on the service too. */
  'staff.signOut': { input: z.void(), output: z.void() },
  /** The staff screens' heartbeat: whether the person did something since the last one; signs out when idle. */
  'staff.activity': { input: z.object({ userActive: z.boolean() }), output: StaffStatus },
  'staff.search': { input: CustomerSearch, output: Result(CustomerSearchResponse) },
  'staff.customer': { input: CustomerRef, output: Result(CustomerDetail) },
  'staff.locks': { input: NextPage, output: Result(LockedList) },
  'staff.act': { input: StaffActionInput, output: Result(StaffActionOutcome) },
  'staff.approvals': { input: NextPage, output: Result(ApprovalList) },
  'staff.decide': { input: z.object({ approvalId: z.uuid(), decision: z.enum(['approve', 'reject']) }), output: Result(ApprovalOutcome) },
  'staff.maintenance': { input: z.void(), output: Result(z.array(MaintenanceWindowView)) },
  'staff.audit': { input: NextPage, output: Result(AuditPage) },
  'staff.exportAudit': { input: AuditExportInput, output: Result(AuditExportOutcome) },
} as const
