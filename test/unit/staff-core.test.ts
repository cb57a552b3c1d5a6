// STF-01 in the main process: the staff session lives in main/core/staff only — no bridge answer ever carries its
// token — and it ends on sign-out, after the idle time (the app's clock), or when the service ends it; each end
// reaches the service too. Against the real service (SQLite, manual clock) with the demo staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from '../server/harness.ts'
import { staffCode, staffWorld } from '../server/staff-client.ts'
import { createTestApp, type TestApp } from './helpers/app.ts'

describe('STF-01 the staff session in the main process', () => {
  let h: Harness
  let world: Awaited<ReturnType<typeof staffWorld>>
  const answers: unknown[] = []

  /** Every bridge answer is kept, to check none of them carries a session token. */
  const recorded = async <T>(answer: Promise<T>) => {
    const value = await answer
    answers.push(value)
    return value
  }
  const openSessions = () => h.deps.db.selectFrom('staff_sessions').select('token_hash').where('revoked_at', 'is', null).execute()

  async function signedIn(staffId = 'teller01', now?: number): Promise<TestApp> {
    const app = createTestApp({ serviceUrl: h.url, ...(now === undefined ? {} : { now }) })
    const staff = world.member(staffId)
    world.nextStep()
    const result = await recorded(app.api['staff.signIn']({ staffId, password: staff.password, otp: staffCode(staff.totpSecret, world.clock.now()) }))
    expect(result).toEqual({ ok: true, value: { staffId, name: expect.any(String), role: staff.role } })
    return app
  }

  beforeAll(async () => {
    h = await startHarness({ kind: 'sqlite', label: 'sqlite' }, { manualClock: true })
    world = await staffWorld(h)
  })
  afterAll(() => h.close())

  it('STF-01 sign-in, search and status work through the bridge, and no answer carries the session token', async () => {
    const app = await signedIn()
    expect(await recorded(app.api['staff.status']())).toMatchObject({ staff: { staffId: 'teller01', role: '窓口' }, endedBy: null, idleSeconds: 600 })
    const found = await recorded(app.api['staff.search']({ by: 'account', branch: '115', accountNumber: '1100026' }))
    expect(found).toMatchObject({ ok: true, value: { customers: [{ ref: { customerId: 'demo-data-taro' } }], nextCursor: null } })
    await recorded(app.api['staff.customer']({ customerId: 'demo-data-taro' }))
    await recorded(app.api['staff.locks']({}))
    expect(JSON.stringify(answers)).not.toMatch(/stf_/)
  })

  it('STF-01 sign-out ends the session here and on the service', async () => {
    const before = (await openSessions()).length
    const app = await signedIn()
    expect(await openSessions()).toHaveLength(before + 1)
    await app.api['staff.signOut']()
    expect(await openSessions()).toHaveLength(before)
    expect(await app.api['staff.locks']({})).toEqual({ ok: false, error: { code: 'STAFF_SIGNED_OUT' } })
  })

  it('STF-01 after the idle time without activity the session ends (and on the service); activity keeps it', async () => {
    const before = (await openSessions()).length
    const app = await signedIn()
    app.clock.set(app.clock.now().getTime() + 500_000)
    expect((await app.api['staff.activity']({ userActive: true })).staff).not.toBeNull()
    app.clock.set(app.clock.now().getTime() + 500_000)
    expect((await app.api['staff.activity']({ userActive: false })).staff).not.toBeNull()
    app.clock.set(app.clock.now().getTime() + 100_000)
    expect(await app.api['staff.status']()).toEqual({ staff: null, endedBy: 'idle', idleSeconds: 600 })
    await expect.poll(async () => (await openSessions()).length).toBe(before)
  })

  it("STF-01 the session's absolute end is counted on the PC's own clock, however far it is from the service's", async () => {
    // A PC nine hours ahead of the service (its time zone set wrong): the service's end instant has passed here.
    const app = await signedIn('teller01', world.clock.now().getTime() + 9 * 3_600_000)
    expect((await app.api['staff.status']()).staff).toMatchObject({ staffId: 'teller01' })
    // Active all along, it still ends 8 hours (STAFF_SESSION_MAX_HOURS) after the sign-in on the PC's clock.
    const signedInAt = app.clock.now().getTime()
    for (let minutes = 0; minutes < 8 * 60; minutes += 5) {
      app.clock.set(signedInAt + minutes * 60_000)
      expect((await app.api['staff.activity']({ userActive: true })).staff).not.toBeNull()
    }
    app.clock.set(signedInAt + 8 * 3_600_000)
    expect(await app.api['staff.activity']({ userActive: true })).toMatchObject({ staff: null, endedBy: 'expired' })
  })

  it('STF-01 a session the service ended is ended here too (STAFF_SIGNED_OUT, endedBy expired)', async () => {
    const app = await signedIn()
    await h.deps.db.updateTable('staff_sessions').set({ revoked_at: 1 }).where('revoked_at', 'is', null).execute()
    expect(await app.api['staff.locks']({})).toEqual({ ok: false, error: { code: 'STAFF_SIGNED_OUT' } })
    expect((await app.api['staff.status']()).endedBy).toBe('expired')
  })

  it('STF-01 refusals come back as codes: bad input without a network call, wrong credentials, role, no service', async () => {
    const app = createTestApp({ serviceUrl: h.url })
    expect(await app.api['staff.signIn']({ staffId: 'teller01', password: 'x', otp: 'abc' })).toEqual({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(await app.api['staff.signIn']({ staffId: 'teller01', password: 'wrong', otp: '123456' })).toEqual({ ok: false, error: { code: 'STAFF_SIGNIN_FAILED' } })
    const teller = await signedIn()
    expect(await teller.api['staff.audit']({})).toEqual({ ok: false, error: { code: 'STAFF_FORBIDDEN' } })
    const offline = createTestApp({ serviceUrl: 'http://127.0.0.1:9' })
    expect(await offline.api['staff.signIn']({ staffId: 'teller01', password: 'x', otp: '123456' })).toEqual({ ok: false, error: { code: 'STAFF_OFFLINE' } })
  })

  it('STF-05 the CSV export comes back for a download where the host has no save dialog, with its BOM', async () => {
    const auditor = await signedIn('audit01')
    const exported = await auditor.api['staff.exportAudit']({})
    expect(exported).toMatchObject({ ok: true, value: { saved: false, fileName: expect.stringMatching(/^staff-audit_all_\d{4}-\d{2}-\d{2}\.csv$/) } })
    const csv = exported.ok && !exported.value.saved ? exported.value.csv : ''
    expect(csv?.startsWith('\uFEFFseq,at_jst,')).toBe(true)
  })
})
