// `npm run service`: the authentication service on the configured database.
import { loadConfig } from './config.ts'
import { startService } from './service.ts'

const service = await startService(loadConfig())
console.log(`Shinkumi OTP service listening on ${service.url} (database: ${service.dbKind})`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void service.close().then(() => process.exit(0)))
}
