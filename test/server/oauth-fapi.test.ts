// OAUTH-01…05 (issue 9): discovery, iss, PAR, private_key_jwt and DPoP for the demo FAPI client, each refusal
// provoked on purpose; refresh per FAPI 2.0 and refresh-token reuse ending the grant (issue 8); client secrets
// at rest as SHA-256 (SEC-03).
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as oidc from 'openid-client'
import { calculateJwkThumbprint } from 'jose'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import { hashPassword } from '../../server/src/secrets.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { CLIENT, LinkageBrowser, authorizeUrl, basic, completeFlow, pkce, tokenRequest, walkFlow } from './linkage-client.ts'
import { FAPI, DpopKey, accounts, assertionForm, clientAssertion, dpopNonce, fapiTokens, parAuthorizePath, postForm, pushAuthorizationRequest } from './fapi-client.ts'
import { JWT_BEARER } from '../../server/src/oauth/client-auth.ts'

describeOnEachDatabase('FAPI 2.0 for fintech apps', (target) => {
  let h: Harness
  let secret: string
  const clock = () => h.deps.clock as ManualClock

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    clock().set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
    secret = h.deps.config.linkage.telephonySecret
  })
  afterAll(() => h.close())

  /** A whole FAPI linkage: PAR, the six screens, the code for DPoP-bound tokens. */
  async function linkFapi(key: DpopKey) {
    const { requestUri, verifier } = await pushAuthorizationRequest(h)
    const back = await walkFlow(h.url, secret, parAuthorizePath(requestUri))
    const tokens = await fapiTokens(h, key, back.searchParams.get('code')!, verifier)
    expect(tokens.status).toBe(200)
    return { back, tokens: tokens.body as { access_token: string; refresh_token: string; token_type: string } }
  }
  const resourceProof = async (key: DpopKey, accessToken: string, overrides: Record<string, unknown> = {}) =>
    key.proof(h, { htm: 'GET', htu: `${h.url}/v1/accounts`, nonce: await dpopNonce(h), accessToken, ...overrides })

  it('OAUTH-01 RFC 8414 metadata names every endpoint and what is supported; openid-client discovers it', async () => {
    const response = await fetch(`${h.url}/.well-known/oauth-authorization-server`)
    expect(response.status).toBe(200)
    const metadata = (await response.json()) as Record<string, unknown>
    expect(metadata).toMatchObject({
      issuer: h.url,
      authorization_endpoint: `${h.url}/oauth/authorize`,
      pushed_authorization_request_endpoint: `${h.url}/oauth/par`,
      token_endpoint: `${h.url}/oauth/token`,
      revocation_endpoint: `${h.url}/oauth/revoke`,
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt', 'client_secret_basic'],
      dpop_signing_alg_values_supported: expect.arrayContaining(['ES256']),
      require_pushed_authorization_requests: false,
      authorization_response_iss_parameter_supported: true,
    })
    const config = await oidc.discovery(new URL(h.url), FAPI.clientId, undefined, undefined, { algorithm: 'oauth2', execute: [oidc.allowInsecureRequests] })
    expect(config.serverMetadata().issuer).toBe(h.url)
  })

  it('OAUTH-01 iss (RFC 9207) on every authorization response: the code, invalid_request, access_denied (中止)', async () => {
    const { back } = await linkFapi(await DpopKey.generate())
    expect(back.searchParams.get('iss')).toBe(h.url)
    expect(back.searchParams.get('state')).toBe('fapi-state')

    const browser = new LinkageBrowser(h.url)
    const plain = await browser.request(authorizeUrl({ challenge: 'a'.repeat(43), method: 'plain' }))
    expect(new URL(plain.location!).searchParams.get('iss')).toBe(h.url)

    await browser.open(authorizeUrl({ challenge: pkce().challenge }))
    const aborted = await browser.submit('/linkage/abort', {})
    const returnUrl = new URL(aborted.html.match(/href="(http:\/\/127\.0\.0\.1:8790\/callback[^"]*)"/)![1]!.replaceAll('&amp;', '&'))
    expect(returnUrl.searchParams.get('error')).toBe('access_denied')
    expect(returnUrl.searchParams.get('iss')).toBe(h.url)
  })

  it('OAUTH-02 PAR: a FAPI client must push (plain request → OAuth error to its redirect URI); request_uri works once', async () => {
    const browser = new LinkageBrowser(h.url)
    const plain = await browser.request(authorizeUrl({ challenge: pkce().challenge, clientId: FAPI.clientId }))
    expect(plain.status).toBe(303)
    const refused = new URL(plain.location!)
    expect(refused.origin + refused.pathname).toBe(FAPI.redirectUri)
    expect(refused.searchParams.get('error')).toBe('invalid_request')
    expect(refused.searchParams.get('iss')).toBe(h.url)

    const { status, body, requestUri } = await pushAuthorizationRequest(h)
    expect(status).toBe(201)
    expect(body.expires_in).toBe(60)
    expect(requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:/)
    const first = await new LinkageBrowser(h.url).open(parAuthorizePath(requestUri))
    expect(first.html).toContain('SOA201')
    const again = await new LinkageBrowser(h.url).request(parAuthorizePath(requestUri))
    expect(again.status).toBe(400)
    expect(again.location).toBeNull()
    expect(again.html).toContain('ご指定のサービスはただ今お取扱できません。')
  })

  it('OAUTH-02 PAR refuses an unauthenticated client, a bad request and a pushed request_uri', async () => {
    const anonymous = await postForm(`${h.url}/oauth/par`, { client_id: FAPI.clientId, response_type: 'code' })
    expect(anonymous).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    const plainPkce = await pushAuthorizationRequest(h, { code_challenge_method: 'plain' })
    expect(plainPkce).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
    const nested = await pushAuthorizationRequest(h, { request_uri: 'urn:ietf:params:oauth:request_uri:x' })
    expect(nested).toMatchObject({ status: 400, body: { error: 'invalid_request' } })
  })

  it('OAUTH-03 private_key_jwt: wrong aud, reused jti, too long a life, expired, another key, the wrong client — all invalid_client', async () => {
    const par = (form: Record<string, string>) => pushAuthorizationRequest(h, form)
    const withClaims = async (claims: Record<string, unknown>) => par({ client_assertion: await clientAssertion(h, claims) })
    expect((await withClaims({})).status).toBe(201)
    expect((await withClaims({ aud: `${h.url}/oauth/token` })).status).toBe(401)
    expect((await withClaims({ aud: 'https://other.example' })).status).toBe(401)
    const now = Math.floor(h.deps.clock.now().getTime() / 1000)
    expect((await withClaims({ exp: now + 300 })).status).toBe(401)
    expect((await withClaims({ iat: now - 120, exp: now - 60 })).status).toBe(401)
    const once = await clientAssertion(h)
    expect((await par({ client_assertion: once })).status).toBe(201)
    expect(await par({ client_assertion: once })).toMatchObject({ status: 401, body: { error: 'invalid_client' } })
    const stranger = (await DpopKey.generate()).privateKey
    expect((await par({ client_assertion: await clientAssertion(h, {}, stranger) })).status).toBe(401)
    // The shared-secret client cannot switch to assertions, nor the FAPI client to a secret.
    const forBasic = await postForm(`${h.url}/oauth/token`, {
      grant_type: 'refresh_token',
      refresh_token: 'x',
      client_id: CLIENT.clientId,
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion(h, { iss: CLIENT.clientId, sub: CLIENT.clientId }),
    })
    expect(forBasic.status).toBe(401)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: 'x' }, basic(FAPI.clientId, ''))).status).toBe(401)
  })

  it('OAUTH-04 DPoP at the token endpoint: required for FAPI clients, with a server nonce; tokens bound to the key (cnf.jkt)', async () => {
    const key = await DpopKey.generate()
    const { requestUri, verifier } = await pushAuthorizationRequest(h)
    const back = await walkFlow(h.url, secret, parAuthorizePath(requestUri))
    const form = async () => ({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code')!,
      redirect_uri: FAPI.redirectUri,
      code_verifier: verifier,
      ...(await assertionForm(h)),
    })
    expect(await postForm(`${h.url}/oauth/token`, await form())).toMatchObject({ status: 400, body: { error: 'invalid_dpop_proof' } })
    const noNonce = await postForm(`${h.url}/oauth/token`, await form(), { dpop: await key.proof(h, { htm: 'POST', htu: `${h.url}/oauth/token` }) })
    expect(noNonce).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } })
    const nonce = noNonce.headers.get('dpop-nonce')!
    expect(nonce).toBeTruthy()
    const tokens = await postForm(`${h.url}/oauth/token`, await form(), { dpop: await key.proof(h, { htm: 'POST', htu: `${h.url}/oauth/token`, nonce }) })
    expect(tokens).toMatchObject({ status: 200, body: { token_type: 'DPoP' } })
    const rows = await h.deps.db
      .selectFrom('oauth_tokens')
      .select('jkt')
      .where('jkt', '=', await calculateJwkThumbprint(key.publicJwk))
      .execute()
    expect(rows).toHaveLength(2)
  })

  it('OAUTH-04 /v1/accounts refuses a bound token without a valid proof: none, Bearer, another key, URL, method, replay, ath, expired nonce', async () => {
    const key = await DpopKey.generate()
    const { tokens } = await linkFapi(key)
    const token = tokens.access_token
    const dpopAuth = { authorization: `DPoP ${token}` }
    const ok = await accounts(h, { ...dpopAuth, dpop: await resourceProof(key, token) })
    expect(ok.status).toBe(200)
    expect((ok.body.accounts as unknown[]).length).toBe(1)

    const refusals: [string, Record<string, string>][] = [
      ['no proof', dpopAuth],
      ['as Bearer', { authorization: `Bearer ${token}`, dpop: await resourceProof(key, token) }],
      ['another key', { ...dpopAuth, dpop: await resourceProof(await DpopKey.generate(), token) }],
      ['another URL', { ...dpopAuth, dpop: await resourceProof(key, token, { htu: `${h.url}/v1/accounts/other/transactions` }) }],
      ['another method', { ...dpopAuth, dpop: await resourceProof(key, token, { htm: 'POST' }) }],
      ['no ath', { ...dpopAuth, dpop: await key.proof(h, { htm: 'GET', htu: `${h.url}/v1/accounts`, nonce: await dpopNonce(h) }) }],
      ['wrong ath', { ...dpopAuth, dpop: await resourceProof(key, token, { accessToken: 'another-token' }) }],
    ]
    for (const [label, headers] of refusals) {
      const refused = await accounts(h, headers)
      expect({ label, status: refused.status, challenge: refused.headers.get('www-authenticate')?.split(' ')[0] }).toEqual({ label, status: 401, challenge: 'DPoP' })
    }

    const proof = await resourceProof(key, token)
    expect((await accounts(h, { ...dpopAuth, dpop: proof })).status).toBe(200)
    expect((await accounts(h, { ...dpopAuth, dpop: proof })).status).toBe(401)

    const start = h.deps.clock.now()
    const oldNonce = await dpopNonce(h)
    clock().set(new Date(start.getTime() + 11 * 60_000))
    const stale = await accounts(h, { ...dpopAuth, dpop: await key.proof(h, { htm: 'GET', htu: `${h.url}/v1/accounts`, nonce: oldNonce, accessToken: token }) })
    expect(stale.status).toBe(401)
    expect(stale.headers.get('www-authenticate')).toContain('error="use_dpop_nonce"')
    expect(stale.headers.get('dpop-nonce')).not.toBe(oldNonce)
    clock().set(start)
  })

  it('OAUTH-05 a bound refresh token is not rotated: a retry with it succeeds; another key or no proof is refused', async () => {
    const key = await DpopKey.generate()
    const { tokens } = await linkFapi(key)
    const refresh = async (withKey?: DpopKey) =>
      postForm(
        `${h.url}/oauth/token`,
        { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, ...(await assertionForm(h)) },
        withKey ? { dpop: await withKey.proof(h, { htm: 'POST', htu: `${h.url}/oauth/token`, nonce: await dpopNonce(h) }) } : {},
      )
    const first = await refresh(key)
    expect(first).toMatchObject({ status: 200, body: { token_type: 'DPoP' } })
    expect(first.body.refresh_token).toBeUndefined()
    expect((await refresh(key)).status).toBe(200)
    expect((await refresh(await DpopKey.generate())).body.error).toBe('invalid_grant')
    expect((await refresh()).body.error).toBe('invalid_dpop_proof')
    const renewed = String(first.body.access_token)
    expect((await accounts(h, { authorization: `DPoP ${renewed}`, dpop: await resourceProof(key, renewed) })).status).toBe(200)
  })

  it('OAUTH-05 SVC-07 an unbound refresh token presented again after rotation revokes its grant (issue 8)', async () => {
    const { code, verifier } = await completeFlow(h.url, secret)
    const first = await tokenRequest(h.url, { grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUri, code_verifier: verifier })
    const rotated = await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) })
    expect(rotated.status).toBe(200)
    expect((await accounts(h, { authorization: `Bearer ${rotated.body.access_token}` })).status).toBe(200)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) })).body).toEqual({ error: 'invalid_grant' })
    expect((await accounts(h, { authorization: `Bearer ${rotated.body.access_token}` })).status).toBe(401)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(rotated.body.refresh_token) })).status).toBe(400)
  })

  it('SEC-03 client secrets are stored as SHA-256; a scrypt row from before is accepted once and re-stored as SHA-256', async () => {
    const stored = () => h.deps.db.selectFrom('oauth_clients').select('secret_hash').where('client_id', '=', CLIENT.clientId).executeTakeFirstOrThrow()
    expect((await stored()).secret_hash).toMatch(/^sha256\$[0-9a-f]{64}$/)
    await h.deps.db
      .updateTable('oauth_clients')
      .set({ secret_hash: await hashPassword(CLIENT.clientSecret) })
      .where('client_id', '=', CLIENT.clientId)
      .execute()
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: 'x' }, basic(CLIENT.clientId, 'wrong'))).status).toBe(401)
    expect((await stored()).secret_hash).toMatch(/^scrypt\$/)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: 'x' })).body).toEqual({ error: 'invalid_grant' })
    expect((await stored()).secret_hash).toMatch(/^sha256\$/)
    expect((await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: 'x' })).status).toBe(400)
  })
})
