import type { Kysely } from 'kysely'

// API linkage (SPEC §2): the core-banking data the identity checks need, the linkage flows and their lock, the
// telephony provider's calls, staff maintenance windows, and the OAuth clients, codes, grants and tokens.
// Same conventions as 0001: epoch milliseconds in bigint, ids made by the service, one file for both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('bank_customers')
    .addColumn('customer_id', 'varchar(36)', (c) => c.primaryKey())
    /** お名前, half-width katakana as the core banking system holds it (e.g. ﾃﾞｰﾀ ﾀﾛｳ). */
    .addColumn('name_kana', 'varchar(64)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('phone', 'varchar(11)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('bank_accounts')
    .addColumn('account_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('bank_customers.customer_id'))
    .addColumn('branch', 'varchar(3)', (c) => c.notNull())
    .addColumn('type', 'varchar(16)', (c) => c.notNull())
    .addColumn('account_number', 'varchar(7)', (c) => c.notNull())
    /** 'moved': transferred to another branch (moved_to names the new account); the old number no longer answers. */
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .addColumn('moved_to', 'varchar(36)')
    .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('bank_accounts_number', ['branch', 'type', 'account_number'])
    .execute()

  await db.schema
    .createTable('cash_cards')
    .addColumn('card_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('bank_accounts.account_id'))
    .addColumn('pin_hash', 'varchar(256)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('cash_cards_account').on('cash_cards').column('account_id').execute()

  await db.schema
    .createTable('bank_transactions')
    .addColumn('transaction_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('bank_accounts.account_id'))
    /** 取引日 (JST calendar date, YYYY-MM-DD). */
    .addColumn('booked_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('balance_after', 'bigint', (c) => c.notNull())
    .addColumn('description', 'varchar(64)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('bank_transactions_account_day').on('bank_transactions').columns(['account_id', 'booked_on', 'seq']).execute()

  // LNK-04: failures per account, for API linkage only; locked_until is the next 0:00 JST after the lock.
  await db.schema
    .createTable('linkage_locks')
    .addColumn('account_id', 'varchar(36)', (c) => c.primaryKey().references('bank_accounts.account_id'))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'bigint')
    .addColumn('locked_until', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('oauth_clients')
    .addColumn('client_id', 'varchar(64)', (c) => c.primaryKey())
    /** The 連携元 company as shown on SOA201/SOA206 (「XXX事業者」 in the seed). */
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('secret_hash', 'varchar(256)', (c) => c.notNull())
    /** JSON array of exact redirect URIs. */
    .addColumn('redirect_uris', 'varchar(2048)', (c) => c.notNull())
    .addColumn('scope', 'varchar(256)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('linkage_flows')
    .addColumn('flow_id', 'varchar(36)', (c) => c.primaryKey())
    /** SHA-256 of the session cookie's value: the cookie alone opens the flow. */
    .addColumn('session_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('step', 'varchar(16)', (c) => c.notNull())
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull().references('oauth_clients.client_id'))
    .addColumn('redirect_uri', 'varchar(512)', (c) => c.notNull())
    .addColumn('state', 'varchar(512)')
    .addColumn('scope', 'varchar(256)', (c) => c.notNull())
    .addColumn('code_challenge', 'varchar(128)', (c) => c.notNull())
    .addColumn('branch', 'varchar(3)')
    .addColumn('account_type', 'varchar(16)')
    .addColumn('account_number', 'varchar(7)')
    .addColumn('account_id', 'varchar(36)')
    .addColumn('name_kana', 'varchar(64)')
    .addColumn('phone', 'varchar(11)')
    .addColumn('email', 'varchar(64)')
    .addColumn('call_to', 'varchar(16)')
    .addColumn('call_started_at', 'bigint')
    .addColumn('call_verified_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('linkage_flows_waiting').on('linkage_flows').columns(['step', 'phone', 'call_to']).execute()
  await db.schema.createIndex('linkage_flows_expiry').on('linkage_flows').columns(['expires_at']).execute()

  // SVC-05: every signed call, once per callId (the primary key makes a replayed callId a no-op).
  await db.schema
    .createTable('telephony_calls')
    .addColumn('call_id', 'varchar(128)', (c) => c.primaryKey())
    .addColumn('from_number', 'varchar(32)', (c) => c.notNull())
    .addColumn('to_number', 'varchar(32)', (c) => c.notNull())
    .addColumn('called_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('verified_flow_id', 'varchar(36)')
    .execute()

  // LNK-05: maintenance set by staff, in addition to the fixed calendar (server/src/linkage/calendar/).
  await db.schema
    .createTable('linkage_maintenance')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'varchar(256)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('linkage_maintenance_ends').on('linkage_maintenance').column('ends_at').execute()

  // A grant is the customer's consent (LNK-10): one account, one client, 30 days.
  await db.schema
    .createTable('oauth_grants')
    .addColumn('grant_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull().references('oauth_clients.client_id'))
    .addColumn('account_id', 'varchar(36)', (c) => c.notNull().references('bank_accounts.account_id'))
    .addColumn('scope', 'varchar(256)', (c) => c.notNull())
    .addColumn('email', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'varchar(64)')
    .execute()
  await db.schema.createIndex('oauth_grants_account').on('oauth_grants').column('account_id').execute()

  await db.schema
    .createTable('oauth_codes')
    .addColumn('code_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('grant_id', 'varchar(36)', (c) => c.notNull().references('oauth_grants.grant_id'))
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('redirect_uri', 'varchar(512)', (c) => c.notNull())
    .addColumn('code_challenge', 'varchar(128)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('oauth_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('grant_id', 'varchar(36)', (c) => c.notNull().references('oauth_grants.grant_id'))
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('oauth_tokens_grant').on('oauth_tokens').column('grant_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'oauth_tokens',
    'oauth_codes',
    'oauth_grants',
    'linkage_maintenance',
    'telephony_calls',
    'linkage_flows',
    'oauth_clients',
    'linkage_locks',
    'bank_transactions',
    'cash_cards',
    'bank_accounts',
    'bank_customers',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
