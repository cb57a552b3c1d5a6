// Opening what the service's areas depend on — without loading the HTTP app, so the admin CLI starts quickly.
import type { Config } from './config.ts'
import type { Db, DbKind } from './db/index.ts'
import { systemClock, type Clock } from '@shinkumi/common/time.ts'
import { ManualClock } from './clock.ts'
import { migrateToLatest, openDatabase, type QueryObserver } from './db/index.ts'
import { loadSeedKey } from './seed-key.ts'

/** What every area of the service is given: configuration, the database, the clock and the seed key. */
export interface Deps {
  config: Config
  db: Db
  dbKind: DbKind
  clock: Clock
  /** 32-byte AES-256-GCM key for TOTP seeds at rest. */
  seedKey: Buffer
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps
  }
}

/** Configuration → database (migrated to the latest schema) → clock and seed key. */
export async function openDeps(config: Config, options: { onQuery?: QueryObserver } = {}): Promise<Deps> {
  const opened = openDatabase({ ...config, onQuery: options.onQuery })
  await migrateToLatest(opened)
  const clock = config.manualClock ? new ManualClock() : systemClock
  return { config, db: opened.db, dbKind: opened.kind, clock, seedKey: loadSeedKey(config) }
}
