// A test client that talks to the service over real HTTP and provisions the way the desktop app does: a device
// signing key (ECDSA P-256), an ephemeral ECDH key, the seed derived locally, codes made with otpauth.
import { Secret, TOTP } from 'otpauth'
import { deriveTotpSeed, newEphemeralKey, type ProvisionResponse } from '@shinkumi/common/protocol.ts'
import { toBase64Url } from '@shinkumi/common/encoding.ts'

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number
  body: T
}

export async function postJson<T = Record<string, unknown>>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as T }
}

export interface Device {
  devicePublicKey: string
  /** The token's device signing key (OTP-13): signs its later requests (device-client.ts). */
  signingKey: CryptoKey
  ephemeral: { privateKey: CryptoKey; publicKey: string }
}

export async function newDevice(): Promise<Device> {
  const signing = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', signing.publicKey))
  return { devicePublicKey: toBase64Url(spki), signingKey: signing.privateKey, ephemeral: await newEphemeralKey() }
}

export interface SetupFields {
  serviceId: string
  userId: string
  activationPassword: string
  /** Defaults to the real time now. */
  deviceTime?: Date
}

export function provision(baseUrl: string, device: Device, fields: SetupFields): Promise<HttpAnswer> {
  return postJson(`${baseUrl}/v1/devices/provision`, {
    serviceId: fields.serviceId,
    userId: fields.userId,
    activationPassword: fields.activationPassword,
    deviceTime: (fields.deviceTime ?? new Date()).toISOString(),
    devicePublicKey: device.devicePublicKey,
    ephemeralPublicKey: device.ephemeral.publicKey,
  })
}

export interface ProvisionedToken {
  device: Device
  response: ProvisionResponse
  seed: Uint8Array<ArrayBuffer>
  /** The code the token shows at an instant. */
  codeAt(at: Date): string
}

/** Sets up a token and derives its seed on the client side; throws when the service refuses. */
export async function setUpToken(baseUrl: string, fields: SetupFields): Promise<ProvisionedToken> {
  const device = await newDevice()
  const answer = await provision(baseUrl, device, fields)
  if (answer.status !== 200) throw new Error(`provisioning refused: ${answer.status} ${JSON.stringify(answer.body)}`)
  const response = answer.body as unknown as ProvisionResponse
  const seed = await deriveTotpSeed(device.ephemeral.privateKey, response.serverEphemeralPublicKey, {
    serviceId: fields.serviceId,
    userId: fields.userId,
    tokenId: response.tokenId,
    serialNumber: response.serialNumber,
    devicePublicKey: device.devicePublicKey,
    ephemeralPublicKey: device.ephemeral.publicKey,
    serverEphemeralPublicKey: response.serverEphemeralPublicKey,
    algorithm: response.algorithm,
  })
  const totp = new TOTP({ secret: new Secret({ buffer: seed.slice().buffer }), algorithm: response.algorithm, digits: response.digits, period: response.period })
  return { device, response, seed, codeAt: (at) => totp.generate({ timestamp: at.getTime() }) }
}

export type VerifyAnswer = HttpAnswer<{ valid?: boolean; reason?: string; code?: string }>

export function verifyOtp(baseUrl: string, rpKey: string | null, body: { serviceId: string; userId: string; otp: string }): Promise<VerifyAnswer> {
  return postJson(`${baseUrl}/v1/otp/verify`, body, rpKey === null ? {} : { authorization: `Bearer ${rpKey}` })
}

/** Moves the service's manual clock (SVC-08). */
export async function setServiceClock(baseUrl: string, at: Date): Promise<void> {
  const answer = await postJson(`${baseUrl}/__test__/clock`, { now: at.toISOString() })
  if (answer.status !== 200) throw new Error(`setting the clock failed: ${answer.status}`)
}
