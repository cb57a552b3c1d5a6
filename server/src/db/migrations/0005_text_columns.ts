// PostgreSQL enforces varchar(n) where SQLite ignores it, so a value the schemas allow could be stored on one
// database and refused (a 500) on the other — a signed 取引確認 decision body over 1 KB, say. The request schemas
// are the one limit on what is stored (SEC-06): on PostgreSQL every varchar column becomes text, which is what
// SQLite's columns already are. Indexes and constraints stay as they were.
import { PostgresAdapter, sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'character varying' and table_name not like 'kysely_%'
    order by table_name, column_name`.execute(db)
  for (const { table_name, column_name } of rows) {
    await sql`alter table ${sql.table(table_name)} alter column ${sql.ref(column_name)} type text`.execute(db)
  }
}

/** Not reversed: a shorter varchar could refuse rows stored meanwhile. */
export async function down(): Promise<void> {}
