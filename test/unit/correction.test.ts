// OTP-24 パスワード補正 through the bridge entry, against a fake service that checks the device signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, validInput } from './helpers/app.ts'
import { startFakeDeviceService, type FakeDeviceService } from './helpers/fake-device-service.ts'

const NOW = Date.UTC(2026, 10, 21, 3, 0, 30)
let service: FakeDeviceService

beforeAll(async () => {
  service = await startFakeDeviceService()
})
afterAll(() => service.close())

async function provisionedApp(serviceUrl = service.url) {
  const app = createTestApp({ serviceUrl, now: NOW })
  const provisioned = await app.api['tokens.provision'](validInput({ userId: `user${Math.random().toString(36).slice(2, 10)}` }))
  if (!provisioned.ok) throw new Error(provisioned.error.code)
  return { app, tokenId: provisioned.value.id }
}

describe('OTP-24 パスワード補正', () => {
  it('sends the code shown now and the device time, signed', async () => {
    service.answers.set('POST /v1/devices/correct', () => ({ status: 200, body: { correctionSteps: -2 } }))
    const { app, tokenId } = await provisionedApp()
    const shown = await app.api['otp.current'](tokenId)
    expect(await app.api['correction.run'](tokenId)).toEqual({ ok: true, value: null })
    const request = service.requests.at(-1)!
    expect(request.signatureValid).toBe(true)
    expect(JSON.parse(request.body)).toEqual({ otp: shown.ok && shown.value.code, deviceTime: new Date(NOW).toISOString() })
  })

  it.each([
    [422, { code: 'A403' }, 'A403'],
    [403, { code: 'S4E3' }, 'S4E3'],
    [400, { code: 'NOPE' }, 'A403'],
    [500, {}, 'A403'],
    [200, { correctionSteps: 'many' }, 'A403'],
  ])('HTTP %i %j is %s', async (status, body, code) => {
    service.answers.set('POST /v1/devices/correct', () => ({ status, body }))
    const { app, tokenId } = await provisionedApp()
    const result = await app.api['correction.run'](tokenId)
    expect(result.ok ? null : result.error.code).toBe(code)
  })

  it('A400 when the service cannot be reached', async () => {
    const { app, tokenId } = await provisionedApp()
    const offline = createTestApp({ serviceUrl: 'http://127.0.0.1:9', dir: app.dir, now: NOW })
    const result = await offline.api['correction.run'](tokenId)
    expect(result.ok ? null : result.error.code).toBe('A400')
  })

  it('A401 when the service does not answer in time', async () => {
    service.answers.set('POST /v1/devices/correct', () => new Promise<never>(() => undefined))
    const { app, tokenId } = await provisionedApp()
    const slow = createTestApp({ serviceUrl: service.url, dir: app.dir, now: NOW, timeoutMs: 200 })
    const result = await slow.api['correction.run'](tokenId)
    expect(result.ok ? null : result.error.code).toBe('A401')
  })
})
