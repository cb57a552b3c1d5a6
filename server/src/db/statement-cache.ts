// better-sqlite3 compiles SQL on every prepare(), and Kysely prepares once per query: on the hot routes that
// compilation cost more than running the statement. Reusing compiled statements by SQL text is safe here:
// the service has one connection, Kysely runs one query on it at a time, and each run completes (or its
// iterator is held with the connection) before the next query starts.
import type SQLite from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

/** Enough for every distinct query the service issues; a bound so that ad-hoc SQL cannot grow it forever. */
const MAX_STATEMENTS = 1000

export function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
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
        statement = sqlite.prepare(sql)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}
