// Table types of the staff area (0004_staff): staff users and sessions, four-eyes approvals, the audit log and
// its chain head, and which OTP users belong to which core-banking customer. Same conventions as schema.ts.
import type { StaffRole } from '@shinkumi/common/staff-api.ts'

export interface StaffUsersTable {
  staff_id: string
  name: string
  role: StaffRole
  password_hash: string
  /** The staff member's own TOTP secret, AES-256-GCM under the seed key, bound to `staff:<id>`. */
  totp_secret_ciphertext: string
  /** Last accepted TOTP step: a code at or before it is a replay. */
  totp_last_step: number
  failures: number
  locked_until: number | null
  created_at: number
}

export interface StaffSessionsTable {
  /** SHA-256 of the opaque token: the token itself is never stored. */
  token_hash: string
  staff_id: string
  ip: string
  created_at: number
  last_seen_at: number
  /** The absolute end, whatever the activity. */
  expires_at: number
  revoked_at: number | null
}

export interface StaffApprovalsTable {
  approval_id: string
  kind: 'reissue-activation' | 'revoke-device'
  service_id: string
  user_id: string
  serial_number: string | null
  expires_in_days: number | null
  reason: string
  identity_check: string
  identity_note: string | null
  requested_by: string
  requested_at: number
  expires_at: number
  status: 'pending' | 'approved' | 'rejected'
  decided_by: string | null
  decided_at: number | null
}

export interface StaffAuditTable {
  seq: number
  at: number
  staff_id: string
  staff_role: string | null
  action: string
  subject: string | null
  reason: string | null
  identity_check: string | null
  ip: string
  outcome: string
  detail: string | null
  prev_hash: string
  hash: string
}

/** One row (id = 1): the chain's last sequence number and hash. Appends update it first, which serialises them. */
export interface StaffAuditHeadTable {
  id: number
  seq: number
  hash: string
}

export interface CustomerOtpUsersTable {
  customer_id: string
  service_id: string
  user_id: string
}

export interface StaffDatabase {
  staff_users: StaffUsersTable
  staff_sessions: StaffSessionsTable
  staff_approvals: StaffApprovalsTable
  staff_audit: StaffAuditTable
  staff_audit_head: StaffAuditHeadTable
  customer_otp_users: CustomerOtpUsersTable
}
