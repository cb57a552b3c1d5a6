// The wire contract between the desktop app and the authentication service, used by both sides:
// the service validates requests with these schemas, the app's service client validates responses.
import { z } from 'zod'
import { activationPasswordRule, serviceIdRule, userIdRule } from './rules.ts'
import { fromBase64Url, toBase64Url } from './encoding.ts'

const base64Url = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/)
  .max(2048)

export const TotpAlgorithm = z.enum(['SHA1', 'SHA256', 'SHA512'])

/** POST /v1/devices/provision (OTP-10, OTP-12, OTP-13). */
export const ProvisionRequest = z.object({
  serviceId: serviceIdRule,
  userId: userIdRule,
  activationPassword: activationPasswordRule,
  /** The device's clock, checked against the service's (S0F1). */
  deviceTime: z.iso.datetime({ offset: true }),
  /** The token's long-term ECDSA P-256 verification key, SPKI DER, base64url. */
  devicePublicKey: base64Url,
  /** The device's ephemeral ECDH P-256 public key, raw uncompressed point, base64url. */
  ephemeralPublicKey: base64Url,
})
export type ProvisionRequest = z.infer<typeof ProvisionRequest>

export const ProvisionResponse = z.object({
  tokenId: z.uuid(),
  serialNumber: z.string().regex(/^[0-9]{8}$/),
  serviceName: z.string().min(1).max(64),
  algorithm: TotpAlgorithm,
  digits: z.union([z.literal(6), z.literal(8)]),
  period: z.number().int().min(15).max(300),
  expiresAt: z.iso.datetime({ offset: true }),
  logoUrl: z.string().nullable(),
  linkUrl: z.string().nullable(),
  offersTransactions: z.boolean(),
  /** The service's ephemeral ECDH P-256 public key, raw uncompressed point, base64url. */
  serverEphemeralPublicKey: base64Url,
})
export type ProvisionResponse = z.infer<typeof ProvisionResponse>

/** Seed key length per algorithm: the hash's output size, as RFC 4226 §4 recommends. */
const SEED_BYTES = { SHA1: 20, SHA256: 32, SHA512: 64 } as const

export interface SeedTranscript {
  serviceId: string
  userId: string
  tokenId: string
  serialNumber: string
  devicePublicKey: string
  ephemeralPublicKey: string
  serverEphemeralPublicKey: string
  algorithm: z.infer<typeof TotpAlgorithm>
}

const encoder = new TextEncoder()

/** Length-prefixed fields, so that no two different transcripts share an encoding. */
function encodeTranscript(t: SeedTranscript): Uint8Array<ArrayBuffer> {
  const fields = ['shinkumi-otp/provision/v1', t.serviceId, t.userId, t.tokenId, t.serialNumber, t.devicePublicKey, t.ephemeralPublicKey, t.serverEphemeralPublicKey, t.algorithm].map(
    (f) => encoder.encode(f),
  )
  const out = new Uint8Array(fields.reduce((n, f) => n + 4 + f.length, 0))
  const view = new DataView(out.buffer)
  let at = 0
  for (const f of fields) {
    view.setUint32(at, f.length)
    out.set(f, at + 4)
    at += 4 + f.length
  }
  return out
}

/**
 * The TOTP seed, computed on both sides and never sent (OTP-13): ECDH P-256 between one side's ephemeral private
 * key and the other side's ephemeral public key, then HKDF-SHA256 over the whole provisioning transcript.
 * WebCrypto, so the same function runs in the app's main process and in the service.
 */
export async function deriveTotpSeed(ownEphemeralPrivateKey: CryptoKey, peerEphemeralPublicKey: string, transcript: SeedTranscript): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle
  const peer = await subtle.importKey('raw', fromBase64Url(peerEphemeralPublicKey), { name: 'ECDH', namedCurve: 'P-256' }, false, [])
  const shared = await subtle.deriveBits({ name: 'ECDH', public: peer }, ownEphemeralPrivateKey, 256)
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveBits'])
  const salt = encoder.encode('shinkumi-otp totp seed')
  const bits = await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: encodeTranscript(transcript) }, ikm, SEED_BYTES[transcript.algorithm] * 8)
  return new Uint8Array(bits)
}

/** A fresh ephemeral ECDH key pair and its public half in the wire format. */
export async function newEphemeralKey(): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])
  const raw = await globalThis.crypto.subtle.exportKey('raw', pair.publicKey)
  return { privateKey: pair.privateKey, publicKey: toBase64Url(new Uint8Array(raw)) }
}

/**
 * Device-signed requests (OTP-13, used by renewal, correction and transactions): the headers a token sends and
 * the exact bytes its ECDSA P-256 / SHA-256 signature covers.
 */
export const DEVICE_HEADERS = {
  token: 'x-device-token',
  timestamp: 'x-device-timestamp',
  nonce: 'x-device-nonce',
  signature: 'x-device-signature',
} as const

export function deviceSigningInput(method: string, path: string, timestamp: string, nonce: string, bodySha256: string): Uint8Array<ArrayBuffer> {
  return encoder.encode([method.toUpperCase(), path, timestamp, nonce, bodySha256].join('\n'))
}

/*
 * Device-signed requests, normative for both sides (OTP-13, OTP-26): the token id, an ISO-8601 UTC timestamp, a
 * nonce of 16 random bytes (base64url) and the ECDSA P-256 / SHA-256 signature in IEEE P1363 form (r | s, as
 * WebCrypto makes it), base64url, over deviceSigningInput(method, path, timestamp, nonce, bodySha256) where path
 * is the request path without query (e.g. "/v1/devices/renew") and bodySha256 is the base64url SHA-256 of the
 * exact body bytes (empty for GET). The service refuses a timestamp more than DEVICE_REQUEST_MAX_AGE_SECONDS
 * away from its clock and any nonce it has already seen for the token within that window (replays).
 */
export const DEVICE_REQUEST_MAX_AGE_SECONDS = 300

/** OTP-20…23: POST /v1/devices/renew (signed), empty JSON body {}. Renewal is accepted from RENEWAL_WINDOW_DAYS
 *  before expiry until expiry; the new expiry is the service's token lifetime from now. */
export const RENEWAL_WINDOW_DAYS = 180
export const RenewRequest = z.object({}).strict()
export const RenewResponse = z.object({ expiresAt: z.iso.datetime({ offset: true }) })

/** OTP-24: POST /v1/devices/correct (signed): the code the device shows now and the device's clock. The service
 *  finds the time step the code belongs to within ±CORRECTION_MAX_STEPS of its own time and stores the offset.
 *  No match in that range → A403 (パスワード補正に失敗しました。), counted as a failure toward the OTP lock. */
export const CORRECTION_MAX_STEPS = 10
/** The device clock that needs correcting also stamps the correction request: so this one route accepts a timestamp
 *  as far off as the correction range (10 steps of 60 s, plus the usual allowance), where the others allow 300 s. */
export const CORRECTION_REQUEST_MAX_AGE_SECONDS = CORRECTION_MAX_STEPS * 60 + DEVICE_REQUEST_MAX_AGE_SECONDS
export const CorrectRequest = z.object({ otp: z.string().regex(/^[0-9]{6,8}$/), deviceTime: z.iso.datetime({ offset: true }) })
export const CorrectResponse = z.object({ correctionSteps: z.number().int() })

/** OTP-25 / SVC-06: what a relying party asks the customer to confirm. */
export const TransactionDetails = z.object({
  payeeBank: z.string().min(1).max(64),
  payeeBranch: z.string().min(1).max(64),
  payeeAccount: z.string().min(1).max(32),
  payeeName: z.string().min(1).max(64),
  amount: z.number().int().positive().max(1_000_000_000_000),
})
export type TransactionDetails = z.infer<typeof TransactionDetails>
export const TransactionStatus = z.enum(['pending', 'approved', 'rejected', 'expired'])

/** GET /v1/devices/transactions (signed): the token's pending transactions. */
export const PendingTransactions = z.object({
  transactions: z.array(z.object({ id: z.uuid(), details: TransactionDetails, createdAt: z.iso.datetime({ offset: true }), expiresAt: z.iso.datetime({ offset: true }) })),
})

/** POST /v1/devices/transactions/enrol (signed), body {}: finishes 取引認証開始 for a token of a service that offers
 *  transaction confirmation. Until then renewal answers S3D3. */
export const EnrolResponse = z.object({ enrolled: z.literal(true) })

/** POST /v1/devices/transactions/:id/decision (signed). contentSha256 binds the answer to what was shown: it must
 *  equal transactionContentSha256(details) of the stored transaction, and the request signature covers it. */
export const DecisionRequest = z.object({ decision: z.enum(['approve', 'reject']), contentSha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })
export const DecisionResponse = z.object({ status: TransactionStatus })

/** Canonical bytes of a transaction's content: fixed field order, so both sides hash the same thing. */
export async function transactionContentSha256(details: TransactionDetails): Promise<string> {
  const canonical = JSON.stringify([details.payeeBank, details.payeeBranch, details.payeeAccount, details.payeeName, details.amount])
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(canonical))))
}
