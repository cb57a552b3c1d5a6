// パスワード補正 (OTP-24): the device sends the code it shows now; the service finds the time step that code belongs
// to within ±CORRECTION_MAX_STEPS of its own time and stores the difference, which /v1/otp/verify then adds to
// its window (SVC-04). A wrong code is a failure toward the same lock as /v1/otp/verify.
import type { z } from 'zod'
import { CORRECTION_MAX_STEPS, type CorrectRequest } from '@shinkumi/common/protocol.ts'
import type { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import type { Deps } from '../deps.ts'
import type { Db } from '../db/index.ts'
import { matchingSteps, timeStep } from '../otp/verify.ts'
import { recordOtpFailure, storeCorrection } from '../tokens/store.ts'

export type CorrectCode = RefusalCode<typeof deviceRoutes.correct>
export type CorrectOutcome = { ok: true; correctionSteps: number } | { ok: false; code: CorrectCode }

const refuse = (code: CorrectCode): CorrectOutcome => ({ ok: false, code })

export async function correctToken(deps: Deps, tokenId: string, request: z.infer<typeof CorrectRequest>): Promise<CorrectOutcome> {
  const { db, config } = deps
  const now = deps.clock.now()
  const token = await loadToken(db, tokenId)
  if (token.expires_at <= now.getTime()) return refuse('S4E3')
  // A locked token (or a suspended user) answers A403 before the code is looked at, whatever it is: as in SVC-04,
  // the answer never tells whether a code was right. Nothing more is counted: the lock is already reached.
  if (token.failures >= config.otpMaxFailures || token.user_status === 'suspended') return refuse('A403')
  const serverStep = timeStep(now, token.period)
  const candidates = Array.from({ length: 2 * CORRECTION_MAX_STEPS + 1 }, (_, i) => serverStep - CORRECTION_MAX_STEPS + i)
  const matches = matchingSteps(token, deps.seedKey, request.otp, candidates)
  if (matches.length === 0) {
    await recordOtpFailure(db, tokenId, config.otpMaxFailures, now)
    return refuse('A403')
  }
  const step = nearest(matches, timeStep(new Date(request.deviceTime), token.period))
  const stored = await storeCorrection(db, tokenId, { step, correctionSteps: step - serverStep, maxFailures: config.otpMaxFailures }, now)
  if (stored) return { ok: true, correctionSteps: step - serverStep }
  // Locked, revoked or expired between the read and the update.
  return refuse((await loadToken(db, tokenId)).expires_at <= now.getTime() ? 'S4E3' : 'A403')
}

function loadToken(db: Db, tokenId: string) {
  return db
    .selectFrom('tokens')
    .innerJoin('otp_users', (j) => j.onRef('otp_users.service_id', '=', 'tokens.service_id').onRef('otp_users.user_id', '=', 'tokens.user_id'))
    .select(['tokens.token_id', 'tokens.seed_ciphertext', 'tokens.algorithm', 'tokens.digits', 'tokens.period', 'tokens.expires_at', 'tokens.failures'])
    .select('otp_users.status as user_status')
    .where('tokens.token_id', '=', tokenId)
    .executeTakeFirstOrThrow()
}

/** Two steps can share a code (8 digits, 21 candidates: rare, not impossible): the device's own time decides. */
function nearest(steps: number[], deviceStep: number): number {
  return steps.reduce((best, s) => (Math.abs(s - deviceStep) < Math.abs(best - deviceStep) ? s : best))
}
