// Group commit of the verify path's writes (issue 12). Every verification ends in a write — accepting a step or
// counting a failure — and every write was a commit of its own: on SQLite (synchronous=FULL) an fsync, on
// PostgreSQL a commit that cost its server more CPU than the rest of the verification. So the writes that arrive
// while the previous group is being written wait for it and then go together: one statement per kind of write,
// one commit, one fsync. On SQLite the groups are written by a connection in a thread of its own
// (sqlite-writer.ts), so that the event loop does not wait for the disk.
//
// Each write keeps what it had alone. No answer leaves before the commit that holds its write; each write is
// still decided by the same conditions, now in the one statement's WHERE, row by row; two writes to the same row
// (one token verified twice at once) never share a group, so the second sees the first's result exactly as it
// would have one after the other; and when a group's statement fails, its writes are tried again one by one, so a
// write that fails fails alone.
import type { Db } from './index.ts'
import { groupWriterOf } from './sqlite-writer.ts'

/**
 * A single-row conditional write that concurrent requests can share a statement with. `run` applies a whole
 * group (rows with distinct keys) in one statement and answers, by key, the result of each row whose conditions
 * held; a row missing from the answer was not written.
 */
export interface GroupedWrite<A, R> {
  key(args: A): string
  run(db: Db, group: readonly A[]): Promise<Map<string, R>>
}

interface Queued {
  write: GroupedWrite<unknown, unknown>
  args: unknown
  resolve(value: unknown): void
  reject(error: unknown): void
}

interface Groups {
  queue: Queued[]
  /** A group is being written, or one is due at the next turn of the event loop; the queue waits for it. */
  busy: boolean
}

const groupsOf = new WeakMap<Db, Groups>()

/** Applies the write in the next group, and answers its result (undefined: its conditions did not hold). */
export function groupCommitted<A, R>(db: Db, write: GroupedWrite<A, R>, args: A): Promise<R | undefined> {
  // Inside a caller's transaction the write is part of that commit already.
  if (db.isTransaction) return write.run(db, [args]).then((rows) => rows.get(write.key(args)))
  let groups = groupsOf.get(db)
  if (!groups) groupsOf.set(db, (groups = { queue: [], busy: false }))
  const state = groups
  return new Promise<R | undefined>((resolve, reject) => {
    state.queue.push({ write: write as GroupedWrite<unknown, unknown>, args, resolve: resolve as (value: unknown) => void, reject })
    if (!state.busy) scheduleGroup(db, state)
  })
}

function scheduleGroup(db: Db, state: Groups): void {
  state.busy = true
  // After the writes of this turn of the event loop (and of the requests it read) have queued.
  setImmediate(() => {
    void writeGroup(db, state.queue.splice(0, state.queue.length), state).finally(() => {
      state.busy = false
      if (state.queue.length > 0) scheduleGroup(db, state)
    })
  })
}

async function writeGroup(db: Db, queued: Queued[], state: Groups): Promise<void> {
  // One write per row: a later write to the same row goes back to the queue, for the next group.
  const byWrite = new Map<GroupedWrite<unknown, unknown>, Map<string, Queued>>()
  for (const item of queued) {
    const key = item.write.key(item.args)
    const rows = byWrite.get(item.write) ?? byWrite.set(item.write, new Map()).get(item.write)!
    if (rows.has(key)) state.queue.push(item)
    else rows.set(key, item)
  }
  // On SQLite, the writer thread's connection, so that the event loop does not wait for the disk.
  const target = groupWriterOf(db) ?? db
  for (const [write, rows] of byWrite) {
    const items = [...rows.values()]
    try {
      const results = await write.run(
        target,
        items.map((item) => item.args),
      )
      for (const [key, item] of rows) item.resolve(results.get(key))
    } catch {
      // Nothing of the statement was written. One by one, so that only a write that fails itself is refused.
      for (const [key, item] of rows) await write.run(target, [item.args]).then((results) => item.resolve(results.get(key)), item.reject)
    }
  }
}
