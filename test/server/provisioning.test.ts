// OTP-12 / OTP-13 and secrets at rest (SPEC §5): POST /v1/devices/provision on each database, over real HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { toBase64Url } from '@shinkumi/common/encoding.ts'
import { decryptSeed } from '../../server/src/secrets.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { newDevice, postJson, provision, setUpToken } from './client.ts'
import { addService, issue, SERVICE_ID, SERVICE_NAME, suspend } from './fixtures.ts'

const DAY_MS = 24 * 60 * 60 * 1000

describeOnEachDatabase('provisioning', (target) => {
  let h: Harness
  let userNo = 0
  /** A user of its own for each test, with a fresh activation password. */
  const newUser = async () => {
    const userId = `user${++userNo}`
    return { userId, serviceId: SERVICE_ID, activationPassword: (await issue(h.deps, userId)).activationPassword }
  }
  const attempt = async (fields: { serviceId: string; userId: string; activationPassword: string; deviceTime?: Date }) => provision(h.url, await newDevice(), fields)

  beforeAll(async () => {
    h = await startHarness(target)
    await addService(h.deps)
  })
  afterAll(() => h.close())

  it('OTP-12 a right setup answers the token with the service TOTP parameters', async () => {
    const user = await newUser()
    const token = await setUpToken(h.url, user)
    expect(token.response).toMatchObject({ serviceName: SERVICE_NAME, algorithm: 'SHA1', digits: 8, period: 60, logoUrl: null })
    expect(token.response.serialNumber).toMatch(/^[0-9]{8}$/)
    expect(Date.parse(token.response.expiresAt) - Date.now()).toBeGreaterThan(729 * DAY_MS)
  })

  it('OTP-13 the seed never travels: the response holds no seed, the device derives the same one as the service', async () => {
    const user = await newUser()
    const device = await newDevice()
    const answer = await provision(h.url, device, user)
    expect(answer.status).toBe(200)
    const token = await h.deps.db.selectFrom('tokens').selectAll().where('user_id', '=', user.userId).executeTakeFirstOrThrow()
    const seed = decryptSeed(h.deps.seedKey, token.seed_ciphertext, token.token_id)
    const text = JSON.stringify(answer.body)
    expect(text).not.toContain(toBase64Url(seed))
    expect(text).not.toContain(seed.toString('base64'))
    expect(text).not.toContain(seed.toString('hex'))
    expect(Object.keys(answer.body).sort()).toEqual([
      'algorithm',
      'digits',
      'expiresAt',
      'linkUrl',
      'logoUrl',
      'offersTransactions',
      'period',
      'serialNumber',
      'serverEphemeralPublicKey',
      'serviceName',
      'tokenId',
    ])
  })

  it('OTP-13 the device public key is recorded with the token', async () => {
    const user = await newUser()
    const token = await setUpToken(h.url, user)
    const row = await h.deps.db.selectFrom('tokens').selectAll().where('token_id', '=', token.response.tokenId).executeTakeFirstOrThrow()
    expect(row.device_public_key).toBe(token.device.devicePublicKey)
    expect(row.serial_number).toBe(token.response.serialNumber)
  })

  it('§5 the TOTP seed is stored encrypted (AES-256-GCM), never as its bytes', async () => {
    const user = await newUser()
    const token = await setUpToken(h.url, user)
    const row = await h.deps.db.selectFrom('tokens').selectAll().where('token_id', '=', token.response.tokenId).executeTakeFirstOrThrow()
    const stored = Buffer.from(row.seed_ciphertext, 'base64url')
    const seed = Buffer.from(token.seed)
    expect(stored.length).toBe(12 + seed.length + 16)
    expect(stored.includes(seed)).toBe(false)
    expect(row.seed_ciphertext).not.toContain(toBase64Url(seed))
    expect(decryptSeed(h.deps.seedKey, row.seed_ciphertext, row.token_id).equals(seed)).toBe(true)
    // Bound to its row: the same ciphertext does not decrypt as another token's.
    expect(() => decryptSeed(h.deps.seedKey, row.seed_ciphertext, crypto.randomUUID())).toThrow()
  })

  it('§5 activation passwords are stored only as scrypt hashes', async () => {
    const user = await newUser()
    const row = await h.deps.db.selectFrom('activations').selectAll().where('user_id', '=', user.userId).executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/)
    expect(row.password_hash).not.toContain(user.activationPassword)
    expect(user.activationPassword).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
  })

  it('OTP-12 S0A1 unknown service ID', async () => {
    const user = await newUser()
    expect(await attempt({ ...user, serviceId: 'NOSUCHSERVICE' })).toEqual({ status: 404, body: { code: 'S0A1', message: expect.any(String) } })
  })

  it('OTP-12 S0C1 unknown user, wrong password, or no activation password', async () => {
    const user = await newUser()
    expect(await attempt({ ...user, userId: 'nobody' })).toEqual({ status: 401, body: { code: 'S0C1', message: expect.any(String) } })
    expect(await attempt({ ...user, activationPassword: 'WRONGPASS2' })).toEqual({ status: 401, body: { code: 'S0C1', message: expect.any(String) } })
    await h.deps.db.deleteFrom('activations').where('user_id', '=', user.userId).execute()
    expect(await attempt(user)).toEqual({ status: 401, body: { code: 'S0C1', message: expect.any(String) } })
  })

  it('OTP-12 S0B4 a user already set up on a device (one device per user)', async () => {
    const user = await newUser()
    await setUpToken(h.url, user)
    const again = await issue(h.deps, user.userId)
    expect(await attempt({ ...user, activationPassword: again.activationPassword })).toEqual({ status: 409, body: { code: 'S0B4', message: expect.any(String) } })
  })

  it('OTP-12 S0B4 for all but one of concurrent setups with the same password', async () => {
    const user = await newUser()
    const answers = await Promise.all(Array.from({ length: 10 }, () => attempt(user)))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.status !== 200).map((a) => a.body)).toEqual(Array(9).fill({ code: 'S0B4', message: expect.any(String) }))
    const tokens = await h.deps.db.selectFrom('tokens').select('token_id').where('user_id', '=', user.userId).execute()
    expect(tokens).toHaveLength(1)
  })

  it('OTP-12 S0B5 a suspended user (told only with the right password)', async () => {
    const user = await newUser()
    await suspend(h.deps, user.userId)
    expect(await attempt({ ...user, activationPassword: 'WRONGPASS2' })).toEqual({ status: 401, body: { code: 'S0C1', message: expect.any(String) } })
    expect(await attempt(user)).toEqual({ status: 403, body: { code: 'S0B5', message: expect.any(String) } })
  })

  it('OTP-12 S0C4 after 5 wrong activation passwords, and for the right one while locked', async () => {
    const user = await newUser()
    const wrong = { ...user, activationPassword: 'WRONGPASS2' }
    for (let i = 1; i < 5; i++) expect((await attempt(wrong)).body).toEqual({ code: 'S0C1', message: expect.any(String) })
    expect(await attempt(wrong)).toEqual({ status: 423, body: { code: 'S0C4', message: expect.any(String) } })
    expect(await attempt(wrong)).toEqual({ status: 423, body: { code: 'S0C4', message: expect.any(String) } })
    expect(await attempt(user)).toEqual({ status: 423, body: { code: 'S0C4', message: expect.any(String) } })
  })

  it('OTP-12 50 concurrent wrong activation passwords count exactly to the threshold (5) and lock', async () => {
    const user = await newUser()
    const answers = await Promise.all(Array.from({ length: 50 }, () => attempt({ ...user, activationPassword: 'WRONGPASS2' })))
    const codes = answers.map((a) => a.body.code)
    expect(codes.filter((c) => c === 'S0C1')).toHaveLength(4)
    expect(codes.filter((c) => c === 'S0C4')).toHaveLength(46)
    const row = await h.deps.db.selectFrom('activations').selectAll().where('user_id', '=', user.userId).executeTakeFirstOrThrow()
    expect(row.failures).toBe(5)
    expect(row.locked_at).not.toBeNull()
    expect((await attempt(user)).body).toEqual({ code: 'S0C4', message: expect.any(String) })
  })

  it('OTP-12 S0F1 when the device clock differs from the service by more than 300 s', async () => {
    const user = await newUser()
    const off = (seconds: number) => new Date(Date.now() + seconds * 1000)
    expect(await attempt({ ...user, deviceTime: off(310) })).toEqual({ status: 400, body: { code: 'S0F1', message: expect.any(String) } })
    expect(await attempt({ ...user, deviceTime: off(-310) })).toEqual({ status: 400, body: { code: 'S0F1', message: expect.any(String) } })
    expect((await attempt({ ...user, deviceTime: off(-290) })).status).toBe(200)
  })

  it('OTP-12 S0G1 for an expired activation password', async () => {
    const userId = `user${++userNo}`
    const issued = await issue(h.deps, userId, { issuedAt: new Date(Date.now() - 31 * DAY_MS), expiresInDays: 30 })
    expect(await attempt({ serviceId: SERVICE_ID, userId, activationPassword: issued.activationPassword })).toEqual({
      status: 403,
      body: { code: 'S0G1', message: expect.any(String) },
    })
  })

  it('OTP-12 S0G1 for an activation password already used (device revoked, no new password)', async () => {
    const user = await newUser()
    const token = await setUpToken(h.url, user)
    await h.deps.db.updateTable('tokens').set({ status: 'revoked' }).where('token_id', '=', token.response.tokenId).execute()
    expect(await attempt(user)).toEqual({ status: 403, body: { code: 'S0G1', message: expect.any(String) } })
  })

  it('OTP-12 S0G1 (400) for a malformed request', async () => {
    const user = await newUser()
    const device = await newDevice()
    const url = `${h.url}/v1/devices/provision`
    const valid = { ...user, deviceTime: new Date().toISOString(), devicePublicKey: device.devicePublicKey, ephemeralPublicKey: device.ephemeral.publicKey }
    const malformed: unknown[] = [
      '{"serviceId": ',
      {},
      { ...valid, activationPassword: 'short' },
      { ...valid, deviceTime: 'yesterday' },
      { ...valid, devicePublicKey: toBase64Url(crypto.getRandomValues(new Uint8Array(91))) },
      { ...valid, ephemeralPublicKey: device.devicePublicKey },
    ]
    for (const body of malformed) expect(await postJson(url, body)).toEqual({ status: 400, body: { code: 'S0G1', message: expect.any(String) } })
    // None of them used or counted against the password.
    expect((await postJson(url, valid)).status).toBe(200)
  })
})
