// `npm run service`: the authentication service on the configured database — one process, or with WORKERS one
// per core (SCALE-02, node:cluster): the primary migrates the database first and then forks the workers, which
// share the listening port. On SQLite they share the WAL file of this host; on PostgreSQL any number of such
// hosts can run behind a load balancer.
import cluster from 'node:cluster'
import { loadConfig } from './config.ts'
import { openDeps } from './deps.ts'
import { startService } from './service.ts'

const config = loadConfig()

if (config.workers > 1 && cluster.isPrimary) {
  // Migrations run once, here, before any worker opens the database (the workers' own run then finds nothing to do).
  const deps = await openDeps(config)
  await deps.db.destroy()
  let stopping = false
  const fork = () => cluster.fork().on('exit', (code) => !stopping && code !== 0 && void setTimeout(fork, 1000))
  for (let n = 0; n < config.workers; n++) fork()
  console.log(`Shinkumi OTP service: ${config.workers} worker processes`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal)
    })
  }
} else {
  const service = await startService(config)
  console.log(`Shinkumi OTP service listening on ${service.url} (database: ${service.dbKind}${cluster.isWorker ? `, worker ${cluster.worker?.id}` : ''})`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void service.close().then(() => process.exit(0)))
  }
}
