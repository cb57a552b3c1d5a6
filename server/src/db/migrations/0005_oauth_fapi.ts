import type { Kysely } from 'kysely'

// FAPI 2.0 for fintech apps (issue 9): per-client authentication method and public keys, the FAPI flag (PAR and
// DPoP required), DPoP-bound tokens, single-use JWT ids, and pushed authorization requests.
// Client secrets move from scrypt to SHA-256 (issue 8): a migration cannot un-scrypt a hash, so `secret_hash`
// keeps its format marker (`scrypt$…` or `sha256$…`) and a scrypt row is re-stored as SHA-256 the first time its
// secret is presented right (oauth/client-auth.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('oauth_clients')
    .addColumn('auth_method', 'varchar(32)', (c) => c.notNull().defaultTo('client_secret_basic'))
    .execute()
  /** The client's public JWK Set (JSON) for private_key_jwt; null for client_secret_basic. */
  await db.schema.alterTable('oauth_clients').addColumn('jwks', 'text').execute()
  /** 1 = FAPI 2.0 client: pushed authorization requests and DPoP-bound tokens are required. */
  await db.schema
    .alterTable('oauth_clients')
    .addColumn('fapi', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  /** RFC 7638 thumbprint of the DPoP key a token is bound to (cnf.jkt); null for a bearer token. */
  await db.schema.alterTable('oauth_tokens').addColumn('jkt', 'varchar(64)').execute()

  // One row per JWT id seen (client assertions, DPoP proofs) until the JWT could no longer be accepted anyway:
  // the primary key makes a second use fail atomically, on every instance.
  await db.schema
    .createTable('oauth_used_jtis')
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    /** The client id (assertions) or the key thumbprint (DPoP proofs) the jti belongs to. */
    .addColumn('owner', 'varchar(128)', (c) => c.notNull())
    .addColumn('jti', 'varchar(128)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('oauth_used_jtis_pk', ['kind', 'owner', 'jti'])
    .execute()
  await db.schema.createIndex('oauth_used_jtis_expiry').on('oauth_used_jtis').column('expires_at').execute()

  // RFC 9126: the parameters of a pushed authorization request, found by the SHA-256 of its request_uri, used once.
  await db.schema
    .createTable('oauth_pushed_requests')
    .addColumn('request_uri_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull().references('oauth_clients.client_id'))
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute()
  await db.schema.createIndex('oauth_pushed_requests_expiry').on('oauth_pushed_requests').column('expires_at').execute()
}
