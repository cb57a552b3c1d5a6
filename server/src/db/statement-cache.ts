// better-sqlite3 compiles SQL on every prepare(), and Kysely prepares once per query: on the hot routes that
// compilation cost more than running the statement. Reusing compiled statements by SQL text is safe here:
// the service has one connection, Kysely runs one query on it at a time, and each run completes (or its
// iterator is held with the connection) before the next query starts.
import type SQLite from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

/** Enough for every distinct query the service issues; a bound so that ad-hoc SQL cannot grow it forever. */
const MAX_STATEMENTS = 1000

export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => sqlite.close(),
    prepare(text) {
      // Kysely opens transactions with a deferred BEGIN. With several processes on one file (WORKERS), a deferred
      // transaction that reads before it writes cannot wait for the write lock (SQLite answers SQLITE_BUSY at
      // once); IMMEDIATE takes the write lock at BEGIN, where busy_timeout waits for it.
      const sql = text === 'begin' ? 'begin immediate' : text
      let statement = cache.get(sql)
      if (!statement) {
        if (cache.size >= MAX_STATEMENTS) cache.clear()
        statement = rowsAsArrays(sqlite.prepare(sql), sql)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

/**
 * Each time SQLite plans a statement again — which it does whenever a bound value might change the plan of an
 * analysed table (sqlite_stat4) — better-sqlite3 builds the function that makes its row objects anew, with
 * Function(), and V8 compiles it — far more work than reading the row. Read as arrays, rows
 * need no such function; the names are the statement's own and are zipped on here. Only statements that name
 * their columns are read this way: what `*` stands for changes when a migration adds a column.
 */
function rowsAsArrays(statement: SQLite.Statement, sql: string): SqliteStatement {
  if (!statement.reader || sql.includes('*')) return statement as unknown as SqliteStatement
  statement.raw(true)
  const names = statement.columns().map((column) => column.name)
  const toObject = (values: unknown[]) => {
    const row: Record<string, unknown> = {}
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]
    return row
  }
  return {
    reader: true,
    all: (parameters) => (statement.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(values)
    },
  }
}
