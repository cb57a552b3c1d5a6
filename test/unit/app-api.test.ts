// The AppApi's behaviour outside provisioning: OTP-02 links, OTP-26 unexpected failures and reports, status phases.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { channels } from '@shinkumi/common/bridge.ts'
import { createTestApp, validInput } from './helpers/app.ts'
import { startFakeService } from './helpers/fake-service.ts'

const UNUSED_SERVICE = 'http://127.0.0.1:9'

async function appWithLink(linkUrl: string | null) {
  const service = await startFakeService()
  service.answer = { linkUrl }
  const app = createTestApp({ serviceUrl: service.url })
  const result = await app.api['tokens.provision'](validInput())
  await service.close()
  if (!result.ok) throw new Error(result.error.code)
  return { app, tokenId: result.value.id }
}

describe('the AppApi implements the whole bridge', () => {
  it('has one function per contract entry', () => {
    const { api } = createTestApp({ serviceUrl: UNUSED_SERVICE })
    expect(Object.keys(api).sort()).toEqual([...channels].sort())
  })
})

describe('OTP-02 service links', () => {
  it('OTP-02 opens an https link in the system browser', async () => {
    const { app, tokenId } = await appWithLink('https://www.shinkumi.example.jp/otp')
    await app.api['links.open'](tokenId)
    expect(app.opened).toEqual(['https://www.shinkumi.example.jp/otp'])
  })

  it.each(['http://www.shinkumi.example.jp/', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', null])('OTP-02 never opens %s', async (linkUrl) => {
    const { app, tokenId } = await appWithLink(linkUrl)
    await expect(app.api['links.open'](tokenId)).resolves.toBeUndefined()
    expect(app.opened).toEqual([])
  })

  it('an unknown token opens nothing and does not throw', async () => {
    const app = createTestApp({ serviceUrl: UNUSED_SERVICE })
    await expect(app.api['links.open'](crypto.randomUUID())).resolves.toBeUndefined()
    expect(app.opened).toEqual([])
  })
})

describe('OTP-26 unexpected failures and renderer reports', () => {
  it('OTP-26 an unexpected failure is A999 with a correlation id that matches a log line, never a raw exception', async () => {
    const app = createTestApp({ serviceUrl: UNUSED_SERVICE })
    const result = await app.api['otp.current'](crypto.randomUUID())
    expect(result.ok).toBe(false)
    const error = result.ok ? undefined : result.error
    expect(error).toEqual({ code: 'A999', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(app.logs).toContainEqual(expect.objectContaining({ level: 'error', correlationId: error?.correlationId }))
  })

  it('OTP-26 a store that throws on read is A998 (vault cannot be opened), logged with its reason', async () => {
    const app = createTestApp({ serviceUrl: UNUSED_SERVICE })
    fs.writeFileSync(app.vaultFile, '{"vault": {')
    expect(await app.api['tokens.list']()).toEqual({ ok: false, error: { code: 'A998' } })
    expect(app.logs.at(-1)).toMatchObject({ level: 'info', fields: { code: 'A998' } })
  })

  it('OTP-26 out of memory reported by the renderer is A9EX', async () => {
    const app = createTestApp({ serviceUrl: UNUSED_SERVICE })
    expect(await app.api['diagnostics.report']({ kind: 'oom', detail: 'renderer heap exhausted' })).toEqual({ code: 'A9EX' })
    expect(app.logs.at(-1)).toMatchObject({ level: 'error', fields: { detail: 'renderer heap exhausted' } })
  })

  it.each(['crash', 'error'] as const)('OTP-26 a renderer %s is A999 with the id of its log line', async (kind) => {
    const app = createTestApp({ serviceUrl: UNUSED_SERVICE })
    const answer = await app.api['diagnostics.report']({ kind, detail: 'TypeError: x is undefined' })
    expect(answer.code).toBe('A999')
    expect(app.logs.at(-1)?.correlationId).toBe(answer.correlationId)
  })
})
