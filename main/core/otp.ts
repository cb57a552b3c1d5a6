// The code a token shows now (OTP-01, OTP-02): RFC 6238 TOTP through otpauth, with the parameters the service
// gave at provisioning. Called in the main process with the seed from the vault; only the code leaves.
import { TOTP, Secret } from 'otpauth'
import type { OtpView } from '@shinkumi/common/bridge.ts'
import type { TotpAlgorithm } from '@shinkumi/common/protocol.ts'
import type { z } from 'zod'

export interface TotpParameters {
  algorithm: z.infer<typeof TotpAlgorithm>
  digits: number
  /** Seconds per time step. */
  period: number
}

/** SPEC OTP-01: 「1分間に1回変化」 and 8 digits unless the service says otherwise. */
export const DEFAULT_TOTP: TotpParameters = { algorithm: 'SHA1', digits: 8, period: 60 }

export function currentOtp(seed: Uint8Array<ArrayBuffer>, parameters: TotpParameters, nowMs: number): OtpView {
  // slice(): a view's .buffer can hold more bytes than the seed itself.
  const totp = new TOTP({ secret: new Secret({ buffer: seed.slice().buffer }), ...parameters })
  return {
    code: totp.generate({ timestamp: nowMs }),
    // Rounded up: "1 second left" until the step really ends, never "0" while the code is still valid.
    secondsLeft: Math.ceil(totp.remaining({ timestamp: nowMs }) / 1000),
    period: parameters.period,
  }
}
