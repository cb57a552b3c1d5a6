// Device provisioning (OTP-10, OTP-12, OTP-13): checks a setup request in the order the error table implies and,
// when everything holds, creates the token — its seed derived by ECDH + HKDF on both sides, never sent.
import { randomInt } from 'node:crypto'
import type { Insertable } from 'kysely'
import { deriveTotpSeed, newEphemeralKey, ProvisionResponse, type ProvisionRequest } from '@shinkumi/common/protocol.ts'
import type { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import { fromBase64Url } from '@shinkumi/common/encoding.ts'
import type { Deps } from '../deps.ts'
import type { ServicesTable, TokensTable } from '../db/schema.ts'
import { uniqueViolation } from '../db/errors.ts'
import { encryptSeed, verifyAgainstNothing, verifyPassword } from '../secrets.ts'
import { countActivationFailure, currentActivation, type Activation } from './activations.ts'
import { insertToken } from '../tokens/store.ts'
import { DAY_MS, iso } from '@shinkumi/common/time.ts'

export type ProvisionCode = RefusalCode<typeof deviceRoutes.provision>
export type ProvisionOutcome = { ok: true; response: ProvisionResponse } | { ok: false; code: ProvisionCode; malformed?: boolean }

const SERIAL_ATTEMPTS = 5

interface Setup {
  request: ProvisionRequest
  service: ServicesTable
  activation: Activation
  now: Date
}

const refuse = (code: ProvisionCode): ProvisionOutcome => ({ ok: false, code })

export async function provisionDevice(deps: Deps, request: ProvisionRequest): Promise<ProvisionOutcome> {
  // Keys that do not parse make the request malformed, like a schema failure: refused before anything is
  // looked up or counted.
  if (!(await keysAreValid(request))) return { ok: false, code: 'S0G1', malformed: true }
  const now = deps.clock.now()
  if (Math.abs(Date.parse(request.deviceTime) - now.getTime()) > deps.config.clockSkewSeconds * 1000) return refuse('S0F1')
  const service = await deps.db.selectFrom('services').selectAll().where('service_id', '=', request.serviceId).executeTakeFirst()
  if (!service) return refuse('S0A1')
  const activation = await checkActivation(deps, request, now)
  if (typeof activation === 'string') return refuse(activation)
  return createToken(deps, { request, service, activation, now })
}

/** The device key must be a P-256 verification key (OTP-13) and the ephemeral key a P-256 point. */
async function keysAreValid(request: ProvisionRequest): Promise<boolean> {
  const subtle = globalThis.crypto.subtle
  try {
    await subtle.importKey('spki', fromBase64Url(request.devicePublicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
    await subtle.importKey('raw', fromBase64Url(request.ephemeralPublicKey), { name: 'ECDH', namedCurve: 'P-256' }, false, [])
    return true
  } catch {
    return false
  }
}

/**
 * S0C1 / S0C4 / S0B5 / S0B4 / S0G1, or the activation to use. The lock is checked before the password, so a
 * locked password answers S0C4 even when right; the user's state is told only to someone who knows the password.
 */
async function checkActivation(deps: Deps, request: ProvisionRequest, now: Date): Promise<Activation | ProvisionCode> {
  const { db, config } = deps
  const { serviceId, userId, activationPassword } = request
  const user = await db.selectFrom('otp_users').select('status').where('service_id', '=', serviceId).where('user_id', '=', userId).executeTakeFirst()
  const activation = user && (await currentActivation(db, serviceId, userId))
  if (!user || !activation) {
    // The same scrypt work as a real check, so response times do not tell which user IDs exist.
    await verifyAgainstNothing(activationPassword)
    return 'S0C1'
  }
  if (activation.failures >= config.activationMaxFailures) return 'S0C4'
  if (!(await verifyPassword(activationPassword, activation.password_hash))) {
    const counted = await countActivationFailure(db, activation.id, config.activationMaxFailures, now)
    return counted === 'locked' ? 'S0C4' : 'S0C1'
  }
  if (user.status === 'suspended') return 'S0B5'
  if (await hasActiveToken(deps, serviceId, userId)) return 'S0B4'
  if (activation.used_at !== null || activation.expires_at <= now.getTime()) return 'S0G1'
  return activation
}

async function hasActiveToken(deps: Deps, serviceId: string, userId: string): Promise<boolean> {
  const row = await deps.db.selectFrom('tokens').select('token_id').where('service_id', '=', serviceId).where('user_id', '=', userId).where('status', '=', 'active').executeTakeFirst()
  return row !== undefined
}

async function createToken(deps: Deps, setup: Setup): Promise<ProvisionOutcome> {
  for (let attempt = 0; attempt < SERIAL_ATTEMPTS; attempt++) {
    const token = await newToken(deps, setup)
    try {
      if (await storeToken(deps, setup, token.row)) return { ok: true, response: token.response }
      return refuse(await whyActivationRefused(deps, setup))
    } catch (error) {
      const violated = uniqueViolation(error)
      if (violated === null) throw error
      // One active device per user, enforced by the database: a concurrent setup that won first means S0B4.
      if (!violated.includes('serial_number')) return refuse('S0B4')
      // Serial numbers are random: on a collision, try another (and a new seed, since the seed depends on it).
    }
  }
  throw new Error(`no free serial number after ${SERIAL_ATTEMPTS} attempts`)
}

/**
 * Uses the activation and stores the token in one transaction. The `used_at IS NULL` condition makes the
 * password single-use even when two setups race; false when another request used or locked it first.
 */
async function storeToken(deps: Deps, { activation, now }: Setup, row: Insertable<TokensTable>): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const used = await trx
      .updateTable('activations')
      .set({ used_at: now.getTime() })
      .where('id', '=', activation.id)
      .where('used_at', 'is', null)
      .where('failures', '<', deps.config.activationMaxFailures)
      .where('expires_at', '>', now.getTime())
      .returning('id')
      .executeTakeFirst()
    if (!used) return false
    await insertToken(trx, row)
    return true
  })
}

/** After losing a race for the activation: the answer the request would get if it came now. */
async function whyActivationRefused(deps: Deps, { request, activation }: Setup): Promise<ProvisionCode> {
  if (await hasActiveToken(deps, request.serviceId, request.userId)) return 'S0B4'
  const current = await deps.db.selectFrom('activations').select('failures').where('id', '=', activation.id).executeTakeFirst()
  return current && current.failures >= deps.config.activationMaxFailures ? 'S0C4' : 'S0G1'
}

/** A new token's identity and seed: the row to store (seed encrypted) and the answer to send (no seed). */
async function newToken(deps: Deps, { request, service, now }: Setup) {
  const tokenId = crypto.randomUUID()
  const serialNumber = String(randomInt(10_000_000, 100_000_000))
  const serverEphemeral = await newEphemeralKey()
  const algorithm = service.totp_algorithm
  const seed = await deriveTotpSeed(serverEphemeral.privateKey, request.ephemeralPublicKey, {
    serviceId: request.serviceId,
    userId: request.userId,
    tokenId,
    serialNumber,
    devicePublicKey: request.devicePublicKey,
    ephemeralPublicKey: request.ephemeralPublicKey,
    serverEphemeralPublicKey: serverEphemeral.publicKey,
    algorithm,
  })
  const seedCiphertext = encryptSeed(deps.seedKey, seed, tokenId)
  seed.fill(0)
  const expiresAt = now.getTime() + deps.config.tokenLifetimeDays * DAY_MS
  const row: Insertable<TokensTable> = {
    token_id: tokenId,
    service_id: request.serviceId,
    user_id: request.userId,
    serial_number: serialNumber,
    seed_ciphertext: seedCiphertext,
    device_public_key: request.devicePublicKey,
    algorithm,
    digits: service.totp_digits,
    period: service.totp_period,
    expires_at: expiresAt,
    correction_steps: 0,
    last_step: -1,
    failures: 0,
    status: 'active',
    created_at: now.getTime(),
    // 取引確認 needs its own enrolment step (取引認証開始) first; until then renewal answers S3D3.
    transaction_enrolment: service.offers_transactions === 1 ? 'pending' : 'none',
  }
  return { row, response: provisionResponse(row, service, serverEphemeral.publicKey) }
}

function provisionResponse(row: Insertable<TokensTable>, service: ServicesTable, serverEphemeralPublicKey: string): ProvisionResponse {
  return {
    tokenId: row.token_id,
    serialNumber: row.serial_number,
    serviceName: service.name,
    algorithm: row.algorithm,
    digits: ProvisionResponse.shape.digits.parse(row.digits),
    period: row.period,
    expiresAt: iso(row.expires_at),
    logoUrl: service.logo_url,
    linkUrl: service.link_url,
    offersTransactions: service.offers_transactions === 1,
    serverEphemeralPublicKey,
  }
}
