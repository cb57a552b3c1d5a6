// The API-linkage part of the admin CLI (SPEC SVC-03, SVC-05): the demo part, `client-add`, `call` (plays the
// telephony provider against a running service) and `linkage-demo` (a sample fintech app on a loopback port).
import fs from 'node:fs'
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { importJWK } from 'jose'
import { z } from 'zod'
import { registerClient } from '../oauth/clients.ts'
import { s256 } from '../oauth/pkce.ts'
import { sign } from '../telephony/signature.ts'
import { DEMO_FAPI_CLIENT, DEMO_OAUTH_CLIENT, loadLinkageDemo } from '../linkage/demo.ts'
import { requiredOption, UsageError, type Command } from './command.ts'
import type { DemoPart } from './demo-part.ts'

const serviceUrl = () => (process.env.SERVICE_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '')

export const linkageDemoPart: DemoPart = {
  name: 'linkage',
  load: async (deps) => {
    const summary = await loadLinkageDemo(deps.db, deps.clock.now())
    return { customers: summary.customers, oauthClients: summary.oauthClients }
  },
}

export const clientAddCommand: Command = {
  name: 'client-add',
  usage: 'client-add --name N --redirect-uri U [--scope S] [--client-id ID] [--jwks FILE [--fapi]]',
  summary: 'register a fintech app as an OAuth client: a secret (shown once, stored hashed), or with --jwks its public keys for private_key_jwt; --fapi requires PAR and DPoP',
  options: {
    name: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    scope: { type: 'string' },
    'client-id': { type: 'string' },
    jwks: { type: 'string' },
    fapi: { type: 'boolean' },
  },
  async run(values, deps) {
    const name = requiredOption(values, 'name', z.string().trim().min(1).max(128))
    const redirectUris = (values['redirect-uri'] as unknown as string[] | undefined) ?? []
    if (!redirectUris.length) throw new UsageError('--redirect-uri is required')
    const scope = typeof values.scope === 'string' ? values.scope : 'accounts'
    const clientId = typeof values['client-id'] === 'string' ? values['client-id'] : undefined
    const jwksFile = typeof values.jwks === 'string' ? values.jwks : undefined
    if (values.fapi && !jwksFile) throw new UsageError('--fapi needs --jwks: FAPI clients authenticate with private_key_jwt')
    let client
    try {
      const jwks = jwksFile === undefined ? undefined : (JSON.parse(fs.readFileSync(jwksFile, 'utf8')) as unknown)
      client = await registerClient(deps.db, { clientId, name, redirectUris, scope, jwks, fapi: values.fapi === true }, deps.clock.now())
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if (!client.created) throw new UsageError(`client ${client.clientId} already exists`)
    const tokenEndpointAuthMethod = jwksFile ? 'private_key_jwt' : 'client_secret_basic'
    const json = {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: redirectUris[0],
      redirectUris,
      scope,
      name,
      tokenEndpointAuthMethod,
      dpop: values.fapi === true,
    }
    const credential = client.clientSecret ? `client_secret: ${client.clientSecret}  (shown only now)` : `authentication: private_key_jwt${values.fapi ? ', PAR and DPoP required' : ''}`
    return { json, text: `OAuth client ${name}\n  client_id:     ${client.clientId}\n  ${credential}` }
  },
}

export const callCommand: Command = {
  name: 'call',
  usage: 'call --from N --to N [--call-id ID] [--at ISO]',
  summary: 'play the telephony provider: a signed inbound call to SERVICE_URL (default http://127.0.0.1:8787)',
  // --at: the call's time, for a service on a manual clock (it refuses calls more than 5 minutes off its own).
  options: { from: { type: 'string' }, to: { type: 'string' }, 'call-id': { type: 'string' }, at: { type: 'string' } },
  async run(values, deps) {
    const from = typeof values.from === 'string' ? values.from : ''
    const to = requiredOption(values, 'to', z.string().min(1).max(32))
    const callId = typeof values['call-id'] === 'string' ? values['call-id'] : crypto.randomUUID()
    const at = typeof values.at === 'string' ? requiredOption(values, 'at', z.iso.datetime({ offset: true })) : deps.clock.now().toISOString()
    const body = JSON.stringify({ callId, from, to, at })
    const response = await fetch(`${serviceUrl()}/v1/telephony/inbound-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': sign(deps.config.linkage.telephonySecret, body) },
      body,
    }).catch(() => {
      throw new Error(`cannot reach the service at ${serviceUrl()} (set SERVICE_URL)`)
    })
    const answer = (await response.json()) as Record<string, unknown>
    return { json: { httpStatus: response.status, callId, ...answer }, text: `call ${callId} ${from || '(withheld)'} → ${to}: ${response.status} ${JSON.stringify(answer)}` }
  },
}

/** Waits for the one redirect to the loopback callback; answers the browser with a short page. */
function awaitRedirect(port: number, path: string): Promise<URL> {
  return new Promise((resolve, reject) => {
    const server = http.createServer((request, response) => {
      const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
      if (url.pathname !== path) return void response.writeHead(404).end()
      const ok = url.searchParams.has('code')
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(`<!doctype html><meta charset="utf-8"><title>sample app</title><p>${ok ? '連携が完了しました。この画面を閉じてください。' : '連携は行われませんでした。'}</p>`)
      server.close()
      resolve(url)
    })
    server.once('error', reject)
    server.listen(port, '127.0.0.1')
  })
}

async function waitForCustomer(redirectUri: string, authorizeUrl: URL): Promise<URL> {
  const redirect = new URL(redirectUri)
  const arrived = awaitRedirect(Number(redirect.port), redirect.pathname)
  console.error(`Open this URL in a browser (waiting on ${redirectUri}):\n\n${authorizeUrl}\n`)
  return arrived
}

/** The shared-secret client: a plain authorization request, client_secret_basic, bearer tokens. */
async function linkWithSecret() {
  const client = DEMO_OAUTH_CLIENT
  const verifier = randomBytes(32).toString('base64url')
  const state = randomBytes(12).toString('base64url')
  const authorize = new URL(`${serviceUrl()}/oauth/authorize`)
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: client.scope,
    state,
    code_challenge: s256(verifier),
    code_challenge_method: 'S256',
  })) {
    authorize.searchParams.set(k, v)
  }
  const url = await waitForCustomer(client.redirectUri, authorize)
  if (url.searchParams.get('state') !== state) throw new Error('state does not match: not our redirect')
  const code = url.searchParams.get('code')
  if (!code) return { linked: false as const, error: url.searchParams.get('error') }
  const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')
  const tokenResponse = await fetch(`${serviceUrl()}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier }).toString(),
  })
  const token = (await tokenResponse.json()) as { access_token?: string; error?: string }
  if (!token.access_token) throw new Error(`token exchange refused: ${JSON.stringify(token)}`)
  const accounts: unknown = await (await fetch(`${serviceUrl()}/v1/accounts`, { headers: { authorization: `Bearer ${token.access_token}` } })).json()
  return { linked: true as const, accounts }
}

/**
 * The FAPI 2.0 client, as a fintech app would write it with openid-client: discovery, a pushed authorization
 * request with private_key_jwt, the code exchanged with a DPoP proof, the accounts read with the bound token.
 * openid-client is a development dependency: this is a demo, loaded only when it runs.
 */
async function linkWithFapi() {
  const oidc = await import('openid-client')
  const client = DEMO_FAPI_CLIENT
  const key = (await importJWK(client.privateJwk, client.privateJwk.alg)) as CryptoKey
  const insecure = serviceUrl().startsWith('http:') ? [oidc.allowInsecureRequests] : []
  const config = await oidc.discovery(new URL(serviceUrl()), client.clientId, undefined, oidc.PrivateKeyJwt({ key, kid: client.privateJwk.kid }), {
    algorithm: 'oauth2',
    execute: insecure,
  })
  const dpop = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'))
  const verifier = oidc.randomPKCECodeVerifier()
  const state = oidc.randomState()
  const authorize = await oidc.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: client.redirectUri,
    scope: client.scope,
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  const url = await waitForCustomer(client.redirectUri, authorize)
  if (url.searchParams.has('error')) return { linked: false as const, error: url.searchParams.get('error') }
  const tokens = await oidc.authorizationCodeGrant(config, url, { pkceCodeVerifier: verifier, expectedState: state }, undefined, { DPoP: dpop })
  const response = await oidc.fetchProtectedResource(config, tokens.access_token, new URL('/v1/accounts', serviceUrl()), 'GET', null, undefined, { DPoP: dpop })
  return { linked: true as const, accounts: (await response.json()) as unknown }
}

export const linkageDemoCommand: Command = {
  name: 'linkage-demo',
  usage: 'linkage-demo [--basic]',
  summary: 'a sample fintech app (openid-client: discovery, PAR, private_key_jwt, DPoP; --basic: shared secret): prints an authorize URL, receives the redirect, prints the accounts',
  options: { basic: { type: 'boolean' } },
  async run(values) {
    const result = values.basic ? await linkWithSecret() : await linkWithFapi()
    if (!result.linked) return { json: { error: result.error }, text: `The customer did not link the account (error=${result.error}).` }
    return { json: result.accounts, text: `Linked. GET /v1/accounts:\n${JSON.stringify(result.accounts, null, 2)}` }
  },
}
