// The staff member's own TOTP (STF-01): RFC 6238 with the parameters every authenticator app supports —
// SHA-1, 6 digits, 30 seconds — so any phone app can hold it. The secret is stored encrypted like customer seeds.
import { timingSafeEqual } from 'node:crypto'
import { HOTP, Secret, TOTP } from 'otpauth'
import { decryptSeed, encryptSeed } from '../secrets.ts'

export const STAFF_TOTP = { algorithm: 'SHA1', digits: 6, period: 30 } as const
/** Codes of the step before and after are accepted too: clocks of phones drift. */
const WINDOW = 1
const ISSUER = 'Shinkumi OTP staff'

const context = (staffId: string) => `staff:${staffId}`

export function encryptStaffSecret(seedKey: Buffer, staffId: string, base32: string): string {
  return encryptSeed(seedKey, Secret.fromBase32(base32).bytes, context(staffId))
}

export function otpauthUri(staffId: string, base32: string): string {
  return new TOTP({ issuer: ISSUER, label: staffId, secret: Secret.fromBase32(base32), ...STAFF_TOTP }).toString()
}

export function newStaffSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The newest step within the window whose code is `otp`, or null. Every candidate is compared in constant time. */
export function matchingStaffStep(seedKey: Buffer, staffId: string, ciphertext: string, otp: string, now: Date): number | null {
  const secret = new Secret({ buffer: Uint8Array.from(decryptSeed(seedKey, ciphertext, context(staffId))).buffer })
  const center = Math.floor(now.getTime() / 1000 / STAFF_TOTP.period)
  const given = Buffer.from(otp, 'utf8')
  let newest: number | null = null
  for (let counter = center - WINDOW; counter <= center + WINDOW; counter++) {
    const expected = Buffer.from(HOTP.generate({ secret, counter, algorithm: STAFF_TOTP.algorithm, digits: STAFF_TOTP.digits }), 'utf8')
    if (expected.length === given.length && timingSafeEqual(expected, given)) newest = counter
  }
  return newest
}
