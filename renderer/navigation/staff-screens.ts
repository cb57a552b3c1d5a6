// The staff mode's screens (STF-01…STF-05), as data; joined into the Screen union in screens.ts and given their
// rows in staff-registry.tsx. Leaving them goes through 'staffLeave', which signs out first.
import type { CustomerRef, CustomerSearch } from '@shinkumi/common/staff-api.ts'
import type { StaffActionInput, StaffStatus } from '@shinkumi/common/staff-bridge.ts'
import type { Screen } from './screens.ts'

/** An action as planned on the customer screen: everything but the reason and 本人確認方法, asked next. */
export type PlannedAction = DistributiveOmit<Exclude<StaffActionInput, { kind: 'maintenance' }>, 'reason' | 'identityCheck' | 'identityNote'>
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export type StaffScreen =
  /** Staff ID, password, own TOTP; `ended` tells why the previous session ended by itself. */
  | { name: 'staffSignIn'; ended?: NonNullable<StaffStatus['endedBy']> }
  /** The staff menu, by role. */
  | { name: 'staffHome' }
  /** 顧客検索, keeping the last search so [戻る] from a customer returns to its results. */
  | { name: 'staffSearch'; search?: CustomerSearch }
  | { name: 'staffCustomer'; ref: CustomerRef; back: Screen }
  /** One action: reason, 本人確認方法, confirmation, outcome; `target` says on whom, as shown. */
  | { name: 'staffAction'; action: PlannedAction; target: string; back: Screen }
  | { name: 'staffLocks' }
  | { name: 'staffApprovals' }
  | { name: 'staffMaintenance' }
  | { name: 'staffAudit' }
  /** Signs out, then back to the customer app's start. */
  | { name: 'staffLeave' }

export type StaffScreenName = StaffScreen['name']
