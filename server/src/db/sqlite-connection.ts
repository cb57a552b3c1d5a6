// How every SQLite connection of the service is opened: the event loop's (db/index.ts) and the writer thread's
// (sqlite-writer.ts). WAL for concurrent readers; synchronous=FULL so that a committed transaction survives a
// power cut; the foreign keys enforced; a connection that finds the file locked by another waits up to 5 s.
import SQLite from 'better-sqlite3'

export function openSqliteConnection(file: string): SQLite.Database {
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}
