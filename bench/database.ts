// One database's figures: the verify paths against the no-op route and the reference, the staff queries at scale
// and the linkage's first steps under 200 concurrent flows. The data is bulk-loaded first (scale-data.ts); the
// service and the reference then run as processes of their own on it.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { HOTP, Secret } from 'otpauth'
import type { Request } from 'autocannon'
import { sql } from 'kysely'
import { loadConfig } from '../server/src/config.ts'
import { openDeps } from '../server/src/deps.ts'
import { saveRelyingParty } from '../server/src/relying-parties.ts'
import { openSession } from '../server/src/staff/sessions.ts'
import { authorizeUrl, LinkageBrowser, pkce } from '../test/server/linkage-client.ts'
import { accountNumberOf, armTokens, branchOf, loadScaleData, SCALE_CLIENT, SCALE_SERVICE, seedOf, userIdOf } from './scale-data.ts'
import { GENEROUS_LIMITS } from '../test/server/generous-limits.ts'
import { onPostgres } from '../test/server/postgres.ts'
import { median, percentile, postgresCpuBetween, postgresCpuMs, round, startChild, throughput, timed, type Child, type CpuMs, type Throughput } from './load.ts'

export interface SuiteOptions {
  customers: number
  /** Tokens with real seeds: the accept, mismatch and replay requests use them, each user a few times at most. */
  armed: number
  seconds: number
  /** The verify figures' runs are split into this many rounds; each ratio is the median of the rounds'. */
  rounds: number
  connections: number
  staffSamples: number
  linkageFlows: number
}

const here = path.dirname(new URL(import.meta.url).pathname)

export async function databaseSuite(kind: 'sqlite' | 'postgres', options: SuiteOptions, pgUrl?: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-bench-'))
  const schema = kind === 'postgres' ? `bench_${randomBytes(4).toString('hex')}` : undefined
  if (schema) await onPostgres(pgUrl!, `create schema ${schema}`)
  const seedKey = randomBytes(32).toString('base64')
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: pgUrl && kind === 'postgres' ? pgUrl : '',
    DATABASE_SCHEMA: schema ?? '',
    SEED_KEY: seedKey,
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    // Far more requests from one address than the rate limits (SEC-01) allow: the figures are of the work itself.
    ...GENEROUS_LIMITS,
  }
  const deps = await openDeps(loadConfig(env))
  const children: { stop(): Promise<void> }[] = []
  try {
    const now = Date.now()
    const loadMs = await timed(async () => {
      await loadScaleData(deps, { count: options.customers, now })
      await armTokens(deps, options.armed)
      // A database that grew to this size has been vacuumed. Straight after a bulk load, PostgreSQL's autovacuum
      // would vacuum every new table and analyse the armed tokens during the measurements, and its CPU would be
      // counted as the verify path's.
      if (kind === 'postgres') await sql`vacuum analyze`.execute(deps.db)
    })
    const rpKey = (await saveRelyingParty(deps.db, new Date(now), { name: 'bench', serviceIds: [SCALE_SERVICE] })).key
    await deps.db
      .insertInto('staff_users')
      .values({
        staff_id: 'bench01',
        name: 'ベンチ',
        role: '窓口',
        password_hash: 'x',
        totp_secret_ciphertext: 'x',
        totp_last_step: -1,
        failures: 0,
        locked_until: null,
        created_at: now,
      })
      .execute()
    const staffToken = (await openSession(deps, 'bench01', '127.0.0.1')).token

    // BENCH_CPU_PROFILE=<dir>: the service writes a V8 CPU profile of the whole run there (where a request's time goes).
    const profile = process.env.BENCH_CPU_PROFILE
    const service = await startChild(path.join(here, 'service-process.ts'), profile ? { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profile}` } : env)
    children.push(service)
    const reference = await startChild(path.join(here, 'reference.ts'), {
      BENCH_REF_DB: kind === 'postgres' ? pgUrl! : `sqlite:${path.join(dataDir, 'shinkumi.sqlite')}`,
      BENCH_REF_SCHEMA: schema ?? '',
      SEED_KEY: seedKey,
      BENCH_REF_KEY_HASH: createHash('sha256').update(rpKey).digest('hex'),
    })
    children.push(reference)

    const verify = await verifyFigures(service, reference, rpKey, options, kind === 'postgres' ? pgUrl : undefined)
    const scale = await scaleFigures(service.url, staffToken, options)
    const linkage = await linkageFigures(service.url, options)
    return {
      customers: options.customers,
      loadSeconds: round(loadMs / 1000, 1),
      ...verify,
      scale: { customers: options.customers, ...scale, verifyAccept1M: options.customers >= 1_000_000 ? { rps: verify.verify.accept.rps } : null },
      linkage,
    }
  } finally {
    for (const child of children) await child.stop()
    await deps.db.destroy()
    if (schema) await onPostgres(pgUrl!, `drop schema ${schema} cascade`)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Users of the armed range that are not locked (every hundredth scale token is), each visited once per pass:
 * pass 0 asks for the current step's code, pass 1 for the next step's (inside the ±1 window), so every request
 * of `accept` is a fresh valid code of another user.
 */
function userCycle(from: number, to: number) {
  return cycleOver(Array.from({ length: to - from }, (_, k) => from + k).filter((i) => i % 100 !== 0))
}

/** Each of `users` in turn, pass after pass; `visited` tells which have been given out at least once. */
function cycleOver(users: number[]) {
  let k = 0
  const next = () => {
    const user = users[k % users.length]!
    const pass = Math.floor(k / users.length)
    k += 1
    return { user, pass }
  }
  return Object.assign(next, { visited: () => users.slice(0, Math.min(k, users.length)) })
}

const codeAt = (user: number, step: number) => HOTP.generate({ secret: new Secret({ buffer: Uint8Array.from(seedOf(user)).buffer }), digits: 8, counter: step })

/** Verifications of the codes `body` makes; each answer is counted in `answers` (valid, or the reason refused). */
function verifyRequests(rpKey: string, body: () => { user: number; otp: string }, answers: Answers): Request[] {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${rpKey}` }
  return [
    {
      method: 'POST',
      path: '/v1/otp/verify',
      headers,
      setupRequest: (request) => {
        const { user, otp } = body()
        return { ...request, body: JSON.stringify({ serviceId: SCALE_SERVICE, userId: userIdOf(user), otp }) }
      },
      onResponse: (status, text) => {
        const answer = status === 200 ? (JSON.parse(text) as { valid: boolean; reason?: string }) : null
        const outcome = answer ? (answer.valid ? 'valid' : answer.reason!) : `http${status}`
        answers[outcome] = (answers[outcome] ?? 0) + 1
      },
    },
  ]
}

/** How many answers of a figure's requests said what: {valid: 41230} for accept, {replayed: …} for replays. */
type Answers = Record<string, number>

/** One run's figures and the CPU it cost the server (and PostgreSQL), in milliseconds. */
interface Measured {
  result: Throughput
  cpu?: CpuMs
  postgres?: number
}

/** Runs of one figure as one: the median run's speed and latencies; CPU per answer over every answer of the runs. */
function combined(runs: Measured[]) {
  const requests = runs.reduce((sum, run) => sum + run.result.requests, 0)
  const errors = runs.reduce((sum, run) => sum + (run.result.errors ?? 0), 0)
  const perRequest = (ms: number) => round(ms / requests, 3)
  const total = (part: (run: Measured) => number | undefined) => (runs.every((run) => part(run) !== undefined) ? runs.reduce((sum, run) => sum + part(run)!, 0) : undefined)
  const [user, system, postgres] = [total((run) => run.cpu?.user), total((run) => run.cpu?.system), total((run) => run.postgres)]
  return {
    rps: Math.round(median(runs.map((run) => run.result.rps))),
    p50Ms: median(runs.map((run) => run.result.p50Ms)),
    p99Ms: median(runs.map((run) => run.result.p99Ms)),
    requests,
    ...(errors ? { errors } : {}),
    ...(user !== undefined && system !== undefined ? { cpuMs: { user: perRequest(user), system: perRequest(system) } } : {}),
    ...(postgres !== undefined ? { postgresCpuMs: perRequest(postgres) } : {}),
  }
}

async function verifyFigures(service: Child, referenceServer: Child, rpKey: string, options: SuiteOptions, pgUrl?: string) {
  const serviceUrl = service.url
  const referenceUrl = referenceServer.url
  const { seconds, connections, armed } = options
  const step = () => Math.floor(Date.now() / 60_000)
  const accepting = (from: number, to: number) => {
    const next = userCycle(from, to)
    // The step of each user's last code: replaying it later is a replay even after the minute has turned.
    const steps = new Map<number, number>()
    return Object.assign(
      () => {
        const { user, pass } = next()
        steps.set(user, step() + Math.min(pass, 1))
        return { user, otp: codeAt(user, steps.get(user)!) }
      },
      { visited: next.visited, stepOf: (user: number) => steps.get(user)! },
    )
  }
  // Ranges of the armed users: warm-up, the service, the reference (so neither consumes the other's steps).
  const warm = Math.floor(armed * 0.2)
  const half = warm + Math.floor((armed - warm) / 2)
  const run = (url: string, requests?: Request[], s = seconds) => throughput(url, { seconds: s, connections, requests })

  await run(`${serviceUrl}/__bench__/noop`, undefined, 1)
  await run(serviceUrl, verifyRequests(rpKey, accepting(1, Math.floor(warm / 2)), {}), 1)
  await run(referenceUrl, verifyRequests(rpKey, accepting(Math.floor(warm / 2), warm), {}), 1)

  // CPU per answer — the server's own (user and kernel: the kernel's share is mostly the disk's commits) and, on a
  // PostgreSQL of this host, every PostgreSQL process's (target ≤ 0.2 ms per accept). Unlike requests per second,
  // CPU per request hardly moves with what else the machine is doing.
  const measured = async (server: Child, figure: () => Promise<Throughput>): Promise<Measured> => {
    const [cpuBefore, pgBefore] = [server.cpu(), pgUrl ? postgresCpuMs(pgUrl) : null]
    const result = await figure()
    const [cpuAfter, pgAfter] = [server.cpu(), pgUrl ? postgresCpuMs(pgUrl) : null]
    return {
      result,
      ...(cpuBefore && cpuAfter ? { cpu: { user: cpuAfter.user - cpuBefore.user, system: cpuAfter.system - cpuBefore.system } } : {}),
      ...(pgBefore && pgAfter ? { postgres: postgresCpuBetween(pgBefore, pgAfter) } : {}),
    }
  }
  // The no-op route, the reference and accept take turns in short rounds, and each ratio is the median of the
  // rounds' ratios: this machine's neighbours move requests per second by a third from one minute to the next,
  // and a ratio of two runs a minute apart measured the minute as much as the servers.
  const answers = { accept: {} as Answers, reference: {} as Answers, replayed: {} as Answers, mismatch: {} as Answers }
  const accepted = accepting(warm, half)
  const acceptRequests = verifyRequests(rpKey, accepted, answers.accept)
  const referenceRequests = verifyRequests(rpKey, accepting(half, armed + 1), answers.reference)
  const roundSeconds = Math.max(1, Math.round(seconds / options.rounds))
  const rounds: { noop: Measured; reference: Measured; accept: Measured }[] = []
  for (let r = 0; r < options.rounds; r++) {
    rounds.push({
      noop: await measured(service, () => run(`${serviceUrl}/__bench__/noop`, undefined, roundSeconds)),
      reference: await measured(referenceServer, () => run(referenceUrl, referenceRequests, roundSeconds)),
      accept: await measured(service, () => run(serviceUrl, acceptRequests, roundSeconds)),
    })
  }
  const overRounds = (name: 'noop' | 'reference' | 'accept') => combined(rounds.map((round) => round[name]))
  const [noop, reference, accept] = [overRounds('noop'), overRounds('reference'), overRounds('accept')]
  const roundRatio = (a: 'accept', b: 'noop' | 'reference') => round(median(rounds.map((r) => r[a].result.rps / r[b].result.rps)), 3)
  // The users just accepted: the code each was accepted with is now a replay; a wrong code counts a failure.
  const replaying = cycleOver(accepted.visited())
  const replayed = combined([
    await measured(service, () =>
      run(
        serviceUrl,
        verifyRequests(
          rpKey,
          () => {
            const { user } = replaying()
            return { user, otp: codeAt(user, accepted.stepOf(user)) }
          },
          answers.replayed,
        ),
      ),
    ),
  ])
  const mismatching = cycleOver(accepted.visited())
  const mismatch = combined([
    await measured(service, () =>
      run(
        serviceUrl,
        verifyRequests(rpKey, () => ({ user: mismatching().user, otp: '00000000' }), answers.mismatch),
      ),
    ),
  ])
  const ratio = (a: { rps: number }, b: { rps: number }) => round(a.rps / b.rps, 3)
  // Each figure's answers, to show it measured what it says: every accept valid, every replay replayed.
  return {
    verify: { accept: { ...accept, answers: answers.accept }, mismatch: { ...mismatch, answers: answers.mismatch }, replayed: { ...replayed, answers: answers.replayed } },
    noop,
    reference: { ...reference, answers: answers.reference },
    /** Requests per second of each round, from which the ratios are taken. */
    rounds: rounds.map((r) => ({ noop: r.noop.result.rps, reference: r.reference.result.rps, accept: r.accept.result.rps })),
    ratios: { acceptToNoop: roundRatio('accept', 'noop'), acceptToReference: roundRatio('accept', 'reference'), mismatchToReference: ratio(mismatch, reference) },
  }
}

async function scaleFigures(serviceUrl: string, token: string, options: SuiteOptions) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
  const pick = () => 1 + Math.floor(Math.random() * options.customers)
  const sample = async (request: () => Promise<Response>) => {
    const times: number[] = []
    let bytes = 0
    for (let n = 0; n < options.staffSamples; n++) {
      times.push(
        await timed(async () => {
          const response = await request()
          bytes = (await response.arrayBuffer()).byteLength
          if (!response.ok) throw new Error(`staff request failed: ${response.status}`)
        }),
      )
    }
    return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), bytes }
  }
  const search = (body: object) => () => fetch(`${serviceUrl}/v1/staff/customers/search`, { method: 'POST', headers, body: JSON.stringify(body) })
  const staffSearchAccount = await sample(() => {
    const i = pick()
    return search({ by: 'account', branch: branchOf(i), accountNumber: accountNumberOf(i) })()
  })
  const staffSearchUser = await sample(() => search({ by: 'user', serviceId: SCALE_SERVICE, userId: userIdOf(pick()) })())
  const locksFirstPage = await sample(() => fetch(`${serviceUrl}/v1/staff/locks`, { headers }))
  return {
    staffSearchAccount: { p50Ms: staffSearchAccount.p50Ms, p95Ms: staffSearchAccount.p95Ms },
    staffSearchUser: { p50Ms: staffSearchUser.p50Ms, p95Ms: staffSearchUser.p95Ms },
    locksFirstPage,
  }
}

/** ① the authorization request up to page ① (SOA201), ② page ①'s account submitted up to page ②: per step. */
async function linkageFigures(serviceUrl: string, options: SuiteOptions) {
  const authorize: number[] = []
  const account: number[] = []
  let failed = 0
  await Promise.all(
    Array.from({ length: options.linkageFlows }, async (_, k) => {
      const i = 2 + k * 7 // accounts without a linkage lock (the scale data locks i % 100 = 3)
      const browser = new LinkageBrowser(serviceUrl)
      authorize.push(await timed(() => browser.open(authorizeUrl({ challenge: pkce().challenge, clientId: SCALE_CLIENT, redirectUri: 'http://127.0.0.1/cb' }))))
      let page = { html: '' }
      account.push(await timed(async () => void (page = await browser.submit('/linkage/account', { branch: branchOf(i), type: 'ordinary', accountNumber: accountNumberOf(i) }))))
      if (!/SOA202/.test(page.html)) failed += 1
    }),
  )
  const step = (times: number[]) => ({ p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) })
  return { flows: options.linkageFlows, authorize: step(authorize), account: step(account), ...(failed ? { notReachingPage2: failed } : {}) }
}
