// STF-02: the service enforces roles on every staff endpoint. A matrix of each endpoint × {no session, a customer's
// device-signed request, the relying-party key, 窓口, 管理者, 監査}; the OpenAPI document proves the matrix covers
// every /v1/staff route there is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setUpToken, type ProvisionedToken } from './client.ts'
import { signRequest } from './device-client.ts'
import { call, JUSTIFIED, staffWorld } from './staff-client.ts'
import { createGrantWithCode } from '../../server/src/oauth/grants.ts'
import { DEMO_RELYING_PARTY } from '../../server/src/cli/demo-otp.ts'

type Caller = 'none' | 'device' | 'rpKey' | '窓口' | '管理者' | '監査'
const ROLE_STAFF = { 窓口: 'teller01', 管理者: 'super01', 監査: 'audit01' } as const
const ROLES = Object.keys(ROLE_STAFF) as (keyof typeof ROLE_STAFF)[]
const CALLERS: Caller[] = ['none', 'device', 'rpKey', ...ROLES]

interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE'
  /** As the OpenAPI document names it. */
  route: string
  allowed: readonly (keyof typeof ROLE_STAFF)[]
  ok: number
  /** The concrete path and body for one call (a fresh approval to decide, for instance). */
  request: () => Promise<{ path?: string; body?: unknown }>
}

const COUNTER = ['窓口', '管理者'] as const
const SUPERVISOR = ['管理者'] as const
const EVERYONE = ROLES

describeOnEachDatabase('STF-02 roles on every staff endpoint', (target) => {
  let h: Harness
  let world: Awaited<ReturnType<typeof staffWorld>>
  let device: ProvisionedToken
  const tokens: Record<string, string> = {}
  let grantId = ''

  const yamada = { serviceId: 'SHINKUMI', userId: 'yamada001' }
  const newApproval = async () => {
    const answer = await call<{ approval: { approvalId: string } }>(h.url, 'POST', '/v1/staff/actions/reissue-activation', {
      token: tokens.super02,
      body: { serviceId: 'SHINKUMI', userId: 'suzuki002', ...JUSTIFIED },
    })
    return answer.body.approval.approvalId
  }

  const ENDPOINTS: Endpoint[] = [
    { method: 'GET', route: '/v1/staff/session', allowed: EVERYONE, ok: 200, request: async () => ({}) },
    { method: 'DELETE', route: '/v1/staff/session', allowed: EVERYONE, ok: 204, request: async () => ({}) },
    { method: 'POST', route: '/v1/staff/customers/search', allowed: COUNTER, ok: 200, request: async () => ({ body: { by: 'user', ...yamada } }) },
    { method: 'POST', route: '/v1/staff/customers/detail', allowed: COUNTER, ok: 200, request: async () => ({ body: yamada }) },
    { method: 'GET', route: '/v1/staff/locks', allowed: COUNTER, ok: 200, request: async () => ({}) },
    {
      method: 'POST',
      route: '/v1/staff/actions/release-linkage-lock',
      allowed: COUNTER,
      ok: 200,
      request: async () => ({ body: { accountId: 'acct-115-ordinary-1100026', ...JUSTIFIED } }),
    },
    { method: 'POST', route: '/v1/staff/actions/reset-otp-failures', allowed: COUNTER, ok: 200, request: async () => ({ body: { ...yamada, ...JUSTIFIED } }) },
    {
      method: 'POST',
      route: '/v1/staff/actions/unlock-activation',
      allowed: COUNTER,
      ok: 200,
      request: async () => ({ body: { serviceId: 'SHINKUMI', userId: 'suzuki002', ...JUSTIFIED } }),
    },
    { method: 'POST', route: '/v1/staff/actions/suspend', allowed: SUPERVISOR, ok: 200, request: async () => ({ body: { serviceId: 'SHINKUMI', userId: 'teishi004', ...JUSTIFIED } }) },
    { method: 'POST', route: '/v1/staff/actions/resume', allowed: SUPERVISOR, ok: 200, request: async () => ({ body: { serviceId: 'SHINKUMI', userId: 'teishi004', ...JUSTIFIED } }) },
    { method: 'POST', route: '/v1/staff/actions/revoke-linkage', allowed: SUPERVISOR, ok: 200, request: async () => ({ body: { grantId, ...JUSTIFIED } }) },
    {
      method: 'POST',
      route: '/v1/staff/actions/reissue-activation',
      allowed: SUPERVISOR,
      ok: 202,
      request: async () => ({ body: { serviceId: 'SHINKUMI', userId: 'suzuki002', ...JUSTIFIED } }),
    },
    {
      method: 'POST',
      route: '/v1/staff/actions/revoke-device',
      allowed: SUPERVISOR,
      ok: 202,
      request: async () => ({ body: { ...yamada, serialNumber: device.response.serialNumber, ...JUSTIFIED } }),
    },
    { method: 'GET', route: '/v1/staff/maintenance', allowed: COUNTER, ok: 200, request: async () => ({}) },
    {
      method: 'POST',
      route: '/v1/staff/maintenance',
      allowed: SUPERVISOR,
      ok: 200,
      request: async () => {
        const start = world.clock.now().getTime() + 86_400_000
        return { body: { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), reason: '臨時メンテナンス' } }
      },
    },
    { method: 'GET', route: '/v1/staff/approvals', allowed: SUPERVISOR, ok: 200, request: async () => ({}) },
    {
      method: 'POST',
      route: '/v1/staff/approvals/{approvalId}/approve',
      allowed: SUPERVISOR,
      ok: 200,
      request: async () => ({ path: `/v1/staff/approvals/${await newApproval()}/approve` }),
    },
    {
      method: 'POST',
      route: '/v1/staff/approvals/{approvalId}/reject',
      allowed: SUPERVISOR,
      ok: 200,
      request: async () => ({ path: `/v1/staff/approvals/${await newApproval()}/reject` }),
    },
    { method: 'GET', route: '/v1/staff/audit', allowed: ['監査'], ok: 200, request: async () => ({}) },
    { method: 'GET', route: '/v1/staff/audit/export', allowed: ['監査'], ok: 200, request: async () => ({}) },
  ]

  async function callAs(caller: Caller, endpoint: Endpoint): Promise<number> {
    const { path = endpoint.route, body } = await endpoint.request()
    if (caller === 'none') return (await call(h.url, endpoint.method, path, { body })).status
    if (caller === 'rpKey') return (await call(h.url, endpoint.method, path, { body, headers: { authorization: `Bearer ${DEMO_RELYING_PARTY.key}` } })).status
    if (caller === 'device') {
      const signed = await signRequest(device, endpoint.method === 'GET' ? 'GET' : 'POST', path, body, world.clock.now())
      return (await call(h.url, endpoint.method, path, { body, headers: signed.headers })).status
    }
    const staffId = ROLE_STAFF[caller]
    // Signing out ends the session: that cell gets a session of its own.
    const token = endpoint.method === 'DELETE' ? await world.tokenOf(staffId) : tokens[staffId]!
    return (await call(h.url, endpoint.method, path, { body, token })).status
  }

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    world = await staffWorld(h)
    world.clock.set(new Date('2026-11-18T01:00:00Z'))
    const customer = world.demo.customers!.find((c) => c.userId === 'yamada001') as { activationPassword: string }
    device = await setUpToken(h.url, { ...yamada, activationPassword: customer.activationPassword, deviceTime: world.clock.now() })
    for (const staffId of ['teller01', 'super01', 'super02', 'audit01']) tokens[staffId] = await world.tokenOf(staffId)
    const grant = await createGrantWithCode(
      h.deps.db,
      { clientId: 'demo-kakeibo', accountId: 'acct-115-ordinary-1100026', scope: 'accounts', email: null, redirectUri: 'http://127.0.0.1:8790/callback', codeChallenge: 'x'.repeat(43) },
      world.clock.now(),
    )
    grantId = grant.grantId
  })
  afterAll(() => h.close())

  it('STF-02 the matrix names every /v1/staff route in the OpenAPI document, and sign-in is the only public one', async () => {
    const doc = (await call<{ paths: Record<string, Record<string, unknown>> }>(h.url, 'GET', '/docs/json')).body
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/staff'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
    const inMatrix = [...ENDPOINTS.map((e) => `${e.method} ${e.route}`), 'POST /v1/staff/session']
    expect(documented.sort()).toEqual(inMatrix.sort())
    const wrong = await call(h.url, 'POST', '/v1/staff/session', { body: { staffId: 'teller01', password: 'wrong', otp: '000000' } })
    expect(wrong).toEqual({ status: 401, body: { code: 'STAFF_SIGNIN_FAILED', message: expect.any(String) } })
  })

  describe('each endpoint × each caller', () => {
    for (const endpoint of ENDPOINTS) {
      it(`STF-02 ${endpoint.method} ${endpoint.route}: ${endpoint.allowed.join('・')} → ${endpoint.ok}, other roles 403, no staff session 401`, async () => {
        const expected = Object.fromEntries(
          CALLERS.map((c) => [c, c === 'none' || c === 'device' || c === 'rpKey' ? 401 : (endpoint.allowed as readonly string[]).includes(c) ? endpoint.ok : 403]),
        )
        const actual: Record<string, number> = {}
        for (const caller of CALLERS) actual[caller] = await callAs(caller, endpoint)
        expect(actual).toEqual(expected)
      })
    }
  })

  it('STF-05 a refused role is itself audited (who tried what)', async () => {
    await call(h.url, 'GET', '/v1/staff/audit', { token: tokens.teller01 })
    const rows = await h.deps.db.selectFrom('staff_audit').selectAll().where('action', '=', 'access.refused').where('staff_id', '=', 'teller01').execute()
    expect(rows.some((r) => r.detail?.includes('GET /v1/staff/audit'))).toBe(true)
  })
})
