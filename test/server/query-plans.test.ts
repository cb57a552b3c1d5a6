// SCALE-01: every query on a request path uses an index. The real service, on a database bulk-loaded to tens of
// thousands of customers and analysed (real statistics, no planner switches), runs the hot and staff journeys —
// OTP verification (accept, replay, mismatch, locked), staff search both ways, customer detail, the locks list,
// the audit log and the approvals (two pages each), API linkage ①→③ — while every statement it issues is
// recorded. Each recorded statement is then explained (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL) with
// its own parameters, and any full scan of a large table fails the test, naming the statement.
import { HOTP, Secret } from 'otpauth'
import { CompiledQuery } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { accountNumberOf, armTokens, branchOf, loadScaleData, SCALE_SERVICE, seedOf, userIdOf } from '../../bench/scale-data.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { LinkageBrowser, pkce, reachCallScreen } from './linkage-client.ts'
import { call, staffWorld } from './staff-client.ts'
import { verifyOtp } from './client.ts'
import { saveRelyingParty } from '../../server/src/relying-parties.ts'

const CUSTOMERS = 50_000
/** Below this many rows a scan is what a planner should do; at or above it, a scan on a request path is a bug. */
const LARGE_TABLE_ROWS = 400

describeOnEachDatabase('SCALE-01 query plans at scale', (target) => {
  let h: Harness
  let recording = false
  const statements = new Map<string, readonly unknown[]>()

  beforeAll(async () => {
    h = await startHarness(target, {
      manualClock: true,
      onQuery: (query) => {
        if (recording && !statements.has(query.sql)) statements.set(query.sql, query.parameters)
      },
    })
    const world = await staffWorld(h)
    await loadScaleData(h.deps, { count: CUSTOMERS, now: world.clock.now().getTime(), requestedBy: 'super01' })
    await armTokens(h.deps, 10)
    const tokens = { teller: await world.tokenOf('teller01'), supervisor: await world.tokenOf('super01'), auditor: await world.tokenOf('audit01') }

    recording = true
    // A key of its own: the demo keys are bound to the demo services only (SEC-04).
    const relyingParty = await saveRelyingParty(h.deps.db, world.clock.now(), { name: 'scale', serviceIds: [SCALE_SERVICE] })
    await journeys(h, relyingParty.key, tokens)
    recording = false
  }, 300_000)
  afterAll(() => h.close())

  it('SCALE-01 the journeys ran (their answers are what staff and relying parties expect)', () => {
    expect(statements.size).toBeGreaterThan(30)
  })

  it('SCALE-01 no statement on a request path scans a large table', async () => {
    const large = await largeTables(h)
    expect(large).toContain('tokens')
    const scans: string[] = []
    for (const [text, parameters] of statements) {
      if (!/^\s*(with|select|insert|update|delete)\b/i.test(text)) continue
      for (const scan of await scansOf(h, text, parameters)) if (large.has(scan.table)) scans.push(`${scan.table}: ${scan.how}\n  in: ${text}`)
    }
    expect(scans).toEqual([])
  }, 120_000)
})

async function journeys(h: Harness, rpKey: string, tokens: { teller: string; supervisor: string; auditor: string }) {
  const now = h.deps.clock.now()
  const codeOf = (i: number, at = now) => HOTP.generate({ secret: new Secret({ buffer: Uint8Array.from(seedOf(i)).buffer }), digits: 8, counter: Math.floor(at.getTime() / 60_000) })
  const verify = (i: number, otp: string) => verifyOtp(h.url, rpKey, { serviceId: SCALE_SERVICE, userId: userIdOf(i), otp })
  const wrong = (code: string) => code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10)

  expect((await verify(2, codeOf(2))).body).toEqual({ valid: true })
  expect((await verify(2, codeOf(2))).body).toEqual({ valid: false, reason: 'replayed' })
  expect((await verify(3, wrong(codeOf(3)))).body).toEqual({ valid: false, reason: 'mismatch' })
  expect((await verify(100, wrong(codeOf(3)))).body).toEqual({ valid: false, reason: 'locked' })

  const staff = (token: string) => ({
    get: <T>(path: string) => call<T>(h.url, 'GET', path, { token }),
    post: <T>(path: string, body: unknown) => call<T>(h.url, 'POST', path, { token, body }),
  })
  const teller = staff(tokens.teller)
  const byAccount = await teller.post<{ customers: unknown[] }>('/v1/staff/customers/search', { by: 'account', branch: branchOf(15), accountNumber: accountNumberOf(15) })
  expect(byAccount.body.customers).toEqual([expect.objectContaining({ ref: { customerId: 'c15' } })])
  const byUser = await teller.post<{ customers: unknown[] }>('/v1/staff/customers/search', { by: 'user', serviceId: SCALE_SERVICE, userId: userIdOf(15) })
  expect(byUser.body.customers).toEqual([expect.objectContaining({ ref: { customerId: 'c15' } })])
  expect((await teller.post('/v1/staff/customers/detail', { customerId: 'c15' })).status).toBe(200)

  for (const [who, path] of [
    [teller, '/v1/staff/locks'],
    [staff(tokens.supervisor), '/v1/staff/approvals'],
    [staff(tokens.auditor), '/v1/staff/audit'],
  ] as const) {
    const first = await who.get<{ nextCursor: string | null }>(`${path}?limit=3`)
    expect(first.body.nextCursor, path).toEqual(expect.any(String))
    expect((await who.get(`${path}?limit=3&cursor=${first.body.nextCursor}`)).status).toBe(200)
  }

  await reachCallScreen(new LinkageBrowser(h.url), pkce().challenge)
}

/** Tables holding at least LARGE_TABLE_ROWS rows now. */
async function largeTables(h: Harness): Promise<Set<string>> {
  const db = h.deps.db
  const schema = h.env.DATABASE_SCHEMA || undefined
  const tables = (await db.introspection.getTables()).filter((t) => t.schema === schema)
  const large = new Set<string>()
  for (const table of tables) {
    const row = await db.executeQuery<{ n: number | string }>(CompiledQuery.raw(`select count(*) as n from "${table.name}"`))
    if (Number(row.rows[0]!.n) >= LARGE_TABLE_ROWS) large.add(table.name)
  }
  return large
}

interface Scan {
  table: string
  how: string
}

/** The full scans in a statement's plan, with the table's real name (plans name aliases). */
async function scansOf(h: Harness, text: string, parameters: readonly unknown[]): Promise<Scan[]> {
  const db = h.deps.db
  if (h.deps.dbKind === 'postgres') {
    const result = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(CompiledQuery.raw(`explain (format json) ${text}`, [...parameters]))
    return seqScans(result.rows[0]!['QUERY PLAN'][0].Plan)
  }
  const aliases = aliasesOf(text)
  const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${text}`, [...parameters]))
  const limited = /\blimit\b/i.test(text)
  return result.rows.flatMap(({ detail }) => {
    const scan = /^SCAN (\S+)(.*)$/.exec(detail)
    if (!scan) return []
    // An index walked in order up to a LIMIT (newest first) is not a scan of the table.
    if (limited && /USING (COVERING )?INDEX/.test(scan[2]!)) return []
    return [{ table: aliases.get(scan[1]!) ?? scan[1]!, how: detail }]
  })
}

/** `"tokens" as "t"` → t ↦ tokens, as Kysely writes aliases. */
function aliasesOf(text: string): Map<string, string> {
  return new Map([...text.matchAll(/"(\w+)" as "(\w+)"/g)].map((m) => [m[2]!, m[1]!]))
}

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  Plans?: PlanNode[]
}

function seqScans(node: PlanNode): Scan[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [{ table: node['Relation Name'], how: 'Seq Scan' }] : []
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)]
}
