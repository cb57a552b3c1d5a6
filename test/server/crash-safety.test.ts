// SPEC §5 crash safety (issue 8, "crash safety, proven"): the service process is killed (SIGKILL)
// at random moments while it answers a steady load of valid verifications, and restarted on the same database.
// Every code it answered valid:true is recorded (last_step ≥ its step), none is ever accepted twice, and on SQLite
// the database passes PRAGMA integrity_check.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setServiceClock, setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'

const MAIN = path.join(import.meta.dirname, '..', '..', 'server', 'src', 'main.ts')
const T0 = new Date('2030-01-15T03:00:30Z')
const USERS = 6
const KILLS = 3
const stepAt = (k: number) => new Date(T0.getTime() + k * 60_000)

/** The service as a process of its own, on the harness's database; resolves with its URL once it listens. */
function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout!.on('data', (chunk: Buffer) => {
      const url = /listening on (http:\/\/\S+)/.exec(chunk.toString())?.[1]
      if (url) resolve({ child, url })
    })
    child.once('exit', (code) => reject(new Error(`the service ended before listening (${code})`)))
  })
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

describeOnEachDatabase('SPEC §5 crash safety under SIGKILL', (target) => {
  let h: Harness
  let rpKey: string
  const tokens: { userId: string; token: ProvisionedToken }[] = []

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
    await setServiceClock(h.url, T0)
    for (let i = 0; i < USERS; i++) {
      const userId = `crash${i}`
      const { activationPassword } = await issue(h.deps, userId)
      tokens.push({ userId, token: await setUpToken(h.url, { serviceId: SERVICE_ID, userId, activationPassword, deviceTime: T0 }) })
    }
  }, 180_000)
  afterAll(() => h.close())

  it('SPEC §5 killed at random moments under valid verifications: every accepted code recorded, none accepted twice', { timeout: 180_000 }, async () => {
    /** `${userId}@${step}` of every valid:true answer, with how many times it was given. */
    const accepted = new Map<string, number>()
    let step = 0
    const verifyStep = (url: string, k: number) =>
      Promise.all(
        tokens.map(async ({ userId, token }) => {
          const answer = await verifyOtp(url, rpKey, { serviceId: SERVICE_ID, userId, otp: token.codeAt(stepAt(k)) }).catch(() => undefined)
          if (answer?.body.valid === true) accepted.set(`${userId}@${k}`, (accepted.get(`${userId}@${k}`) ?? 0) + 1)
        }),
      )

    for (let kill = 0; kill < KILLS; kill++) {
      const { child, url } = await startProcess({ ...h.env, LOG_LEVEL: 'silent' })
      // After a restart, the codes of the step answered last before the kill are tried again: each is a replay now.
      if (step > 0) {
        await setServiceClock(url, stepAt(step - 1))
        await verifyStep(url, step - 1)
      }
      let alive = true
      const killer = new Promise<void>((resolve) => setTimeout(() => void killed(child).then(() => ((alive = false), resolve())), 150 + Math.random() * 600))
      while (alive) {
        const k = ++step
        const clockSet = await setServiceClock(url, stepAt(k)).then(
          () => true,
          () => false,
        )
        if (clockSet) await verifyStep(url, k)
      }
      await killer
    }

    expect(accepted.size).toBeGreaterThan(0)
    expect([...accepted.values()].every((times) => times === 1)).toBe(true)
    const rows = await h.deps.db.selectFrom('tokens').select(['user_id', 'last_step']).where('service_id', '=', SERVICE_ID).execute()
    const lastStep = new Map(rows.map((r) => [r.user_id, Number(r.last_step)]))
    for (const key of accepted.keys()) {
      const [userId, k] = key.split('@') as [string, string]
      const stepNumber = Math.floor(stepAt(Number(k)).getTime() / 60_000)
      expect({ key, recorded: (lastStep.get(userId) ?? -1) >= stepNumber }).toEqual({ key, recorded: true })
    }
    if (target.kind === 'sqlite') {
      const file = new SQLite(path.join(h.env.DATA_DIR!, 'shinkumi.sqlite'), { readonly: true })
      try {
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        file.close()
      }
    }
  })
})
