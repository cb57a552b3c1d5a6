// One database handle for the whole service: SQLite (embedded default, WAL) or PostgreSQL (DATABASE_URL).
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import type { Database } from './schema.ts'
import { withStatementCache } from './statement-cache.ts'
import { openSqliteConnection } from './sqlite-connection.ts'
import { openSqliteWriter } from './sqlite-writer.ts'
import { trackPool } from '../metrics.ts'
import { prepareNamedStatements } from './prepared.ts'
import * as spine from './migrations/0001_spine.ts'
import * as linkage from './migrations/0002_linkage.ts'
import * as devices from './migrations/0003_devices.ts'
import * as staff from './migrations/0004_staff.ts'
import * as oauthFapi from './migrations/0005_oauth_fapi.ts'
import * as telephonyPruning from './migrations/0005_telephony_pruning.ts'
import * as limits from './migrations/0005_limits.ts'
import * as scale from './migrations/0005_scale.ts'
import * as textColumns from './migrations/0005_text_columns.ts'
import * as tokensFillfactor from './migrations/0006_tokens_fillfactor.ts'

export type Db = Kysely<Database>
export type DbKind = 'sqlite' | 'postgres'

/** Whether an UPDATE changed a row: a conditional UPDATE that matched nothing tells its caller there was nothing to do. */
export const changedRows = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) > 0

/** Every migration, in order. A new area of the service adds its own file here. */
const migrations: Record<string, Migration> = {
  '0001_spine': spine,
  '0002_linkage': linkage,
  '0003_devices': devices,
  '0004_staff': staff,
  '0005_oauth_fapi': oauthFapi,
  '0005_telephony_pruning': telephonyPruning,
  '0005_limits': limits,
  '0005_scale': scale,
  '0005_text_columns': textColumns,
  '0006_tokens_fillfactor': tokensFillfactor,
}

// int8 columns hold epoch milliseconds: well inside Number's exact range, so parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

export interface OpenedDb {
  db: Db
  kind: DbKind
  /** The PostgreSQL schema everything lives in; undefined on SQLite. */
  schema?: string
}

/** Told every statement the service runs: how the query-plan test collects the request paths' queries. */
export type QueryObserver = (query: CompiledQuery) => void

export function openDatabase(options: { databaseUrl?: string; databaseSchema?: string; dataDir: string; onQuery?: QueryObserver }): OpenedDb {
  const url = options.databaseUrl
  const onQuery = options.onQuery
  const log =
    onQuery &&
    ((event: { level: string; query: CompiledQuery }) => {
      if (event.level === 'query') onQuery(event.query)
    })
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = options.databaseSchema ?? 'public'
    // search_path per connection: unqualified table names in every query and migration resolve to this schema.
    const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` })
    trackPool(pool)
    pool.on('connect', prepareNamedStatements)
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }), kind: 'postgres', schema }
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : path.join(options.dataDir, 'shinkumi.sqlite')
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const sqlite = openSqliteConnection(file)
  // SQLite gathers no statistics by itself, and without them its planner guesses. `optimize` analyses the tables
  // whose statistics are missing or stale, reading a bounded number of rows (quick at any size), as SQLite advises
  // on opening a database; the plans test/server/query-plans.test.ts checks are the plans made with statistics.
  // (The verify path's statements are written so that statistics do not make SQLite re-plan them: otp/verify.ts.)
  sqlite.pragma('optimize = 0x10002')
  const statements = withStatementCache(sqlite)
  let writer: { close(): void } | undefined
  const database = { ...statements, close: () => (writer?.close(), statements.close()) }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), log })
  // The verify path's group commits go to a connection in a thread of their own (sqlite-writer.ts); an in-memory
  // database has no file a second connection could open.
  if (file !== ':memory:') writer = openSqliteWriter(db, file, log)
  return { db, kind: 'sqlite' }
}

/**
 * Safe when several instances start at once on an empty PostgreSQL database (SCALE-02): Kysely's migrator takes
 * a session advisory lock (pg_advisory_lock) around the whole run and tolerates its bookkeeping tables being
 * created by another instance meanwhile. On SQLite the processes of one host are started by one primary, which
 * migrates before forking (server/src/main.ts).
 */
export async function migrateToLatest({ db, schema }: OpenedDb): Promise<void> {
  // Named explicitly: without it Kysely looks for its bookkeeping tables in every schema and can find another's.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema: schema })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed`, { cause: error })
}
