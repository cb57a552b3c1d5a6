// RFC 7636: only S256; `plain` would hand the code to whoever can read the authorization request.
import { createHash, timingSafeEqual } from 'node:crypto'

/** 43–128 characters of the unreserved set (§4.1); a S256 challenge is 43 base64url characters (§4.2). */
export const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/
export const S256_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

export function verifyPkce(verifier: string, challenge: string): boolean {
  if (!VERIFIER.test(verifier)) return false
  const a = Buffer.from(s256(verifier))
  const b = Buffer.from(challenge)
  return a.length === b.length && timingSafeEqual(a, b)
}
