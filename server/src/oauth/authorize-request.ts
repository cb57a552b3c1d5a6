// LNK-01: the authorization request, checked in RFC 6749's order. While the client or its redirect URI is in
// doubt nothing may be sent to that URI (§4.1.2.1): those errors are a page. Every later error goes back to the
// client as `error=…&state=…&iss=…` (RFC 9207). The parameters come from the query, or — by `request_uri` — from
// a pushed authorization request (RFC 9126), which a FAPI client must use.
import { z } from 'zod'
import type { Db } from '../db/index.ts'
import { AuthorizationParameters } from './authorization-parameters.ts'
import { findClient, type OAuthClient } from './clients.ts'
import { usePushedRequest } from './pushed-requests.ts'
import { S256_CHALLENGE } from './pkce.ts'

export interface AuthorizationRequest {
  client: OAuthClient
  redirectUri: string
  state: string | undefined
  scope: string
  codeChallenge: string
}

export type AuthorizeCheck = { ok: true; request: AuthorizationRequest } | { ok: false; kind: 'page'; detail: string } | { ok: false; kind: 'redirect'; location: string }

/** Why parameters are refused; redirectUri only when it can be trusted with the answer. */
export type ParameterCheck = { ok: true; request: AuthorizationRequest } | { ok: false; error: string; description: string; redirectUri: string | undefined; state: string | undefined }

export const AuthorizationQuery = AuthorizationParameters.extend({
  request_uri: z.string().max(512).optional().describe('From a pushed authorization request (RFC 9126); then only client_id is needed beside it'),
})

/** Every authorization response, success or error, names its issuer (RFC 9207) against mix-up attacks. */
export function authorizationResponse(issuer: string, redirectUri: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(redirectUri)
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value)
  url.searchParams.set('iss', issuer)
  return url.toString()
}

export function errorRedirect(issuer: string, redirectUri: string, error: string, state: string | undefined, description?: string): string {
  return authorizationResponse(issuer, redirectUri, { error, error_description: description, state })
}

/** The parameters of an authorization request for an already identified client (query or PAR). */
export function checkParameters(client: OAuthClient, q: AuthorizationParameters, pushed: boolean): ParameterCheck {
  const redirectUri = q.redirect_uri ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined)
  const refuse = (error: string, description: string, redirectUriTrusted = true): ParameterCheck => ({
    ok: false,
    error,
    description,
    redirectUri: redirectUriTrusted ? redirectUri : undefined,
    state: q.state,
  })
  if (q.client_id !== undefined && q.client_id !== client.clientId) return refuse('invalid_request', 'client_id does not match', false)
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) return refuse('invalid_request', 'redirect_uri not registered', false)
  if (client.fapi && !pushed) return refuse('invalid_request', 'this client must push its authorization requests (PAR)')
  if (q.response_type !== 'code') return refuse('unsupported_response_type', 'only response_type=code is supported')
  if (!q.code_challenge) return refuse('invalid_request', 'code_challenge is required (PKCE)')
  if (q.code_challenge_method !== 'S256') return refuse('invalid_request', 'code_challenge_method must be S256')
  if (!S256_CHALLENGE.test(q.code_challenge)) return refuse('invalid_request', 'code_challenge is not a S256 challenge')
  const allowed = client.scope.split(' ')
  const requested = (q.scope ?? client.scope).split(' ').filter(Boolean)
  if (!requested.length || requested.some((s) => !allowed.includes(s))) return refuse('invalid_scope', 'scope not allowed for this client')
  return { ok: true, request: { client, redirectUri, state: q.state, scope: requested.join(' '), codeChallenge: q.code_challenge } }
}

export async function checkAuthorizationRequest(db: Db, rawQuery: unknown, context: { issuer: string; now: Date }): Promise<AuthorizeCheck> {
  const parsed = AuthorizationQuery.safeParse(rawQuery)
  // A repeated or overlong parameter: without a trustworthy client_id/redirect_uri there is no one to tell.
  if (!parsed.success) return { ok: false, kind: 'page', detail: 'malformed request' }
  const client = parsed.data.client_id ? await findClient(db, parsed.data.client_id) : undefined
  if (!client) return { ok: false, kind: 'page', detail: 'unknown client' }
  let parameters: AuthorizationParameters = parsed.data
  if (parsed.data.request_uri !== undefined) {
    // §4: only client_id and request_uri count; the pushed parameters were checked when they were pushed.
    const pushed = await usePushedRequest(db, client.clientId, parsed.data.request_uri, context.now)
    if (!pushed) return { ok: false, kind: 'page', detail: 'request_uri unknown, used or expired' }
    parameters = pushed
  }
  const check = checkParameters(client, parameters, parsed.data.request_uri !== undefined)
  if (check.ok) return check
  if (!check.redirectUri) return { ok: false, kind: 'page', detail: check.description }
  return { ok: false, kind: 'redirect', location: errorRedirect(context.issuer, check.redirectUri, check.error, check.state, check.description) }
}
