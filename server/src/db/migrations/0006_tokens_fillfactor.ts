// Every verification updates its token's row (last_step or failures). PostgreSQL can update a row in place on its
// page — a HOT update, which touches no index — only when the page has room for the new version; a table filled
// to 100 % (the default, and what a bulk load leaves) makes every update write a new tuple elsewhere and an entry
// in each of the table's four indexes. Leaving a fifth of each page free keeps the verify path's update HOT.
// SQLite has no such setting. ALTER … SET (fillfactor) applies to pages written from now on; existing rows
// move into such pages as they are updated and the table is vacuumed.
import { PostgresAdapter, sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`alter table tokens set (fillfactor = 80)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`alter table tokens reset (fillfactor)`.execute(db)
}
