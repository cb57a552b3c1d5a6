// Each token's device signing key (OTP-13): ECDSA P-256, made at provisioning. The private key is exported once
// (PKCS#8) into the vault, encrypted; the service keeps the public key and checks every later request of the
// token (renewal, correction, transactions) against it, with a timestamp and a nonce against replays.
import { toBase64Url } from '@shinkumi/common/encoding.ts'
import { DEVICE_HEADERS, deviceSigningInput } from '@shinkumi/common/protocol.ts'
import type { Clock } from '@shinkumi/common/time.ts'
import type { Vault } from './vault.ts'

const subtle = () => globalThis.crypto.subtle
const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const
const NONCE_BYTES = 16

export interface DeviceKey {
  /** SPKI DER, base64url: ProvisionRequest.devicePublicKey. */
  publicKey: string
  /** PKCS#8 DER: goes straight into the vault's encrypted secrets. */
  privateKeyPkcs8: Uint8Array<ArrayBuffer>
}

export async function generateDeviceKey(): Promise<DeviceKey> {
  const pair = await subtle().generateKey(ECDSA_P256, true, ['sign', 'verify'])
  const [spki, pkcs8] = await Promise.all([subtle().exportKey('spki', pair.publicKey), subtle().exportKey('pkcs8', pair.privateKey)])
  return { publicKey: toBase64Url(new Uint8Array(spki)), privateKeyPkcs8: new Uint8Array(pkcs8) }
}

export type DeviceHeaders = Record<(typeof DEVICE_HEADERS)[keyof typeof DEVICE_HEADERS], string>

/**
 * Wire formats (to be mirrored by the service): timestamp = ISO-8601 UTC from the injected clock; nonce = 16
 * random bytes; body digest = SHA-256 of the exact body bytes (empty body for GET); signature = ECDSA P-256 /
 * SHA-256 in IEEE P1363 form (r | s, 64 bytes) as WebCrypto produces it. All binary values base64url.
 */
export function createRequestSigner(vault: Vault, clock: Clock) {
  return {
    async signRequest(tokenId: string, method: string, path: string, body: string | Uint8Array = ''): Promise<DeviceHeaders> {
      const pkcs8 = await vault.readSecret(tokenId, 'devicePrivateKey')
      const key = await subtle()
        .importKey('pkcs8', pkcs8, ECDSA_P256, false, ['sign'])
        .finally(() => pkcs8.fill(0))
      const timestamp = clock.now().toISOString()
      const nonce = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES)))
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body)
      const bodySha256 = toBase64Url(new Uint8Array(await subtle().digest('SHA-256', bytes)))
      const input = deviceSigningInput(method, path, timestamp, nonce, bodySha256)
      const signature = await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, key, input)
      return {
        [DEVICE_HEADERS.token]: tokenId,
        [DEVICE_HEADERS.timestamp]: timestamp,
        [DEVICE_HEADERS.nonce]: nonce,
        [DEVICE_HEADERS.signature]: toBase64Url(new Uint8Array(signature)),
      }
    },
  }
}
