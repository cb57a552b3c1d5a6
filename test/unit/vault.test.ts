// The vault at rest (SPEC §5 secrets at rest, OTP-13, OTP-26 A998): no plaintext secret in the file, a vault that
// cannot be opened on this machine is A998 and left untouched, a damaged document never crashes the app.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toBase64Url } from '@shinkumi/common/encoding.ts'
import { Vault, type TokenRecord } from '../../main/core/vault.ts'
import { createConfStore } from '../../main/platform/conf-store.ts'
import { KeyFileProtector } from '../../main/platform/key-file-protector.ts'
import type { SecretProtector } from '../../main/platform/secret-protector.ts'
import { createTestApp, tempDir, validInput, type TestApp } from './helpers/app.ts'
import { startFakeService, type FakeService } from './helpers/fake-service.ts'

let service: FakeService
beforeAll(async () => {
  service = await startFakeService()
})
afterAll(() => service.close())

async function appWithToken(userId = 'yamada.taro'): Promise<TestApp> {
  const app = createTestApp({ serviceUrl: service.url })
  const result = await app.api['tokens.provision'](validInput({ userId }))
  expect(result.ok).toBe(true)
  return app
}

const vaultJson = (app: TestApp) => JSON.parse(fs.readFileSync(app.vaultFile, 'utf8')) as { vault: Record<string, unknown> }

function expectA998(result: { ok: boolean; error?: { code: string } }) {
  expect(result).toEqual({ ok: false, error: { code: 'A998' } })
}

describe('vault: no plaintext secret at rest', () => {
  it('OTP-13 the file holds neither the TOTP seed (raw, hex, base64, base64url) nor the activation password', async () => {
    const app = await appWithToken('no.plaintext')
    const seed = Buffer.from(service.issued.at(-1)!.seed)
    const raw = fs.readFileSync(app.vaultFile)
    for (const encoded of [seed.toString('hex'), seed.toString('base64'), toBase64Url(seed), seed.toString('base64').slice(0, 20)]) {
      expect(raw.toString('utf8')).not.toContain(encoded)
    }
    expect(raw.includes(seed)).toBe(false)
    expect(raw.toString('utf8')).not.toContain(validInput().activationPassword)
  })

  it('OTP-13 the device private key is stored only encrypted', async () => {
    const app = await appWithToken('no.private.key')
    const text = fs.readFileSync(app.vaultFile, 'utf8')
    // Every PKCS#8 P-256 key WebCrypto exports starts with these bytes; in no encoding may they appear.
    const pkcs8Prefix = Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420', 'hex')
    for (const encoded of [pkcs8Prefix.toString('hex'), pkcs8Prefix.toString('base64'), toBase64Url(pkcs8Prefix)]) expect(text).not.toContain(encoded)
    expect(text).not.toContain('-----BEGIN')
    const token = (vaultJson(app).vault.tokens as { sealed: Record<string, string> }[])[0]!
    expect(Object.keys(token.sealed).sort()).toEqual(['devicePrivateKey', 'totpSeed'])
  })

  it('vault and key file are readable by their owner only', async () => {
    const app = await appWithToken('file.modes')
    expect(fs.statSync(app.vaultFile).mode & 0o777).toBe(0o600)
    expect(fs.statSync(app.keyFile).mode & 0o777).toBe(0o600)
  })

  it('records the protector that wrapped the data key, as a list of layers the app lock can extend', async () => {
    const app = await appWithToken('layers')
    const doc = vaultJson(app).vault
    expect(doc.schemaVersion).toBe(1)
    expect(doc.dataKey).toMatchObject({ layers: [{ kind: 'protector', backend: 'key-file' }] })
  })

  it('a fresh install writes nothing until the first token (no file, no key)', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    expect(await app.api['app.status']()).toEqual({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
    expect(fs.readdirSync(app.dir)).toEqual([])
  })
})

describe('OTP-26 A998: the vault cannot be opened on this machine', () => {
  it('A998, not a crash, for a vault copied to a machine without its key file', async () => {
    const original = await appWithToken('copied.nokey')
    const copy = createTestApp({ serviceUrl: service.url })
    fs.copyFileSync(original.vaultFile, copy.vaultFile)
    expectA998(await copy.api['app.status']())
    expectA998(await copy.api['tokens.list']())
  })

  it('A998 for a vault copied next to another key file; the file is left as it was and no request is sent', async () => {
    const original = await appWithToken('copied.otherkey')
    const other = await appWithToken('other.machine')
    const copy = createTestApp({ serviceUrl: service.url, dir: other.dir })
    fs.copyFileSync(original.vaultFile, copy.vaultFile)
    const before = fs.readFileSync(copy.vaultFile)
    const requests = service.requests

    expectA998(await copy.api['app.status']())
    expectA998(await copy.api['tokens.provision'](validInput({ userId: 'after.copy' })))
    expect(service.requests).toBe(requests)
    expect(fs.readFileSync(copy.vaultFile)).toEqual(before)
    expect(copy.logs.some((l) => l.fields?.code === 'A998')).toBe(true)
  })

  it('A998 when the key store changed since the vault was written (backend recorded and checked)', async () => {
    const app = await appWithToken('backend.changed')
    const keyFile = new KeyFileProtector(app.keyFile)
    const renamed: SecretProtector = {
      ...keyFile,
      backend: 'safeStorage:gnome_libsecret',
      weak: false,
      isAvailable: () => keyFile.isAvailable(),
      encrypt: (b) => keyFile.encrypt(b),
      decrypt: (b) => keyFile.decrypt(b),
    }
    await expect(Vault.open(createConfStore(app.dir), renamed)).rejects.toMatchObject({ code: 'A998', reason: 'backend-changed' })
  })

  it('A998 when a sealed secret was swapped between tokens (bound to its token by associated data)', async () => {
    const app = createTestApp({ serviceUrl: service.url })
    for (const userId of ['swap.one', 'swap.two']) expect((await app.api['tokens.provision'](validInput({ userId }))).ok).toBe(true)
    const file = vaultJson(app)
    const tokens = file.vault.tokens as { id: string; sealed: Record<string, string> }[]
    ;[tokens[0]!.sealed.totpSeed, tokens[1]!.sealed.totpSeed] = [tokens[1]!.sealed.totpSeed!, tokens[0]!.sealed.totpSeed!]
    fs.writeFileSync(app.vaultFile, JSON.stringify(file))

    const reopened = createTestApp({ serviceUrl: service.url, dir: app.dir })
    expectA998(await reopened.api['otp.current'](tokens[0]!.id))
  })
})

describe('vault: damaged documents', () => {
  it.each([
    ['half-written (truncated) JSON', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['empty file', () => ''],
    ['not JSON at all', () => '\u0000\u0000\u0000'],
    ['a newer schema version', (text: string) => text.replace('"schemaVersion": 1', '"schemaVersion": 2')],
    ['a token without its sealed secrets', (text: string) => text.replace('"sealed"', '"unsealed"')],
    ['a changed key check', (text: string) => text.replace(/"keyCheck": "[^"]+"/, '"keyCheck": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"')],
  ])('%s → A998 on every call, the file untouched, no request sent', async (_label, damage) => {
    const app = await appWithToken('damaged.document')
    fs.writeFileSync(app.vaultFile, damage(fs.readFileSync(app.vaultFile, 'utf8')))
    const before = fs.readFileSync(app.vaultFile)
    const requests = service.requests
    const reopened = createTestApp({ serviceUrl: service.url, dir: app.dir })

    expectA998(await reopened.api['app.status']())
    expectA998(await reopened.api['tokens.provision'](validInput({ userId: 'after.damage' })))
    expect(service.requests).toBe(requests)
    expect(fs.readFileSync(app.vaultFile)).toEqual(before)
  })

  it('a failed write leaves the vault in memory as it is on disk', async () => {
    const dir = tempDir()
    const store = createConfStore(dir)
    const vault = await Vault.open(store, new KeyFileProtector(path.join(dir, 'vault.key')))
    const record: TokenRecord = {
      id: crypto.randomUUID(),
      serviceId: 'S1',
      serviceName: 'テスト',
      userId: 'u',
      serialNumber: '12345678',
      ordinal: 1,
      suffix: '',
      algorithm: 'SHA1',
      digits: 8,
      period: 60,
      expiresAt: '2030-01-01T00:00:00Z',
      logoUrl: null,
      linkUrl: null,
      offersTransactions: false,
      devicePublicKey: 'AAAA',
      addedAt: '2026-11-21T00:00:00Z',
    }
    await vault.addToken(record, { totpSeed: new Uint8Array(20), devicePrivateKey: new Uint8Array(8) })
    store.set = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
    await expect(vault.setSuffix(record.id, '本店用')).rejects.toThrow(/ENOSPC/)
    expect(vault.token(record.id)?.suffix).toBe('')
  })
})

describe('OTP-26 a file that is not a vault this version reads', () => {
  const fiftyMegabytesOfSpaceThenEmpty = () => Buffer.concat([Buffer.alloc(50 * 1024 * 1024, ' '), Buffer.from('{}')])
  it.each([
    ['null', () => 'null'],
    ['an array', () => '[]'],
    ['a string', () => '"vault"'],
    ['a number', () => '42'],
    ['an empty object', () => '{}'],
    ['50 MB of spaces then {}', fiftyMegabytesOfSpaceThenEmpty],
    ['a vault key holding null', () => '{"vault":null}'],
    ['a wrong version', () => '{"vault":{"schemaVersion":2}}'],
  ])('OTP-26 %s → A998, never 初期設定 over it; the way out moves the file aside as it was', { timeout: 30_000 }, async (_label, content) => {
    const app = createTestApp({ serviceUrl: service.url })
    fs.writeFileSync(app.vaultFile, content())
    const before = fs.readFileSync(app.vaultFile)
    const requests = service.requests

    expectA998(await app.api['app.status']())
    expectA998(await app.api['tokens.provision'](validInput({ userId: 'over.foreign.file' })))
    expect(service.requests).toBe(requests)
    expect(fs.readFileSync(app.vaultFile).equals(before)).toBe(true)

    const reset = await app.api['vault.reset']()
    expect(reset.ok).toBe(true)
    const movedAside = (reset as { value: { movedAside: string } }).value.movedAside
    expect(fs.readFileSync(path.join(app.dir, movedAside)).equals(before)).toBe(true)
    expect(fs.existsSync(app.vaultFile)).toBe(false)
    expect((await app.api['tokens.provision'](validInput({ userId: 'after.reset' }))).ok).toBe(true)
  })
})

describe('key file protector', () => {
  it('two processes creating the key at once agree on one key', async () => {
    const keyPath = path.join(tempDir(), 'vault.key')
    const [a, b] = [new KeyFileProtector(keyPath), new KeyFileProtector(keyPath)]
    const [sealedA, sealedB] = await Promise.all([a.encrypt(new Uint8Array([1, 2, 3])), b.encrypt(new Uint8Array([4, 5, 6]))])
    expect([...(await b.decrypt(sealedA))]).toEqual([1, 2, 3])
    expect([...(await a.decrypt(sealedB))]).toEqual([4, 5, 6])
    expect(fs.readdirSync(path.dirname(keyPath))).toEqual(['vault.key'])
  })

  it('never creates a key when asked to decrypt', async () => {
    const keyPath = path.join(tempDir(), 'vault.key')
    await expect(new KeyFileProtector(keyPath).decrypt(new Uint8Array(40))).rejects.toThrow()
    expect(fs.existsSync(keyPath)).toBe(false)
  })
})
