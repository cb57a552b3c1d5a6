// The SQLite writer thread (issue 12). better-sqlite3 runs a statement on the thread that calls it, and a commit
// with synchronous=FULL waits there until the disk has the WAL: on the event loop, every group commit of the
// verify path (group-commit.ts) stopped the service answering anyone for the fsync, a seventh of its time under the
// bench's load. Those writes therefore go to a second connection to the same file, in a worker thread; the event
// loop answers other requests meanwhile, and a verification is still answered only after its commit is on disk.
//
// The writer is a Kysely handle like the service's own, so the grouped statements are built, compiled and logged
// as every other statement is; only its driver differs: it hands each statement to the thread. It runs single
// statements only — no transactions. A writer that has died refuses its pending statements (whether they
// committed is unknown) and steps aside: later groups are written on the event loop's connection again.
import { Worker } from 'node:worker_threads'
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type KyselyConfig, type QueryResult } from 'kysely'
import type { Database } from './schema.ts'

export type WriterRequest = { id: number; sql: string; parameters: readonly unknown[]; close?: false } | { close: true }
export type WriterReply = { id: number; ok: true; rows: unknown[]; changes?: number } | { id: number; ok: false; message: string; code?: string }

/** An error the writer thread's SQLite raised, with SQLite's code (SQLITE_CONSTRAINT_NOTNULL, SQLITE_BUSY…). */
class SqliteWriterError extends Error {
  readonly code: string | undefined
  constructor(message: string, code?: string) {
    super(message)
    this.code = code
  }
}

class WriterThread implements DatabaseConnection {
  readonly #worker: Worker
  readonly #pending = new Map<number, { resolve(reply: WriterReply): void; reject(error: Error): void }>()
  #nextId = 0
  #gone: Error | null = null

  constructor(file: string, onGone: () => void) {
    this.#worker = new Worker(new URL('./sqlite-writer-thread.ts', import.meta.url), { workerData: { file } })
    this.#worker.on('message', (reply: WriterReply) => {
      const pending = this.#pending.get(reply.id)
      this.#pending.delete(reply.id)
      pending?.resolve(reply)
    })
    const gone = (error: Error) => {
      if (this.#gone) return
      this.#gone = error
      for (const { reject } of this.#pending.values()) reject(error)
      this.#pending.clear()
      onGone()
    }
    this.#worker.on('error', (error) => gone(new Error('the SQLite writer thread failed', { cause: error })))
    this.#worker.on('exit', (code) => gone(new Error(`the SQLite writer thread exited (${code})`)))
    // The thread waits for statements; it must not keep a process that is otherwise done alive. (After the
    // listeners: adding a 'message' listener refs the thread again.)
    this.#worker.unref()
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#gone) throw this.#gone
    const id = this.#nextId++
    const reply = await new Promise<WriterReply>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.#worker.postMessage({ id, sql: query.sql, parameters: query.parameters } satisfies WriterRequest)
    })
    if (!reply.ok) throw new SqliteWriterError(reply.message, reply.code)
    return { rows: reply.rows as R[], ...(reply.changes === undefined ? {} : { numAffectedRows: BigInt(reply.changes) }) }
  }

  async *streamQuery(): AsyncIterableIterator<QueryResult<never>> {
    throw new Error('the SQLite writer does not stream')
  }

  close(): void {
    if (this.#gone) return
    this.#gone = new Error('the SQLite writer is closed')
    this.#worker.postMessage({ close: true } satisfies WriterRequest)
  }
}

class WriterDriver implements Driver {
  readonly #thread: () => WriterThread
  constructor(thread: () => WriterThread) {
    this.#thread = thread
  }
  async init() {}
  async acquireConnection() {
    return this.#thread()
  }
  async releaseConnection() {}
  async beginTransaction(): Promise<never> {
    throw new Error('the SQLite writer runs single statements only')
  }
  commitTransaction = this.beginTransaction
  rollbackTransaction = this.beginTransaction
  async destroy() {}
}

type Db = Kysely<Database>
const writers = new WeakMap<Db, Db>()

/** The writer of `db`'s group commits (group-commit.ts), while it lives; undefined: they are written on `db`. */
export function groupWriterOf(db: Db): Db | undefined {
  return writers.get(db)
}

/**
 * The writer of `db`'s group commits: a Kysely handle whose statements run in a thread of their own, on a connection
 * of its own to `file`. The thread starts with the first group (a process that never verifies — the admin CLI, a
 * migration — starts none); `close` ends it.
 */
export function openSqliteWriter(db: Db, file: string, log?: KyselyConfig['log']): { close(): void } {
  let thread: WriterThread | undefined
  const writer = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new WriterDriver(() => (thread ??= new WriterThread(file, () => writers.delete(db)))),
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db) => new SqliteIntrospector(db),
    },
    ...(log ? { log } : {}),
  })
  writers.set(db, writer)
  return {
    close: () => {
      writers.delete(db)
      thread?.close()
    },
  }
}
