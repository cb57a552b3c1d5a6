// OTP-20…23: POST /v1/devices/renew on each database, over real HTTP, with the service's manual clock (SVC-08).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { transactionContentSha256 } from '@shinkumi/common/protocol.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setServiceClock, setUpToken } from './client.ts'
import { addTransactionService, createTransaction, deviceClient, DETAILS, TX_SERVICE_ID } from './device-client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID, suspend } from './fixtures.ts'

const T0 = new Date('2030-01-15T03:00:30Z')
const DAY_MS = 24 * 60 * 60 * 1000
/** A token set up at T0 expires after the default lifetime of 730 days. */
const EXPIRY = T0.getTime() + 730 * DAY_MS
const WINDOW_OPENS = EXPIRY - 180 * DAY_MS
const IN_WINDOW = new Date(WINDOW_OPENS + 30 * DAY_MS)

describeOnEachDatabase('renewal', (target) => {
  let h: Harness
  let rpKey: string
  let now = T0
  let userNo = 0
  const setNow = async (at: Date | number) => {
    now = new Date(at)
    await setServiceClock(h.url, now)
  }
  const newToken = async (serviceId = SERVICE_ID) => {
    await setNow(T0)
    const userId = `renew${++userNo}`
    const { activationPassword } = await issue(h.deps, userId, { serviceId })
    const token = await setUpToken(h.url, { serviceId, userId, activationPassword, deviceTime: T0 })
    return { userId, token, client: deviceClient(h.url, token, () => now) }
  }
  const storedExpiry = async (userId: string) => (await h.deps.db.selectFrom('tokens').select('expires_at').where('user_id', '=', userId).executeTakeFirstOrThrow()).expires_at
  const refusal = (code: string) => expect.objectContaining({ body: { code, message: expect.any(String) } })

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addService(h.deps)
    await addTransactionService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
  })
  afterAll(() => h.close())

  it('OTP-20 renewal inside the window sets the expiry to the token lifetime from now', async () => {
    const { userId, client } = await newToken()
    await setNow(IN_WINDOW)
    const renewed = new Date(IN_WINDOW.getTime() + 730 * DAY_MS)
    expect(await client.renew()).toEqual({ status: 200, body: { expiresAt: renewed.toISOString() } })
    expect(await storedExpiry(userId)).toBe(renewed.getTime())
  })

  it('OTP-23 window edges: exactly 180 days before expiry is inside; 180 days + 1 ms before, at and after expiry → S3E4', async () => {
    const { userId, client } = await newToken()
    await setNow(WINDOW_OPENS - 1)
    expect(await client.renew()).toEqual({ status: 422, body: { code: 'S3E4', message: expect.any(String) } })
    await setNow(EXPIRY)
    expect(await client.renew()).toEqual(refusal('S3E4'))
    await setNow(EXPIRY + DAY_MS)
    expect(await client.renew()).toEqual(refusal('S3E4'))
    expect(await storedExpiry(userId)).toBe(EXPIRY)
    await setNow(WINDOW_OPENS)
    expect(await client.renew()).toEqual({ status: 200, body: { expiresAt: new Date(WINDOW_OPENS + 730 * DAY_MS).toISOString() } })
  })

  it('OTP-23 right after a renewal the token is outside the window again (S3E4)', async () => {
    const { client } = await newToken()
    await setNow(IN_WINDOW)
    expect((await client.renew()).status).toBe(200)
    expect(await client.renew()).toEqual(refusal('S3E4'))
  })

  it('OTP-23 10 concurrent renewals: exactly one renews, the others find the token outside the window', async () => {
    const { client } = await newToken()
    await setNow(IN_WINDOW)
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.renew()))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.body.code === 'S3E4')).toHaveLength(9)
  })

  it('OTP-23 a suspended user → S3B5', async () => {
    const { userId, client } = await newToken()
    await suspend(h.deps, userId)
    await setNow(IN_WINDOW)
    expect(await client.renew()).toEqual({ status: 403, body: { code: 'S3B5', message: expect.any(String) } })
  })

  it('OTP-23 a re-issue in progress (new 利用開始パスワード, setup not done) → S3B3; once that password lapses, renewal works', async () => {
    const { userId, client } = await newToken()
    await setNow(IN_WINDOW)
    await issue(h.deps, userId, { expiresInDays: 1 })
    expect(await client.renew()).toEqual({ status: 409, body: { code: 'S3B3', message: expect.any(String) } })
    await setNow(IN_WINDOW.getTime() + 2 * DAY_MS)
    expect((await client.renew()).status).toBe(200)
  })

  it('OTP-23 a token of a service with 取引確認 whose enrolment is unfinished → S3D3; after enrolling, renewal works', async () => {
    const { client } = await newToken(TX_SERVICE_ID)
    await setNow(IN_WINDOW)
    expect(await client.renew()).toEqual({ status: 409, body: { code: 'S3D3', message: expect.any(String) } })
    expect(await client.enrol()).toEqual({ status: 200, body: { enrolled: true } })
    expect((await client.renew()).status).toBe(200)
  })

  it('OTP-23 unconfirmed transactions pending → S3D4; once answered, renewal works', async () => {
    const { userId, client } = await newToken(TX_SERVICE_ID)
    await client.enrol()
    await setNow(IN_WINDOW)
    const { body } = await createTransaction(h.url, rpKey, { serviceId: TX_SERVICE_ID, userId, details: DETAILS })
    expect(await client.renew()).toEqual({ status: 409, body: { code: 'S3D4', message: expect.any(String) } })
    expect((await client.decide(body.id!, 'reject', await transactionContentSha256(DETAILS))).status).toBe(200)
    expect((await client.renew()).status).toBe(200)
  })

  it('OTP-23 an expired transaction does not block renewal', async () => {
    const { userId, client } = await newToken(TX_SERVICE_ID)
    await client.enrol()
    await setNow(IN_WINDOW)
    await createTransaction(h.url, rpKey, { serviceId: TX_SERVICE_ID, userId, details: DETAILS, expiresInSeconds: 60 })
    expect(await client.renew()).toEqual(refusal('S3D4'))
    await setNow(IN_WINDOW.getTime() + 60_000)
    expect((await client.renew()).status).toBe(200)
  })
})
