// OTP-20…23 and OTP-13 through the bridge entries, against a fake service that checks every device signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import { expiryState } from '../../main/core/renewal.ts'
import { createTestApp, tempDir, validInput, type TestApp } from './helpers/app.ts'
import { startFakeDeviceService, type FakeDeviceService } from './helpers/fake-device-service.ts'

const NOW = Date.UTC(2026, 10, 21, 3, 0, 0)
const DAY = 86_400_000
let service: FakeDeviceService

beforeAll(async () => {
  service = await startFakeDeviceService()
})
afterAll(() => service.close())

/** An app with one token expiring `daysLeft` days after NOW. */
async function appWithToken(daysLeft: number, offersTransactions = false, dir = tempDir()): Promise<{ app: TestApp; tokenId: string }> {
  service.provisioning.answer = { expiresAt: new Date(NOW + daysLeft * DAY).toISOString(), offersTransactions }
  const app = createTestApp({ serviceUrl: service.url, dir, now: NOW })
  const provisioned = await app.api['tokens.provision'](validInput({ userId: `user${Math.random().toString(36).slice(2, 10)}` }))
  if (!provisioned.ok) throw new Error(`provisioning failed: ${provisioned.error.code}`)
  return { app, tokenId: provisioned.value.id }
}

describe('OTP-20…22 expiry is judged by the device clock', () => {
  it.each([
    [181, 'valid'],
    [180, 'renewable'],
    [1, 'renewable'],
    [0, 'expired'],
    [-3, 'expired'],
  ] as const)('%i days before expiry: %s', (days, state) => {
    expect(expiryState(new Date(NOW + days * DAY).toISOString(), NOW)).toBe(state)
  })

  it('OTP-20 a token within 180 days asks for renewal; 後で通知 silences it for this run only', async () => {
    const dir = tempDir()
    const { app, tokenId } = await appWithToken(100, false, dir)
    expect(await app.api['expiry.check'](tokenId)).toEqual({ ok: true, value: { state: 'renew' } })
    expect(await app.api['expiry.postpone'](tokenId)).toEqual({ ok: true, value: null })
    expect(await app.api['expiry.check'](tokenId)).toEqual({ ok: true, value: { state: 'valid' } })
    const restarted = createTestApp({ serviceUrl: service.url, dir, now: NOW })
    expect(await restarted.api['expiry.check'](tokenId)).toEqual({ ok: true, value: { state: 'renew' } })
  })

  it('OTP-21 an expired token is removed on [確認]; a live one cannot be removed this way', async () => {
    const { app, tokenId } = await appWithToken(10)
    const refused = await app.api['expiry.removeExpired'](tokenId)
    expect(refused.ok ? null : refused.error.code).toBe('A999')
    app.clock.set(NOW + 11 * DAY)
    expect(await app.api['expiry.check'](tokenId)).toEqual({ ok: true, value: { state: 'expired' } })
    expect(await app.api['expiry.removeExpired'](tokenId)).toEqual({ ok: true, value: { remaining: 0 } })
    expect(await app.api['tokens.list']()).toEqual({ ok: true, value: [] })
  })
})

describe('OTP-20 OTP-13 今すぐ更新', () => {
  it('sends one signed POST /v1/devices/renew with the body {} and stores the new expiry', async () => {
    const { app, tokenId } = await appWithToken(100)
    const renewedUntil = new Date(NOW + 730 * DAY).toISOString()
    service.answers.set('POST /v1/devices/renew', () => ({ status: 200, body: { expiresAt: renewedUntil } }))
    const result = await app.api['expiry.renew'](tokenId)
    expect(result.ok && result.value.expiresAt).toBe(renewedUntil)
    const request = service.requests.at(-1)!
    expect(request).toMatchObject({ tokenId, body: '{}', timestamp: new Date(NOW).toISOString(), signatureValid: true })
    expect(await app.api['expiry.check'](tokenId)).toEqual({ ok: true, value: { state: 'valid' } })
    const list = await app.api['tokens.list']()
    expect(list.ok && list.value[0]?.expiresAt).toBe(renewedUntil)
  })

  it('every request gets a fresh nonce', async () => {
    const { app, tokenId } = await appWithToken(100)
    service.answers.set('POST /v1/devices/renew', () => ({ status: 409, body: { code: 'S3D4' } }))
    await app.api['expiry.renew'](tokenId)
    await app.api['expiry.renew'](tokenId)
    const [a, b] = service.requests.slice(-2)
    expect(a!.nonce).not.toBe(b!.nonce)
    expect(a!.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })
})

describe('OTP-23 renewal errors', () => {
  it.each(Object.keys(deviceRoutes.renew.refusals))('the service code %s is shown as is', async (code) => {
    const { app, tokenId } = await appWithToken(100)
    service.answers.set('POST /v1/devices/renew', () => ({ status: 409, body: { code } }))
    const result = await app.api['expiry.renew'](tokenId)
    expect(result.ok ? null : result.error.code).toBe(code)
  })

  it.each([
    [400, { code: 'SOMETHING_NEW' }, 'A307'],
    [500, {}, 'A308'],
    [503, {}, 'A310'],
    [200, { expiresAt: 'tomorrow' }, 'A309'],
  ])('HTTP %i %j is %s (transport table, family A3)', async (status, body, code) => {
    const { app, tokenId } = await appWithToken(100)
    service.answers.set('POST /v1/devices/renew', () => ({ status, body }))
    const result = await app.api['expiry.renew'](tokenId)
    expect(result.ok ? null : result.error.code).toBe(code)
  })

  it('A300 when the service cannot be reached; the A300 variant (A300T) for a token with 取引確認', async () => {
    const plain = await appWithToken(100, false)
    const withTx = await appWithToken(100, true)
    // The same vaults, opened by an app whose service URL has nothing listening (ECONNREFUSED).
    const offline = (dir: string) => createTestApp({ serviceUrl: 'http://127.0.0.1:9', dir, now: NOW }).api
    const a = await offline(plain.app.dir)['expiry.renew'](plain.tokenId)
    const b = await offline(withTx.app.dir)['expiry.renew'](withTx.tokenId)
    expect(a.ok ? null : a.error.code).toBe('A300')
    expect(b.ok ? null : b.error.code).toBe('A300T')
  })
})
