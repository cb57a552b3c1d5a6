// Opening what the service's areas depend on — without loading the HTTP app, so the admin CLI starts quickly.
import type { Deps } from './app.ts'
import type { Config } from './config.ts'
import { ManualClock, systemClock } from './clock.ts'
import { migrateToLatest, openDatabase, type QueryObserver } from './db/index.ts'
import { loadSeedKey } from './seed-key.ts'

/** Configuration → database (migrated to the latest schema) → clock and seed key. */
export async function openDeps(config: Config, options: { onQuery?: QueryObserver } = {}): Promise<Deps> {
  const opened = openDatabase({ ...config, onQuery: options.onQuery })
  await migrateToLatest(opened)
  const clock = config.manualClock ? new ManualClock() : systemClock
  return { config, db: opened.db, dbKind: opened.kind, clock, seedKey: loadSeedKey(config) }
}
