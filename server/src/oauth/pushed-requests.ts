// RFC 9126: a client pushes its authorization parameters over an authenticated back channel and gets a one-time
// request_uri (stored as SHA-256 only) that lives 60 s; the browser then carries only client_id and request_uri.
import { randomBytes } from 'node:crypto'
import type { Db } from '../db/index.ts'
import { hashKey } from '../secrets.ts'
import { AuthorizationParameters } from './authorization-parameters.ts'

export const REQUEST_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:'
export const PUSHED_REQUEST_TTL_S = 60

export async function storePushedRequest(db: Db, clientId: string, parameters: AuthorizationParameters, now: Date): Promise<{ request_uri: string; expires_in: number }> {
  const requestUri = REQUEST_URI_PREFIX + randomBytes(32).toString('base64url')
  const t = now.getTime()
  await db.deleteFrom('oauth_pushed_requests').where('expires_at', '<', t).execute()
  await db
    .insertInto('oauth_pushed_requests')
    .values({ request_uri_hash: hashKey(requestUri), client_id: clientId, parameters: JSON.stringify(parameters), created_at: t, expires_at: t + PUSHED_REQUEST_TTL_S * 1000 })
    .execute()
  return { request_uri: requestUri, expires_in: PUSHED_REQUEST_TTL_S }
}

/** The pushed parameters of this client's request_uri, once (one conditional UPDATE); undefined otherwise. */
export async function usePushedRequest(db: Db, clientId: string, requestUri: string, now: Date): Promise<AuthorizationParameters | undefined> {
  const t = now.getTime()
  const row = await db
    .updateTable('oauth_pushed_requests')
    .set({ used_at: t })
    .where('request_uri_hash', '=', hashKey(requestUri))
    .where('client_id', '=', clientId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', t)
    .returning('parameters')
    .executeTakeFirst()
  return row && AuthorizationParameters.parse(JSON.parse(row.parameters))
}
