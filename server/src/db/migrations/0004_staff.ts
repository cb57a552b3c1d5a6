import { PostgresAdapter, sql, type Kysely } from 'kysely'

/** The hash before the first audit entry. */
export const GENESIS_HASH = '0'.repeat(64)

// Staff mode (SPEC §3): staff users with their own TOTP, short sessions, four-eyes approvals, the append-only
// hash-chained audit log, and the link between core-banking customers and OTP users that staff search needs.
// Same conventions as 0001: epoch milliseconds in bigint, ids made by the service, one file for both databases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('staff_id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('role', 'varchar(8)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(256)', (c) => c.notNull())
    .addColumn('totp_secret_ciphertext', 'varchar(256)', (c) => c.notNull())
    .addColumn('totp_last_step', 'bigint', (c) => c.notNull().defaultTo(-1))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'varchar(32)', (c) => c.notNull().references('staff_users.staff_id'))
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .execute()
  await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute()

  await db.schema
    .createTable('staff_approvals')
    .addColumn('approval_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('service_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('serial_number', 'varchar(8)')
    .addColumn('expires_in_days', 'integer')
    .addColumn('reason', 'varchar(256)', (c) => c.notNull())
    .addColumn('identity_check', 'varchar(32)', (c) => c.notNull())
    .addColumn('identity_note', 'varchar(128)')
    .addColumn('requested_by', 'varchar(32)', (c) => c.notNull().references('staff_users.staff_id'))
    .addColumn('requested_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(32)')
    .addColumn('decided_at', 'bigint')
    .addForeignKeyConstraint('staff_approvals_user_fk', ['service_id', 'user_id'], 'otp_users', ['service_id', 'user_id'])
    .execute()
  await db.schema.createIndex('staff_approvals_status').on('staff_approvals').columns(['status', 'requested_at']).execute()

  await db.schema
    .createTable('staff_audit')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('staff_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('staff_role', 'varchar(8)')
    .addColumn('action', 'varchar(48)', (c) => c.notNull())
    .addColumn('subject', 'varchar(128)')
    .addColumn('reason', 'varchar(256)')
    .addColumn('identity_check', 'varchar(160)')
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(32)', (c) => c.notNull())
    .addColumn('detail', 'varchar(2048)')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_audit_at').on('staff_audit').column('at').execute()

  await db.schema
    .createTable('staff_audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute()
  await sql`insert into staff_audit_head (id, seq, hash) values (1, 0, ${GENESIS_HASH})`.execute(db)
  await refuseAuditRewrites(db)

  await db.schema
    .createTable('customer_otp_users')
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('bank_customers.customer_id'))
    .addColumn('service_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_otp_users_pk', ['service_id', 'user_id'])
    .addForeignKeyConstraint('customer_otp_users_user_fk', ['service_id', 'user_id'], 'otp_users', ['service_id', 'user_id'])
    .execute()
  await db.schema.createIndex('customer_otp_users_customer').on('customer_otp_users').column('customer_id').execute()

  // When the OTP lock was reached, for staff's "locked now, newest first" (the last counted failure locks it).
  await db.schema.alterTable('tokens').addColumn('failed_at', 'bigint').execute()
}

/**
 * The audit log is append-only in the database too, not only in code: UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL) of an entry fail, and the chain head cannot be deleted.
 */
async function refuseAuditRewrites(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function staff_audit_refuse() returns trigger language plpgsql as $$
      begin raise exception 'staff audit log is append-only'; end $$`.execute(db)
    await sql`create trigger staff_audit_append_only before update or delete on staff_audit
      for each row execute function staff_audit_refuse()`.execute(db)
    await sql`create trigger staff_audit_no_truncate before truncate on staff_audit
      for each statement execute function staff_audit_refuse()`.execute(db)
    await sql`create trigger staff_audit_head_kept before delete on staff_audit_head
      for each row execute function staff_audit_refuse()`.execute(db)
    return
  }
  for (const [name, event, table] of [
    ['staff_audit_no_update', 'update', 'staff_audit'],
    ['staff_audit_no_delete', 'delete', 'staff_audit'],
    ['staff_audit_head_kept', 'delete', 'staff_audit_head'],
  ] as const) {
    await sql.raw(`create trigger ${name} before ${event} on ${table} begin select raise(abort, 'staff audit log is append-only'); end`).execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tokens').dropColumn('failed_at').execute()
  for (const table of ['customer_otp_users', 'staff_audit_head', 'staff_audit', 'staff_approvals', 'staff_sessions', 'staff_users']) {
    await db.schema.dropTable(table).execute()
  }
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`drop function staff_audit_refuse()`.execute(db)
}
