// OTP-13: a device signing key per token; later requests carry DEVICE_HEADERS whose signature the service checks
// against the public key it recorded at provisioning.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import { DEVICE_HEADERS, deviceSigningInput } from '@shinkumi/common/protocol.ts'
import { createRequestSigner } from '../../main/core/device-keys.ts'
import { Vault } from '../../main/core/vault.ts'
import { createConfStore } from '../../main/platform/conf-store.ts'
import { KeyFileProtector } from '../../main/platform/key-file-protector.ts'
import { createTestApp, validInput } from './helpers/app.ts'
import { startFakeService, type FakeService } from './helpers/fake-service.ts'

let service: FakeService
beforeAll(async () => {
  service = await startFakeService()
})
afterAll(() => service.close())

async function signerForNewToken() {
  const app = createTestApp({ serviceUrl: service.url })
  const result = await app.api['tokens.provision'](validInput())
  if (!result.ok) throw new Error(result.error.code)
  const vault = await Vault.open(createConfStore(app.dir), new KeyFileProtector(path.join(app.dir, 'vault.key')))
  const devicePublicKey = service.issued.at(-1)!.request.devicePublicKey
  return { tokenId: result.value.id, signer: createRequestSigner(vault, app.clock), devicePublicKey, now: app.clock.now() }
}

async function verifies(devicePublicKey: string, headers: Record<string, string>, method: string, path: string, body: string) {
  const key = await crypto.subtle.importKey('spki', fromBase64Url(devicePublicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
  const digest = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body))))
  const input = deviceSigningInput(method, path, headers[DEVICE_HEADERS.timestamp]!, headers[DEVICE_HEADERS.nonce]!, digest)
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(headers[DEVICE_HEADERS.signature]!), input)
}

describe('OTP-13 device-signed requests', () => {
  it('OTP-13 the signature verifies with the public key the service received at provisioning', async () => {
    const { tokenId, signer, devicePublicKey, now } = await signerForNewToken()
    const body = JSON.stringify({ otp: '12345678' })
    const headers = await signer.signRequest(tokenId, 'post', '/v1/tokens/renew', body)
    expect(headers[DEVICE_HEADERS.token]).toBe(tokenId)
    expect(headers[DEVICE_HEADERS.timestamp]).toBe(now.toISOString())
    expect(await verifies(devicePublicKey, headers, 'POST', '/v1/tokens/renew', body)).toBe(true)
  })

  it('OTP-13 the signature covers method, path and body', async () => {
    const { tokenId, signer, devicePublicKey } = await signerForNewToken()
    const headers = await signer.signRequest(tokenId, 'POST', '/v1/tokens/renew', '{"a":1}')
    expect(await verifies(devicePublicKey, headers, 'POST', '/v1/tokens/renew', '{"a":2}')).toBe(false)
    expect(await verifies(devicePublicKey, headers, 'POST', '/v1/tokens/correct', '{"a":1}')).toBe(false)
    expect(await verifies(devicePublicKey, headers, 'GET', '/v1/tokens/renew', '{"a":1}')).toBe(false)
  })

  it('OTP-13 every request has a fresh nonce, so the service can refuse replays', async () => {
    const { tokenId, signer } = await signerForNewToken()
    const nonces = new Set<string>()
    for (let i = 0; i < 20; i++) nonces.add((await signer.signRequest(tokenId, 'GET', '/v1/transactions', ''))[DEVICE_HEADERS.nonce])
    expect(nonces.size).toBe(20)
  })
})
