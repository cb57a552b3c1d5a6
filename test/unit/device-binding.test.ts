// OTP-13 / OTP-26: the service's refusals of a device signature, the same for every signed entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, validInput } from './helpers/app.ts'
import { startFakeDeviceService, type FakeDeviceService } from './helpers/fake-device-service.ts'

const NOW = Date.UTC(2026, 10, 21, 3, 0, 0)
let service: FakeDeviceService

beforeAll(async () => {
  service = await startFakeDeviceService()
  service.provisioning.answer = { expiresAt: new Date(NOW + 100 * 86_400_000).toISOString(), offersTransactions: true }
})
afterAll(() => service.close())

async function provisionedApp() {
  const app = createTestApp({ serviceUrl: service.url, now: NOW })
  const provisioned = await app.api['tokens.provision'](validInput({ userId: `user${Math.random().toString(36).slice(2, 10)}` }))
  if (!provisioned.ok) throw new Error(provisioned.error.code)
  return { app, tokenId: provisioned.value.id }
}

const ROUTES = ['POST /v1/devices/renew', 'POST /v1/devices/correct', 'POST /v1/devices/transactions/enrol']

function refuseAll(code: string) {
  for (const route of ROUTES) service.answers.set(route, () => ({ status: 401, body: { code } }))
}

describe('OTP-26 A998 when the service no longer knows this device key', () => {
  it.each(['DEVICE_REVOKED', 'DEVICE_UNKNOWN', 'BAD_SIGNATURE'])('%s → A998 on renewal, correction and 取引確認', async (code) => {
    refuseAll(code)
    const { app, tokenId } = await provisionedApp()
    const results = [await app.api['expiry.renew'](tokenId), await app.api['correction.run'](tokenId), await app.api['transactions.list']()]
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['A998', 'A998', 'A998'])
  })
})

describe('OTP-26 A999 with a log line when the service calls a fresh request stale or replayed', () => {
  it.each(['STALE_REQUEST', 'REPLAYED_REQUEST'])('%s → A999 and an error log line under its correlation id', async (code) => {
    refuseAll(code)
    const { app, tokenId } = await provisionedApp()
    const result = await app.api['expiry.renew'](tokenId)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('A999')
    const line = app.logs.find((l) => l.level === 'error' && l.correlationId === result.error.correlationId)
    expect(String((line?.fields?.error as Error | undefined)?.message)).toContain(code)
  })
})

describe('OTP-13 every request after provisioning is signed by the token key', () => {
  it('renewal, correction, enrolment, the list and a decision all verify with the key recorded at provisioning', async () => {
    service.answers.clear()
    const { app, tokenId } = await provisionedApp()
    const before = service.requests.length
    await app.api['expiry.renew'](tokenId)
    await app.api['correction.run'](tokenId)
    await app.api['transactions.list']()
    const signed = service.requests.slice(before)
    expect(signed.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/devices/renew', 'POST /v1/devices/correct', 'POST /v1/devices/transactions/enrol'])
    expect(signed.every((r) => r.signatureValid && r.tokenId === tokenId)).toBe(true)
  })
})
