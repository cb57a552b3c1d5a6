// `npm run bench` (SPEC §5): throughput and p99 latency of POST /v1/otp/verify against a no-op route of the same
// service in the same run, on a temporary embedded SQLite database. Prints one JSON document; the ratios are the
// figures to compare across machines, the absolute numbers only describe this one.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon, { type Request, type Result } from 'autocannon'
import { loadConfig } from '../server/src/config.ts'
import { startService } from '../server/src/service.ts'
import { upsertService } from '../server/src/provisioning/catalog.ts'
import { issueActivation } from '../server/src/provisioning/activations.ts'
import { saveRelyingParty } from '../server/src/relying-parties.ts'
import { setUpToken, type ProvisionedToken } from '../test/server/client.ts'
import { GENEROUS_LIMITS } from '../test/server/generous-limits.ts'

const SERVICE_ID = 'BENCH'
const WARMUP_SECONDS = 2
const MEASURE_SECONDS = 5
const CONNECTIONS = 10

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-bench-'))
const service = await startService(
  // Far more requests from one address than the rate limits (SEC-01) allow: the figures are of the work itself.
  loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', DATABASE_URL: '', ...GENEROUS_LIMITS }),
  { listen: false },
)
// The baseline: the same Fastify instance, hooks and metrics, doing nothing. Exists only in this process.
service.app.get('/__bench__/noop', { schema: { hide: true } }, async () => ({ ok: true }))
const url = await service.app.listen({ host: '127.0.0.1', port: 0 })
const deps = service.app.deps

async function provisionTokens(prefix: string, count: number): Promise<{ userId: string; token: ProvisionedToken }[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const userId = `${prefix}${i}`
      const issued = await issueActivation(deps.db, deps.clock.now(), { serviceId: SERVICE_ID, userId, expiresInDays: 1 })
      return { userId, token: await setUpToken(url, { serviceId: SERVICE_ID, userId, activationPassword: issued.activationPassword }) }
    }),
  )
}

/**
 * One request per token with its current code — the first answer is valid, the rest replayed — and, for a few
 * tokens, a wrong code: mismatches counted atomically until the token locks, then locked.
 */
function verifyRequests(rpKey: string, right: Awaited<ReturnType<typeof provisionTokens>>, wrong: typeof right): Request[] {
  const request = (userId: string, otp: string): Request => ({
    method: 'POST',
    path: '/v1/otp/verify',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${rpKey}` },
    body: JSON.stringify({ serviceId: SERVICE_ID, userId, otp }),
  })
  const now = new Date()
  const wrongCode = (code: string) => code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10)
  return [
    ...right.map(({ userId, token }) => request(userId, token.codeAt(now))),
    ...wrong.map(({ userId, token }) => request(userId, wrongCode(token.codeAt(now)))),
  ]
}

/** The load client runs in a worker thread, so it does not share the service's event loop. */
async function measure(requests: Request[] | undefined, noopPath: string, duration: number): Promise<Result> {
  return autocannon({ url: `${url}${noopPath}`, connections: CONNECTIONS, duration, workers: 1, requests })
}

const summary = (r: Result) => ({ rps: Math.round(r.requests.average), p99Ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx })

try {
  await upsertService(deps.db, deps.clock.now(), {
    service_id: SERVICE_ID,
    name: 'ベンチマーク',
    logo_url: null,
    link_url: null,
    totp_algorithm: 'SHA1',
    totp_digits: 8,
    totp_period: 60,
    offers_transactions: 0,
  })
  const rpKey = (await saveRelyingParty(deps.db, deps.clock.now(), { name: 'bench', serviceIds: [SERVICE_ID] })).key
  const [warmRight, warmWrong, right, wrong] = await Promise.all([
    provisionTokens('warm', 4),
    provisionTokens('warmwrong', 1),
    provisionTokens('user', 20),
    provisionTokens('wrong', 4),
  ])

  await measure(undefined, '/__bench__/noop', WARMUP_SECONDS)
  await measure(verifyRequests(rpKey, warmRight, warmWrong), '', WARMUP_SECONDS)
  const noop = await measure(undefined, '/__bench__/noop', MEASURE_SECONDS)
  const otpVerify = await measure(verifyRequests(rpKey, right, wrong), '', MEASURE_SECONDS)

  const accepted = await deps.db.selectFrom('tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('last_step', '>=', 0).executeTakeFirstOrThrow()
  console.log(
    JSON.stringify(
      {
        otpVerify: { ...summary(otpVerify), validCodesAccepted: Number(accepted.n) },
        noop: summary(noop),
        ratio: {
          rps: Number((otpVerify.requests.average / noop.requests.average).toFixed(3)),
          p99: Number((otpVerify.latency.p99 / noop.latency.p99).toFixed(3)),
        },
        db: service.dbKind,
        node: process.version,
        connections: CONNECTIONS,
        seconds: MEASURE_SECONDS,
      },
      null,
      2,
    ),
  )
} finally {
  await service.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
