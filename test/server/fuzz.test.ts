// SEC-06: no input produces a 5xx. fast-check sends generated malformed requests to every operation of the OpenAPI
// document (`/docs/json`) and to every linkage form: huge strings, NUL and other control characters, lone
// surrogates, full-width digits, wrong types, deep nesting, bodies that do not parse, wrong content types, bad
// credentials, cookies and CSRF fields. Every answer is below 500 and holds no stack trace or file path; no failure
// counter moved (none of this is a real attempt); /healthz still answers. In-process (`inject`): no socket each.
import fc from 'fast-check'
import type { InjectOptions } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadDemo } from '../../server/src/cli/demo.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { CLIENT } from './linkage-client.ts'
import { addRelyingPartyKey } from './fixtures.ts'
import { staffCode, type DemoStaff } from './staff-client.ts'

/** Per operation: the issue's 200 on SQLite; fewer on PostgreSQL, where every request costs a round trip. */
const RUNS = { sqlite: 200, postgres: 40 } as const

const TRACE = /\n\s+at |\bat [\w$.<>]+ \(|node:internal|node_modules|\/work\/|\/src\/[\w/-]+\.ts|\.ts:\d+:\d+/

interface Operation {
  method: string
  path: string
  properties: string[]
  /** The body's string fields that take free text up to a length: what the largest allowed request holds. */
  longest: Record<string, string>
}

type JsonSchema = {
  properties?: Record<string, JsonSchema>
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  type?: string
  maxLength?: number
  pattern?: string
  format?: string
  enum?: unknown[]
}

const variantsOf = (schema: JsonSchema): JsonSchema[] => [schema, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(variantsOf)]

function propertiesOf(schema: JsonSchema | undefined): string[] {
  return schema ? [...new Set(variantsOf(schema).flatMap((v) => Object.keys(v.properties ?? {})))] : []
}

/** Every free-text field at its maximum length, in full-width characters (the widest a column stores). */
function longestOf(schema: JsonSchema | undefined): Record<string, string> {
  const fields = schema ? variantsOf(schema).flatMap((v) => Object.entries(v.properties ?? {})) : []
  return Object.fromEntries(fields.filter(([, f]) => f.type === 'string' && f.maxLength && !f.pattern && !f.format && !f.enum).map(([name, f]) => [name, 'ア'.repeat(f.maxLength!)]))
}

function operationsOf(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const schema = Object.values(op.requestBody?.content ?? {})[0]?.schema
      return { method: method.toUpperCase(), path, properties: propertiesOf(schema), longest: longestOf(schema) }
    }),
  )
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

/** Strings nobody should send: each kind the issue names. */
const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string().map((s) => `${s}\u0000${s}`),
  fc.constantFrom(
    '\u0000',
    '\u0007\u001b[2J',
    '\u0085',
    '\ud800',
    'a\udfffb',
    '\ud83d',
    '１２３４５６７８',
    '１１５',
    '０９０１１１１３３３３',
    'ﾃﾞｰﾀ ﾀﾛｳ',
    '../../etc/passwd',
    '%00',
    '<script>',
    "' or 1=1 --",
  ),
  fc.integer({ min: 300, max: 70_000 }).map((n) => 'x'.repeat(n)),
)
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
  fc.integer({ min: 50, max: 3000 }).map((n) => JSON.parse(nested(n)) as unknown),
)

const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'application/xml',
  '*/*',
  '\u00e9\u00e8',
]

/** A body: shaped like the operation's (its field names, malformed values) or not JSON at all. */
function bodyFor(properties: string[]): fc.Arbitrary<string | Buffer | undefined> {
  const shaped = properties.length ? fc.record(Object.fromEntries(properties.map((p) => [p, nastyValue])), { requiredKeys: [] }).map((o) => JSON.stringify(o)) : fc.constant('{}')
  return fc.oneof(
    { weight: 4, arbitrary: shaped },
    fc.constant(undefined),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string(),
    fc.integer({ min: 1000, max: 30_000 }).map(nested),
    fc.constantFrom('{"a":', '{"a":1}}', '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}'),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.concat([Buffer.from('{"a":"'), Buffer.from(b), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])),
    fc.integer({ min: 65 * 1024, max: 200 * 1024 }).map((n) => `{"a":"${'y'.repeat(n)}"}`),
  )
}

/** A path parameter, an encoded query value: malformed percent-encoding included. */
/** encodeURIComponent refuses lone surrogates: those go as their (invalid) UTF-8 bytes, percent-encoded. */
function encodePiece(s: string): string {
  try {
    return encodeURIComponent(s)
  } catch {
    return '%ED%A0%80'
  }
}
const pathPiece = fc.oneof(nastyString.map(encodePiece), fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '..', ''))
const query = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 4 }).map((q) => `?${new URLSearchParams(q as Record<string, string>).toString()}`),
  fc.constantFrom('?%', '?a=%zz', '?a=%00&a=1&a[b]=2', `?${'q'.repeat(10_000)}=1`),
)

function injectAll(h: Harness, operation: Operation, authorizations: fc.Arbitrary<string | undefined>) {
  return fc.record({
    path: fc.array(pathPiece, { minLength: 4, maxLength: 4 }).map((pieces) => {
      let i = 0
      return operation.path.replace(/\{[^}]+\}/g, () => pieces[i++]!)
    }),
    query,
    body: bodyFor(operation.properties),
    contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined }),
    authorization: authorizations,
    cookie: fc.option(
      fc.oneof(
        fc.string({ maxLength: 50 }).map((s) => `shinkumi_linkage=${encodeURIComponent(s)}`),
        fc.constantFrom('a=%', '=', ';;;', 'x=\u00ff'),
      ),
      { nil: undefined },
    ),
  })
}

async function send(h: Harness, options: InjectOptions) {
  const answer = await h.app.inject(options)
  const problem = answer.statusCode >= 500 ? `status ${answer.statusCode}` : TRACE.test(answer.body) ? 'a trace or path in the body' : undefined
  if (problem) throw new Error(`${options.method} ${options.url} → ${problem}: ${answer.body.slice(0, 300)}`)
}

const headersOf = (r: { contentType?: string; authorization?: string; cookie?: string }) =>
  Object.fromEntries(Object.entries({ 'content-type': r.contentType, authorization: r.authorization, cookie: r.cookie }).filter(([, v]) => v !== undefined)) as Record<string, string>

/** Every failure counter the service keeps: none may move for a malformed request. */
async function counters(h: Harness) {
  const sum = async (table: 'activations' | 'tokens' | 'linkage_locks' | 'staff_users') =>
    Number((await sql<{ n: number }>`select coalesce(sum(failures), 0) as n from ${sql.table(table)}`.execute(h.deps.db)).rows[0]!.n)
  return { activations: await sum('activations'), tokens: await sum('tokens'), linkage: await sum('linkage_locks'), staff: await sum('staff_users') }
}

describeOnEachDatabase('SEC-06 fuzz: no input produces a 5xx', (target) => {
  let h: Harness
  let operations: Operation[]
  let authorizations: fc.Arbitrary<string | undefined>
  let credentials: string[]
  const runs = RUNS[target.kind]

  beforeAll(async () => {
    h = await startHarness(target)
    const demo = await loadDemo(h.deps)
    const teller = (demo.staff as DemoStaff[]).find((s) => s.staffId === 'teller01')!
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/v1/staff/session',
      payload: { staffId: teller.staffId, password: teller.password, otp: staffCode(teller.totpSecret, new Date()) },
    })
    const staffToken = (signIn.json() as { token: string }).token
    // Real credentials as well as garbage, so that malformed bodies also get past authentication to the schemas.
    credentials = [`Bearer ${await addRelyingPartyKey(h.deps)}`, `Bearer ${staffToken}`, `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`]
    authorizations = fc.option(
      fc.oneof(
        fc.constantFrom(...credentials),
        nastyString.map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`),
        nastyString.map((s) => `Basic ${Buffer.from(`${s}:${s}`).toString('base64')}`),
        fc.string({ maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      ),
      { nil: undefined },
    )
    operations = operationsOf((await h.app.inject({ method: 'GET', url: '/docs/json' })).json())
  }, 180_000)
  afterAll(() => h.close())

  it('SEC-06 every operation of /docs/json answers generated malformed requests below 500, without a trace', { timeout: 600_000 }, async () => {
    expect(operations.length).toBeGreaterThan(10)
    const before = await counters(h)
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(injectAll(h, operation, authorizations), async (r) =>
          send(h, { method: operation.method as InjectOptions['method'], url: `${r.path}${r.query}`, payload: r.body, headers: headersOf(r) }),
        ),
        { numRuns: runs },
      )
    }
    expect(await counters(h)).toEqual(before)
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })

  it('SEC-06 the largest request each schema allows (every free-text field at its maximum length) is stored or refused, never a 500', async () => {
    const sized = operations.filter((o) => Object.keys(o.longest).length)
    expect(sized.length).toBeGreaterThan(0)
    for (const operation of sized) {
      for (const authorization of credentials) {
        const url = operation.path.replace(/\{[^}]+\}/g, 'x')
        await send(h, { method: operation.method as InjectOptions['method'], url, payload: operation.longest, headers: { authorization } })
      }
    }
  })

  it('SEC-06 every linkage form answers malformed forms, cookies and CSRF fields below 500, without a trace', { timeout: 600_000 }, async () => {
    // A real flow's cookie too, so that bad CSRF fields and malformed forms reach the step handlers.
    const start = await h.app.inject({
      method: 'GET',
      url: `/oauth/authorize?response_type=code&client_id=${CLIENT.clientId}&redirect_uri=${encodeURIComponent(CLIENT.redirectUri)}&scope=accounts&state=s&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`,
    })
    const flowCookie = String(start.headers['set-cookie'] ?? '').split(';')[0]
    const forms = ['/linkage/account', '/linkage/customer', '/linkage/phone', '/linkage/call', '/linkage/pin', '/linkage/consent', '/linkage/abort', '/linkage/restart']
    const fields = ['csrf', 'branch', 'type', 'accountNumber', 'name', 'birthYear', 'birthMonth', 'birthDay', 'phone', 'email', 'emailConfirm', 'pin', 'agree']
    const formBody = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(Object.fromEntries(fields.map((f) => [f, nastyString])), { requiredKeys: [] }).map((o) => new URLSearchParams(o as Record<string, string>).toString()),
      },
      fc.string(),
      fc.constantFrom('a=%', '%zz=1', 'csrf=1&csrf=2&csrf[x]=3', `branch=${'1'.repeat(9 * 1024)}`),
      bodyFor(fields),
    )
    const before = await counters(h)
    const request = fc.record({
      query,
      body: formBody,
      contentType: fc.oneof(fc.constant('application/x-www-form-urlencoded'), fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined })),
      cookie: fc.option(
        fc.oneof(
          fc.constant(flowCookie),
          fc.string({ maxLength: 60 }).map((s) => `shinkumi_linkage=${encodeURIComponent(s)}`),
          fc.constantFrom('a=%', 'x=\u00ff'),
        ),
        { nil: undefined },
      ),
    })
    const targets = [...forms.map((url) => ({ method: 'POST' as const, url })), { method: 'GET' as const, url: '/linkage' }, { method: 'GET' as const, url: '/oauth/authorize' }]
    for (const { method, url } of targets) {
      await fc.assert(
        fc.asyncProperty(request, async (r) =>
          send(h, method === 'GET' ? { method, url: `${url}${r.query}`, headers: headersOf({ cookie: r.cookie }) } : { method, url, payload: r.body, headers: headersOf(r) }),
        ),
        { numRuns: runs },
      )
    }
    expect(await counters(h)).toEqual(before)
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })
})
