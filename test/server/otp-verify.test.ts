// SVC-04: POST /v1/otp/verify on each database, over real HTTP, with the service's manual clock (SVC-08).
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setServiceClock, setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID, suspend } from './fixtures.ts'

/** Half-way through a 60-second step, so ±1 step is unambiguous. */
const T0 = new Date('2030-01-15T03:00:30Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

/** A code that is not the token's code at `when` (the last digit changed). */
const wrongCode = (token: ProvisionedToken, when = T0) => {
  const code = token.codeAt(when)
  return code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10)
}

describeOnEachDatabase('OTP verification', (target) => {
  let h: Harness
  let rpKey: string
  let userNo = 0
  const newToken = async () => {
    const userId = `otpuser${++userNo}`
    const { activationPassword } = await issue(h.deps, userId)
    const token = await setUpToken(h.url, { serviceId: SERVICE_ID, userId, activationPassword, deviceTime: T0 })
    return { userId, token }
  }
  const verify = async (userId: string, otp: string) => (await verifyOtp(h.url, rpKey, { serviceId: SERVICE_ID, userId, otp })).body
  const failuresOf = async (userId: string) => (await h.deps.db.selectFrom('tokens').select('failures').where('user_id', '=', userId).executeTakeFirstOrThrow()).failures

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
  })
  beforeEach(() => setServiceClock(h.url, T0))
  afterAll(() => h.close())

  it('SVC-04 SEC-04 a key not bound to the service gets 403 with a code, and the code stays unused', async () => {
    const { userId, token } = await newToken()
    await addService(h.deps, 'OTHERBANK')
    const otherKey = await addRelyingPartyKey(h.deps, ['OTHERBANK'])
    const refused = await verifyOtp(h.url, otherKey, { serviceId: SERVICE_ID, userId, otp: token.codeAt(T0) })
    expect(refused).toEqual({ status: 403, body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) } })
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: true })
  })

  it('SVC-04 a right code is valid once; the same code again is replayed', async () => {
    const { userId, token } = await newToken()
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: true })
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: false, reason: 'replayed' })
  })

  it('SVC-04 a code of an earlier step after a later one was accepted is replayed', async () => {
    const { userId, token } = await newToken()
    expect(await verify(userId, token.codeAt(at(60)))).toEqual({ valid: true })
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: false, reason: 'replayed' })
    expect(await verify(userId, token.codeAt(at(-60)))).toEqual({ valid: false, reason: 'replayed' })
  })

  it('SVC-04 codes one step off the server time are accepted, two steps off are not', async () => {
    const early = await newToken()
    expect(await verify(early.userId, early.token.codeAt(at(-60)))).toEqual({ valid: true })
    const late = await newToken()
    expect(await verify(late.userId, late.token.codeAt(at(60)))).toEqual({ valid: true })
    const far = await newToken()
    expect(await verify(far.userId, far.token.codeAt(at(-120)))).toEqual({ valid: false, reason: 'mismatch' })
    expect(await verify(far.userId, far.token.codeAt(at(120)))).toEqual({ valid: false, reason: 'mismatch' })
  })

  it('SVC-04 the window follows the service clock', async () => {
    const { userId, token } = await newToken()
    await setServiceClock(h.url, at(600))
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: false, reason: 'mismatch' })
    expect(await verify(userId, token.codeAt(at(600)))).toEqual({ valid: true })
  })

  it("SVC-04 the token's stored correction shifts the window", async () => {
    const { userId, token } = await newToken()
    await h.deps.db.updateTable('tokens').set({ correction_steps: 5 }).where('user_id', '=', userId).execute()
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: false, reason: 'mismatch' })
    expect(await verify(userId, token.codeAt(at(300)))).toEqual({ valid: true })
  })

  it('SVC-04 10 consecutive failures lock the token; locked answers even a right code', async () => {
    const { userId, token } = await newToken()
    for (let i = 0; i < 10; i++) expect(await verify(userId, wrongCode(token))).toEqual({ valid: false, reason: 'mismatch' })
    expect(await verify(userId, wrongCode(token))).toEqual({ valid: false, reason: 'locked' })
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: false, reason: 'locked' })
    expect(await failuresOf(userId)).toBe(10)
  })

  it('SVC-04 a success resets the failure count', async () => {
    const { userId, token } = await newToken()
    for (let i = 0; i < 9; i++) await verify(userId, wrongCode(token))
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: true })
    expect(await failuresOf(userId)).toBe(0)
    for (let i = 0; i < 9; i++) await verify(userId, wrongCode(token))
    expect(await verify(userId, token.codeAt(at(60)))).toEqual({ valid: true })
  })

  it('SVC-04 50 concurrent verifications of one code: exactly one is valid, the rest replayed', async () => {
    const { userId, token } = await newToken()
    const code = token.codeAt(T0)
    const answers = await Promise.all(Array.from({ length: 50 }, () => verify(userId, code)))
    expect(answers.filter((a) => a.valid === true)).toHaveLength(1)
    expect(answers.filter((a) => a.reason === 'replayed')).toHaveLength(49)
  })

  it('SVC-04 50 concurrent wrong codes count exactly to the limit and lock', async () => {
    const { userId, token } = await newToken()
    const answers = await Promise.all(Array.from({ length: 50 }, () => verify(userId, wrongCode(token))))
    expect(answers.filter((a) => a.reason === 'mismatch')).toHaveLength(10)
    expect(answers.filter((a) => a.reason === 'locked')).toHaveLength(40)
    expect(await failuresOf(userId)).toBe(10)
  })

  it('SVC-04 an expired token answers expired', async () => {
    const { userId, token } = await newToken()
    const later = at(731 * 24 * 60 * 60)
    await setServiceClock(h.url, later)
    expect(await verify(userId, token.codeAt(later))).toEqual({ valid: false, reason: 'expired' })
  })

  it('SVC-04 a suspended user answers suspended', async () => {
    const { userId, token } = await newToken()
    await suspend(h.deps, userId)
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: false, reason: 'suspended' })
  })

  it('SVC-04 an unknown user or a user without an active token answers unknown; an unknown service is one the key is not bound to (403)', async () => {
    const { userId, token } = await newToken()
    const code = token.codeAt(T0)
    const unknown = { valid: false, reason: 'unknown' }
    expect(await verifyOtp(h.url, rpKey, { serviceId: 'NOSUCH', userId, otp: code })).toEqual({ status: 403, body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) } })
    expect(await verify('nobody', code)).toEqual(unknown)
    await h.deps.db.updateTable('tokens').set({ status: 'revoked' }).where('user_id', '=', userId).execute()
    expect(await verify(userId, code)).toEqual(unknown)
  })

  it('SVC-04 401 without a relying-party key or with a wrong one', async () => {
    const { userId, token } = await newToken()
    const body = { serviceId: SERVICE_ID, userId, otp: token.codeAt(T0) }
    expect(await verifyOtp(h.url, null, body)).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: expect.any(String) } })
    expect(await verifyOtp(h.url, 'rp_not-a-key', body)).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: expect.any(String) } })
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: true })
  })

  it('SVC-04 a malformed request is refused with a code, never counted', async () => {
    const { userId, token } = await newToken()
    const answer = await verifyOtp(h.url, rpKey, { serviceId: SERVICE_ID, userId, otp: 'abc' })
    expect(answer.status).toBe(400)
    expect(answer.body.code).toBe('BAD_REQUEST')
    expect(await failuresOf(userId)).toBe(0)
    expect(await verify(userId, token.codeAt(T0))).toEqual({ valid: true })
  })
})
