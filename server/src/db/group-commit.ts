// Group commit for SQLite (issue 12). synchronous=FULL makes every commit wait for the disk (an fsync of the WAL),
// and better-sqlite3 waits on the event loop: at one commit per verification the service spent a third of a request
// waiting for the disk, with nothing else running. The small writes of the verify path therefore join the next
// group: every write queued while the previous group was on the disk runs in one transaction, with one fsync.
// Durability is unchanged — no answer is sent before the commit that holds its write is on disk — and so is
// atomicity: each write is still one conditional UPDATE, and a write that fails fails alone.
// PostgreSQL commits concurrently in its own processes (and groups them itself), so there the write runs as is.
import { SqliteAdapter } from 'kysely'
import type { Db } from './index.ts'

type Write<T> = (trx: Db) => Promise<T>
interface Queued {
  write: Write<unknown>
  resolve(value: unknown): void
  reject(error: unknown): void
}

const queues = new WeakMap<Db, Queued[]>()

/** Runs `write` in the next group commit on SQLite, or at once on PostgreSQL and inside a caller's transaction. */
export function groupCommitted<T>(db: Db, write: Write<T>): Promise<T> {
  if (db.isTransaction || !(db.getExecutor().adapter instanceof SqliteAdapter)) return write(db)
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db)
    if (!queue) {
      queue = []
      queues.set(db, queue)
      // After the writes of this turn of the event loop (and the requests it read) have queued.
      setImmediate(() => void commitGroup(db))
    }
    queue.push({ write: write as Write<unknown>, resolve: resolve as (value: unknown) => void, reject })
  })
}

async function commitGroup(db: Db): Promise<void> {
  const group = queues.get(db)!
  queues.delete(db)
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = []
  try {
    await db.transaction().execute(async (trx) => {
      for (const { write } of group) {
        // A failed statement rolls back only itself in SQLite; the others' writes still commit.
        outcomes.push(
          await write(trx).then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          ),
        )
      }
    })
  } catch (error) {
    // The commit itself failed: nothing of the group is on disk, and every writer is told so.
    for (const { reject } of group) reject(error)
    return
  }
  group.forEach(({ resolve, reject }, i) => {
    const outcome = outcomes[i]!
    if (outcome.ok) resolve(outcome.value)
    else reject(outcome.error)
  })
}
