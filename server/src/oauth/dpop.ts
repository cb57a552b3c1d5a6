// DPoP (RFC 9449): proofs of possession of the key a token is bound to. Server nonces (§8) are stateless — an
// HMAC of a five-minute period under a key derived from the service's secret key — so every instance sharing that
// key accepts them, and a nonce lives between five and ten minutes. Each proof's jti is used once.
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { calculateJwkThumbprint, EmbeddedJWK, errors as joseErrors, jwtVerify, type JWK } from 'jose'
import type { Db } from '../db/index.ts'
import { SIGNING_ALGS } from './jwks.ts'
import { useJtiOnce } from './used-jtis.ts'
import { MINUTE_MS } from '@shinkumi/common/time.ts'

const NONCE_PERIOD_MS = 5 * MINUTE_MS
/** How far a proof's iat may be from the service clock; nonces carry the real freshness. */
export const PROOF_IAT_WINDOW_S = 60

export type DpopError = 'invalid_dpop_proof' | 'use_dpop_nonce'
export type DpopCheck = { ok: true; jkt: string } | { ok: false; error: DpopError; description: string }

export interface DpopExpectation {
  method: string
  /** The request's URL without query and fragment (§4.3: htu). */
  url: string
  /** At a protected resource: the access token presented, whose hash the proof's ath must carry. */
  accessToken?: string
}

export class DpopNonces {
  readonly #key: Buffer
  constructor(serviceKey: Buffer) {
    this.#key = Buffer.from(hkdfSync('sha256', serviceKey, Buffer.alloc(0), 'shinkumi dpop-nonce v1', 32))
  }

  #mac(period: number): string {
    return createHmac('sha256', this.#key).update(String(period)).digest('base64url').slice(0, 22)
  }

  current(now: Date): string {
    const period = Math.floor(now.getTime() / NONCE_PERIOD_MS)
    return `${period}.${this.#mac(period)}`
  }

  isValid(nonce: unknown, now: Date): boolean {
    if (typeof nonce !== 'string') return false
    const [period, mac] = nonce.split('.')
    const current = Math.floor(now.getTime() / NONCE_PERIOD_MS)
    const p = Number(period)
    if (!mac || !Number.isInteger(p) || (p !== current && p !== current - 1)) return false
    const expected = Buffer.from(this.#mac(p))
    const given = Buffer.from(mac)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
}

export const accessTokenHash = (token: string) => createHash('sha256').update(token, 'ascii').digest('base64url')

const htuOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value)
    return url.origin + url.pathname
  } catch {
    return undefined
  }
}

export async function checkDpopProof(db: Db, nonces: DpopNonces, proof: string | string[] | undefined, expected: DpopExpectation, now: Date): Promise<DpopCheck> {
  const invalid = (description: string): DpopCheck => ({ ok: false, error: 'invalid_dpop_proof', description })
  if (typeof proof !== 'string') return invalid(proof ? 'exactly one DPoP header is allowed' : 'a DPoP proof is required')
  try {
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: [...SIGNING_ALGS],
      requiredClaims: ['iat', 'jti', 'htm', 'htu'],
      currentDate: now,
    })
    const iat = payload.iat!
    if (typeof payload.jti !== 'string' || payload.jti.length > 128) return invalid('jti must be a string of at most 128 characters')
    if (Math.abs(now.getTime() / 1000 - iat) > PROOF_IAT_WINDOW_S) return invalid('iat is not recent')
    if (payload.htm !== expected.method) return invalid('htm does not match the request method')
    if (htuOf(payload.htu) !== expected.url) return invalid('htu does not match the request URL')
    if (expected.accessToken !== undefined && payload.ath !== accessTokenHash(expected.accessToken)) return invalid('ath does not match the access token')
    if (!nonces.isValid(payload.nonce, now)) return { ok: false, error: 'use_dpop_nonce', description: 'use the DPoP-Nonce of this response' }
    const jkt = await calculateJwkThumbprint(protectedHeader.jwk as JWK, 'sha256')
    if (!(await useJtiOnce(db, 'dpop', jkt, payload.jti, (iat + PROOF_IAT_WINDOW_S) * 1000, now))) return invalid('the proof was used before')
    return { ok: true, jkt }
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return invalid(`the proof is not valid: ${error.code}`)
    throw error
  }
}
