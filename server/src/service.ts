// Wiring: configuration → dependencies (database migrated) → app, listening. Used by main.ts and tests.
import type { Config } from './config.ts'
import { buildApp } from './app.ts'
import { openDeps } from './deps.ts'
import type { QueryObserver } from './db/index.ts'

export async function startService(config: Config, options: { listen?: boolean; onQuery?: QueryObserver } = {}) {
  const deps = await openDeps(config, { onQuery: options.onQuery })
  const { db, dbKind, clock } = deps
  const app = await buildApp(deps)
  let url = ''
  if (options.listen !== false) {
    url = await app.listen({ host: config.host, port: config.port })
    // PORT=0 lets the system pick a port (tests): the default public URL, the OAuth issuer, is then that address.
    if (new URL(config.publicUrl).port === '0') config.publicUrl = url
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
