// SCALE-02: several service processes on one database keep every guarantee of SVC-04. Three instances started
// at the same moment on an empty PostgreSQL schema (their migrations race; Kysely's advisory lock serialises them),
// and one service with WORKERS=3 on SQLite (node:cluster; the primary migrates, the workers share the WAL file).
// Through all of them at once: one code is valid exactly once, and concurrent failures lock exactly at the limit.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Deps } from '../../server/src/deps.ts'
import { loadConfig } from '../../server/src/config.ts'
import { openDeps } from '../../server/src/deps.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'
import { setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'

const pgUrl = process.env.TEST_DATABASE_URL
const MAIN = path.resolve(import.meta.dirname, '../../server/src/main.ts')
const MAX_FAILURES = 10

/** Starts `npm run service`'s entry with `env`; resolves with its URL once it (or its first worker) listens. */
function startInstance(env: Record<string, string>): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`service exited with ${code}`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1]
      if (url) resolve({ url, process: child })
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit')
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

interface Setup {
  urls: string[]
  env: Record<string, string>
  close(): Promise<void>
}

async function onPostgres(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl })
  await client.connect()
  await client.query(statement).finally(() => client.end())
}

const setups: Record<string, () => Promise<Setup>> = {
  async 'three instances on one PostgreSQL database'() {
    const schema = `t_${randomBytes(6).toString('hex')}`
    await onPostgres(`create schema ${schema}`)
    const env = { DATABASE_URL: pgUrl!, DATABASE_SCHEMA: schema, ...common() }
    const instances = await Promise.all([1, 2, 3].map(() => startInstance(env)))
    return {
      urls: instances.map((i) => i.url),
      env,
      async close() {
        await Promise.all(instances.map((i) => stop(i.process)))
        await onPostgres(`drop schema ${schema} cascade`)
      },
    }
  },
  async 'WORKERS=3 processes on one SQLite file'() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-workers-'))
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', WORKERS: '3', ...common() }
    const service = await startInstance(env)
    // The workers share one port; the primary hands each connection to the next worker.
    return {
      urls: [service.url, service.url, service.url],
      env,
      async close() {
        await stop(service.process)
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  },
}

function common() {
  return { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SEED_KEY: randomBytes(32).toString('base64'), OTP_MAX_FAILURES: String(MAX_FAILURES) }
}

describe.each(Object.keys(setups))('SCALE-02 %s', (name) => {
  const skip = name.includes('PostgreSQL') && !pgUrl
  describe.skipIf(skip)(skip ? `${name} (skipped: requires TEST_DATABASE_URL)` : name, () => {
    let setup: Setup
    let deps: Deps
    let rpKey: string

    beforeAll(async () => {
      setup = await setups[name]!()
      deps = await openDeps(loadConfig(setup.env))
      await addService(deps)
      rpKey = await addRelyingPartyKey(deps)
    }, 120_000)
    afterAll(async () => {
      await deps?.db.destroy()
      await setup?.close()
    })

    async function tokenFor(userId: string): Promise<ProvisionedToken> {
      const issued = await issue(deps, userId)
      return setUpToken(setup.urls[0]!, { serviceId: SERVICE_ID, userId, activationPassword: issued.activationPassword })
    }

    /** `count` requests at once, spread over the instances in turn. */
    const everywhere = (count: number, userId: string, otp: string) =>
      Promise.all(Array.from({ length: count }, (_, k) => verifyOtp(setup.urls[k % setup.urls.length]!, rpKey, { serviceId: SERVICE_ID, userId, otp })))

    it('SCALE-02 one code verified concurrently through every instance is valid exactly once', async () => {
      const token = await tokenFor('multi.once')
      const answers = await everywhere(30, 'multi.once', token.codeAt(new Date()))
      expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200))
      expect(answers.filter((a) => a.body.valid === true)).toHaveLength(1)
      expect(answers.filter((a) => a.body.reason === 'replayed')).toHaveLength(29)
    })

    it('SCALE-02 concurrent wrong codes through every instance lock exactly at the limit', async () => {
      const token = await tokenFor('multi.lock')
      const right = token.codeAt(new Date())
      const wrong = right.slice(0, -1) + ((Number(right.at(-1)) + 1) % 10)
      const answers = await everywhere(3 * MAX_FAILURES, 'multi.lock', wrong)
      expect(answers.filter((a) => a.body.reason === 'mismatch')).toHaveLength(MAX_FAILURES)
      expect(answers.filter((a) => a.body.reason === 'locked')).toHaveLength(2 * MAX_FAILURES)
      const stored = await deps.db.selectFrom('tokens').select('failures').where('user_id', '=', 'multi.lock').where('status', '=', 'active').executeTakeFirstOrThrow()
      expect(stored.failures).toBe(MAX_FAILURES)
      expect((await verifyOtp(setup.urls[1]!, rpKey, { serviceId: SERVICE_ID, userId: 'multi.lock', otp: right })).body).toEqual({ valid: false, reason: 'locked' })
    })
  })
})
