// Device-signed requests (OTP-13, common/protocol.ts): every request of a token after provisioning carries the
// token id, a timestamp, a nonce and an ECDSA P-256 signature by the token's device key. Registered inside an
// area's plugin, this checks them before the body is even validated, so a stranger learns nothing about it.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { CORRECTION_REQUEST_MAX_AGE_SECONDS, DEVICE_HEADERS, DEVICE_REQUEST_MAX_AGE_SECONDS, deviceSigningInput } from '@shinkumi/common/protocol.ts'
import type { AUTH_REFUSALS } from '@shinkumi/common/wire/route.ts'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import type { Deps } from '../deps.ts'
import { Refusal } from '../refusal.ts'

/** Refusals of the signature itself; DEVICE_UNKNOWN/DEVICE_REVOKED/BAD_SIGNATURE are A998 in the app (re-issue needed). */
export type DeviceAuthCode = keyof (typeof AUTH_REFUSALS)['device']

/** The token a request was signed by, and the signed parts kept as evidence (transaction decisions). */
export interface SignedDevice {
  tokenId: string
  serviceId: string
  userId: string
  timestamp: string
  nonce: string
  signature: string
  /** The exact body bytes the signature covers. */
  body: Buffer
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer
    signedDevice?: SignedDevice
  }
  interface FastifyContextConfig {
    /** A route's own timestamp window, wider than DEVICE_REQUEST_MAX_AGE_SECONDS (パスワード補正's). */
    deviceRequestMaxAgeSeconds?: number
  }
}

const MAX_AGE_MS = DEVICE_REQUEST_MAX_AGE_SECONDS * 1000
/** The widest timestamp window of any route (パスワード補正's): nonces are remembered for that long at least. */
const LONGEST_MAX_AGE_MS = Math.max(DEVICE_REQUEST_MAX_AGE_SECONDS, CORRECTION_REQUEST_MAX_AGE_SECONDS) * 1000

function maxAgeMs(request: FastifyRequest): number {
  const seconds = request.routeOptions.config?.deviceRequestMaxAgeSeconds
  return seconds === undefined ? MAX_AGE_MS : seconds * 1000
}

/** The device headers as the OpenAPI document shows them; also how they are parsed. */
export const DeviceHeaders = z.object({
  [DEVICE_HEADERS.token]: z.uuid(),
  [DEVICE_HEADERS.timestamp]: z.iso.datetime({ offset: true }),
  /** 16 random bytes or more. */
  [DEVICE_HEADERS.nonce]: z.string().regex(/^[A-Za-z0-9_-]{22,64}$/),
  /** IEEE P1363 r | s: 64 bytes. */
  [DEVICE_HEADERS.signature]: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
})

/**
 * Checks a signed request, in an order that tells only the key's holder anything about the token:
 * DEVICE_UNKNOWN → BAD_SIGNATURE → DEVICE_REVOKED → STALE_REQUEST → REPLAYED_REQUEST. The nonce is spent last,
 * so a refused request does not use it up.
 */
export async function authenticateDevice(deps: Deps, request: FastifyRequest): Promise<SignedDevice | DeviceAuthCode> {
  const headers = DeviceHeaders.safeParse(request.headers)
  if (!headers.success) return z.uuid().safeParse(request.headers[DEVICE_HEADERS.token]).success ? 'BAD_SIGNATURE' : 'DEVICE_UNKNOWN'
  const h = headers.data
  const token = await deps.db
    .selectFrom('tokens')
    .select(['token_id', 'service_id', 'user_id', 'device_public_key', 'status'])
    .where('token_id', '=', h[DEVICE_HEADERS.token])
    .executeTakeFirst()
  if (!token) return 'DEVICE_UNKNOWN'
  const device: SignedDevice = {
    tokenId: token.token_id,
    serviceId: token.service_id,
    userId: token.user_id,
    timestamp: h[DEVICE_HEADERS.timestamp],
    nonce: h[DEVICE_HEADERS.nonce],
    signature: h[DEVICE_HEADERS.signature],
    body: request.rawBody ?? Buffer.alloc(0),
  }
  if (!(await signatureHolds(token.device_public_key, request, device))) return 'BAD_SIGNATURE'
  if (token.status !== 'active') return 'DEVICE_REVOKED'
  const now = deps.clock.now().getTime()
  const requestAt = Date.parse(device.timestamp)
  if (!(Math.abs(now - requestAt) <= maxAgeMs(request))) return 'STALE_REQUEST'
  if (!(await spendNonce(deps, device, requestAt))) return 'REPLAYED_REQUEST'
  return device
}

/** ECDSA P-256 / SHA-256 over deviceSigningInput, with the path as sent (no query) and the raw body's digest. */
async function signatureHolds(publicKey: string, request: FastifyRequest, device: SignedDevice): Promise<boolean> {
  const subtle = globalThis.crypto.subtle
  const path = request.url.split('?')[0] ?? ''
  const bodySha256 = toBase64Url(new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(device.body))))
  const input = deviceSigningInput(request.method, path, device.timestamp, device.nonce, bodySha256)
  try {
    const key = await subtle.importKey('spki', fromBase64Url(publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
    return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(device.signature), input)
  } catch {
    return false
  }
}

/** One insert that fails on the (token_id, nonce) key: of two concurrent requests with one nonce, one wins. */
async function spendNonce(deps: Deps, device: SignedDevice, requestAt: number): Promise<boolean> {
  const result = await deps.db
    .insertInto('device_nonces')
    .values({ token_id: device.tokenId, nonce: device.nonce, request_at: requestAt })
    .onConflict((oc) => oc.columns(['token_id', 'nonce']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/**
 * A nonce must be remembered only while a request carrying it could still pass the timestamp check. Twice that
 * age is kept, so a clock that steps back a little (NTP) cannot revive a forgotten nonce. At most one prune per
 * window per process: it is housekeeping, not part of any request's answer.
 */
function noncePruner(deps: Deps) {
  let lastPrune = 0
  return async () => {
    const now = deps.clock.now().getTime()
    if (Math.abs(now - lastPrune) < MAX_AGE_MS) return
    lastPrune = now
    await deps.db
      .deleteFrom('device_nonces')
      .where('request_at', '<', now - 2 * LONGEST_MAX_AGE_MS)
      .execute()
  }
}

/** The raw bytes are kept for the body digest; a body that is not JSON is left undefined for the schema to refuse
 *  after the signature was checked. */
function keepRawJson(request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void): void {
  request.rawBody = body
  if (body.length === 0) return done(null, undefined)
  try {
    done(null, JSON.parse(body.toString('utf8')))
  } catch {
    done(null, undefined)
  }
}

async function signedRequestsPlugin(app: FastifyInstance): Promise<void> {
  const prune = noncePruner(app.deps)
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => keepRawJson(request, body as Buffer, done))
  // preValidation, not preHandler: the signature is checked before the schema, so forged requests learn nothing.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const outcome = await authenticateDevice(app.deps, request)
    if (typeof outcome === 'string') throw new Refusal(outcome, 'the request is not signed by an active device of this token, once and now')
    request.signedDevice = outcome
    await prune()
  })
}

/**
 * Register inside an area's own plugin: every route of that plugin then requires a signed request. Not
 * encapsulated itself, so the hook and the parser apply to the plugin that registers it.
 */
export const signedRequests = fp(signedRequestsPlugin, { name: 'signed-requests' })

/** The verified device of a request under `signedRequests`. */
export function deviceOf(request: FastifyRequest): SignedDevice {
  if (!request.signedDevice) throw new Error('route is not under signedRequests')
  return request.signedDevice
}
