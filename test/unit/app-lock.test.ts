// The app lock (OTP-17, OTP-18) on the real core, real files and the real key file: the code really encrypts, wrong
// codes slow further attempts across restarts and never erase anything, and the app locks itself when idle.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fromBase64Url } from '@shinkumi/common/encoding.ts'
import { LOCK_SCRYPT } from '../../main/core/lock-key.ts'
import { retryAfterMs, unlockDelayMs } from '../../main/core/lock.ts'
import { Vault } from '../../main/core/vault.ts'
import { createConfStore } from '../../main/platform/conf-store.ts'
import { KeyFileProtector } from '../../main/platform/key-file-protector.ts'
import { createTestApp, validInput, type TestApp } from './helpers/app.ts'
import { startFakeService, type FakeService } from './helpers/fake-service.ts'

// Every code tried costs ≈250 ms of scrypt by design (lock-key.ts); some tests try eight, on a shared 2-core machine.
vi.setConfig({ testTimeout: 30_000 })

let service: FakeService
beforeAll(async () => {
  service = await startFakeService()
})
afterAll(() => service.close())

const CODE = '1234'
const lockInput = (code = CODE, confirmation = code, autoLockMinutes = 5) => ({ code, confirmation, autoLockMinutes })

async function appWithToken(): Promise<{ app: TestApp; tokenId: string }> {
  const app = createTestApp({ serviceUrl: service.url })
  const result = await app.api['tokens.provision'](validInput({ userId: `lock.${crypto.randomUUID().slice(0, 8)}` }))
  if (!result.ok) throw new Error(result.error.code)
  return { app, tokenId: result.value.id }
}

async function lockedApp() {
  const { app, tokenId } = await appWithToken()
  const before = await app.api['otp.current'](tokenId)
  expect((await app.api['lock.set'](lockInput())).ok).toBe(true)
  const restarted = createTestApp({ serviceUrl: service.url, dir: app.dir, now: app.clock.now().getTime() })
  return { app: restarted, tokenId, before }
}

const layers = (app: TestApp) => (JSON.parse(fs.readFileSync(app.vaultFile, 'utf8')) as { vault: { dataKey: { layers: { kind: string }[] } } }).vault.dataKey.layers

describe('OTP-17 setting, changing and removing the app lock', () => {
  it('OTP-17 a code of 1–32 half-width digits typed twice sets the lock: the data key gets the lock-code layer under the protector', async () => {
    const { app, tokenId } = await appWithToken()
    const result = await app.api['lock.set'](lockInput())
    expect(result).toEqual({ ok: true, value: { enabled: true, locked: false, retryAfterSeconds: 0, autoLockMinutes: 5 } })
    expect(layers(app)).toEqual([expect.objectContaining({ kind: 'lock-code', ...LOCK_SCRYPT }), { kind: 'protector', backend: 'key-file' }])
    expect((await app.api['otp.current'](tokenId)).ok).toBe(true)
  })

  it.each([
    ['letters', lockInput('12a4')],
    ['full-width digits', lockInput('１２３４')],
    ['empty', lockInput('')],
    ['33 digits', lockInput('1'.repeat(33))],
    ['a confirmation that differs', lockInput('1234', '1235')],
    ['an auto-lock time that is not offered', lockInput('1234', '1234', 7)],
  ])('OTP-17 refuses %s (LOCK_CODE_INVALID) and leaves the vault as it was', async (_label, input) => {
    const { app } = await appWithToken()
    const before = fs.readFileSync(app.vaultFile)
    expect(await app.api['lock.set'](input)).toEqual({ ok: false, error: { code: 'LOCK_CODE_INVALID' } })
    expect(fs.readFileSync(app.vaultFile)).toEqual(before)
  })

  it('OTP-17 32 digits are accepted', async () => {
    const { app } = await appWithToken()
    expect((await app.api['lock.set'](lockInput('9'.repeat(32)))).ok).toBe(true)
  })

  it('OTP-17 changing the code re-keys the vault: the old code no longer opens it, the new one does, the codes stay the same', async () => {
    const { app, tokenId, before } = await lockedApp()
    expect(await app.api['lock.unlock']({ code: CODE })).toEqual({ ok: true, value: { status: 'unlocked' } })
    expect((await app.api['lock.set'](lockInput('98765'))).ok).toBe(true)
    const restarted = createTestApp({ serviceUrl: service.url, dir: app.dir, now: app.clock.now().getTime() })
    expect(await restarted.api['lock.unlock']({ code: CODE })).toEqual({ ok: false, error: { code: 'A914' } })
    expect(await restarted.api['lock.unlock']({ code: '98765' })).toEqual({ ok: true, value: { status: 'unlocked' } })
    expect(await restarted.api['otp.current'](tokenId)).toEqual(before)
  })

  it('OTP-17 turning the lock off re-keys without the code layer; the next start goes straight to the tokens', async () => {
    const { app, tokenId, before } = await lockedApp()
    await app.api['lock.unlock']({ code: CODE })
    expect(await app.api['lock.disable']()).toMatchObject({ ok: true, value: { enabled: false, locked: false } })
    expect(layers(app)).toEqual([{ kind: 'protector', backend: 'key-file' }])
    const restarted = createTestApp({ serviceUrl: service.url, dir: app.dir, now: app.clock.now().getTime() })
    expect(await restarted.api['app.status']()).toEqual({ ok: true, value: { phase: 'ready', tokenCount: 1 } })
    expect(await restarted.api['otp.current'](tokenId)).toEqual(before)
  })
})

describe('OTP-18 start-up with the app lock', () => {
  it('OTP-18 start-up is locked: no token, name or code leaves the core until the right code', async () => {
    const { app, tokenId, before } = await lockedApp()
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'locked', tokenCount: 0 } })
    expect(await app.api['tokens.list']()).toEqual({ ok: false, error: { code: 'LOCKED' } })
    expect(await app.api['otp.current'](tokenId)).toEqual({ ok: false, error: { code: 'LOCKED' } })
    expect(await app.api['tokens.delete'](tokenId)).toEqual({ ok: false, error: { code: 'LOCKED' } })
    expect(await app.api['lock.disable']()).toEqual({ ok: false, error: { code: 'LOCKED' } })
    expect(await app.api['lock.set'](lockInput('5555'))).toEqual({ ok: false, error: { code: 'LOCKED' } })

    expect(await app.api['lock.unlock']({ code: '4321' })).toEqual({ ok: false, error: { code: 'A914' } })
    expect(await app.api['lock.unlock']({ code: CODE })).toEqual({ ok: true, value: { status: 'unlocked' } })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'ready', tokenCount: 1 } })
    expect(await app.api['otp.current'](tokenId)).toEqual(before)
  })

  it('OTP-18 the vault cannot be opened without the code, even with the vault file and its key file (the OS key store)', async () => {
    const { app } = await lockedApp()
    const protector = new KeyFileProtector(app.keyFile)
    const vault = await Vault.open(createConfStore(app.dir), protector)
    expect(vault.locked).toBe(true)
    expect(() => vault.tokens()).toThrow(expect.objectContaining({ code: 'LOCKED' }))
    const tokenId = (JSON.parse(fs.readFileSync(app.vaultFile, 'utf8')) as { vault: { tokens: { id: string }[] } }).vault.tokens[0]!.id
    await expect(vault.readSecret(tokenId, 'totpSeed')).rejects.toMatchObject({ code: 'LOCKED' })

    // What the key store alone unwraps is the code-wrapped key (iv | ciphertext | tag), not an AES-256 key.
    const doc = JSON.parse(fs.readFileSync(app.vaultFile, 'utf8')) as { vault: { dataKey: { wrapped: string } } }
    const inner = await protector.decrypt(fromBase64Url(doc.vault.dataKey.wrapped))
    expect(inner.length).toBe(12 + 32 + 16)
    await expect(vault.unlock('0000', Date.now())).rejects.toThrow(/app lock code/)
    expect(vault.locked).toBe(true)
  })

  it('OTP-18 wrong codes: three free, then 2 s, 4 s … before the next try (the code is not even tried); the wait survives a restart; nothing is erased', async () => {
    const { app, tokenId, before } = await lockedApp()
    for (let i = 0; i < 4; i++) expect(await app.api['lock.unlock']({ code: '0000' })).toEqual({ ok: false, error: { code: 'A914' } })
    expect(await app.api['lock.unlock']({ code: CODE })).toEqual({ ok: true, value: { status: 'wait', retryAfterSeconds: 2 } })

    const restarted = createTestApp({ serviceUrl: service.url, dir: app.dir, now: app.clock.now().getTime() + 1_000 })
    expect(await restarted.api['lock.status']()).toMatchObject({ ok: true, value: { locked: true, retryAfterSeconds: 1 } })
    expect(await restarted.api['lock.unlock']({ code: CODE })).toEqual({ ok: true, value: { status: 'wait', retryAfterSeconds: 1 } })
    restarted.clock.set(restarted.clock.now().getTime() + 1_000)
    expect(await restarted.api['lock.unlock']({ code: '0000' })).toEqual({ ok: false, error: { code: 'A914' } })
    expect(await restarted.api['lock.status']()).toMatchObject({ ok: true, value: { retryAfterSeconds: 4 } })
    restarted.clock.set(restarted.clock.now().getTime() + 4_000)
    expect(await restarted.api['lock.unlock']({ code: CODE })).toEqual({ ok: true, value: { status: 'unlocked' } })
    // Same minute, same code: the seed survived six wrong codes and two restarts.
    expect(await restarted.api['otp.current'](tokenId)).toMatchObject({ ok: true, value: { code: (before as { value: { code: string } }).value.code } })
    expect(await restarted.api['lock.status']()).toMatchObject({ ok: true, value: { retryAfterSeconds: 0 } })
  })

  it('OTP-18 concurrent attempts are counted one by one', async () => {
    const { app } = await lockedApp()
    const answers = await Promise.all(Array.from({ length: 5 }, () => app.api['lock.unlock']({ code: '0000' })))
    expect(answers.filter((a) => !a.ok)).toHaveLength(4)
    expect(answers.filter((a) => a.ok && a.value.status === 'wait')).toHaveLength(1)
  })

  it('OTP-18 the delay grows 0, 0, 0, 2, 4, 8 … s and stops at 5 minutes; a clock set back never lengthens it', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 11, 12, 40].map((n) => unlockDelayMs(n) / 1000)).toEqual([0, 0, 0, 2, 4, 8, 16, 256, 300, 300])
    expect(retryAfterMs({ count: 5, lastAt: 10_000 }, 0)).toBe(4_000)
    expect(retryAfterMs(undefined, 0)).toBe(0)
  })
})

describe('OTP-18 the app locks itself', () => {
  it('OTP-18 after the idle time (default 5 minutes) the core drops the key; activity reported by the renderer keeps it open', async () => {
    const { app, tokenId } = await lockedApp()
    await app.api['lock.unlock']({ code: CODE })
    app.clock.set(app.clock.now().getTime() + 4 * 60_000)
    expect(await app.api['lock.activity']({ userActive: true })).toEqual({ locked: false })
    app.clock.set(app.clock.now().getTime() + 4 * 60_000)
    expect((await app.api['otp.current'](tokenId)).ok).toBe(true)
    app.clock.set(app.clock.now().getTime() + 60_000)
    expect(await app.api['otp.current'](tokenId)).toEqual({ ok: false, error: { code: 'LOCKED' } })
    expect(await app.api['lock.activity']({ userActive: true })).toEqual({ locked: true })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'locked', tokenCount: 0 } })
  })

  it('OTP-18 a shorter auto-lock time is kept in the vault and applies at once', async () => {
    const { app } = await lockedApp()
    await app.api['lock.unlock']({ code: CODE })
    expect(await app.api['lock.setAutoLock']({ autoLockMinutes: 1 })).toMatchObject({ ok: true, value: { autoLockMinutes: 1 } })
    expect(await app.api['lock.setAutoLock']({ autoLockMinutes: 2 })).toEqual({ ok: false, error: { code: 'LOCK_CODE_INVALID' } })
    app.clock.set(app.clock.now().getTime() + 60_000)
    expect(await app.api['lock.activity']({ userActive: false })).toEqual({ locked: true })
    const restarted = createTestApp({ serviceUrl: service.url, dir: app.dir, now: app.clock.now().getTime() })
    expect(await restarted.api['lock.status']()).toMatchObject({ ok: true, value: { autoLockMinutes: 1 } })
  })

  it('OTP-18 lock.engage (OS lock screen or suspend) locks at once; without a code it changes nothing', async () => {
    const { app, tokenId } = await lockedApp()
    await app.api['lock.unlock']({ code: CODE })
    await app.api['lock.engage']()
    expect(await app.api['otp.current'](tokenId)).toEqual({ ok: false, error: { code: 'LOCKED' } })

    const plain = await appWithToken()
    await plain.app.api['lock.engage']()
    expect((await plain.app.api['otp.current'](plain.tokenId)).ok).toBe(true)
  })
})

describe('OTP-14 トークン削除', () => {
  it('OTP-14 deletes only locally and says how many remain; the next token of the service takes the freed name', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    const ids: string[] = []
    for (const userId of ['del.one', 'del.two', 'del.three']) {
      const result = await app.api['tokens.provision'](validInput({ userId }))
      if (result.ok) ids.push(result.value.id)
    }
    const requests = service.requests
    expect(await app.api['tokens.delete'](ids[2]!)).toEqual({ ok: true, value: { remaining: 2 } })
    expect(service.requests).toBe(requests)
    const names = async () => ((await app.api['tokens.list']()) as { value: { baseName: string }[] }).value.map((t) => t.baseName)
    expect(await names()).toEqual(['SHINKUMI1バンク', 'SHINKUMI1バンク_2'])
    expect(await app.api['tokens.delete'](ids[0]!)).toEqual({ ok: true, value: { remaining: 1 } })
    expect(await app.api['tokens.delete'](ids[1]!)).toEqual({ ok: true, value: { remaining: 0 } })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
  })

  it('OTP-14 an unknown token is not deleted (A999, logged)', async () => {
    const { app } = await appWithToken()
    expect(await app.api['tokens.delete'](crypto.randomUUID())).toMatchObject({ ok: false, error: { code: 'A999' } })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'ready', tokenCount: 1 } })
  })
})

describe('OTP-26 the A998 way out', () => {
  it('OTP-26 vault.reset moves a vault this machine cannot open aside (never deletes it); 初期設定 can start again', async () => {
    const { app: original } = await appWithToken()
    const { app: other } = await appWithToken()
    const copy = createTestApp({ serviceUrl: service.url, dir: other.dir })
    fs.copyFileSync(original.vaultFile, copy.vaultFile)
    const unreadable = fs.readFileSync(copy.vaultFile)
    expect(await copy.api['app.status']()).toEqual({ ok: false, error: { code: 'A998' } })

    const reset = await copy.api['vault.reset']()
    expect(reset).toEqual({ ok: true, value: { movedAside: expect.stringMatching(/^vault\.unreadable-[0-9T.Z-]+\.json$/) } })
    const movedAside = (reset as { value: { movedAside: string } }).value.movedAside
    expect(fs.readFileSync(path.join(copy.dir, movedAside))).toEqual(unreadable)
    expect(await copy.api['app.status']()).toEqual({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
    expect((await copy.api['tokens.provision'](validInput({ userId: 'after.reset' }))).ok).toBe(true)
  })

  it('OTP-26 vault.reset never touches a vault that opens, locked or not', async () => {
    const { app } = await lockedApp()
    const before = fs.readFileSync(app.vaultFile)
    expect(await app.api['vault.reset']()).toMatchObject({ ok: false, error: { code: 'A999' } })
    expect(fs.readFileSync(app.vaultFile)).toEqual(before)
    expect(fs.readdirSync(app.dir).sort()).toEqual(['vault.json', 'vault.key'])
  })
})
