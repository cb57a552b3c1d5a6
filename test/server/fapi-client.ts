// Plays a FAPI 2.0 fintech app by hand, so each refusal can be provoked exactly: client assertions
// (private_key_jwt) signed with the demo client's published key, DPoP proofs with any claim changed, pushed
// authorization requests. Times come from the service's clock (the tests run it manually).
import { randomBytes } from 'node:crypto'
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose'
import { DEMO_FAPI_CLIENT } from '../../server/src/linkage/demo.ts'
import { JWT_BEARER } from '../../server/src/oauth/client-auth.ts'
import { accessTokenHash } from '../../server/src/oauth/dpop.ts'
import type { Harness } from './harness.ts'
import { pkce } from './linkage-client.ts'

export const FAPI = DEMO_FAPI_CLIENT
const seconds = (h: Harness) => Math.floor(h.deps.clock.now().getTime() / 1000)

export async function clientAssertion(h: Harness, claims: Record<string, unknown> = {}, key?: CryptoKey): Promise<string> {
  const signingKey = key ?? ((await importJWK(FAPI.privateJwk, 'ES256')) as CryptoKey)
  const now = seconds(h)
  return new SignJWT({ iss: FAPI.clientId, sub: FAPI.clientId, aud: h.url, jti: randomBytes(16).toString('base64url'), iat: now, exp: now + 60, ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: FAPI.privateJwk.kid })
    .sign(signingKey)
}

export async function assertionForm(h: Harness, claims: Record<string, unknown> = {}): Promise<Record<string, string>> {
  return { client_id: FAPI.clientId, client_assertion_type: JWT_BEARER, client_assertion: await clientAssertion(h, claims) }
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, string | number> }
}

/** A DPoP key pair and proofs made with it; every claim can be overridden to provoke a refusal. */
export class DpopKey {
  readonly privateKey: CryptoKey
  readonly publicJwk: JWK
  private constructor(privateKey: CryptoKey, publicJwk: JWK) {
    this.privateKey = privateKey
    this.publicJwk = publicJwk
  }

  static async generate(): Promise<DpopKey> {
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    return new DpopKey(privateKey, await exportJWK(publicKey))
  }

  proof(h: Harness, claims: { htm: string; htu: string; nonce?: string; accessToken?: string } & Record<string, unknown>): Promise<string> {
    const { accessToken, ...rest } = claims
    return new SignJWT({ jti: randomBytes(16).toString('base64url'), iat: seconds(h), ...(accessToken ? { ath: accessTokenHash(accessToken) } : {}), ...rest })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: this.publicJwk })
      .sign(this.privateKey)
  }
}

/** A nonce of the service, as a client learns it: from the DPoP-Nonce header of a refusal. */
export async function dpopNonce(h: Harness): Promise<string> {
  const response = await fetch(`${h.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token' })
  await response.text()
  return response.headers.get('dpop-nonce')!
}

/** PAR for the demo FAPI client; resolves with the request_uri and the PKCE verifier. */
export async function pushAuthorizationRequest(h: Harness, overrides: Record<string, string> = {}) {
  const { verifier, challenge } = pkce()
  const pushed = await postForm(`${h.url}/oauth/par`, {
    response_type: 'code',
    redirect_uri: FAPI.redirectUri,
    scope: 'accounts',
    state: 'fapi-state',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(await assertionForm(h)),
    ...overrides,
  })
  return { ...pushed, verifier, requestUri: String(pushed.body.request_uri) }
}

export const parAuthorizePath = (requestUri: string) => `/oauth/authorize?${new URLSearchParams({ client_id: FAPI.clientId, request_uri: requestUri })}`

/** The code → DPoP-bound tokens, with a fresh nonce. */
export async function fapiTokens(h: Harness, key: DpopKey, code: string, verifier: string) {
  const proof = await key.proof(h, { htm: 'POST', htu: `${h.url}/oauth/token`, nonce: await dpopNonce(h) })
  return postForm(
    `${h.url}/oauth/token`,
    { grant_type: 'authorization_code', code, redirect_uri: FAPI.redirectUri, code_verifier: verifier, ...(await assertionForm(h)) },
    { dpop: proof },
  )
}

export async function accounts(h: Harness, headers: Record<string, string>, path = '/v1/accounts', method = 'GET') {
  const response = await fetch(`${h.url}${path}`, { method, headers })
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
}
