// SEC-06 (SPEC §5: never a 500): input that does not parse, text with NUL or other control characters, lone
// surrogates and malformed URLs are refused with a 4xx in each area's own shape, on SQLite and PostgreSQL alike,
// and no column is narrower on PostgreSQL than the schemas allow.
import http from 'node:http'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { sign } from '../../server/src/telephony/signature.ts'
import { addRelyingPartyKey } from './fixtures.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { CLIENT } from './linkage-client.ts'
import { JUSTIFIED, call, staffWorld } from './staff-client.ts'

interface Raw {
  status: number
  type: string
  body: string
}

/** One request with exactly these bytes: fetch would normalise the URL and refuse lone surrogates. */
function raw(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Raw> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, method, path, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

const json = { 'content-type': 'application/json' }
const form = { 'content-type': 'application/x-www-form-urlencoded' }
const RESTART = 'API連携認証の最初に戻って操作してください。'

function expectNoTrace(answer: Raw) {
  expect(answer.body).not.toMatch(/\bat [\w.<>]+ \(|node:internal|\/src\/|\.ts:\d+/)
}

describeOnEachDatabase('SEC-06 bad input is refused, never a 500', (target) => {
  let h: Harness
  let world: Awaited<ReturnType<typeof staffWorld>>
  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true, env: { TELEPHONY_SECRET: 'test-telephony-secret-0123' } })
    world = await staffWorld(h)
    world.clock.set(new Date('2026-11-18T01:00:00Z'))
  })
  afterAll(() => h.close())

  it('SEC-06 NUL in the OAuth state or client_id: the linkage page says to start again (400), nothing stored', async () => {
    for (const query of [`client_id=${CLIENT.clientId}&state=a%00b`, 'client_id=demo%00kakeibo&state=s']) {
      const answer = await raw(
        h.url,
        'GET',
        `/oauth/authorize?response_type=code&${query}&redirect_uri=${encodeURIComponent(CLIENT.redirectUri)}&scope=accounts&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`,
      )
      expect(answer.status).toBe(400)
      expect(answer.body).toContain(RESTART)
    }
  })

  it('SEC-06 NUL in the Basic client id is an unknown client, not a 500', async () => {
    const basic = Buffer.from(`demo%00kakeibo:${CLIENT.clientSecret}`).toString('base64')
    const answer = await raw(h.url, 'POST', '/oauth/token', { ...form, authorization: `Basic ${basic}` }, 'grant_type=authorization_code&code=x&redirect_uri=x&code_verifier=x')
    expect(answer.status).toBe(401)
  })

  it('SEC-06 NUL in a signed telephony callId is BAD_REQUEST (400)', async () => {
    const body = JSON.stringify({ callId: 'call\u0000one', from: '09011113333', to: '0120000111', at: new Date().toISOString() })
    const answer = await raw(h.url, 'POST', '/v1/telephony/inbound-call', { ...json, 'x-signature': sign('test-telephony-secret-0123', body) }, body)
    expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({ status: 400, body: { code: 'BAD_REQUEST', message: expect.any(String) } })
  })

  it('SEC-06 NUL in a staff id or a staff reason, other control characters and lone surrogates are BAD_REQUEST (400)', async () => {
    const signIn = await raw(h.url, 'POST', '/v1/staff/session', json, JSON.stringify({ staffId: 'teller01\u0000', password: 'x', otp: '123456' }))
    expect({ status: signIn.status, body: JSON.parse(signIn.body) }).toEqual({ status: 400, body: expect.objectContaining({ code: 'BAD_REQUEST' }) })
    const token = await world.tokenOf('teller01')
    for (const reason of ['依頼\u0000', '依頼\u001b[2J', '依頼\u0085']) {
      const answer = await call(h.url, 'POST', '/v1/staff/actions/release-linkage-lock', { token, body: { accountId: 'acct-115-ordinary-1100026', ...JUSTIFIED, reason } })
      expect(answer).toEqual({ status: 400, body: expect.objectContaining({ code: 'BAD_REQUEST' }) })
    }
    // A line break is text: a reason typed over two lines is taken.
    const twoLines = await call(h.url, 'POST', '/v1/staff/actions/release-linkage-lock', {
      token,
      body: { accountId: 'acct-115-ordinary-1100026', ...JUSTIFIED, reason: '窓口で\n本人から申し出' },
    })
    expect(twoLines.status).toBe(200)
    const surrogate = await raw(h.url, 'POST', '/v1/otp/verify', { ...json, authorization: 'Bearer x' }, '{"serviceId":"SHINKUMI","userId":"\\ud800","otp":"12345678"}')
    expect(surrogate.status).toBeLessThan(500)
  })

  it('SEC-06 a 9 KB form or malformed JSON on a linkage form is the seed page with its status, no trace', async () => {
    const big = await raw(h.url, 'POST', '/linkage/account', form, `branch=${'1'.repeat(9 * 1024)}`)
    expect(big.status).toBe(413)
    expect(big.body).toContain(RESTART)
    const malformed = await raw(h.url, 'POST', '/linkage/account', json, '{"branch":')
    expect([400, 415]).toContain(malformed.status)
    expect(malformed.body).toContain(RESTART)
    for (const answer of [big, malformed]) expectNoTrace(answer)
  })

  it('SEC-06 malformed JSON, a body too large and a wrong content type on the API are coded refusals', async () => {
    const rp = { authorization: `Bearer ${await addRelyingPartyKey(h.deps)}` }
    // Every area answers the general codes; provisioning names its own code for a request that does not parse (S0G1).
    const general = ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const
    for (const [path, auth, codes] of [
      ['/v1/otp/verify', rp, general],
      ['/v1/staff/session', {}, general],
      ['/v1/devices/provision', {}, ['S0G1', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE']],
    ] as const) {
      const cases = [
        [await raw(h.url, 'POST', path, { ...json, ...auth }, '{"serviceId":'), 400, codes[0]],
        [await raw(h.url, 'POST', path, { ...json, ...auth }, `{"serviceId":"${'x'.repeat(70 * 1024)}"}`), 413, codes[1]],
        [await raw(h.url, 'POST', path, { 'content-type': 'text/csv', ...auth }, 'a,b'), 415, codes[2]],
      ] as const
      for (const [answer, status, code] of cases) {
        expect({ path, status: answer.status, code: (JSON.parse(answer.body) as { code: string }).code }).toEqual({ path, status, code })
        expectNoTrace(answer)
      }
    }
  })

  it('SEC-06 a malformed URL answers in the API’s own error shape', async () => {
    for (const path of ['/%', '/v1/staff/approvals/%E0%A4%A/approve', '/linkage/%zz']) {
      const answer = await raw(h.url, 'GET', path)
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body)).toEqual({ code: 'BAD_REQUEST', message: 'request does not parse' })
    }
  })

  it('SEC-06 no column on the database is narrower than the schemas: PostgreSQL keeps no varchar(n)', async () => {
    if (target.kind === 'sqlite') return // SQLite's declared lengths are never enforced
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from information_schema.columns where table_schema = current_schema() and data_type = 'character varying' and table_name not like 'kysely_%'`.execute(
      h.deps.db,
    )
    expect(rows[0]!.n).toBe(0)
  })
})
