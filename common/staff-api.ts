// The staff API's wire contract (SPEC STF-01…STF-05, /v1/staff): the service validates requests and serialises
// answers with these schemas; the desktop app's main process parses the answers with the same ones.
import { z } from 'zod'
import { serviceIdRule, userIdRule } from './rules.ts'

export const STAFF_ROLES = ['窓口', '管理者', '監査'] as const
/** 窓口 teller: views and resets lockouts; 管理者 supervisor: also the sensitive actions; 監査 auditor: audit log only. */
export const StaffRole = z.enum(STAFF_ROLES)
export type StaffRole = z.infer<typeof StaffRole>

export const staffIdRule = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/)
const instant = z.iso.datetime({ offset: true })
const nullableInstant = instant.nullable()

/** How the customer's identity was checked at the counter (本人確認方法). */
export const IdentityCheck = z.enum(['drivers_license', 'my_number_card', 'health_insurance_card', 'other'])
export type IdentityCheck = z.infer<typeof IdentityCheck>

const reasonRule = z.string().trim().min(1).max(200)

/** Every action on a customer says why and how the person at the counter was identified (STF-04). */
const Justified = z.object({
  reason: reasonRule,
  identityCheck: IdentityCheck,
  /** What was checked when identityCheck is 'other' (required then). */
  identityNote: z.string().trim().max(100).optional(),
})
const noteGiven = (v: z.infer<typeof Justified>) => v.identityCheck !== 'other' || Boolean(v.identityNote)
function justified<T extends z.ZodRawShape>(shape: T) {
  return Justified.extend(shape).refine((v) => noteGiven(v as z.infer<typeof Justified>), {
    message: 'identityNote is required when identityCheck is other',
    path: ['identityNote'],
  })
}

export const StaffSignInRequest = z.object({
  staffId: staffIdRule,
  password: z.string().min(1).max(128),
  /** The staff member's own TOTP (6 digits, 30 s, SHA-1). */
  otp: z.string().regex(/^[0-9]{6}$/),
})
export type StaffSignInRequest = z.infer<typeof StaffSignInRequest>

export const StaffMember = z.object({ staffId: z.string(), name: z.string(), role: StaffRole })
export type StaffMember = z.infer<typeof StaffMember>

export const StaffSessionView = z.object({
  staff: StaffMember,
  /** The session ends at this instant whatever happens (absolute limit)… */
  expiresAt: instant,
  /**
   * …which is this many seconds after the answer, on the service's clock: what a client counts on its own clock,
   * which may differ from the service's by hours (a PC set to the wrong time zone).
   */
  expiresInSeconds: z.number().int().nonnegative(),
  /** …and earlier after this many seconds without a request. */
  idleTimeoutSeconds: z.number().int().positive(),
})
export type StaffSessionView = z.infer<typeof StaffSessionView>
export const StaffSignInResponse = StaffSessionView.extend({ token: z.string().regex(/^stf_[A-Za-z0-9_-]{43}$/) })

export const AccountType = z.enum(['ordinary', 'savings'])
export const accountNumberRule = z.string().regex(/^[0-9]{7}$/)
export const branchRule = z.string().regex(/^[0-9]{3}$/)

/**
 * Staff lists are cursor-paged (SCALE-01): at most STAFF_PAGE_MAX rows an answer, newest first where the list has a
 * time; `nextCursor` (opaque) asks for the rows after the last one shown, null when there are no more.
 */
export const STAFF_PAGE_MAX = 100
export const PageQuery = z.object({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(STAFF_PAGE_MAX).default(50),
})
export type PageQuery = z.input<typeof PageQuery>
const nextCursor = z.string().nullable()

export const CustomerSearch = z.discriminatedUnion('by', [
  PageQuery.extend({ by: z.literal('account'), branch: branchRule, accountNumber: accountNumberRule }),
  PageQuery.extend({ by: z.literal('user'), serviceId: serviceIdRule, userId: userIdRule }),
])
export type CustomerSearch = z.input<typeof CustomerSearch>

/** A customer as the staff API names one: a core-banking customer, or an OTP user no customer is linked to. */
export const CustomerRef = z.union([z.object({ customerId: z.string().min(1).max(36) }).strict(), z.object({ serviceId: serviceIdRule, userId: userIdRule }).strict()])
export type CustomerRef = z.infer<typeof CustomerRef>

export const CustomerSummary = z.object({
  ref: CustomerRef,
  nameKana: z.string().nullable(),
  accounts: z.array(z.object({ branch: z.string(), type: AccountType, accountNumber: z.string() })),
  otpUsers: z.array(z.object({ serviceId: z.string(), userId: z.string() })),
})
export type CustomerSummary = z.infer<typeof CustomerSummary>
export const CustomerSearchResponse = z.object({ customers: z.array(CustomerSummary), nextCursor })
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponse>

export const LinkageLockView = z.object({
  failures: z.number().int(),
  maxFailures: z.number().int(),
  locked: z.boolean(),
  lockedAt: nullableInstant,
  lockedUntil: nullableInstant,
})

/** One API-linkage attempt on the account: when it started, when it last moved, and the step it reached. */
export const LinkageAttempt = z.object({
  startedAt: instant,
  updatedAt: instant,
  step: z.enum(['account', 'customer', 'phone', 'call', 'pin', 'consent', 'done', 'aborted', 'refused']),
  clientName: z.string(),
})

export const LinkageView = z.object({
  grantId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  createdAt: instant,
  expiresAt: instant,
})

export const AccountView = z.object({
  accountId: z.string(),
  branch: z.string(),
  type: AccountType,
  accountNumber: z.string(),
  status: z.enum(['active', 'moved', 'closed']),
  linkageLock: LinkageLockView,
  lastAttempts: z.array(LinkageAttempt),
  linkages: z.array(LinkageView),
})
export type AccountView = z.infer<typeof AccountView>

export const ActivationView = z.object({
  /** none: never issued; pending: issued, not yet used; used: a device was set up with it. */
  state: z.enum(['none', 'pending', 'used', 'expired', 'locked']),
  failures: z.number().int(),
  maxFailures: z.number().int(),
  issuedAt: nullableInstant,
  expiresAt: nullableInstant,
  lockedAt: nullableInstant,
  usedAt: nullableInstant,
})

export const DeviceView = z.object({
  serialNumber: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: instant,
  /** The token's expiry (有効期限). */
  expiresAt: instant,
})

export const ApprovalKind = z.enum(['reissue-activation', 'revoke-device'])
export type ApprovalKind = z.infer<typeof ApprovalKind>

export const ApprovalView = z.object({
  approvalId: z.string(),
  kind: ApprovalKind,
  serviceId: z.string(),
  userId: z.string(),
  serialNumber: z.string().nullable(),
  reason: z.string(),
  identityCheck: IdentityCheck,
  identityNote: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: instant,
  expiresAt: instant,
})
export type ApprovalView = z.infer<typeof ApprovalView>

export const OtpUserView = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  userId: z.string(),
  status: z.enum(['active', 'suspended']),
  otpLock: z.object({ failures: z.number().int(), maxFailures: z.number().int(), locked: z.boolean(), lockedAt: nullableInstant }),
  activation: ActivationView,
  /** The active device first, then earlier ones, newest first. */
  devices: z.array(DeviceView),
  pendingApprovals: z.array(ApprovalView),
})
export type OtpUserView = z.infer<typeof OtpUserView>

export const CustomerDetail = z.object({
  ref: CustomerRef,
  customer: z.object({ customerId: z.string(), nameKana: z.string(), birthDate: z.string(), phoneLast4: z.string() }).nullable(),
  accounts: z.array(AccountView),
  otpUsers: z.array(OtpUserView),
})
export type CustomerDetail = z.infer<typeof CustomerDetail>

export const LockKind = z.enum(['linkage', 'otp', 'activation'])
export const LockedItem = z.object({
  kind: LockKind,
  ref: CustomerRef,
  nameKana: z.string().nullable(),
  /** What is locked: "115 普通 1100026" or "SHINKUMI / yamada001". */
  label: z.string(),
  lockedAt: nullableInstant,
  lockedUntil: nullableInstant,
  failures: z.number().int(),
})
export type LockedItem = z.infer<typeof LockedItem>
export const LockedList = z.object({ items: z.array(LockedItem), nextCursor })
export type LockedList = z.infer<typeof LockedList>

const OtpUserTarget = { serviceId: serviceIdRule, userId: userIdRule }
export const ReleaseLinkageLockRequest = justified({ accountId: z.string().min(1).max(36) })
export const OtpUserActionRequest = justified(OtpUserTarget)
export const ReissueActivationRequest = justified({ ...OtpUserTarget, expiresInDays: z.number().int().min(1).max(90).default(30) })
export const RevokeDeviceRequest = justified({ ...OtpUserTarget, serialNumber: z.string().regex(/^[0-9]{8}$/) })
export const RevokeLinkageRequest = justified({ grantId: z.string().min(1).max(36) })
export const MaintenanceRequest = z.object({ startsAt: instant, endsAt: instant, reason: reasonRule })

export type ReleaseLinkageLockRequest = z.infer<typeof ReleaseLinkageLockRequest>
export type OtpUserActionRequest = z.infer<typeof OtpUserActionRequest>
export type ReissueActivationRequest = z.input<typeof ReissueActivationRequest>
export type RevokeDeviceRequest = z.infer<typeof RevokeDeviceRequest>
export type RevokeLinkageRequest = z.infer<typeof RevokeLinkageRequest>
export type MaintenanceRequest = z.infer<typeof MaintenanceRequest>

/** What an action did; `changed` is false when there was nothing to do (already released, already suspended …). */
export const ActionResult = z.object({ auditSeq: z.number().int(), changed: z.boolean() })
export type ActionResult = z.infer<typeof ActionResult>
/** A four-eyes action waits for a second 管理者 (STF-02). */
export const PendingResult = z.object({ auditSeq: z.number().int(), approval: ApprovalView })
export type PendingResult = z.infer<typeof PendingResult>

export const ApprovalList = z.object({ approvals: z.array(ApprovalView), nextCursor })
export type ApprovalList = z.infer<typeof ApprovalList>
/** The outcome of an approval; a reissued activation password is in the answer once and nowhere else. */
export const ApprovalOutcome = z.object({
  auditSeq: z.number().int(),
  approval: ApprovalView,
  activationPassword: z.string().optional(),
  activationExpiresAt: instant.optional(),
})
export type ApprovalOutcome = z.infer<typeof ApprovalOutcome>

export const MaintenanceWindowView = z.object({ id: z.string(), startsAt: instant, endsAt: instant, reason: z.string(), createdBy: z.string() })
export type MaintenanceWindowView = z.infer<typeof MaintenanceWindowView>
export const MaintenanceList = z.object({ windows: z.array(MaintenanceWindowView) })
export const MaintenanceResult = z.object({ auditSeq: z.number().int(), window: MaintenanceWindowView })

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: instant,
  staffId: z.string(),
  role: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  reason: z.string().nullable(),
  identityCheck: z.string().nullable(),
  ip: z.string(),
  outcome: z.string(),
  detail: z.string().nullable(),
  hash: z.string(),
})
export type AuditEntryView = z.infer<typeof AuditEntryView>
export const AuditPage = z.object({ entries: z.array(AuditEntryView), nextCursor })
export type AuditPage = z.infer<typeof AuditPage>
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** CSV export: JST calendar dates, both inclusive. */
export const AuditExportQuery = z.object({ from: calendarDate.optional(), to: calendarDate.optional() })

export const StaffErrorCode = z.enum([
  'STAFF_UNAUTHENTICATED',
  'STAFF_FORBIDDEN',
  'STAFF_SIGNIN_FAILED',
  'STAFF_LOCKED',
  'NOT_FOUND',
  'NOTHING_TO_DO',
  'SAME_STAFF',
  'NOT_PENDING',
  'BAD_REQUEST',
])
export type StaffErrorCode = z.infer<typeof StaffErrorCode>
