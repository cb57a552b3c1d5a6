// Registered confidential clients (the 連携元 fintech apps): exact redirect URIs, a scope, and how each one
// authenticates — client_secret_basic (RFC 6749 §2.3.1) with a random secret stored as SHA-256 only, or
// private_key_jwt (RFC 7523) with its public JWK Set. A FAPI client must also push its authorization requests
// (RFC 9126) and use DPoP-bound tokens (RFC 9449).
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.ts'
import type { ClientAuthMethod } from '../db/schema.ts'
import { hashClientSecret } from './client-secret.ts'
import { parsePublicJwks, type PublicJwks } from './jwks.ts'

export interface OAuthClient {
  clientId: string
  name: string
  redirectUris: string[]
  scope: string
  authMethod: ClientAuthMethod
  /** Public keys for private_key_jwt; undefined for client_secret_basic. */
  jwks: PublicJwks | undefined
  /** FAPI 2.0: PAR and DPoP are required. */
  fapi: boolean
}

export interface NewClient {
  clientId?: string
  clientSecret?: string
  name: string
  redirectUris: string[]
  scope?: string
  /** Given → private_key_jwt with these public keys; absent → client_secret_basic. */
  jwks?: unknown
  fapi?: boolean
}

export const DEFAULT_SCOPE = 'accounts'

function checkRedirectUri(uri: string): void {
  const url = new URL(uri)
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)
  if (url.hash || (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))) {
    throw new Error(`redirect URI must be https (or http on loopback) without a fragment: ${uri}`)
  }
}

/**
 * Registers a client, or leaves an existing one with the same id as it is (the demo loader is idempotent).
 * A private_key_jwt client gets no secret (clientSecret undefined).
 */
export async function registerClient(db: Db, client: NewClient, now: Date): Promise<{ clientId: string; clientSecret: string | undefined; created: boolean }> {
  client.redirectUris.forEach(checkRedirectUri)
  const jwks = client.jwks === undefined ? undefined : parsePublicJwks(client.jwks)
  const clientId = client.clientId ?? `client_${randomBytes(12).toString('base64url')}`
  const clientSecret = jwks ? undefined : (client.clientSecret ?? randomBytes(32).toString('base64url'))
  const inserted = await db
    .insertInto('oauth_clients')
    .values({
      client_id: clientId,
      name: client.name,
      // Empty for private_key_jwt: no secret can ever match it (client-secret.ts knows no empty format).
      secret_hash: clientSecret ? hashClientSecret(clientSecret) : '',
      auth_method: jwks ? 'private_key_jwt' : 'client_secret_basic',
      jwks: jwks ? JSON.stringify(jwks) : null,
      fapi: client.fapi ? 1 : 0,
      redirect_uris: JSON.stringify(client.redirectUris),
      scope: client.scope ?? DEFAULT_SCOPE,
      status: 'active',
      created_at: now.getTime(),
    })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .executeTakeFirst()
  return { clientId, clientSecret, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 }
}

export async function findClient(db: Db, clientId: string): Promise<OAuthClient | undefined> {
  const row = await db
    .selectFrom('oauth_clients')
    .select(['client_id', 'name', 'redirect_uris', 'scope', 'auth_method', 'jwks', 'fapi'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return (
    row && {
      clientId: row.client_id,
      name: row.name,
      redirectUris: JSON.parse(row.redirect_uris) as string[],
      scope: row.scope,
      authMethod: row.auth_method,
      jwks: row.jwks ? (JSON.parse(row.jwks) as PublicJwks) : undefined,
      fapi: Number(row.fapi) === 1,
    }
  )
}
