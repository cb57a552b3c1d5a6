// STF-04 actions that take effect at once, each with its reason, 本人確認方法 and audit entry in the same
// transaction. Every change is one conditional UPDATE of the area that owns the table; `changed` tells whether
// there was anything to change.
import type { Deps } from '../deps.ts'
import type { ActionResult, MaintenanceRequest, OtpUserActionRequest, ReleaseLinkageLockRequest, RevokeLinkageRequest } from '@shinkumi/common/staff-api.ts'
import { releaseLock } from '../linkage/lock.ts'
import { addMaintenanceWindow } from '../linkage/maintenance.ts'
import { revokeGrant } from '../oauth/grants.ts'
import { clearActivationFailures } from '../provisioning/activations.ts'
import { setOtpUserStatus } from '../provisioning/catalog.ts'
import { resetFailures } from '../tokens/store.ts'
import { Refusal } from '../refusal.ts'
import { audited, identityOf, type Actor } from './actor.ts'
import { DAY_MS, iso } from '@shinkumi/common/time.ts'

/** LNK-04's lock ends now instead of at 0:00 JST, and the count starts again. */
export async function releaseLinkageLock(deps: Deps, actor: Actor, input: ReleaseLinkageLockRequest): Promise<ActionResult> {
  const account = await deps.db.selectFrom('bank_accounts').select('customer_id').where('account_id', '=', input.accountId).executeTakeFirst()
  if (!account) throw new Refusal('NOT_FOUND', 'no such account')
  const spec = { action: 'linkage-lock.release', subject: `account:${input.accountId}`, reason: input.reason, identityCheck: identityOf(input) }
  return audited(deps, actor, { ...spec, detail: { customerId: account.customer_id } }, (trx) => releaseLock(trx, input.accountId, deps.clock.now()))
}

async function requireOtpUser(deps: Deps, { serviceId, userId }: { serviceId: string; userId: string }): Promise<void> {
  const user = await deps.db.selectFrom('otp_users').select('status').where('service_id', '=', serviceId).where('user_id', '=', userId).executeTakeFirst()
  if (!user) throw new Refusal('NOT_FOUND', 'no such OTP user')
}

const otpSubject = (u: { serviceId: string; userId: string }) => `otp:${u.serviceId}/${u.userId}`

/** SVC-04's lock (which only staff end): the active token's failure count back to zero. */
export async function resetOtpFailures(deps: Deps, actor: Actor, input: OtpUserActionRequest): Promise<ActionResult> {
  await requireOtpUser(deps, input)
  const spec = { action: 'otp-failures.reset', subject: otpSubject(input), reason: input.reason, identityCheck: identityOf(input) }
  return audited(deps, actor, spec, (trx) => resetFailures(trx, input))
}

/** S0C4 ends: the unused activation password the customer holds works again (same expiry). */
export async function unlockActivation(deps: Deps, actor: Actor, input: OtpUserActionRequest): Promise<ActionResult> {
  await requireOtpUser(deps, input)
  const spec = { action: 'activation.unlock', subject: otpSubject(input), reason: input.reason, identityCheck: identityOf(input) }
  return audited(deps, actor, spec, (trx) => clearActivationFailures(trx, input))
}

/** 利用停止 / 利用再開: a suspended user gets S0B5 / S3B5 and `suspended` from /v1/otp/verify. */
export async function setUserStatus(deps: Deps, actor: Actor, input: OtpUserActionRequest, status: 'active' | 'suspended'): Promise<ActionResult> {
  await requireOtpUser(deps, input)
  const action = status === 'suspended' ? 'user.suspend' : 'user.resume'
  return audited(deps, actor, { action, subject: otpSubject(input), reason: input.reason, identityCheck: identityOf(input) }, (trx) =>
    setOtpUserStatus(trx, input.serviceId, input.userId, status),
  )
}

/** LNK-12: the credit union ends a fintech app's access; its access and refresh tokens stop with the grant. */
export async function revokeLinkage(deps: Deps, actor: Actor, input: RevokeLinkageRequest): Promise<ActionResult> {
  const grant = await deps.db.selectFrom('oauth_grants').select(['account_id', 'client_id']).where('grant_id', '=', input.grantId).executeTakeFirst()
  if (!grant) throw new Refusal('NOT_FOUND', 'no such linkage')
  const spec = {
    action: 'linkage.revoke',
    subject: `grant:${input.grantId}`,
    reason: input.reason,
    identityCheck: identityOf(input),
    detail: { accountId: grant.account_id, clientId: grant.client_id },
  }
  return audited(deps, actor, spec, (trx) => revokeGrant(trx, input.grantId, `staff:${actor.staffId}`, deps.clock.now()))
}

/** Longest ad-hoc maintenance window: anything longer is a change of the calendar, not an incident. */
const MAX_WINDOW_MS = 7 * DAY_MS

/** LNK-05 "その他システムメンテナンス": the linkage pages refuse service during the window. */
export async function setMaintenance(deps: Deps, actor: Actor, input: MaintenanceRequest) {
  const startsAt = new Date(input.startsAt)
  const endsAt = new Date(input.endsAt)
  const now = deps.clock.now()
  if (endsAt <= startsAt || endsAt <= now || endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS) {
    throw new Refusal('BAD_REQUEST', 'a window ends after it starts, in the future, within 7 days')
  }
  let id = ''
  const result = await audited(
    deps,
    actor,
    { action: 'maintenance.set', subject: null, reason: input.reason, identityCheck: null, detail: { startsAt: iso(startsAt.getTime()), endsAt: iso(endsAt.getTime()) } },
    async (trx) => {
      id = await addMaintenanceWindow(trx, { startsAt, endsAt, reason: input.reason, createdBy: `staff:${actor.staffId}` }, now)
      return true
    },
  )
  return { auditSeq: result.auditSeq, window: { id, startsAt: iso(startsAt.getTime()), endsAt: iso(endsAt.getTime()), reason: input.reason, createdBy: `staff:${actor.staffId}` } }
}

export async function upcomingMaintenance(deps: Deps) {
  const rows = await deps.db.selectFrom('linkage_maintenance').selectAll().where('ends_at', '>', deps.clock.now().getTime()).orderBy('starts_at').execute()
  return rows.map((r) => ({ id: r.id, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), reason: r.reason, createdBy: r.created_by }))
}
