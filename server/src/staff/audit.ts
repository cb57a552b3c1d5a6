// STF-05: the audit log. Append-only (this module has no UPDATE or DELETE of an entry; the database refuses
// them too, 0004_staff) and hash-chained: each entry's hash is SHA-256 over the previous hash and the entry's
// canonical form. Appends first bump the single-row chain head, which takes its row lock (PostgreSQL) or the
// write lock (SQLite) until commit, so concurrent appends queue up and the chain never forks.
import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { z } from 'zod'
import type { Db } from '../db/index.ts'
import type { Database } from '../db/schema.ts'
import type { StaffAuditTable } from '../db/schema-staff.ts'
import { GENESIS_HASH } from '../db/migrations/0004_staff.ts'
import { staffActions } from '../metrics.ts'
import { decodeCursor, pageOf } from './cursor.ts'

/** Who did what to whom, why, when and from where — what every entry records. */
export interface AuditEvent {
  staffId: string
  role: string | null
  action: string
  /** Whose data or what: `customer:<id>`, `otp:<service>/<user>`, `account:<id>`, `grant:<id>` … */
  subject: string | null
  reason?: string | null
  /** 本人確認方法, with its note when it is 'other'. */
  identityCheck?: string | null
  ip: string
  outcome: string
  detail?: Record<string, unknown> | null
}

type Entry = Omit<StaffAuditTable, 'hash' | 'prev_hash'>

/** The entry's canonical bytes: a JSON array in a fixed field order, so the hash never depends on key order. */
export function canonicalEntry(e: Entry): string {
  return JSON.stringify([e.seq, e.at, e.staff_id, e.staff_role, e.action, e.subject, e.reason, e.identity_check, e.ip, e.outcome, e.detail])
}

export function chainHash(prevHash: string, entry: Entry): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalEntry(entry)}`, 'utf8')
    .digest('hex')
}

/** Appends one entry and returns its sequence number. Inside a caller's transaction, it commits with that work. */
export async function appendAudit(db: Db | Transaction<Database>, event: AuditEvent, at: Date): Promise<number> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendInTransaction(trx, event, at))
  return appendInTransaction(db, event, at)
}

async function appendInTransaction(trx: Kysely<Database>, event: AuditEvent, at: Date): Promise<number> {
  const head = await trx
    .updateTable('staff_audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow()
  const entry: Entry = {
    seq: Number(head.seq),
    at: at.getTime(),
    staff_id: event.staffId,
    staff_role: event.role,
    action: event.action,
    subject: event.subject,
    reason: event.reason ?? null,
    identity_check: event.identityCheck ?? null,
    ip: event.ip,
    outcome: event.outcome,
    detail: event.detail ? JSON.stringify(event.detail) : null,
  }
  const hash = chainHash(head.hash, entry)
  await trx
    .insertInto('staff_audit')
    .values({ ...entry, prev_hash: head.hash, hash })
    .execute()
  await trx.updateTable('staff_audit_head').set({ hash }).where('id', '=', 1).execute()
  // Counted before the commit: the append is the last write of every caller's transaction.
  staffActions.inc({ action: event.action })
  return entry.seq
}

export type ChainProblem = 'missing-entry' | 'wrong-link' | 'wrong-hash' | 'head-mismatch'
export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; problem: ChainProblem }

const PAGE = 500

/** Walks the whole chain in order; the first entry that does not follow from the one before is reported. */
export async function verifyAuditChain(db: Db): Promise<ChainCheck> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  for (;;) {
    const rows = await db.selectFrom('staff_audit').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute()
    for (const row of rows) {
      const broken = brokenLink(row, expectedSeq, prevHash)
      if (broken) return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, problem: broken }
      prevHash = row.hash
      expectedSeq += 1
    }
    if (rows.length < PAGE) break
  }
  const head = await db.selectFrom('staff_audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, problem: 'head-mismatch' }
  }
  return { ok: true, entries: expectedSeq - 1 }
}

function brokenLink(row: StaffAuditTable, expectedSeq: number, prevHash: string): ChainProblem | null {
  if (Number(row.seq) !== expectedSeq) return 'missing-entry'
  if (row.prev_hash !== prevHash) return 'wrong-link'
  const { hash, prev_hash: _prev, ...entry } = row
  return chainHash(prevHash, { ...entry, seq: Number(row.seq) }) === hash ? null : 'wrong-hash'
}

const AuditCursor = z.tuple([z.number().int()])

/** Newest first, one page at a time (SCALE-01), continuing below the last sequence number shown. */
export async function auditPage(db: Db, page: { cursor?: string; limit: number }) {
  const after = decodeCursor(AuditCursor, page.cursor)
  let query = db
    .selectFrom('staff_audit')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
  if (after) query = query.where('seq', '<', after[0])
  return pageOf(await query.execute(), page.limit, (row) => [Number(row.seq)])
}

/** Entries between two instants (inclusive start, exclusive end), oldest first, in pages of PAGE. */
export async function* auditBetween(db: Db, from: number, to: number): AsyncGenerator<StaffAuditTable> {
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('staff_audit').selectAll().where('seq', '>', after).where('at', '>=', from).where('at', '<', to).orderBy('seq').limit(PAGE).execute()
    yield* rows
    if (rows.length < PAGE) return
    after = Number(rows.at(-1)!.seq)
  }
}
