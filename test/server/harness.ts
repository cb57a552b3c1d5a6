// The real service, listening on loopback, on each available database: SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set (each harness in a fresh schema of its own, dropped afterwards).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { describe } from 'vitest'
import type { FastifyInstance as App } from 'fastify'
import type { Deps } from '../../server/src/deps.ts'
import { loadConfig } from '../../server/src/config.ts'
import { startService } from '../../server/src/service.ts'
import type { QueryObserver } from '../../server/src/db/index.ts'
import { GENEROUS_LIMITS } from './generous-limits.ts'
import { onPostgres } from './postgres.ts'

export interface DatabaseTarget {
  kind: 'sqlite' | 'postgres'
  label: string
  url?: string
}

const pgUrl = process.env.TEST_DATABASE_URL

export const DATABASES: DatabaseTarget[] = [
  { kind: 'sqlite', label: 'sqlite' },
  { kind: 'postgres', label: pgUrl ? 'postgres' : 'postgres (skipped: requires TEST_DATABASE_URL)', url: pgUrl },
]

/** Runs a suite once per database; the PostgreSQL one reports itself skipped, with the reason, without a URL. */
export function describeOnEachDatabase(title: string, body: (target: DatabaseTarget) => void): void {
  describe.each(DATABASES)(`${title} — $label`, (target) => {
    describe.skipIf(target.kind === 'postgres' && !target.url)(title, () => body(target))
  })
}

const clocksByUrl = new Map<string, Deps['clock']>()

/** The clock of the service at `url` (a test's manual clock, say): what a provider calling it agrees with. */
export function serviceClockAt(url: string): Deps['clock'] | undefined {
  return clocksByUrl.get(url)
}

export interface Harness {
  url: string
  /** The service itself, for `inject` where many requests need no socket each (the fuzz suite). */
  app: App
  deps: Deps
  /** The environment the service was started with: a child process given it works on the same database. */
  env: Record<string, string>
  close(): Promise<void>
}

/** `rateLimits: 'real'` starts the service with the configured limits instead of the tests' generous ones. */
export async function startHarness(
  target: DatabaseTarget,
  options: { manualClock?: boolean; env?: Record<string, string>; onQuery?: QueryObserver; rateLimits?: 'generous' | 'real' } = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-test-'))
  const schema = target.url ? await createSchema(target.url) : ''
  const env = {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    CLOCK: options.manualClock ? 'manual' : 'system',
    DATABASE_URL: target.url ?? '',
    DATABASE_SCHEMA: schema,
    ...(options.rateLimits === 'real' ? {} : GENEROUS_LIMITS),
    ...options.env,
  }
  const service = await startService(loadConfig(env), { onQuery: options.onQuery })
  clocksByUrl.set(service.url, service.app.deps.clock)
  return {
    url: service.url,
    app: service.app,
    deps: service.app.deps,
    env,
    async close() {
      clocksByUrl.delete(service.url)
      await service.close()
      if (target.url) await onPostgres(target.url, `drop schema ${schema} cascade`)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function createSchema(url: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  await onPostgres(url, `create schema ${schema}`)
  return schema
}
