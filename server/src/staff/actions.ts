// STF-04 actions that take effect at once, each with its reason, 本人確認方法 and audit entry in the same
// transaction. Every change is one conditional UPDATE; `changed` tells whether there was anything to change.
import type { Deps } from '../deps.ts'
import type {
  ActionResult,
  MaintenanceRequest,
  OtpUserActionRequest,
  ReleaseLinkageLockRequest,
  RevokeLinkageRequest,
} from '@shinkumi/common/staff-api.ts'
import { addMaintenanceWindow } from '../linkage/maintenance.ts'
import { Refusal } from '../refusal.ts'
import { audited, identityOf, type Actor } from './actor.ts'
import { iso } from './time.ts'

const changedRows = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) > 0

/** LNK-04's lock ends now instead of at 0:00 JST, and the count starts again. */
export async function releaseLinkageLock(deps: Deps, actor: Actor, input: ReleaseLinkageLockRequest): Promise<ActionResult> {
  const account = await deps.db.selectFrom('bank_accounts').select('customer_id').where('account_id', '=', input.accountId).executeTakeFirst()
  if (!account) throw new Refusal('NOT_FOUND', 'no such account')
  const spec = { action: 'linkage-lock.release', subject: `account:${input.accountId}`, reason: input.reason, identityCheck: identityOf(input) }
  return audited(deps, actor, { ...spec, detail: { customerId: account.customer_id } }, async (trx) =>
    changedRows(
      await trx
        .updateTable('linkage_locks')
        .set({ failures: 0, locked_at: null, locked_until: null, updated_at: deps.clock.now().getTime() })
        .where('account_id', '=', input.accountId)
        .where((eb) => eb.or([eb('failures', '>', 0), eb('locked_until', 'is not', null)]))
        .executeTakeFirst(),
    ),
  )
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
  return audited(deps, actor, spec, async (trx) =>
    changedRows(
      await trx
        .updateTable('tokens')
        .set({ failures: 0 })
        .where('service_id', '=', input.serviceId)
        .where('user_id', '=', input.userId)
        .where('status', '=', 'active')
        .where('failures', '>', 0)
        .executeTakeFirst(),
    ),
  )
}

/** S0C4 ends: the unused activation password the customer holds works again (same expiry). */
export async function unlockActivation(deps: Deps, actor: Actor, input: OtpUserActionRequest): Promise<ActionResult> {
  await requireOtpUser(deps, input)
  const spec = { action: 'activation.unlock', subject: otpSubject(input), reason: input.reason, identityCheck: identityOf(input) }
  return audited(deps, actor, spec, async (trx) =>
    changedRows(
      await trx
        .updateTable('activations')
        .set({ failures: 0, locked_at: null })
        .where('service_id', '=', input.serviceId)
        .where('user_id', '=', input.userId)
        .where('used_at', 'is', null)
        .where('failures', '>', 0)
        .executeTakeFirst(),
    ),
  )
}

/** 利用停止 / 利用再開: a suspended user gets S0B5 / S3B5 and `suspended` from /v1/otp/verify. */
export async function setUserStatus(deps: Deps, actor: Actor, input: OtpUserActionRequest, status: 'active' | 'suspended'): Promise<ActionResult> {
  await requireOtpUser(deps, input)
  const action = status === 'suspended' ? 'user.suspend' : 'user.resume'
  return audited(deps, actor, { action, subject: otpSubject(input), reason: input.reason, identityCheck: identityOf(input) }, async (trx) =>
    changedRows(
      await trx
        .updateTable('otp_users')
        .set({ status })
        .where('service_id', '=', input.serviceId)
        .where('user_id', '=', input.userId)
        .where('status', '<>', status)
        .executeTakeFirst(),
    ),
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
  return audited(deps, actor, spec, async (trx) =>
    changedRows(
      await trx
        .updateTable('oauth_grants')
        .set({ revoked_at: deps.clock.now().getTime(), revoked_by: `staff:${actor.staffId}` })
        .where('grant_id', '=', input.grantId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    ),
  )
}

/** Longest ad-hoc maintenance window: anything longer is a change of the calendar, not an incident. */
const MAX_WINDOW_MS = 7 * 24 * 60 * 60_000

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
  const rows = await deps.db
    .selectFrom('linkage_maintenance')
    .selectAll()
    .where('ends_at', '>', deps.clock.now().getTime())
    .orderBy('starts_at')
    .execute()
  return rows.map((r) => ({ id: r.id, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), reason: r.reason, createdBy: r.created_by }))
}
