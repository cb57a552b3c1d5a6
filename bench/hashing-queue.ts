// `node bench/hashing-queue.ts` (SEC-03): 600 wrong-password setup attempts (each one a scrypt hash) fired at once,
// and /healthz's p99 meanwhile, against /healthz's p99 with nothing else running, in the same run. Prints one JSON
// document. The scrypt queue (HASH_CONCURRENCY, HASH_QUEUE_LIMIT at their defaults) keeps the service answering:
// hashes beyond the queue are refused with 503 at once instead of piling up on libuv's thread pool.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon, { type Result } from 'autocannon'
import { loadConfig } from '../server/src/config.ts'
import { startService } from '../server/src/service.ts'
import { upsertService } from '../server/src/provisioning/catalog.ts'
import { newDevice } from '../test/server/client.ts'
import { GENEROUS_LIMITS } from '../test/server/generous-limits.ts'

const SERVICE_ID = 'BENCH'
const WRONG_ATTEMPTS = 600
const HEALTH_SECONDS = 5
const ATTEMPT_CONNECTIONS = 100

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-bench-hash-'))
// The rate limits would stop one address long before 600 attempts; here the queue alone (at its defaults) is measured.
const generousRateLimits = Object.fromEntries(Object.entries(GENEROUS_LIMITS).filter(([name]) => name.startsWith('RATE_LIMIT_')))
const service = await startService(
  loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: '', ...generousRateLimits }),
)
const { url } = service

const health = (duration: number): Promise<Result> => autocannon({ url: `${url}/healthz`, connections: 2, duration, workers: 1 })

try {
  await upsertService(service.db, new Date(), {
    service_id: SERVICE_ID,
    name: 'ベンチマーク',
    logo_url: null,
    link_url: null,
    totp_algorithm: 'SHA1',
    totp_digits: 8,
    totp_period: 60,
    offers_transactions: 0,
  })
  const device = await newDevice()
  const wrongAttempt = JSON.stringify({
    serviceId: SERVICE_ID,
    userId: 'guess1',
    activationPassword: 'WRONGPASS9',
    deviceTime: new Date().toISOString(),
    devicePublicKey: device.devicePublicKey,
    ephemeralPublicKey: device.ephemeral.publicKey,
  })

  // Both load clients run in worker threads, so they do not share the service's event loop.
  const idle = await health(HEALTH_SECONDS)
  const started = performance.now()
  const [underLoad, attempts] = await Promise.all([
    health(HEALTH_SECONDS),
    autocannon({
      url,
      requests: [{ method: 'POST', path: '/v1/devices/provision', headers: { 'content-type': 'application/json' }, body: wrongAttempt }],
      amount: WRONG_ATTEMPTS,
      connections: ATTEMPT_CONNECTIONS,
      workers: 1,
    }),
  ])
  const attemptsMs = Math.round(performance.now() - started)
  const statuses = { refused4xx: attempts['4xx'], busy5xx: attempts['5xx'], errors: attempts.errors + attempts.timeouts }
  console.log(
    JSON.stringify(
      {
        wrongAttempts: { count: WRONG_ATTEMPTS, connections: ATTEMPT_CONNECTIONS, statuses, allAnsweredMs: attemptsMs, p99Ms: attempts.latency.p99 },
        healthz: {
          idle: { p99Ms: idle.latency.p99, rps: Math.round(idle.requests.average) },
          underLoad: { p99Ms: underLoad.latency.p99, rps: Math.round(underLoad.requests.average), errors: underLoad.errors + underLoad.timeouts },
        },
        ratio: { p99: Number((underLoad.latency.p99 / Math.max(idle.latency.p99, 1)).toFixed(3)) },
        hashing: service.app.deps.config.hashing,
        node: process.version,
      },
      null,
      2,
    ),
  )
} finally {
  await service.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
