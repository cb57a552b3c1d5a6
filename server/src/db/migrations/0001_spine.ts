import { sql, type Kysely } from 'kysely'

// Written once for both databases: `bigint` is INTEGER affinity on SQLite and int8 on PostgreSQL; ids are UUIDs
// made by the service, so no auto-increment syntax differs between them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('services')
    .addColumn('service_id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(64)', (c) => c.notNull())
    .addColumn('logo_url', 'varchar(512)')
    .addColumn('link_url', 'varchar(512)')
    .addColumn('totp_algorithm', 'varchar(8)', (c) => c.notNull().defaultTo('SHA1'))
    .addColumn('totp_digits', 'integer', (c) => c.notNull().defaultTo(8))
    .addColumn('totp_period', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('offers_transactions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('otp_users')
    .addColumn('service_id', 'varchar(20)', (c) => c.notNull().references('services.service_id'))
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('otp_users_pk', ['service_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('activations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('service_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(256)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_at', 'bigint')
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('activations_user_fk', ['service_id', 'user_id'], 'otp_users', ['service_id', 'user_id'])
    .execute()
  await db.schema.createIndex('activations_user').on('activations').columns(['service_id', 'user_id']).execute()

  await db.schema
    .createTable('tokens')
    .addColumn('token_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('service_id', 'varchar(20)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(32)', (c) => c.notNull())
    .addColumn('serial_number', 'varchar(8)', (c) => c.notNull().unique())
    .addColumn('seed_ciphertext', 'varchar(512)', (c) => c.notNull())
    .addColumn('device_public_key', 'varchar(1024)', (c) => c.notNull())
    .addColumn('algorithm', 'varchar(8)', (c) => c.notNull())
    .addColumn('digits', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('correction_steps', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(-1))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addForeignKeyConstraint('tokens_user_fk', ['service_id', 'user_id'], 'otp_users', ['service_id', 'user_id'])
    .execute()
  // One active device per user (S0B4), enforced by the database itself so that two concurrent setups cannot both win.
  await sql`create unique index tokens_one_active_per_user on tokens (service_id, user_id) where status = 'active'`.execute(db)

  await db.schema
    .createTable('relying_parties')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(128)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(128)', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['relying_parties', 'tokens', 'activations', 'otp_users', 'services']) {
    await db.schema.dropTable(table).execute()
  }
}
