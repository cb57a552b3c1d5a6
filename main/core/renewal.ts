// 有効期限更新 / 有効期限切れ (OTP-20…23, seed 3.8). Expiry is judged by this device's clock against the expiry the
// service gave at provisioning or at the last renewal, as the seed's phone app does: the screens appear before any
// exchange. Renewal itself is one device-signed request; the service decides the new expiry.
import { RENEWAL_WINDOW_DAYS } from '@shinkumi/common/protocol.ts'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import { CodedError } from './coded-error.ts'
import { signedCall, type SignedCallDeps } from './signed-call.ts'
import type { TokenRecord, Vault } from './vault.ts'
import { DAY_MS } from '@shinkumi/common/time.ts'

export type ExpiryState = 'valid' | 'renewable' | 'expired'

export function expiryState(expiresAt: string, nowMs: number): ExpiryState {
  const left = Date.parse(expiresAt) - nowMs
  if (!(left > 0)) return 'expired'
  return left <= RENEWAL_WINDOW_DAYS * DAY_MS ? 'renewable' : 'valid'
}

export interface RenewalDeps extends SignedCallDeps {
  vault: Vault
}

/** 「今すぐ更新」: the renewed token as stored, or a CodedError with the seed's code (A3…, S3…). */
export async function renewToken(deps: RenewalDeps, token: TokenRecord): Promise<TokenRecord> {
  try {
    const { expiresAt } = await signedCall(deps, token.id, deviceRoutes.renew, { body: {} }, 'A3')
    return await deps.vault.updateToken(token.id, { expiresAt })
  } catch (error) {
    // Seed 4.3 has a second A300 text for tokens with 取引確認: not to use it until the renewal has gone through.
    if (error instanceof CodedError && error.code === 'A300' && token.offersTransactions) {
      throw new CodedError('A300T', error.message, { cause: error })
    }
    throw error
  }
}
