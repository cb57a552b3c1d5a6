// Wiring: configuration → database (migrated) → clock → app, listening. Used by main.ts and by tests.
import type { Config } from './config.ts'
import { buildApp } from './app.ts'
import { ManualClock, systemClock } from './clock.ts'
import { migrateToLatest, openDatabase } from './db/index.ts'
import { loadSeedKey } from './seed-key.ts'

export async function startService(config: Config, options: { listen?: boolean } = {}) {
  const { db, kind } = openDatabase(config)
  await migrateToLatest(db)
  const clock = config.manualClock ? new ManualClock() : systemClock
  const app = await buildApp({ config, db, dbKind: kind, clock, seedKey: loadSeedKey(config) })
  let url = ''
  if (options.listen !== false) {
    url = await app.listen({ host: config.host, port: config.port })
  }
  return {
    app,
    db,
    dbKind: kind,
    clock,
    url,
    async close() {
      await app.close()
      await db.destroy()
    },
  }
}
