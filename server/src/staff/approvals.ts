// Four eyes (STF-02): reissuing an activation password and revoking a device are requested by one 管理者 and take
// effect only when a second 管理者 approves in their own session. The claim is one conditional UPDATE (pending,
// not expired, not requested by the approver), so two approvals of the same request cannot both act.
import type { Transaction } from 'kysely'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import type { ApprovalList, ApprovalOutcome, ApprovalView, PendingResult, ReissueActivationRequest, RevokeDeviceRequest } from '@shinkumi/common/staff-api.ts'
import type { Database } from '../db/schema.ts'
import type { StaffApprovalsTable } from '../db/schema-staff.ts'
import { revokeDevice } from '../devices/revoke.ts'
import { newActivationPassword, replaceActivation } from '../provisioning/activations.ts'
import { hashPassword } from '../secrets.ts'
import { appendAudit } from './audit.ts'
import { Refusal } from '../refusal.ts'
import { audited, identityOf, type Actor } from './actor.ts'
import { decodeCursor, pageOf } from './cursor.ts'
import { DAY_MS, iso } from '@shinkumi/common/time.ts'

/** A request nobody approved within a day is void: the situation at the counter has moved on. */
const APPROVAL_TTL_MS = DAY_MS

function viewOf(row: StaffApprovalsTable): ApprovalView {
  return {
    approvalId: row.approval_id,
    kind: row.kind,
    serviceId: row.service_id,
    userId: row.user_id,
    serialNumber: row.serial_number,
    reason: row.reason,
    identityCheck: row.identity_check as ApprovalView['identityCheck'],
    identityNote: row.identity_note,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at),
    expiresAt: iso(row.expires_at),
  }
}

function pendingApprovals(deps: Deps) {
  return deps.db
    .selectFrom('staff_approvals')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '>', deps.clock.now().getTime())
    .orderBy('requested_at', 'desc')
    .orderBy('approval_id', 'desc')
}

/** One OTP user's pending requests, newest first (a few at most: each one waits a day at the longest). */
export async function pendingApprovalsOf(deps: Deps, user: { serviceId: string; userId: string }): Promise<ApprovalView[]> {
  return (await pendingApprovals(deps).where('service_id', '=', user.serviceId).where('user_id', '=', user.userId).execute()).map(viewOf)
}

const ApprovalCursor = z.tuple([z.number().int(), z.string().max(36)])

/** Every pending request, newest first, one page at a time (SCALE-01). */
export async function approvalPage(deps: Deps, page: { cursor?: string; limit: number }): Promise<ApprovalList> {
  const after = decodeCursor(ApprovalCursor, page.cursor)
  let query = pendingApprovals(deps).limit(page.limit + 1)
  if (after) {
    const [at, id] = after
    query = query.where('requested_at', '<=', at).where((eb) => eb.or([eb('requested_at', '<', at), eb('approval_id', '<', id)]))
  }
  const { rows, nextCursor } = pageOf(await query.execute(), page.limit, (r) => [r.requested_at, r.approval_id])
  return { approvals: rows.map(viewOf), nextCursor }
}

type FourEyesRequest = (ReissueActivationRequest & { kind: 'reissue-activation' }) | (RevokeDeviceRequest & { kind: 'revoke-device' })

export async function requestApproval(deps: Deps, actor: Actor, request: FourEyesRequest): Promise<PendingResult> {
  await checkTarget(deps, request)
  const now = deps.clock.now().getTime()
  const row: StaffApprovalsTable = {
    approval_id: crypto.randomUUID(),
    kind: request.kind,
    service_id: request.serviceId,
    user_id: request.userId,
    serial_number: request.kind === 'revoke-device' ? request.serialNumber : null,
    expires_in_days: request.kind === 'reissue-activation' ? (request.expiresInDays ?? 30) : null,
    reason: request.reason,
    identity_check: request.identityCheck,
    identity_note: request.identityNote ?? null,
    requested_by: actor.staffId,
    requested_at: now,
    expires_at: now + APPROVAL_TTL_MS,
    status: 'pending',
    decided_by: null,
    decided_at: null,
  }
  const spec = { action: `${request.kind}.request`, subject: `otp:${request.serviceId}/${request.userId}`, reason: request.reason, identityCheck: identityOf(request) }
  const { auditSeq } = await audited(deps, actor, { ...spec, detail: { approvalId: row.approval_id, serialNumber: row.serial_number } }, async (trx) => {
    await trx.insertInto('staff_approvals').values(row).execute()
    return true
  })
  return { auditSeq, approval: viewOf(row) }
}

async function checkTarget(deps: Deps, request: FourEyesRequest): Promise<void> {
  const user = await deps.db.selectFrom('otp_users').select('status').where('service_id', '=', request.serviceId).where('user_id', '=', request.userId).executeTakeFirst()
  if (!user) throw new Refusal('NOT_FOUND', 'no such OTP user')
  if (request.kind !== 'revoke-device') return
  const device = await deps.db
    .selectFrom('tokens')
    .select('status')
    .where('serial_number', '=', request.serialNumber)
    .where('service_id', '=', request.serviceId)
    .where('user_id', '=', request.userId)
    .executeTakeFirst()
  if (!device) throw new Refusal('NOT_FOUND', 'no such device of this user')
  if (device.status !== 'active') throw new Refusal('NOTHING_TO_DO', 'the device is already revoked')
}

export async function approve(deps: Deps, actor: Actor, approvalId: string): Promise<ApprovalOutcome> {
  const pending = await deps.db.selectFrom('staff_approvals').select('kind').where('approval_id', '=', approvalId).executeTakeFirst()
  if (!pending) throw new Refusal('NOT_FOUND', 'no such approval')
  // The slow hash before the transaction: it holds no lock while scrypt runs.
  const password = pending.kind === 'reissue-activation' ? newActivationPassword() : undefined
  const passwordHash = password ? await hashPassword(password) : undefined
  const now = deps.clock.now()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const claimed = await claim(trx, actor, approvalId, 'approved', now)
    const effect = await carryOut(trx, claimed, now, passwordHash)
    const auditSeq = await appendAudit(trx, decisionEvent(actor, claimed, 'approve', effect.changed), now)
    return { auditSeq, approval: viewOf(claimed), activationExpiresAt: effect.activationExpiresAt }
  })
  return password ? { ...outcome, activationPassword: password } : { auditSeq: outcome.auditSeq, approval: outcome.approval }
}

export async function reject(deps: Deps, actor: Actor, approvalId: string): Promise<ApprovalOutcome> {
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await claim(trx, actor, approvalId, 'rejected', now, { rejecting: true })
    return { auditSeq: await appendAudit(trx, decisionEvent(actor, claimed, 'reject', false), now), approval: viewOf(claimed) }
  })
}

/** Decides a pending request; the requester may withdraw (reject) their own request but never approve it. */
async function claim(trx: Transaction<Database>, actor: Actor, approvalId: string, status: 'approved' | 'rejected', now: Date, options = { rejecting: false }) {
  let update = trx
    .updateTable('staff_approvals')
    .set({ status, decided_by: actor.staffId, decided_at: now.getTime() })
    .where('approval_id', '=', approvalId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now.getTime())
  if (!options.rejecting) update = update.where('requested_by', '<>', actor.staffId)
  const claimed = await update.returningAll().executeTakeFirst()
  if (claimed) return claimed
  const row = await trx.selectFrom('staff_approvals').select(['requested_by']).where('approval_id', '=', approvalId).executeTakeFirst()
  if (!row) throw new Refusal('NOT_FOUND', 'no such approval')
  if (!options.rejecting && row.requested_by === actor.staffId) throw new Refusal('SAME_STAFF', 'a second 管理者 must approve')
  throw new Refusal('NOT_PENDING', 'the approval is decided or expired')
}

async function carryOut(trx: Transaction<Database>, approval: StaffApprovalsTable, now: Date, passwordHash: string | undefined) {
  const revoked = await revokeDevices(trx, approval, now)
  if (approval.kind === 'revoke-device') return { changed: revoked > 0 }
  const expiresAt = now.getTime() + (approval.expires_in_days ?? 30) * DAY_MS
  await replaceActivation(trx, { serviceId: approval.service_id, userId: approval.user_id, passwordHash: passwordHash!, expiresAt: new Date(expiresAt) }, now)
  return { changed: true, activationExpiresAt: iso(expiresAt) }
}

/** revoke-device: the named device; reissue: whatever device is active, so the customer can set up again (no S0B4). */
async function revokeDevices(trx: Transaction<Database>, approval: StaffApprovalsTable, now: Date): Promise<number> {
  const user = { serviceId: approval.service_id, userId: approval.user_id }
  if (!approval.serial_number) return (await revokeDevice(trx, user, now)).length
  const token = await trx
    .selectFrom('tokens')
    .select('token_id')
    .where('serial_number', '=', approval.serial_number)
    .where('service_id', '=', user.serviceId)
    .where('user_id', '=', user.userId)
    .executeTakeFirst()
  return token ? (await revokeDevice(trx, { tokenId: token.token_id }, now)).length : 0
}

function decisionEvent(actor: Actor, approval: StaffApprovalsTable, decision: 'approve' | 'reject', changed: boolean) {
  const identity = approval.identity_note ? `${approval.identity_check}:${approval.identity_note}` : approval.identity_check
  return {
    staffId: actor.staffId,
    role: actor.role,
    ip: actor.ip,
    action: `${approval.kind}.${decision}`,
    subject: `otp:${approval.service_id}/${approval.user_id}`,
    reason: approval.reason,
    identityCheck: identity,
    outcome: decision === 'reject' ? 'rejected' : changed ? 'done' : 'unchanged',
    detail: { approvalId: approval.approval_id, requestedBy: approval.requested_by, serialNumber: approval.serial_number },
  }
}
