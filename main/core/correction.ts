// パスワード補正 (OTP-24, seed 3.9): the device sends the code it shows now and its own clock; the service finds
// which of its time steps the code belongs to and stores that offset for this token, so later verification of the
// customer's codes applies it. The device keeps generating codes from its own clock, unchanged.
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { Clock } from '@shinkumi/common/time.ts'
import { currentOtp } from './otp.ts'
import { signedCall, type SignedCallDeps } from './signed-call.ts'
import type { TokenRecord, Vault } from './vault.ts'

export interface CorrectionDeps extends SignedCallDeps {
  vault: Vault
  clock: Clock
}

/** The offset the service stored, in time steps; or a CodedError (A400, A401, A403, S4E3). */
export async function correctClock(deps: CorrectionDeps, token: TokenRecord): Promise<number> {
  const now = deps.clock.now()
  const seed = await deps.vault.readSecret(token.id, 'totpSeed')
  let otp: string
  try {
    otp = currentOtp(seed, token, now.getTime()).code
  } finally {
    seed.fill(0)
  }
  const body = { otp, deviceTime: now.toISOString() }
  const { correctionSteps } = await signedCall(deps, token.id, deviceRoutes.correct, { body }, 'A4')
  return correctionSteps
}
