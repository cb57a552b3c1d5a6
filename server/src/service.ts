// Wiring: configuration → database (migrated) → clock → app, listening. Used by main.ts, the admin CLI and tests.
import type { Config } from './config.ts'
import { buildApp, type Deps } from './app.ts'
import { ManualClock, systemClock } from './clock.ts'
import { migrateToLatest, openDatabase } from './db/index.ts'
import { loadSeedKey } from './seed-key.ts'

/** Everything the service's areas depend on, with the database migrated to the latest schema. */
export async function openDeps(config: Config): Promise<Deps> {
  const opened = openDatabase(config)
  await migrateToLatest(opened)
  const clock = config.manualClock ? new ManualClock() : systemClock
  return { config, db: opened.db, dbKind: opened.kind, clock, seedKey: loadSeedKey(config) }
}

export async function startService(config: Config, options: { listen?: boolean } = {}) {
  const deps = await openDeps(config)
  const { db, dbKind, clock } = deps
  const app = await buildApp(deps)
  let url = ''
  if (options.listen !== false) {
    url = await app.listen({ host: config.host, port: config.port })
  }
  return {
    app,
    db,
    dbKind,
    clock,
    url,
    async close() {
      await app.close()
      await db.destroy()
    },
  }
}
