import { sql, type Kysely } from 'kysely'

// SCALE-01: every query on a request path finds its rows through an index at 1,000,000 customers
// (test/server/query-plans.test.ts runs EXPLAIN on each of them). The partial indexes keep the "locked now" lists
// small: only rows that ever failed or locked are in them, and the queries repeat the index's condition so that
// SQLite (which matches a partial index's WHERE term by term) and PostgreSQL both take them.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Staff search by 店舗 + 口座番号 (the unique key starts with the account type, which staff do not give).
  await db.schema.createIndex('bank_accounts_branch_number').on('bank_accounts').columns(['branch', 'account_number']).execute()
  await db.schema.createIndex('bank_accounts_customer').on('bank_accounts').column('customer_id').execute()
  // Every token of a user, not only the active one (the partial unique index serves `status = 'active'` only).
  await db.schema.createIndex('tokens_user').on('tokens').columns(['service_id', 'user_id', 'created_at']).execute()
  // A customer's last linkage attempts (STF-03).
  await db.schema.createIndex('linkage_flows_account').on('linkage_flows').columns(['branch', 'account_type', 'account_number', 'created_at']).execute()
  await db.schema.createIndex('staff_approvals_user').on('staff_approvals').columns(['service_id', 'user_id']).execute()
  // The "locked now" list, newest first, one kind per index (staff/locks.ts).
  await sql`create index tokens_failing on tokens (failed_at, token_id) where failures > 0`.execute(db)
  await sql`create index activations_locked on activations (locked_at, id) where locked_at is not null`.execute(db)
  await sql`create index linkage_locks_locked on linkage_locks (locked_at, account_id) where locked_at is not null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'linkage_locks_locked',
    'activations_locked',
    'tokens_failing',
    'staff_approvals_user',
    'linkage_flows_account',
    'tokens_user',
    'bank_accounts_customer',
    'bank_accounts_branch_number',
  ]) {
    await db.schema.dropIndex(index).execute()
  }
}
