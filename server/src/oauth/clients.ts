// Registered confidential clients (the 連携元 fintech apps): exact redirect URIs, a scope, and a secret stored
// as a scrypt hash only; they authenticate with client_secret_basic (RFC 6749 §2.3.1).
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.ts'
import { isPlainText } from '../../../common/rules.ts'
import { hashPassword, verifyPassword } from '../secrets.ts'

export interface OAuthClient {
  clientId: string
  name: string
  redirectUris: string[]
  scope: string
}

export interface NewClient {
  clientId?: string
  clientSecret?: string
  name: string
  redirectUris: string[]
  scope?: string
}

export const DEFAULT_SCOPE = 'accounts'

function checkRedirectUri(uri: string): void {
  const url = new URL(uri)
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)
  if (url.hash || (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))) {
    throw new Error(`redirect URI must be https (or http on loopback) without a fragment: ${uri}`)
  }
}

/** Registers a client, or leaves an existing one with the same id as it is (the demo loader is idempotent). */
export async function registerClient(db: Db, client: NewClient, now: Date): Promise<{ clientId: string; clientSecret: string; created: boolean }> {
  client.redirectUris.forEach(checkRedirectUri)
  const clientId = client.clientId ?? `client_${randomBytes(12).toString('base64url')}`
  const clientSecret = client.clientSecret ?? randomBytes(32).toString('base64url')
  const inserted = await db
    .insertInto('oauth_clients')
    .values({
      client_id: clientId,
      name: client.name,
      secret_hash: await hashPassword(clientSecret),
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
    .select(['client_id', 'name', 'redirect_uris', 'scope'])
    .where('client_id', '=', clientId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  return row && { clientId: row.client_id, name: row.name, redirectUris: JSON.parse(row.redirect_uris) as string[], scope: row.scope }
}

function parseBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header?.match(/^Basic ([A-Za-z0-9+/=]+)$/i)
  if (!match) return undefined
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  // §2.3.1: both parts are form-urlencoded before they are joined.
  const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '))
  try {
    const credentials = { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) }
    // The header is text the request-wide check never sees decoded (SEC-06): a NUL here would reach the database.
    return isPlainText(credentials.id) && isPlainText(credentials.secret) ? credentials : undefined
  } catch {
    return undefined
  }
}

let dummyHash: Promise<string> | undefined

/** The client named by an Authorization: Basic header, when its secret is right. */
export async function authenticateClient(db: Db, authorization: string | undefined): Promise<OAuthClient | undefined> {
  const credentials = parseBasic(authorization)
  if (!credentials) return undefined
  const row = await db
    .selectFrom('oauth_clients')
    .select('secret_hash')
    .where('client_id', '=', credentials.id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  // An unknown client costs the same scrypt work as a known one.
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  const ok = await verifyPassword(credentials.secret, row?.secret_hash ?? (await dummyHash))
  return ok && row ? findClient(db, credentials.id) : undefined
}
