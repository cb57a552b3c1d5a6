// 有効期限更新 (OTP-20…23): a token is renewed from RENEWAL_WINDOW_DAYS before its expiry until its expiry; the new
// expiry is the service's token lifetime from now. Refusals are the seed's codes (seed 4.3, 有効期限の更新時).
import { RENEWAL_WINDOW_DAYS } from '@shinkumi/common/protocol.ts'
import type { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import type { Deps } from '../deps.ts'
import type { Db } from '../db/index.ts'
import { DAY_MS } from '@shinkumi/common/time.ts'
import { extendExpiry } from '../tokens/store.ts'

export type RenewCode = RefusalCode<typeof deviceRoutes.renew>
export type RenewOutcome = { ok: true; expiresAt: Date } | { ok: false; code: RenewCode }

const WINDOW_MS = RENEWAL_WINDOW_DAYS * DAY_MS

/** Inside [expiresAt − 180 days, expiresAt): exactly 180 days before is inside, the instant of expiry is not. */
export function inRenewalWindow(expiresAt: number, now: Date): boolean {
  return expiresAt - WINDOW_MS <= now.getTime() && now.getTime() < expiresAt
}

export async function renewToken(deps: Deps, tokenId: string): Promise<RenewOutcome> {
  const now = deps.clock.now()
  const refused = await renewalRefusal(deps.db, tokenId, now)
  if (refused) return { ok: false, code: refused }
  const expiresAt = now.getTime() + deps.config.tokenLifetimeDays * DAY_MS
  if (await extendExpiry(deps.db, tokenId, { expiresAt, windowMs: WINDOW_MS }, now)) return { ok: true, expiresAt: new Date(expiresAt) }
  // Something changed between the checks and the update (a concurrent renewal or transaction): say what, now.
  return { ok: false, code: (await renewalRefusal(deps.db, tokenId, now)) ?? 'S3E4' }
}

/** The seed's refusals in the seed's order, or null when the token may be renewed now. */
async function renewalRefusal(db: Db, tokenId: string, now: Date): Promise<RenewCode | null> {
  const token = await db
    .selectFrom('tokens')
    .innerJoin('otp_users', (j) => j.onRef('otp_users.service_id', '=', 'tokens.service_id').onRef('otp_users.user_id', '=', 'tokens.user_id'))
    .innerJoin('services', 'services.service_id', 'tokens.service_id')
    .select(['tokens.service_id', 'tokens.user_id', 'tokens.status', 'tokens.expires_at', 'tokens.transaction_enrolment'])
    .select(['otp_users.status as user_status', 'services.offers_transactions'])
    .where('tokens.token_id', '=', tokenId)
    .executeTakeFirstOrThrow()
  // S3B3 (ご利用申請後の初期設定が完了していません): the token is not the user's current one. A revoked token never gets
  // here — the signed-request check answers DEVICE_REVOKED (A998, re-issue guidance). What remains is a re-issue
  // in progress: the credit union issued a new 利用開始パスワード after this token was set up, and the setup with it
  // is not done; renewing the token being replaced would defeat the re-issue.
  if (token.status !== 'active' || (await reissuePending(db, token.service_id, token.user_id, now))) return 'S3B3'
  if (token.user_status === 'suspended') return 'S3B5'
  if (!inRenewalWindow(token.expires_at, now)) return 'S3E4'
  if (token.offers_transactions === 1 && token.transaction_enrolment !== 'enrolled') return 'S3D3'
  if (await hasPendingTransactions(db, tokenId, now)) return 'S3D4'
  return null
}

/** An unused, unexpired activation password while the user has a token: one was issued again. */
async function reissuePending(db: Db, serviceId: string, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('activations')
    .select('id')
    .where('service_id', '=', serviceId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.getTime())
    .executeTakeFirst()
  return row !== undefined
}

export async function hasPendingTransactions(db: Db, tokenId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('transaction_confirmations')
    .select('id')
    .where('token_id', '=', tokenId)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now.getTime())
    .executeTakeFirst()
  return row !== undefined
}
