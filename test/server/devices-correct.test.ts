// OTP-24: POST /v1/devices/correct on each database, over real HTTP, with the service's manual clock (SVC-08), and
// its effect on POST /v1/otp/verify (SVC-04).
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setServiceClock, setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'
import { deviceClient } from './device-client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'

/** Half-way through a 60-second step. */
const T0 = new Date('2030-01-15T03:00:30Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)
const STEP = 60
/** A code the token shows at no step near T0 (20 steps ahead: outside every window used here). */
const foreignCode = (token: ProvisionedToken) => token.codeAt(at(20 * STEP))

describeOnEachDatabase('clock correction', (target) => {
  let h: Harness
  let rpKey: string
  let now = T0
  let userNo = 0
  const setNow = async (when: Date) => {
    now = when
    await setServiceClock(h.url, when)
  }
  /** A token whose device clock runs `skewSeconds` ahead of the service (behind when negative). */
  const newToken = async (skewSeconds = 0) => {
    const userId = `correct${++userNo}`
    const { activationPassword } = await issue(h.deps, userId)
    const token = await setUpToken(h.url, { serviceId: SERVICE_ID, userId, activationPassword, deviceTime: T0 })
    const deviceNow = () => new Date(now.getTime() + skewSeconds * 1000)
    const client = deviceClient(h.url, token, deviceNow)
    return { userId, token, deviceNow, client, correct: () => client.correct(token.codeAt(deviceNow()), deviceNow()) }
  }
  const verify = async (userId: string, otp: string) => (await verifyOtp(h.url, rpKey, { serviceId: SERVICE_ID, userId, otp })).body
  const tokenRow = (userId: string) => h.deps.db.selectFrom('tokens').select(['correction_steps', 'last_step', 'failures']).where('user_id', '=', userId).executeTakeFirstOrThrow()
  const serverStep = (when: Date) => Math.floor(when.getTime() / 1000 / STEP)

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
  })
  beforeEach(() => setNow(T0))
  afterAll(() => h.close())

  it("OTP-24 correction stores the offset; /v1/otp/verify then accepts the skewed device's codes, and refuses them without it", async () => {
    const skewed = await newToken(4 * STEP)
    const uncorrected = await newToken(4 * STEP)
    expect(await verify(skewed.userId, skewed.token.codeAt(skewed.deviceNow()))).toEqual({ valid: false, reason: 'mismatch' })
    expect(await skewed.correct()).toEqual({ status: 200, body: { correctionSteps: 4 } })
    expect((await tokenRow(skewed.userId)).correction_steps).toBe(4)
    await setNow(at(STEP))
    expect(await verify(skewed.userId, skewed.token.codeAt(skewed.deviceNow()))).toEqual({ valid: true })
    expect(await verify(uncorrected.userId, uncorrected.token.codeAt(uncorrected.deviceNow()))).toEqual({ valid: false, reason: 'mismatch' })
  })

  it('OTP-24 a device 8 minutes ahead stamps its request with its own clock and is still corrected; other routes refuse that timestamp', async () => {
    const farAhead = await newToken(8 * STEP)
    expect(await farAhead.correct()).toEqual({ status: 200, body: { correctionSteps: 8 } })
    expect(await farAhead.client.renew()).toEqual({ status: 401, body: { code: 'STALE_REQUEST', message: expect.any(String) } })
    const tooFar = await newToken(16 * STEP)
    expect(await tooFar.correct()).toEqual({ status: 401, body: { code: 'STALE_REQUEST', message: expect.any(String) } })
  })

  it('OTP-24 a device running behind is corrected with a negative offset', async () => {
    const behind = await newToken(-3 * STEP)
    expect(await behind.correct()).toEqual({ status: 200, body: { correctionSteps: -3 } })
    await setNow(at(STEP))
    expect(await verify(behind.userId, behind.token.codeAt(behind.deviceNow()))).toEqual({ valid: true })
  })

  it('OTP-24 a correction of a device on time stores 0 and leaves verification as it was', async () => {
    const onTime = await newToken()
    expect(await onTime.correct()).toEqual({ status: 200, body: { correctionSteps: 0 } })
    await setNow(at(STEP))
    expect(await verify(onTime.userId, onTime.token.codeAt(now))).toEqual({ valid: true })
  })

  it('OTP-24 the range is ±10 steps: 10 steps off is corrected, 11 is refused with A403 and counted toward the lock', async () => {
    const { userId, token, client } = await newToken()
    expect(await client.correct(token.codeAt(at(-10 * STEP)), at(-10 * STEP))).toEqual({ status: 200, body: { correctionSteps: -10 } })
    expect(await client.correct(token.codeAt(at(11 * STEP)), at(11 * STEP))).toEqual({ status: 422, body: { code: 'A403', message: expect.any(String) } })
    expect((await tokenRow(userId)).failures).toBe(1)
    expect((await tokenRow(userId)).correction_steps).toBe(-10)
  })

  it('OTP-24 correction failures and verification failures count toward the same lock; a locked token refuses correction', async () => {
    const { userId, token, client, correct } = await newToken()
    for (let i = 0; i < 5; i++) expect(await client.correct(foreignCode(token), now)).toEqual({ status: 422, body: { code: 'A403', message: expect.any(String) } })
    for (let i = 0; i < 5; i++) expect(await verify(userId, foreignCode(token))).toEqual({ valid: false, reason: 'mismatch' })
    expect(await verify(userId, token.codeAt(now))).toEqual({ valid: false, reason: 'locked' })
    expect(await correct()).toEqual({ status: 422, body: { code: 'A403', message: expect.any(String) } })
    expect((await tokenRow(userId)).failures).toBe(10)
  })

  it('OTP-24 30 concurrent wrong corrections count exactly to the limit', async () => {
    const { userId, token, client } = await newToken()
    const answers = await Promise.all(Array.from({ length: 30 }, () => client.correct(foreignCode(token), now)))
    expect(answers.every((a) => a.body.code === 'A403')).toBe(true)
    expect((await tokenRow(userId)).failures).toBe(10)
    expect(await verify(userId, token.codeAt(now))).toEqual({ valid: false, reason: 'locked' })
  })

  it('OTP-24 the replay floor never moves backwards: a correction into the past keeps last_step', async () => {
    const { userId, token, client } = await newToken()
    expect(await verify(userId, token.codeAt(at(STEP)))).toEqual({ valid: true })
    const floor = serverStep(at(STEP))
    expect((await tokenRow(userId)).last_step).toBe(floor)
    expect(await client.correct(token.codeAt(at(-4 * STEP)), at(-4 * STEP))).toEqual({ status: 200, body: { correctionSteps: -4 } })
    expect(await tokenRow(userId)).toMatchObject({ correction_steps: -4, last_step: floor })
    // Codes at or before the floor stay replays even though the corrected window now reaches them.
    expect(await verify(userId, token.codeAt(at(-3 * STEP)))).toEqual({ valid: false, reason: 'replayed' })
  })

  it('OTP-24 the code sent for correction cannot be used again to log in', async () => {
    const ahead = await newToken(2 * STEP)
    const code = ahead.token.codeAt(ahead.deviceNow())
    expect((await ahead.client.correct(code, ahead.deviceNow())).status).toBe(200)
    expect((await tokenRow(ahead.userId)).last_step).toBe(serverStep(ahead.deviceNow()))
    expect(await verify(ahead.userId, code)).toEqual({ valid: false, reason: 'replayed' })
  })

  it('OTP-24 an expired token → S4E3, and nothing is counted', async () => {
    const { userId, correct } = await newToken()
    await setNow(at(731 * 24 * 60 * 60))
    expect(await correct()).toEqual({ status: 403, body: { code: 'S4E3', message: expect.any(String) } })
    expect(await tokenRow(userId)).toMatchObject({ failures: 0, correction_steps: 0 })
  })
})
