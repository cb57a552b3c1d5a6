// STF-03 "everything locked now, newest first": API-linkage locks (until 0:00 JST), OTP locks (until staff reset)
// and activation-password locks (S0C4), each with the customer it belongs to.
import type { Deps } from '../app.ts'
import type { LockedItem } from '../../../common/staff-api.ts'
import { ACCOUNT_TYPE_LABELS } from '../accounts/bank.ts'
import { isoOrNull } from './time.ts'

export async function lockedNow(deps: Deps): Promise<LockedItem[]> {
  const now = deps.clock.now().getTime()
  const items = [...(await linkageLocks(deps, now)), ...(await otpLocks(deps)), ...(await activationLocks(deps))]
  return items.sort((a, b) => (b.lockedAt ?? '').localeCompare(a.lockedAt ?? ''))
}

async function linkageLocks(deps: Deps, now: number): Promise<LockedItem[]> {
  const rows = await deps.db
    .selectFrom('linkage_locks as l')
    .innerJoin('bank_accounts as a', 'a.account_id', 'l.account_id')
    .innerJoin('bank_customers as c', 'c.customer_id', 'a.customer_id')
    .select(['a.customer_id', 'c.name_kana', 'a.branch', 'a.type', 'a.account_number', 'l.failures', 'l.locked_at', 'l.locked_until'])
    .where('l.locked_until', '>', now)
    .execute()
  return rows.map((r) => ({
    kind: 'linkage',
    ref: { customerId: r.customer_id },
    nameKana: r.name_kana,
    label: `${r.branch} ${ACCOUNT_TYPE_LABELS[r.type]} ${r.account_number}`,
    lockedAt: isoOrNull(r.locked_at),
    lockedUntil: isoOrNull(r.locked_until),
    failures: r.failures,
  }))
}

/** OTP users joined to their customer when one is linked: locks are listed under the person, not the token. */
function otpUsersWithCustomer(deps: Deps) {
  return deps.db
    .selectFrom('otp_users as u')
    .leftJoin('customer_otp_users as l', (join) => join.onRef('l.service_id', '=', 'u.service_id').onRef('l.user_id', '=', 'u.user_id'))
    .leftJoin('bank_customers as c', 'c.customer_id', 'l.customer_id')
}

const refOf = (r: { customer_id: string | null; service_id: string; user_id: string }) =>
  r.customer_id ? { customerId: r.customer_id } : { serviceId: r.service_id, userId: r.user_id }

async function otpLocks(deps: Deps): Promise<LockedItem[]> {
  const rows = await otpUsersWithCustomer(deps)
    .innerJoin('tokens as t', (join) => join.onRef('t.service_id', '=', 'u.service_id').onRef('t.user_id', '=', 'u.user_id'))
    .select(['u.service_id', 'u.user_id', 'l.customer_id', 'c.name_kana', 't.failures', 't.failed_at'])
    .where('t.status', '=', 'active')
    .where('t.failures', '>=', deps.config.otpMaxFailures)
    .execute()
  return rows.map((r) => ({
    kind: 'otp',
    ref: refOf(r),
    nameKana: r.name_kana,
    label: `${r.service_id} / ${r.user_id}`,
    lockedAt: isoOrNull(r.failed_at),
    lockedUntil: null,
    failures: r.failures,
  }))
}

async function activationLocks(deps: Deps): Promise<LockedItem[]> {
  const rows = await otpUsersWithCustomer(deps)
    .innerJoin('activations as v', (join) => join.onRef('v.service_id', '=', 'u.service_id').onRef('v.user_id', '=', 'u.user_id'))
    .select(['u.service_id', 'u.user_id', 'l.customer_id', 'c.name_kana', 'v.failures', 'v.locked_at'])
    .where('v.used_at', 'is', null)
    .where('v.failures', '>=', deps.config.activationMaxFailures)
    .execute()
  return rows.map((r) => ({
    kind: 'activation',
    ref: refOf(r),
    nameKana: r.name_kana,
    label: `${r.service_id} / ${r.user_id}`,
    lockedAt: isoOrNull(r.locked_at),
    lockedUntil: null,
    failures: r.failures,
  }))
}
