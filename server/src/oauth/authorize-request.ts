// LNK-01: the authorization request, checked in RFC 6749's order. While the client or its redirect URI is in
// doubt nothing may be sent to that URI (§4.1.2.1): those errors are a page. Every later error goes back to the
// client as `error=…&state=…`.
import { z } from 'zod'
import type { Db } from '../db/index.ts'
import { findClient, type OAuthClient } from './clients.ts'
import { S256_CHALLENGE } from './pkce.ts'

export interface AuthorizationRequest {
  client: OAuthClient
  redirectUri: string
  state: string | undefined
  scope: string
  codeChallenge: string
}

export type AuthorizeCheck =
  | { ok: true; request: AuthorizationRequest }
  | { ok: false; kind: 'page'; detail: string }
  | { ok: false; kind: 'redirect'; location: string }

const single = z.string().max(512).optional()
const Query = z.object({
  client_id: single,
  redirect_uri: single,
  response_type: single,
  state: single,
  scope: single,
  code_challenge: single,
  code_challenge_method: single,
})

export function errorRedirect(redirectUri: string, error: string, state: string | undefined, description?: string): string {
  const url = new URL(redirectUri)
  url.searchParams.set('error', error)
  if (description) url.searchParams.set('error_description', description)
  if (state !== undefined) url.searchParams.set('state', state)
  return url.toString()
}

export async function checkAuthorizationRequest(db: Db, rawQuery: unknown): Promise<AuthorizeCheck> {
  const parsed = Query.safeParse(rawQuery)
  // A repeated or overlong parameter: without a trustworthy client_id/redirect_uri there is no one to tell.
  if (!parsed.success) return { ok: false, kind: 'page', detail: 'malformed request' }
  const q = parsed.data
  const client = q.client_id ? await findClient(db, q.client_id) : undefined
  if (!client) return { ok: false, kind: 'page', detail: 'unknown client' }
  const redirectUri = q.redirect_uri ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined)
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) return { ok: false, kind: 'page', detail: 'redirect_uri not registered' }

  const fail = (error: string, description: string): AuthorizeCheck => ({
    ok: false,
    kind: 'redirect',
    location: errorRedirect(redirectUri, error, q.state, description),
  })
  if (q.response_type !== 'code') return fail('unsupported_response_type', 'only response_type=code is supported')
  if (!q.code_challenge) return fail('invalid_request', 'code_challenge is required (PKCE)')
  if (q.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256')
  if (!S256_CHALLENGE.test(q.code_challenge)) return fail('invalid_request', 'code_challenge is not a S256 challenge')
  const allowed = client.scope.split(' ')
  const requested = (q.scope ?? client.scope).split(' ').filter(Boolean)
  if (!requested.length || requested.some((s) => !allowed.includes(s))) return fail('invalid_scope', 'scope not allowed for this client')
  return { ok: true, request: { client, redirectUri, state: q.state, scope: requested.join(' '), codeChallenge: q.code_challenge } }
}
