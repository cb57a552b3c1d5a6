// STF-05: a staff client that hangs up before the answer still leaves a whole audit. Raw sockets send a wrong
// sign-in and close at once; each counted failure has its audit entry, with the caller's address, and no entry is
// missing its failure — both or neither.
import net from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addStaff } from '../../server/src/staff/staff-users.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'

/** Sends one sign-in on a raw connection and closes it `afterMs` later, without reading the answer. */
function signInAndHangUp(url: string, body: unknown, afterMs: number): Promise<void> {
  const { hostname, port } = new URL(url)
  const json = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`POST /v1/staff/session HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`, () =>
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, afterMs),
      )
    })
    socket.once('error', reject)
  })
}

/** Polls until `done` holds of what `read` gives, for at most 15 s (scrypt runs for each attempt on a busy machine). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 75; i++) {
    const value = await read()
    if (done(value)) return value
    await new Promise((r) => setTimeout(r, 200))
  }
  return read()
}

describeOnEachDatabase('STF-05 audit of staff requests whose client hung up', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness(target, { env: { STAFF_MAX_FAILURES: '5' } })
  })
  afterAll(() => h.close())

  it('STF-05 wrong sign-ins on connections closed early: each counted failure has its audit entry with the address', async () => {
    const staff = (await addStaff(h.deps, { staffId: 'hangup01', name: 'テスト 職員', role: '窓口' }))!
    // At once, and while the password is being checked (scrypt): the first may never reach the handler, the others do.
    for (const afterMs of [0, 20, 60]) await signInAndHangUp(h.url, { staffId: staff.staffId, password: 'not-the-password', otp: '000000' }, afterMs)

    const read = async () => {
      const row = await h.deps.db.selectFrom('staff_users').select('failures').where('staff_id', '=', staff.staffId).executeTakeFirstOrThrow()
      const audits = await h.deps.db.selectFrom('staff_audit').select(['ip', 'outcome']).where('action', '=', 'staff.sign-in').where('staff_id', '=', staff.staffId).execute()
      return { failures: Number(row.failures), audits }
    }
    await eventually(read, (now) => now.failures >= 3 || now.audits.length >= 3)
    await new Promise((r) => setTimeout(r, 500))
    const state = await read()
    expect(state.audits).toHaveLength(state.failures)
    expect(state.failures).toBeGreaterThanOrEqual(2)
    for (const audit of state.audits) expect(audit).toEqual({ ip: '127.0.0.1', outcome: 'STAFF_SIGNIN_FAILED' })
    // The service still answers.
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200)
  })
})
