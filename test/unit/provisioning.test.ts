// 初期設定 / トークン追加 through the app API against an in-test peer that plays the service's side of
// common/protocol.ts: OTP-10, OTP-11 (checks before any network call), OTP-03, OTP-13 (seed derived on both sides),
// OTP-01/02 (the code shown), OTP-04 (names), OTP-15 (suffix).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { TokenView } from '@shinkumi/common/bridge.ts'
import { currentOtp } from '../../main/core/otp.ts'
import { createTestApp, validInput, type TestApp } from './helpers/app.ts'
import { startFakeService, type FakeService } from './helpers/fake-service.ts'

let service: FakeService
beforeAll(async () => {
  service = await startFakeService()
})
afterAll(() => service.close())
beforeEach(() => {
  service.refuse = undefined
  service.answer = {}
})

async function provisioned(app: TestApp, overrides: Record<string, unknown> = {}): Promise<TokenView> {
  const result = await app.api['tokens.provision'](validInput(overrides))
  if (!result.ok) throw new Error(`provisioning refused with ${result.error.code}`)
  return result.value
}

async function refusal(app: TestApp, input: unknown) {
  const result = await app.api['tokens.provision'](input as ReturnType<typeof validInput>)
  return result.ok ? 'accepted' : result.error.code
}

describe('OTP-10 / OTP-13 provisioning end to end', () => {
  it('OTP-13 app and service derive the same seed: the code the app shows is the code the service computes', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    const token = await provisioned(app)
    const issued = service.issued.at(-1)!
    expect(token.id).toBe(issued.response.tokenId)

    for (const offset of [0, 59_000, 60_000, 3_600_000]) {
      app.clock.set(app.clock.now().getTime() + offset)
      const shown = await app.api['otp.current'](token.id)
      expect(shown).toEqual({ ok: true, value: currentOtp(issued.seed, { algorithm: 'SHA1', digits: 8, period: 60 }, app.clock.now().getTime()) })
    }
  })

  it('OTP-01 uses the TOTP parameters the service gave (SHA-256, 6 digits, 30 s)', async () => {
    service.answer = { algorithm: 'SHA256', digits: 6, period: 30 }
    const app = createTestApp({ serviceUrl: service.url })
    const token = await provisioned(app)
    const issued = service.issued.at(-1)!
    const shown = await app.api['otp.current'](token.id)
    expect(shown).toEqual({ ok: true, value: currentOtp(issued.seed, { algorithm: 'SHA256', digits: 6, period: 30 }, app.clock.now().getTime()) })
    expect(shown.ok && shown.value.code).toMatch(/^\d{6}$/)
  })

  it('OTP-13 sends the device clock, a device public key (SPKI) and an ephemeral key — never a seed', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    await provisioned(app)
    const { request } = service.issued.at(-1)!
    expect(request.deviceTime).toBe(app.clock.now().toISOString())
    expect(Object.keys(request).sort()).toEqual(['activationPassword', 'devicePublicKey', 'deviceTime', 'ephemeralPublicKey', 'serviceId', 'userId'])
    const spki = Buffer.from(request.devicePublicKey, 'base64url')
    await expect(crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify'])).resolves.toBeDefined()
  })

  it('OTP-10 the new token is listed with the service fields and 初期設定 turns into ready', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
    const token = await provisioned(app)
    const issued = service.issued.at(-1)!.response
    expect(token).toMatchObject({
      serviceId: 'SHINKUMI1',
      userId: 'yamada.taro',
      serviceName: issued.serviceName,
      serialNumber: issued.serialNumber,
      expiresAt: issued.expiresAt,
      linkUrl: issued.linkUrl,
      suffix: '',
    })
    expect(await app.api['tokens.list']()).toEqual({ ok: true, value: [token] })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'ready', tokenCount: 1 } })
  })

  it('A009 when the service sends an ephemeral key that is not a P-256 point', async () => {
    service.answer = { serverEphemeralPublicKey: 'AAAA' }
    const app = createTestApp({ serviceUrl: service.url })
    expect(await refusal(app, validInput())).toBe('A009')
    expect(await app.api['tokens.list']()).toEqual({ ok: true, value: [] })
  })
})

describe('OTP-11 checks before any network call', () => {
  it.each([
    ['agreement not ticked', { agreed: false }],
    ['empty service ID', { serviceId: '' }],
    ['full-width service ID', { serviceId: 'ＳＨＩＮＫＵＭＩ' }],
    ['service ID too long', { serviceId: 'S'.repeat(21) }],
    ['empty user ID', { userId: '' }],
    ['user ID with a space', { userId: 'yamada taro' }],
    ['activation password too short', { activationPassword: 'Abc1234' }],
    ['activation password with a symbol', { activationPassword: 'Start-1234' }],
    ['unknown mode', { mode: 'replace' }],
    ['missing field', { activationPassword: undefined }],
  ])('A911 for %s, and no request reaches the service', async (_label, overrides) => {
    const app = createTestApp({ serviceUrl: service.url })
    const before = service.requests
    expect(await refusal(app, validInput(overrides))).toBe('A911')
    expect(service.requests).toBe(before)
  })

  it('A911 for input that is not an object at all', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    expect(await refusal(app, null)).toBe('A911')
  })

  it('A916 for a service ID + user ID already in the app, without asking the service', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    await provisioned(app)
    const before = service.requests
    expect(await refusal(app, validInput({ mode: 'add' }))).toBe('A916')
    expect(service.requests).toBe(before)
    expect(await refusal(app, validInput({ mode: 'add', serviceId: 'OTHER' }))).toBe('accepted')
  })

  it('OTP-03 the 11th token is refused with the seed guidance (TOKEN_LIMIT), without asking the service', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    for (let i = 1; i <= 10; i++) await provisioned(app, { mode: i === 1 ? 'setup' : 'add', userId: `user${i}` })
    const before = service.requests
    expect(await refusal(app, validInput({ mode: 'add', userId: 'user11' }))).toBe('TOKEN_LIMIT')
    expect(service.requests).toBe(before)
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'ready', tokenCount: 10 } })
  })

  it('OTP-11 A916 is checked before the token limit (the more specific refusal wins)', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    for (let i = 1; i <= 10; i++) await provisioned(app, { userId: `user${i}` })
    expect(await refusal(app, validInput({ userId: 'user3' }))).toBe('A916')
  })

  it('two provisionings sent at once cannot both pass the duplicate check', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    const results = await Promise.all([refusal(app, validInput()), refusal(app, validInput())])
    expect(results.sort()).toEqual(['A916', 'accepted'])
  })
})

describe('OTP-12 refusals from the service', () => {
  it('S0C1 passes through and nothing is stored', async () => {
    service.refuse = { status: 401, body: { code: 'S0C1' } }
    const app = createTestApp({ serviceUrl: service.url })
    expect(await refusal(app, validInput())).toBe('S0C1')
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
  })

  it('S0A1 on 初期設定 stays S0A1, on トークン追加 becomes S0B1', async () => {
    service.refuse = { status: 404, body: { code: 'S0A1' } }
    const app = createTestApp({ serviceUrl: service.url })
    expect(await refusal(app, validInput({ mode: 'setup' }))).toBe('S0A1')
    expect(await refusal(app, validInput({ mode: 'add' }))).toBe('S0B1')
  })
})

describe('OTP-04 names and OTP-15 追加文言', () => {
  it('OTP-04 tokens of one service are サービス名, サービス名_2, サービス名_3 in order of addition', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    service.answer = { serviceName: 'しんくみバンク' }
    const names = []
    for (const userId of ['a1', 'a2', 'a3']) names.push((await provisioned(app, { userId })).baseName)
    service.answer = { serviceName: 'ほかの銀行' }
    names.push((await provisioned(app, { serviceId: 'OTHER', userId: 'a1' })).baseName)
    expect(names).toEqual(['しんくみバンク', 'しんくみバンク_2', 'しんくみバンク_3', 'ほかの銀行'])
  })

  it('OTP-15 the suffix is shown after the name; empty shows nothing', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    service.answer = { serviceName: 'しんくみバンク' }
    await provisioned(app, { userId: 'first' })
    const second = await provisioned(app, { userId: 'second' })
    expect(second.displayName).toBe('しんくみバンク_2')

    const renamed = await app.api['tokens.setSuffix']({ tokenId: second.id, suffix: '本店用' })
    expect(renamed).toMatchObject({ ok: true, value: { baseName: 'しんくみバンク_2', suffix: '本店用', displayName: 'しんくみバンク_2本店用' } })
    const cleared = await app.api['tokens.setSuffix']({ tokenId: second.id, suffix: '' })
    expect(cleared).toMatchObject({ ok: true, value: { displayName: 'しんくみバンク_2' } })
  })

  it.each([
    ['8 full-width characters', 'ａｂｃｄｅｆｇｈ', true],
    ['8 half-width characters', 'abcdefgh', true],
    ['9 characters', '本店用本店用本店用', false],
    ['a control character', '本店\n', false],
  ])('OTP-04 追加文言 of %s is %s', async (_label, suffix, accepted) => {
    const app = createTestApp({ serviceUrl: service.url })
    const token = await provisioned(app)
    const result = await app.api['tokens.setSuffix']({ tokenId: token.id, suffix })
    expect(result.ok ? 'accepted' : result.error.code).toBe(accepted ? 'accepted' : 'A911')
  })

  it('the suffix survives a restart (stored in the vault)', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    const token = await provisioned(app)
    await app.api['tokens.setSuffix']({ tokenId: token.id, suffix: '個人用' })
    const restarted = createTestApp({ serviceUrl: service.url, dir: app.dir })
    expect(await restarted.api['tokens.list']()).toMatchObject({ ok: true, value: [{ displayName: `${token.baseName}個人用` }] })
  })
})
