// The consent (LNK-10) as a grant of 30 days, its single-use code, and the tokens it yields. Codes and tokens
// are random 256-bit values stored as SHA-256 hashes only; every one-time use is one atomic UPDATE; every
// check of time uses the service clock, so a grant really ends after 30 days. Tokens issued with a DPoP proof
// are bound to its key (jkt); a bound refresh token is not rotated (FAPI 2.0 §5.3.2.1), an unbound one is, and
// presenting a spent one again ends the whole grant (RFC 9700 §4.14.2).
import { randomBytes } from 'node:crypto'
import type { Insertable } from 'kysely'
import { changedRows, type Db } from '../db/index.ts'
import type { OAuthTokensTable } from '../db/schema.ts'
import { hashKey } from '../secrets.ts'
import { verifyPkce } from './pkce.ts'
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shinkumi/common/time.ts'

export const GRANT_DAYS = 30
export const CODE_TTL_MS = MINUTE_MS
export const ACCESS_TOKEN_TTL_MS = HOUR_MS

export interface NewGrant {
  clientId: string
  accountId: string
  scope: string
  email: string | null
  redirectUri: string
  codeChallenge: string
}

export interface TokenResponse {
  access_token: string
  token_type: 'Bearer' | 'DPoP'
  expires_in: number
  /** Absent when a bound refresh token is refreshed: the client keeps the one it has. */
  refresh_token?: string
  scope: string
}

export type GrantError = 'invalid_grant'

const secret = () => randomBytes(32).toString('base64url')

export async function createGrantWithCode(db: Db, grant: NewGrant, now: Date): Promise<{ code: string; grantId: string; expiresAt: number }> {
  const t = now.getTime()
  const grantId = crypto.randomUUID()
  const code = secret()
  const expiresAt = t + GRANT_DAYS * DAY_MS
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('oauth_grants')
      .values({ grant_id: grantId, client_id: grant.clientId, account_id: grant.accountId, scope: grant.scope, email: grant.email, created_at: t, expires_at: expiresAt })
      .execute()
    await trx
      .insertInto('oauth_codes')
      .values({
        code_hash: hashKey(code),
        grant_id: grantId,
        client_id: grant.clientId,
        redirect_uri: grant.redirectUri,
        code_challenge: grant.codeChallenge,
        expires_at: t + CODE_TTL_MS,
        created_at: t,
      })
      .execute()
  })
  return { code, grantId, expiresAt }
}

interface LiveGrant {
  grant_id: string
  expires_at: number
  scope: string
}

/** An access token, and a refresh token unless the client keeps its bound one; both bound to jkt when given. */
async function issueTokens(db: Db, grant: LiveGrant, jkt: string | null, withRefresh: boolean, now: Date): Promise<TokenResponse> {
  const t = now.getTime()
  const access = secret()
  const refresh = withRefresh ? secret() : undefined
  const accessExpires = Math.min(t + ACCESS_TOKEN_TTL_MS, grant.expires_at)
  const rows: Insertable<OAuthTokensTable>[] = [{ token_hash: hashKey(access), grant_id: grant.grant_id, kind: 'access', expires_at: accessExpires, created_at: t, jkt }]
  if (refresh) rows.push({ token_hash: hashKey(refresh), grant_id: grant.grant_id, kind: 'refresh', expires_at: grant.expires_at, created_at: t, jkt })
  await db.insertInto('oauth_tokens').values(rows).execute()
  return {
    access_token: access,
    token_type: jkt ? 'DPoP' : 'Bearer',
    expires_in: Math.floor((accessExpires - t) / 1000),
    ...(refresh ? { refresh_token: refresh } : {}),
    scope: grant.scope,
  }
}

/** Ends a grant and with it its access and refresh tokens; false when it had ended already. */
export async function revokeGrant(db: Db, grantId: string, by: string, now: Date): Promise<boolean> {
  return changedRows(
    await db.updateTable('oauth_grants').set({ revoked_at: now.getTime(), revoked_by: by }).where('grant_id', '=', grantId).where('revoked_at', 'is', null).executeTakeFirst(),
  )
}

async function liveGrant(db: Db, grantId: string, now: Date): Promise<LiveGrant | undefined> {
  return db
    .selectFrom('oauth_grants')
    .select(['grant_id', 'expires_at', 'scope'])
    .where('grant_id', '=', grantId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.getTime())
    .executeTakeFirst()
}

export async function exchangeCode(
  db: Db,
  input: { clientId: string; code: string; redirectUri: string | undefined; codeVerifier: string | undefined; jkt: string | null },
  now: Date,
): Promise<TokenResponse | GrantError> {
  const t = now.getTime()
  const codeHash = hashKey(input.code)
  const used = await db
    .updateTable('oauth_codes')
    .set({ used_at: t })
    .where('code_hash', '=', codeHash)
    .where('client_id', '=', input.clientId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', t)
    .returning(['grant_id', 'redirect_uri', 'code_challenge'])
    .executeTakeFirst()
  if (!used) {
    // A code presented twice may have been stolen: end what the first exchange gave (RFC 6749 §4.1.2).
    const replayed = await db.selectFrom('oauth_codes').select('grant_id').where('code_hash', '=', codeHash).where('used_at', 'is not', null).executeTakeFirst()
    if (replayed) await revokeGrant(db, replayed.grant_id, 'code-replay', now)
    return 'invalid_grant'
  }
  if (input.redirectUri !== used.redirect_uri || !input.codeVerifier || !verifyPkce(input.codeVerifier, used.code_challenge)) return 'invalid_grant'
  const grant = await liveGrant(db, used.grant_id, now)
  if (!grant) return 'invalid_grant'
  return issueTokens(db, grant, input.jkt, true, now)
}

/**
 * OAUTH-05: a refresh token bound to a DPoP key (checked here against the proof's key) stays valid and yields a
 * new bound access token, so a client's retry never fails. An unbound one is spent atomically for a new pair;
 * one presented after it was spent was copied somewhere: the grant ends.
 */
export async function refreshTokens(db: Db, input: { clientId: string; refreshToken: string; jkt: string | null }, now: Date): Promise<TokenResponse | GrantError> {
  const t = now.getTime()
  const tokenHash = hashKey(input.refreshToken)
  const token = await db
    .selectFrom('oauth_tokens as k')
    .innerJoin('oauth_grants as g', 'g.grant_id', 'k.grant_id')
    .select(['k.grant_id', 'k.jkt', 'k.revoked_at'])
    .where('k.token_hash', '=', tokenHash)
    .where('k.kind', '=', 'refresh')
    .where('k.expires_at', '>', t)
    .where('g.client_id', '=', input.clientId)
    .executeTakeFirst()
  if (!token) return 'invalid_grant'
  if (token.jkt !== null) {
    const grant = token.revoked_at === null && token.jkt === input.jkt ? await liveGrant(db, token.grant_id, now) : undefined
    return grant ? issueTokens(db, grant, token.jkt, false, now) : 'invalid_grant'
  }
  const spent = await db.updateTable('oauth_tokens').set({ revoked_at: t }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst()
  if (Number(spent.numUpdatedRows) !== 1) {
    await revokeGrant(db, token.grant_id, 'refresh-reuse', now)
    return 'invalid_grant'
  }
  const grant = await liveGrant(db, token.grant_id, now)
  return grant ? issueTokens(db, grant, input.jkt, true, now) : 'invalid_grant'
}

export interface BearerGrant {
  grantId: string
  clientId: string
  accountId: string
  scope: string
  /** The DPoP key thumbprint the token is bound to; null for a bearer token. */
  jkt: string | null
}

/** The grant behind an access token, while the token, the grant and its 30 days all hold. */
export async function authenticateBearer(db: Db, token: string, now: Date): Promise<BearerGrant | undefined> {
  const t = now.getTime()
  const row = await db
    .selectFrom('oauth_tokens as k')
    .innerJoin('oauth_grants as g', 'g.grant_id', 'k.grant_id')
    .select(['g.grant_id', 'g.client_id', 'g.account_id', 'g.scope', 'k.jkt'])
    .where('k.token_hash', '=', hashKey(token))
    .where('k.kind', '=', 'access')
    .where('k.revoked_at', 'is', null)
    .where('k.expires_at', '>', t)
    .where('g.revoked_at', 'is', null)
    .where('g.expires_at', '>', t)
    .executeTakeFirst()
  return row && { grantId: row.grant_id, clientId: row.client_id, accountId: row.account_id, scope: row.scope, jkt: row.jkt }
}

/**
 * RFC 7009: revokes a token of this client. A refresh token takes its whole grant with it (§2.1); an access
 * token only itself. Unknown tokens are not an error.
 */
export async function revokeToken(db: Db, clientId: string, token: string, now: Date): Promise<void> {
  const row = await db
    .selectFrom('oauth_tokens as k')
    .innerJoin('oauth_grants as g', 'g.grant_id', 'k.grant_id')
    .select(['k.token_hash', 'k.kind', 'g.grant_id'])
    .where('k.token_hash', '=', hashKey(token))
    .where('g.client_id', '=', clientId)
    .executeTakeFirst()
  if (!row) return
  if (row.kind === 'refresh') {
    await revokeGrant(db, row.grant_id, 'client', now)
    return
  }
  await db.updateTable('oauth_tokens').set({ revoked_at: now.getTime() }).where('token_hash', '=', row.token_hash).where('revoked_at', 'is', null).execute()
}
