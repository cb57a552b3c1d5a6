import type { Kysely } from 'kysely'

// SVC-05, SEC-07: callIds are remembered for a day, then pruned on a later call; the prune finds them by the
// time they were received.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('telephony_calls_received_at').on('telephony_calls').column('received_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('telephony_calls_received_at').execute()
}
