// 取引確認 (OTP-25, SVC-06): a relying party asks a customer's device to confirm a transaction; the device answers
// once, signed and bound to the content it showed. "expired" is never stored: a pending transaction whose
// expires_at has passed reads as expired, and the decision's UPDATE requires expires_at > now — so what a reader
// sees and what a decision can do follow the same instant.
import type { z } from 'zod'
import { TransactionDetails, transactionContentSha256, type DecisionRequest, type TransactionStatus } from '@shinkumi/common/protocol.ts'
import type { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import type { CreateTransactionRequest, relyingPartyRoutes } from '@shinkumi/common/wire/relying-party.ts'
import type { Deps } from '../deps.ts'
import type { Db } from '../db/index.ts'
import type { TransactionConfirmationsTable } from '../db/schema.ts'
import type { SignedDevice } from '../devices/signed-request.ts'
import { enrolForTransactions } from '../tokens/store.ts'
import { iso } from '@shinkumi/common/time.ts'

/** Refusals to a relying party creating a transaction. */
export type CreateCode = RefusalCode<typeof relyingPartyRoutes.createTransaction>
export type DecisionCode = RefusalCode<typeof deviceRoutes.decideTransaction>
type Status = z.infer<typeof TransactionStatus>

export function statusAt(row: Pick<TransactionConfirmationsTable, 'status' | 'expires_at'>, now: Date): Status {
  return row.status === 'pending' && row.expires_at <= now.getTime() ? 'expired' : row.status
}

export async function createTransaction(deps: Deps, relyingPartyId: string, input: CreateTransactionRequest): Promise<{ ok: true; id: string } | { ok: false; code: CreateCode }> {
  const now = deps.clock.now()
  const target = await confirmingToken(deps, input.serviceId, input.userId, now)
  if ('code' in target) return { ok: false, code: target.code }
  const id = crypto.randomUUID()
  await deps.db
    .insertInto('transaction_confirmations')
    .values({
      id,
      token_id: target.tokenId,
      relying_party_id: relyingPartyId,
      details: JSON.stringify(input.details),
      content_sha256: await transactionContentSha256(input.details),
      status: 'pending',
      created_at: now.getTime(),
      expires_at: now.getTime() + input.expiresInSeconds * 1000,
      decided_at: null,
      decision_signature: null,
      decision_timestamp: null,
      decision_nonce: null,
      decision_body: null,
    })
    .execute()
  return { ok: true, id }
}

/** The token that will be asked, or why none can be. The service is judged first: it tells nothing about users. */
async function confirmingToken(deps: Deps, serviceId: string, userId: string, now: Date): Promise<{ tokenId: string } | { code: CreateCode }> {
  const service = await deps.db.selectFrom('services').select('offers_transactions').where('service_id', '=', serviceId).executeTakeFirst()
  if (!service) return { code: 'TX_NO_TOKEN' }
  if (service.offers_transactions !== 1) return { code: 'TX_NOT_OFFERED' }
  const token = await deps.db
    .selectFrom('tokens')
    .innerJoin('otp_users', (j) => j.onRef('otp_users.service_id', '=', 'tokens.service_id').onRef('otp_users.user_id', '=', 'tokens.user_id'))
    .select(['tokens.token_id', 'tokens.expires_at', 'tokens.transaction_enrolment', 'otp_users.status as user_status'])
    .where('tokens.service_id', '=', serviceId)
    .where('tokens.user_id', '=', userId)
    .where('tokens.status', '=', 'active')
    .executeTakeFirst()
  // An expired token cannot answer either: for the relying party it is the same as having none.
  if (!token || token.expires_at <= now.getTime()) return { code: 'TX_NO_TOKEN' }
  if (token.user_status === 'suspended') return { code: 'TX_SUSPENDED' }
  if (token.transaction_enrolment !== 'enrolled') return { code: 'TX_NOT_ENROLLED' }
  return { tokenId: token.token_id }
}

/** The status a relying party sees, and its service; only the relying party that created it sees it at all. */
export async function transactionStatus(deps: Deps, relyingPartyId: string, id: string): Promise<{ status: Status; serviceId: string } | null> {
  const row = await deps.db
    .selectFrom('transaction_confirmations')
    .innerJoin('tokens', 'tokens.token_id', 'transaction_confirmations.token_id')
    .select(['transaction_confirmations.status', 'transaction_confirmations.expires_at', 'tokens.service_id'])
    .where('transaction_confirmations.id', '=', id)
    .where('transaction_confirmations.relying_party_id', '=', relyingPartyId)
    .executeTakeFirst()
  return row ? { status: statusAt(row, deps.clock.now()), serviceId: row.service_id } : null
}

/** 取引認証開始: only for a service that offers 取引確認; enrolling twice is the same as once. */
export function enrolToken(deps: Deps, tokenId: string): Promise<boolean> {
  return enrolForTransactions(deps.db, tokenId)
}

/**
 * A revoked device's pending transactions end now, in the caller's transaction: the device can no longer answer
 * them, and their relying party should not wait for their expiry to learn that.
 */
export async function endPendingTransactions(db: Db, tokenIds: string[], now: Date): Promise<void> {
  await db
    .updateTable('transaction_confirmations')
    .set({ expires_at: now.getTime() })
    .where('token_id', 'in', tokenIds)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now.getTime())
    .execute()
}

/** The token's transactions still waiting for an answer, oldest first. */
export async function pendingTransactions(deps: Deps, tokenId: string) {
  const now = deps.clock.now().getTime()
  const rows = await deps.db
    .selectFrom('transaction_confirmations')
    .select(['id', 'details', 'created_at', 'expires_at'])
    .where('token_id', '=', tokenId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    details: TransactionDetails.parse(JSON.parse(row.details)),
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
  }))
}

/**
 * The device's answer. Exactly one answer ever counts: a single UPDATE that requires the transaction to be
 * pending and unexpired at the instant it applies; every other concurrent answer (or one after expiry) finds
 * nothing to update. The signed request is stored as evidence: it covers the body, which holds contentSha256.
 */
export async function decideTransaction(
  deps: Deps,
  device: SignedDevice,
  id: string,
  decision: z.infer<typeof DecisionRequest>,
): Promise<{ ok: true; status: Status } | { ok: false; code: DecisionCode }> {
  const row = await deps.db.selectFrom('transaction_confirmations').select('content_sha256').where('id', '=', id).where('token_id', '=', device.tokenId).executeTakeFirst()
  if (!row) return { ok: false, code: 'TX_NOT_FOUND' }
  if (row.content_sha256 !== decision.contentSha256) return { ok: false, code: 'TX_CONTENT_MISMATCH' }
  const now = deps.clock.now().getTime()
  const decided = await deps.db
    .updateTable('transaction_confirmations')
    .set({
      status: decision.decision === 'approve' ? 'approved' : 'rejected',
      decided_at: now,
      decision_signature: device.signature,
      decision_timestamp: device.timestamp,
      decision_nonce: device.nonce,
      decision_body: device.body.toString('utf8'),
    })
    .where('id', '=', id)
    .where('token_id', '=', device.tokenId)
    .where('content_sha256', '=', decision.contentSha256)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .returning('status')
    .executeTakeFirst()
  return decided ? { ok: true, status: decided.status } : { ok: false, code: 'TX_NOT_PENDING' }
}
