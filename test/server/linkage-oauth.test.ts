import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { CLIENT, LinkageBrowser, authorizeUrl, basic, completeFlow, pkce, tokenRequest } from './linkage-client.ts'

describeOnEachDatabase('OAuth for API linkage', (target) => {
  let h: Harness
  let secret: string
  const clock = () => h.deps.clock as ManualClock
  const exchange = (code: string, verifier: string, redirectUri = CLIENT.redirectUri) =>
    tokenRequest(h.url, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier })

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    // A weekday afternoon, well inside service hours.
    clock().set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
    secret = h.deps.config.linkage.telephonySecret
  })
  afterAll(() => h.close())

  it('LNK-01 the full flow yields a code, the code a token, the token the account and its transactions', async () => {
    const { code, verifier, state } = await completeFlow(h.url, secret)
    expect(state).toBe('xyz')
    const token = await exchange(code, verifier)
    expect(token.status).toBe(200)
    expect(token.body.token_type).toBe('Bearer')
    const accounts = await fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${token.body.access_token}` } })
    const body = (await accounts.json()) as { accounts: { id: string; branch: string; accountNumber: string; balance: number }[] }
    expect(body.accounts).toEqual([expect.objectContaining({ branch: '115', accountNumber: '1100026', balance: 1_234_567 })])
    const tx = await fetch(`${h.url}/v1/accounts/${body.accounts[0]!.id}/transactions?from=2026-09-01&to=2026-11-18`, {
      headers: { authorization: `Bearer ${token.body.access_token}` },
    })
    expect(tx.status).toBe(200)
    expect(((await tx.json()) as { transactions: unknown[] }).transactions.length).toBeGreaterThan(10)
  })

  it('SVC-07 a code is single-use: the second exchange fails and ends what the first gave', async () => {
    const { code, verifier } = await completeFlow(h.url, secret)
    const first = await exchange(code, verifier)
    expect(first.status).toBe(200)
    const second = await exchange(code, verifier)
    expect(second).toEqual({ status: 400, body: { error: 'invalid_grant' } })
    const accounts = await fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${first.body.access_token}` } })
    expect(accounts.status).toBe(401)
  })

  it('SVC-07 concurrent exchanges of one code: exactly one wins', async () => {
    const { code, verifier } = await completeFlow(h.url, secret)
    const results = await Promise.all(Array.from({ length: 5 }, () => exchange(code, verifier)))
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
  })

  it('SVC-07 PKCE: a wrong verifier is invalid_grant; plain is refused at the authorization endpoint', async () => {
    const { code } = await completeFlow(h.url, secret)
    expect((await exchange(code, pkce().verifier)).body).toEqual({ error: 'invalid_grant' })
    const browser = new LinkageBrowser(h.url)
    const plain = await browser.request(authorizeUrl({ challenge: 'a'.repeat(43), method: 'plain' }))
    expect(plain.status).toBe(303)
    const location = new URL(plain.location!)
    expect(location.origin + location.pathname).toBe(CLIENT.redirectUri)
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('state')).toBe('xyz')
  })

  it('SVC-07 redirect URI: an unregistered one is an error page (never a redirect); a different one at the token endpoint is invalid_grant', async () => {
    const browser = new LinkageBrowser(h.url)
    const bad = await browser.request(authorizeUrl({ challenge: pkce().challenge, redirectUri: 'http://127.0.0.1:8790/callback/evil' }))
    expect(bad.status).toBe(400)
    expect(bad.location).toBeNull()
    expect(bad.html).toContain('ご指定のサービスはただ今お取扱できません。')
    const unknown = await browser.request(authorizeUrl({ challenge: pkce().challenge, clientId: 'nobody' }))
    expect(unknown.status).toBe(400)
    expect(unknown.location).toBeNull()
    const { code, verifier } = await completeFlow(h.url, secret)
    expect((await exchange(code, verifier, 'http://127.0.0.1:8791/callback')).body).toEqual({ error: 'invalid_grant' })
  })

  it('SVC-07 errors per RFC 6749: unsupported_response_type, invalid_client, unsupported_grant_type, invalid_request', async () => {
    const browser = new LinkageBrowser(h.url)
    const implicit = await browser.request(authorizeUrl({ challenge: pkce().challenge, responseType: 'token' }))
    expect(new URL(implicit.location!).searchParams.get('error')).toBe('unsupported_response_type')
    const wrongSecret = await tokenRequest(h.url, { grant_type: 'authorization_code', code: 'x' }, basic(CLIENT.clientId, 'wrong'))
    expect(wrongSecret).toEqual({ status: 401, body: { error: 'invalid_client' } })
    expect((await tokenRequest(h.url, { grant_type: 'password' })).body).toEqual({ error: 'unsupported_grant_type' })
    expect((await tokenRequest(h.url, { grant_type: 'authorization_code' })).body.error).toBe('invalid_request')
  })

  it('SVC-07 codes are short-lived', async () => {
    const { code, verifier } = await completeFlow(h.url, secret)
    const start = h.deps.clock.now()
    clock().set(new Date(start.getTime() + 61_000))
    expect((await exchange(code, verifier)).body).toEqual({ error: 'invalid_grant' })
    clock().set(start)
  })

  it('LNK-12 the 30-day grant really ends: access and refresh tokens are refused afterwards', async () => {
    const start = h.deps.clock.now()
    const { code, verifier } = await completeFlow(h.url, secret)
    const tokens = await exchange(code, verifier)
    // Day 29: a refreshed token still works.
    clock().set(new Date(start.getTime() + 29 * 86_400_000))
    const refreshed = await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token) })
    expect(refreshed.status).toBe(200)
    expect((await fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${refreshed.body.access_token}` } })).status).toBe(200)
    // The old refresh token was spent by the rotation.
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token) })).status).toBe(400)
    // Day 30 + 1 s: everything is refused.
    clock().set(new Date(start.getTime() + 30 * 86_400_000 + 1000))
    expect((await fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${refreshed.body.access_token}` } })).status).toBe(401)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(refreshed.body.refresh_token) })).body).toEqual({
      error: 'invalid_grant',
    })
    clock().set(start)
  })

  it('SVC-07 RFC 7009: a revoked access token is refused; revoking the refresh token ends the grant', async () => {
    const { code, verifier } = await completeFlow(h.url, secret)
    const tokens = await exchange(code, verifier)
    const revoke = (token: string) =>
      fetch(`${h.url}/oauth/revoke`, {
        method: 'POST',
        headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
      })
    expect((await revoke(String(tokens.body.access_token))).status).toBe(200)
    expect((await fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${tokens.body.access_token}` } })).status).toBe(401)
    expect((await revoke(String(tokens.body.refresh_token))).status).toBe(200)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(tokens.body.refresh_token) })).status).toBe(400)
    expect((await revoke('unknown-token')).status).toBe(200)
  })

  it('SVC-07 access tokens and codes are stored only as hashes (SPEC §5)', async () => {
    const { code, verifier } = await completeFlow(h.url, secret)
    const tokens = await exchange(code, verifier)
    const rows = await h.deps.db.selectFrom('oauth_tokens').select('token_hash').execute()
    expect(rows.some((r) => r.token_hash === tokens.body.access_token)).toBe(false)
    expect(await h.deps.db.selectFrom('oauth_codes').select('code_hash').where('code_hash', '=', code).executeTakeFirst()).toBeUndefined()
  })
})
