// STF-01: staff sign-in (password + own TOTP), its lockout under concurrent guessing, the TOTP replay floor, and
// sessions that end after idle time, at their absolute end, or on sign-out. Secrets at rest only hashed/encrypted.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { call, staffCode, staffWorld } from './staff-client.ts'
import { addStaff } from '../../server/src/staff/staff-users.ts'

describeOnEachDatabase('STF-01 staff sign-in and sessions', (target) => {
  let h: Harness
  let world: Awaited<ReturnType<typeof staffWorld>>
  let n = 0
  const minutes = (m: number) => world.clock.set(new Date(world.clock.now().getTime() + m * 60_000))

  /** A staff member of the test's own, so lock counts do not meet. */
  async function newStaff() {
    const staff = await addStaff(h.deps, { staffId: `clerk${++n}`, name: 'テスト 職員', role: '窓口' })
    return staff!
  }
  const signInNow = (staffId: string, password: string, otp: string) => call<{ token?: string; code?: string }>(h.url, 'POST', '/v1/staff/session', { body: { staffId, password, otp } })

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true, env: { STAFF_MAX_FAILURES: '5', STAFF_LOCK_MINUTES: '15', STAFF_SESSION_IDLE_MINUTES: '15', STAFF_SESSION_MAX_HOURS: '8' } })
    world = await staffWorld(h)
    world.clock.set(new Date('2026-11-18T01:00:00Z'))
  })
  afterAll(() => h.close())

  it('STF-01 staff ID + password + own TOTP open a session that names the staff member and its limits', async () => {
    const answer = await world.signIn('teller01')
    expect(answer.status).toBe(200)
    expect(answer.body.token).toMatch(/^stf_[A-Za-z0-9_-]{43}$/)
    const session = await call(h.url, 'GET', '/v1/staff/session', { token: answer.body.token })
    expect(session.body).toEqual({
      staff: { staffId: 'teller01', name: '窓口 一郎', role: '窓口' },
      expiresAt: new Date(world.clock.now().getTime() + 8 * 3_600_000).toISOString(),
      expiresInSeconds: 8 * 3600,
      idleTimeoutSeconds: 900,
    })
  })

  it('STF-01 a wrong password, a wrong code or an unknown staff ID is STAFF_SIGNIN_FAILED, and each is audited', async () => {
    const staff = await newStaff()
    world.nextStep()
    const code = staffCode(staff.totpSecret, world.clock.now())
    expect((await signInNow(staff.staffId, 'not-the-password', code)).body).toEqual({ code: 'STAFF_SIGNIN_FAILED', message: expect.any(String) })
    expect((await signInNow(staff.staffId, staff.password, code === '000000' ? '111111' : '000000')).body).toEqual({ code: 'STAFF_SIGNIN_FAILED', message: expect.any(String) })
    expect((await signInNow('nobody99', staff.password, code)).status).toBe(401)
    const audited = await h.deps.db
      .selectFrom('staff_audit')
      .select(['staff_id', 'outcome'])
      .where('action', '=', 'staff.sign-in')
      .where('staff_id', 'in', [staff.staffId, 'nobody99'])
      .execute()
    expect(audited.map((a) => a.outcome)).toEqual(['STAFF_SIGNIN_FAILED', 'STAFF_SIGNIN_FAILED', 'STAFF_SIGNIN_FAILED'])
  })

  it('STF-01 a TOTP code opens one session only (replay floor), even when two sign-ins race with it', async () => {
    const staff = await newStaff()
    world.nextStep()
    const code = staffCode(staff.totpSecret, world.clock.now())
    const answers = await Promise.all([1, 2, 3].map(() => signInNow(staff.staffId, staff.password, code)))
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401])
    // An earlier step's code after a later one was accepted is a replay too.
    const earlier = staffCode(staff.totpSecret, new Date(world.clock.now().getTime() - 30_000))
    expect((await signInNow(staff.staffId, staff.password, earlier)).status).toBe(401)
  })

  it('STF-01 concurrent wrong sign-ins lock at exactly the limit; then even the right credentials are STAFF_LOCKED until the lock ends', async () => {
    const staff = await newStaff()
    world.nextStep()
    const answers = await Promise.all(Array.from({ length: 12 }, () => signInNow(staff.staffId, 'wrong-password', '123456')))
    const codes = answers.map((a) => a.body.code)
    expect(codes.filter((c) => c === 'STAFF_SIGNIN_FAILED')).toHaveLength(4)
    expect(codes.filter((c) => c === 'STAFF_LOCKED')).toHaveLength(8)
    expect(answers.find((a) => a.body.code === 'STAFF_LOCKED')?.status).toBe(423)
    const row = await h.deps.db.selectFrom('staff_users').select(['failures', 'locked_until']).where('staff_id', '=', staff.staffId).executeTakeFirstOrThrow()
    expect(row).toEqual({ failures: 5, locked_until: world.clock.now().getTime() + 15 * 60_000 })

    world.nextStep()
    expect((await signInNow(staff.staffId, staff.password, staffCode(staff.totpSecret, world.clock.now()))).body).toEqual({ code: 'STAFF_LOCKED', message: expect.any(String) })
    minutes(15)
    world.nextStep()
    expect((await signInNow(staff.staffId, staff.password, staffCode(staff.totpSecret, world.clock.now()))).status).toBe(200)
  })

  it('STF-01 a session ends after 15 minutes without a request; requests keep it alive', async () => {
    const token = await world.tokenOf('teller01')
    for (let i = 0; i < 3; i++) {
      minutes(14)
      expect((await call(h.url, 'GET', '/v1/staff/session', { token })).status).toBe(200)
    }
    minutes(15)
    world.clock.set(new Date(world.clock.now().getTime() + 1000))
    expect((await call(h.url, 'GET', '/v1/staff/session', { token })).body).toEqual({ code: 'STAFF_UNAUTHENTICATED', message: expect.any(String) })
  })

  it('STF-01 a session ends at its absolute end (8 hours) however active it is', async () => {
    const token = await world.tokenOf('super01')
    for (let elapsed = 0; elapsed < 8 * 60 - 10; elapsed += 10) {
      minutes(10)
      expect((await call(h.url, 'GET', '/v1/staff/session', { token })).status).toBe(200)
    }
    minutes(10)
    expect((await call(h.url, 'GET', '/v1/staff/session', { token })).status).toBe(401)
  })

  it('STF-01 sign-out ends the session at once', async () => {
    const token = await world.tokenOf('audit01')
    expect((await call(h.url, 'DELETE', '/v1/staff/session', { token })).status).toBe(204)
    expect((await call(h.url, 'GET', '/v1/staff/session', { token })).status).toBe(401)
  })

  it('SPEC §5 the database holds no session token, password or TOTP secret in the clear', async () => {
    const staff = await newStaff()
    world.nextStep()
    const answer = await signInNow(staff.staffId, staff.password, staffCode(staff.totpSecret, world.clock.now()))
    const user = await h.deps.db.selectFrom('staff_users').selectAll().where('staff_id', '=', staff.staffId).executeTakeFirstOrThrow()
    expect(user.password_hash).toMatch(/^scrypt\$/)
    expect(JSON.stringify(user)).not.toContain(staff.password)
    expect(JSON.stringify(user)).not.toContain(staff.totpSecret)
    const sessions = await h.deps.db.selectFrom('staff_sessions').selectAll().where('staff_id', '=', staff.staffId).execute()
    expect(JSON.stringify(sessions)).not.toContain(answer.body.token!)
    expect(sessions[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })
})
