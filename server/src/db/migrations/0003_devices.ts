import type { Kysely } from 'kysely'

// Device-signed requests and what they drive (OTP-13, OTP-20…25, SVC-06): the nonces each token has used, the
// token's transaction-confirmation enrolment (取引認証開始), and the transactions relying parties ask customers to
// confirm. Same conventions as 0001: epoch milliseconds in bigint, ids made by the service, one file for both.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 'none': the service did not offer 取引確認 when the token was set up; 'pending' until the device enrols.
  await db.schema
    .alterTable('tokens')
    .addColumn('transaction_enrolment', 'varchar(16)', (c) => c.notNull().defaultTo('none'))
    .execute()

  // The primary key is the replay guard: a second request with the same nonce fails to insert, atomically, even
  // when both arrive at once. request_at (the signed timestamp) tells when a row can no longer matter.
  await db.schema
    .createTable('device_nonces')
    .addColumn('token_id', 'varchar(36)', (c) => c.notNull().references('tokens.token_id').onDelete('cascade'))
    .addColumn('nonce', 'varchar(64)', (c) => c.notNull())
    .addColumn('request_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_nonces_pk', ['token_id', 'nonce'])
    .execute()
  await db.schema.createIndex('device_nonces_request_at').on('device_nonces').column('request_at').execute()

  await db.schema
    .createTable('transaction_confirmations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('token_id', 'varchar(36)', (c) => c.notNull().references('tokens.token_id'))
    .addColumn('relying_party_id', 'varchar(64)', (c) => c.notNull().references('relying_parties.id'))
    /** TransactionDetails as JSON, and transactionContentSha256 of it: what the decision must be bound to. */
    .addColumn('details', 'varchar(2048)', (c) => c.notNull())
    .addColumn('content_sha256', 'varchar(43)', (c) => c.notNull())
    /** pending | approved | rejected. "expired" is never stored: it is pending with expires_at ≤ now. */
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('decided_at', 'bigint')
    // Evidence of the decision: the signed request as received, so it can be verified again later.
    .addColumn('decision_signature', 'varchar(128)')
    .addColumn('decision_timestamp', 'varchar(40)')
    .addColumn('decision_nonce', 'varchar(64)')
    .addColumn('decision_body', 'varchar(1024)')
    .execute()
  await db.schema.createIndex('transaction_confirmations_token').on('transaction_confirmations').columns(['token_id', 'status', 'expires_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('transaction_confirmations').execute()
  await db.schema.dropTable('device_nonces').execute()
  await db.schema.alterTable('tokens').dropColumn('transaction_enrolment').execute()
}
