// SVC-03: the admin CLI as a child process (as `npm run admin` runs it), on the same database as a running service.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setUpToken, verifyOtp } from './client.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const NODE = `${ROOT}node_modules/.bin/node`

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const runAdmin = (env: Record<string, string>, ...args: string[]) => run(NODE, ['src/cli/admin.ts', ...args], `${ROOT}server`, env)

/** npm itself, the one running the tests when there is one; Node 22 first on the PATH, as `npm test` has it. */
function runNpm(env: Record<string, string>, ...args: string[]): Promise<Run> {
  const [command, ...prefix] = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
  return run(command!, [...prefix, ...args], ROOT, { ...env, PATH: `${ROOT}node_modules/.bin${path.delimiter}${process.env.PATH ?? ''}` })
}

async function adminJson<T>(env: Record<string, string>, ...args: string[]): Promise<T> {
  const run = await runAdmin(env, ...args, '--json')
  if (run.code !== 0) throw new Error(`admin ${args.join(' ')} exited with ${run.code}: ${run.stderr}`)
  return JSON.parse(run.stdout) as T
}

interface DemoJson {
  services: { serviceId: string }[]
  /** OTP customers carry serviceId + userId; other areas' parts add customers of their own (accounts only). */
  customers: { serviceId?: string; userId?: string; status?: string; activationPassword?: string }[]
  relyingPartyKey: string
  relyingParties: { relyingPartyKey: string; serviceIds: string[] }[]
}

const otpCustomers = (demo: DemoJson) => demo.customers.filter((c) => c.serviceId !== undefined)

describeOnEachDatabase('admin CLI', (target) => {
  let h: Harness
  beforeAll(async () => {
    h = await startHarness(target)
  })
  afterAll(() => h.close())

  const snapshot = async () => {
    const db = h.deps.db
    return {
      services: await db.selectFrom('services').select(['service_id', 'name', 'logo_url', 'link_url', 'offers_transactions']).orderBy('service_id').execute(),
      users: await db.selectFrom('otp_users').select(['service_id', 'user_id', 'status']).orderBy('user_id').execute(),
      pending: await db.selectFrom('activations').select(['service_id', 'user_id']).where('used_at', 'is', null).orderBy('user_id').execute(),
      relyingParties: await db.selectFrom('relying_parties').select(['id', 'name', 'key_hash']).orderBy('id').execute(),
    }
  }

  // npm writes its `> shinkumi-otp@… admin` banner to standard output before the script, and nothing in a project
  // .npmrc turns off only that (loglevel=silent also hides npm's own errors; json=true turns every npm command's output
  // into JSON): README gives `--silent` for machine-readable output, and this is that very command.
  it("SVC-03 the README's `npm run --silent admin -- demo --json` prints the JSON document and nothing else", { timeout: 60_000 }, async () => {
    const readme = fs.readFileSync(`${ROOT}README.md`, 'utf8')
    expect(readme).toContain('npm run --silent admin -- demo --json')
    const npm = await runNpm(h.env, 'run', '--silent', 'admin', '--', 'demo', '--json')
    expect(npm.code, npm.stderr).toBe(0)
    const demo = JSON.parse(npm.stdout) as DemoJson
    expect(demo.services.map((s) => s.serviceId)).toEqual(['SHINKUMI', 'SHINKUMIBIZ'])
  })

  it('SVC-03 demo loads the documented data set, and loading it twice leaves the same state', async () => {
    const first = await adminJson<DemoJson>(h.env, 'demo')
    expect(first.services.map((s) => s.serviceId)).toEqual(['SHINKUMI', 'SHINKUMIBIZ'])
    expect(otpCustomers(first).map((c) => `${c.serviceId}/${c.userId}/${c.status}`)).toEqual([
      'SHINKUMI/yamada001/active',
      'SHINKUMI/suzuki002/active',
      'SHINKUMIBIZ/sato003/active',
      'SHINKUMI/teishi004/suspended',
    ])
    expect(otpCustomers(first).every((c) => /^[A-HJ-NP-Z2-9]{10}$/.test(c.activationPassword ?? ''))).toBe(true)
    const before = await snapshot()
    const second = await adminJson<DemoJson>(h.env, 'demo')
    expect(await snapshot()).toEqual(before)
    expect(before.pending).toHaveLength(4) // one password per demo customer, replaced rather than added
    expect(second.relyingPartyKey).toBe(first.relyingPartyKey)
  })

  it('SVC-03 the demo passwords and relying-party key work against the running service', async () => {
    const demo = await adminJson<DemoJson>(h.env, 'demo')
    const yamada = demo.customers.find((c) => c.userId === 'yamada001')!
    const token = await setUpToken(h.url, { serviceId: 'SHINKUMI', userId: 'yamada001', activationPassword: yamada.activationPassword! })
    const verified = await verifyOtp(h.url, demo.relyingPartyKey, { serviceId: 'SHINKUMI', userId: 'yamada001', otp: token.codeAt(new Date()) })
    expect(verified.body).toEqual({ valid: true })
    // A customer with a device gets no new password on the next load: the device stays the one in use.
    const again = await adminJson<DemoJson>(h.env, 'demo')
    expect(again.customers.find((c) => c.userId === 'yamada001')).not.toHaveProperty('activationPassword')
  })

  it("SEC-04 the demo keys: internet banking's for SHINKUMI only, the business service's for SHINKUMIBIZ only", async () => {
    const demo = await adminJson<DemoJson>(h.env, 'demo')
    expect(demo.relyingParties.map((p) => [p.relyingPartyKey, p.serviceIds])).toEqual([
      ['rp-demo-key-shinkumi-netbank', ['SHINKUMI']],
      ['rp-demo-key-shinkumi-biz', ['SHINKUMIBIZ']],
    ])
    const netbank = (serviceId: string) => verifyOtp(h.url, 'rp-demo-key-shinkumi-netbank', { serviceId, userId: 'nobody', otp: '12345678' })
    const biz = (serviceId: string) => verifyOtp(h.url, 'rp-demo-key-shinkumi-biz', { serviceId, userId: 'nobody', otp: '12345678' })
    expect((await netbank('SHINKUMI')).body).toEqual({ valid: false, reason: 'unknown' })
    expect(await netbank('SHINKUMIBIZ')).toEqual({ status: 403, body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) } })
    expect((await biz('SHINKUMIBIZ')).body).toEqual({ valid: false, reason: 'unknown' })
    expect(await biz('SHINKUMI')).toEqual({ status: 403, body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) } })
  })

  it('SEC-04 rp-add --service S --service S2 binds the key to those services only; without --service it refuses', async () => {
    await adminJson(h.env, 'demo')
    const added = await adminJson<{ relyingPartyKey: string; serviceIds: string[] }>(h.env, 'rp-add', '--name', 'both', '--service', 'SHINKUMI', '--service', 'SHINKUMIBIZ')
    expect(added.serviceIds).toEqual(['SHINKUMI', 'SHINKUMIBIZ'])
    for (const serviceId of ['SHINKUMI', 'SHINKUMIBIZ']) {
      expect((await verifyOtp(h.url, added.relyingPartyKey, { serviceId, userId: 'nobody', otp: '12345678' })).status).toBe(200)
    }
    expect(await verifyOtp(h.url, added.relyingPartyKey, { serviceId: 'NOSUCH', userId: 'nobody', otp: '12345678' })).toEqual({
      status: 403,
      body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) },
    })
    expect((await runAdmin(h.env, 'rp-add', '--name', 'unbound')).code).toBe(2)
    expect((await runAdmin(h.env, 'rp-add', '--name', 'unknown', '--service', 'NOSUCH')).code).toBe(2)
  })

  it('SVC-03 issue --json prints serviceId, userId, activationPassword and expiresAt', async () => {
    await adminJson(h.env, 'demo')
    const issued = await adminJson<Record<string, string>>(h.env, 'issue', '--service', 'SHINKUMI', '--user', 'newcomer9', '--expires-in-days', '7')
    expect(Object.keys(issued).sort()).toEqual(['activationPassword', 'expiresAt', 'serviceId', 'userId'])
    expect(issued).toMatchObject({ serviceId: 'SHINKUMI', userId: 'newcomer9' })
    const days = (Date.parse(issued.expiresAt!) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThan(7.1)
    await setUpToken(h.url, { serviceId: 'SHINKUMI', userId: 'newcomer9', activationPassword: issued.activationPassword! })
  })

  it('SVC-03 rp-add prints a new key that the service accepts', async () => {
    const added = await adminJson<{ relyingPartyKey: string }>(h.env, 'rp-add', '--name', 'test bank system', '--service', 'SHINKUMI')
    const answer = await verifyOtp(h.url, added.relyingPartyKey, { serviceId: 'SHINKUMI', userId: 'nobody', otp: '12345678' })
    expect(answer).toEqual({ status: 200, body: { valid: false, reason: 'unknown' } })
  })

  it('OTP-26 STF-05 revoke-device needs a reason, stops the device and is written to the audit chain', async () => {
    await adminJson(h.env, 'demo')
    const issued = await adminJson<{ activationPassword: string }>(h.env, 'issue', '--service', 'SHINKUMI', '--user', 'lostpc1')
    const token = await setUpToken(h.url, { serviceId: 'SHINKUMI', userId: 'lostpc1', activationPassword: issued.activationPassword })
    expect((await runAdmin(h.env, 'revoke-device', '--service', 'SHINKUMI', '--user', 'lostpc1')).code).toBe(2)
    const revoked = await adminJson<{ revokedTokenIds: string[] }>(h.env, 'revoke-device', '--service', 'SHINKUMI', '--user', 'lostpc1', '--reason', 'PC紛失の届出')
    expect(revoked.revokedTokenIds).toEqual([token.response.tokenId])
    const entry = await h.deps.db.selectFrom('staff_audit').selectAll().where('action', '=', 'device.revoke').where('subject', '=', 'otp:SHINKUMI/lostpc1').executeTakeFirstOrThrow()
    expect(entry).toMatchObject({ staff_id: 'admin-cli', reason: 'PC紛失の届出', outcome: 'done' })
    expect((await runAdmin(h.env, 'audit-verify')).code).toBe(0)
  })

  it('SEC-07 demo refuses to run when NODE_ENV=production: a clear message, exit code 1, nothing loaded', async () => {
    const production = {
      ...h.env,
      NODE_ENV: 'production',
      SEED_KEY: randomBytes(32).toString('base64'),
      TELEPHONY_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://otp.mire-shinkumi.example',
    }
    const before = await snapshot()
    const run = await runAdmin(production, 'demo')
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^admin: demo is refused when NODE_ENV=production/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.stdout).toBe('')
    expect(await snapshot()).toEqual(before)
  })

  it('SVC-03 an unknown command or bad arguments: a clear message, exit code 2, no stack trace', async () => {
    for (const args of [
      ['frobnicate'],
      [],
      ['issue', '--service', 'SHINKUMI'],
      ['issue', '--service', 'SHINKUMI', '--user', 'u1', '--colour'],
      ['issue', '--service', 'NOSUCH', '--user', 'u1'],
    ]) {
      const run = await runAdmin(h.env, ...args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(/^admin: .+\n\nusage: npm run admin/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
  })
})
