// Client authentication at the token, PAR and revocation endpoints, by the method registered for the client:
// client_secret_basic (RFC 6749 §2.3.1) or private_key_jwt (RFC 7523 §2.2). A client uses one method only.
import { createLocalJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose'
import type { Db } from '../db/index.ts'
import { isPlainText } from '@shinkumi/common/rules.ts'
import { checkClientSecret, hashClientSecret } from './client-secret.ts'
import { findClient, type OAuthClient } from './clients.ts'
import { SIGNING_ALGS } from './jwks.ts'
import { useJtiOnce } from './used-jtis.ts'

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** The longest assertion lifetime accepted (exp − iat), and the clock difference forgiven. */
export const ASSERTION_MAX_LIFETIME_S = 60
export const CLOCK_TOLERANCE_S = 5

export type ClientAuthentication = { ok: true; client: OAuthClient } | { ok: false; description: string }

interface Presented {
  authorization: string | undefined
  body: unknown
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

const field = (body: unknown, name: string): string | undefined => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}

async function bySecret(db: Db, credentials: { id: string; secret: string }): Promise<ClientAuthentication> {
  const row = await db.selectFrom('oauth_clients').select(['secret_hash', 'auth_method']).where('client_id', '=', credentials.id).where('status', '=', 'active').executeTakeFirst()
  const stored = row?.auth_method === 'client_secret_basic' ? row.secret_hash : ''
  const check = await checkClientSecret(credentials.secret, stored)
  if (check === 'wrong') return { ok: false, description: 'client authentication failed' }
  if (check === 'right-but-scrypt') {
    await db
      .updateTable('oauth_clients')
      .set({ secret_hash: hashClientSecret(credentials.secret) })
      .where('client_id', '=', credentials.id)
      .where('secret_hash', '=', stored)
      .execute()
  }
  const client = await findClient(db, credentials.id)
  return client ? { ok: true, client } : { ok: false, description: 'client authentication failed' }
}

async function byAssertion(db: Db, assertion: string, bodyClientId: string | undefined, issuer: string, now: Date): Promise<ClientAuthentication> {
  const refused = (description: string): ClientAuthentication => ({ ok: false, description })
  let clientId: string | undefined
  try {
    clientId = decodeJwt(assertion).sub
  } catch {
    return refused('client_assertion is not a JWT')
  }
  if (!clientId || (bodyClientId !== undefined && bodyClientId !== clientId)) return refused('client_assertion does not name this client')
  const client = await findClient(db, clientId)
  if (!client?.jwks || client.authMethod !== 'private_key_jwt') return refused('client authentication failed')
  try {
    // aud: the issuer identifier only (FAPI 2.0 §5.3.2.1, RFC 7523bis), so an assertion made for another server
    // or another endpoint's URL cannot be replayed here.
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks as never), {
      issuer: clientId,
      subject: clientId,
      audience: issuer,
      algorithms: [...SIGNING_ALGS],
      requiredClaims: ['exp', 'iat', 'jti'],
      maxTokenAge: `${ASSERTION_MAX_LIFETIME_S + CLOCK_TOLERANCE_S}s`,
      clockTolerance: CLOCK_TOLERANCE_S,
      currentDate: now,
    })
    if (payload.exp! - payload.iat! > ASSERTION_MAX_LIFETIME_S) return refused(`client_assertion may live at most ${ASSERTION_MAX_LIFETIME_S} s`)
    const acceptableUntil = (payload.exp! + CLOCK_TOLERANCE_S) * 1000
    if (!(await useJtiOnce(db, 'client_assertion', clientId, String(payload.jti), acceptableUntil, now))) return refused('client_assertion jti was used before')
    return { ok: true, client }
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return refused(`client_assertion refused: ${error.code}`)
    throw error
  }
}

/** The client that authenticated itself in this request by its registered method, or why not. */
export async function authenticateClient(db: Db, presented: Presented, issuer: string, now: Date): Promise<ClientAuthentication> {
  const basic = parseBasic(presented.authorization)
  const assertionType = field(presented.body, 'client_assertion_type')
  const assertion = field(presented.body, 'client_assertion')
  if (basic && (assertion || assertionType)) return { ok: false, description: 'more than one client authentication method' }
  if (basic) return bySecret(db, basic)
  if (assertionType === JWT_BEARER && assertion) return byAssertion(db, assertion, field(presented.body, 'client_id'), issuer, now)
  return { ok: false, description: 'client authentication is required (client_secret_basic or private_key_jwt)' }
}
