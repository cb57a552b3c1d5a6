// OTP-01: the app's codes are RFC 6238 TOTP — checked against the RFC's own test vectors (Appendix B: T0 = 0,
// X = 30 s, 8 digits, the RFC's ASCII seeds per hash) through main/core/otp.ts.
import { describe, expect, it } from 'vitest'
import { DEFAULT_TOTP, currentOtp } from '../../main/core/otp.ts'

const ascii = (text: string) => new TextEncoder().encode(text)
const SEEDS = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
} as const

// [time in seconds, SHA1, SHA256, SHA512] — RFC 6238 Appendix B.
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
]

describe('OTP-01 RFC 6238 test vectors through the otp module', () => {
  for (const [seconds, ...codes] of VECTORS) {
    for (const [index, algorithm] of (['SHA1', 'SHA256', 'SHA512'] as const).entries()) {
      it(`${algorithm} at T=${seconds}`, () => {
        const otp = currentOtp(SEEDS[algorithm], { algorithm, digits: 8, period: 30 }, seconds * 1000)
        expect(otp.code).toBe(codes[index])
      })
    }
  }
})

describe('OTP-01 / OTP-02 defaults and countdown', () => {
  it('OTP-01 defaults to SHA-1, 8 digits, a 60-second step (「1分間に1回変化」)', () => {
    expect(DEFAULT_TOTP).toEqual({ algorithm: 'SHA1', digits: 8, period: 60 })
  })

  it('OTP-02 counts down the seconds until the code changes, never showing 0 while it is valid', () => {
    const at = (ms: number) => currentOtp(SEEDS.SHA1, DEFAULT_TOTP, ms)
    expect(at(0).secondsLeft).toBe(60)
    expect(at(500).secondsLeft).toBe(60)
    expect(at(59_001).secondsLeft).toBe(1)
    expect(at(60_000).secondsLeft).toBe(60)
    expect(at(59_999).code).not.toBe(at(60_000).code)
    expect(at(0).code).toBe(at(59_999).code)
    expect(at(0).period).toBe(60)
  })

  it('OTP-01 honours the digits the service chose', () => {
    expect(currentOtp(SEEDS.SHA1, { algorithm: 'SHA1', digits: 6, period: 30 }, 59_000).code).toBe('287082')
  })
})
