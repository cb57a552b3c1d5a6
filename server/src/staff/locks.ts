// STF-03 "everything locked now, newest first": API-linkage locks (until 0:00 JST), OTP locks (until staff reset)
// and activation-password locks (S0C4), each with the customer it belongs to — one page at a time (SCALE-01).
// The three kinds live in three tables; each is read newest first through its own partial index (0005_scale) up
// to one row past the page, and the three are merged. The order is (lock time, kind, id), all descending, so
// that the cursor names one exact place in the merged list.
import { sql, type Expression, type SqlBool } from 'kysely'
import { z } from 'zod'
import type { Deps } from '../deps.ts'
import type { LockedItem, LockedList } from '@shinkumi/common/staff-api.ts'
import { ACCOUNT_TYPE_LABELS } from '../accounts/bank.ts'
import { decodeCursor, pageOf } from './cursor.ts'
import { DAY_MS, isoOrNull } from '@shinkumi/common/time.ts'

const KIND_RANK = { linkage: 0, otp: 1, activation: 2 } as const
const LockCursor = z.tuple([z.number().int(), z.number().int().min(0).max(2), z.string().max(64)])
type LockCursor = z.infer<typeof LockCursor>

/** A lock with the key it is sorted by. */
interface Keyed {
  at: number
  rank: number
  id: string
  item: LockedItem
}

export async function lockedNow(deps: Deps, page: { cursor?: string; limit: number }): Promise<LockedList> {
  const now = deps.clock.now()
  const after = decodeCursor(LockCursor, page.cursor)
  const fetch = page.limit + 1
  const kinds = await Promise.all([linkageLocks(deps, now, after, fetch), otpLocks(deps, after, fetch), activationLocks(deps, after, fetch)])
  const merged = kinds.flat().sort((a, b) => b.at - a.at || b.rank - a.rank || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  const { rows, nextCursor } = pageOf(merged.slice(0, fetch), page.limit, (k) => [k.at, k.rank, k.id])
  return { items: rows.map((k) => k.item), nextCursor }
}

/**
 * Rows of one kind that come after the cursor in the merged order. `at <= …` bounds the index range; the rest
 * only decides ties, so a deep page starts where the last one ended instead of counting from the newest.
 */
function afterCursor(at: string, id: string, rank: number, cursor: LockCursor | undefined): Expression<SqlBool> {
  if (!cursor) return sql<SqlBool>`1 = 1`
  const [cAt, cRank, cId] = cursor
  if (rank < cRank) return sql<SqlBool>`${sql.ref(at)} <= ${cAt}`
  if (rank > cRank) return sql<SqlBool>`${sql.ref(at)} < ${cAt}`
  return sql<SqlBool>`${sql.ref(at)} <= ${cAt} and (${sql.ref(at)} < ${cAt} or ${sql.ref(id)} < ${cId})`
}

async function linkageLocks(deps: Deps, now: Date, cursor: LockCursor | undefined, fetch: number): Promise<Keyed[]> {
  const rows = await deps.db
    .selectFrom('linkage_locks as l')
    .innerJoin('bank_accounts as a', 'a.account_id', 'l.account_id')
    .innerJoin('bank_customers as c', 'c.customer_id', 'a.customer_id')
    .select(['l.account_id', 'a.customer_id', 'c.name_kana', 'a.branch', 'a.type', 'a.account_number', 'l.failures', 'l.locked_at', 'l.locked_until'])
    .where('l.locked_at', 'is not', null)
    // A lock ends at the next 0:00 JST, so one that still holds began less than a day ago: the index range stops
    // there instead of walking every lock that lapsed without a later attempt clearing it.
    .where('l.locked_at', '>', now.getTime() - DAY_MS)
    .where('l.locked_until', '>', now.getTime())
    .where(afterCursor('l.locked_at', 'l.account_id', KIND_RANK.linkage, cursor))
    .orderBy('l.locked_at', 'desc')
    .orderBy('l.account_id', 'desc')
    .limit(fetch)
    .execute()
  return rows.map((r) => ({
    at: r.locked_at!,
    rank: KIND_RANK.linkage,
    id: r.account_id,
    item: {
      kind: 'linkage',
      ref: { customerId: r.customer_id },
      nameKana: r.name_kana,
      label: `${r.branch} ${ACCOUNT_TYPE_LABELS[r.type]} ${r.account_number}`,
      lockedAt: isoOrNull(r.locked_at),
      lockedUntil: isoOrNull(r.locked_until),
      failures: r.failures,
    },
  }))
}

/** OTP users joined to their customer when one is linked: locks are listed under the person, not the token. */
function otpUsersWithCustomer(deps: Deps) {
  return deps.db
    .selectFrom('otp_users as u')
    .leftJoin('customer_otp_users as l', (join) => join.onRef('l.service_id', '=', 'u.service_id').onRef('l.user_id', '=', 'u.user_id'))
    .leftJoin('bank_customers as c', 'c.customer_id', 'l.customer_id')
}

const refOf = (r: { customer_id: string | null; service_id: string; user_id: string }) =>
  r.customer_id ? { customerId: r.customer_id } : { serviceId: r.service_id, userId: r.user_id }

async function otpLocks(deps: Deps, cursor: LockCursor | undefined, fetch: number): Promise<Keyed[]> {
  const rows = await otpUsersWithCustomer(deps)
    .innerJoin('tokens as t', (join) => join.onRef('t.service_id', '=', 'u.service_id').onRef('t.user_id', '=', 'u.user_id'))
    .select(['t.token_id', 'u.service_id', 'u.user_id', 'l.customer_id', 'c.name_kana', 't.failures', 't.failed_at'])
    // failures > 0 is the index's own condition (tokens_failing): implied by the next line, but SQLite only
    // takes a partial index whose condition appears in the query as written.
    .where('t.failures', '>', 0)
    .where('t.failures', '>=', deps.config.otpMaxFailures)
    .where('t.failed_at', 'is not', null)
    .where('t.status', '=', 'active')
    .where(afterCursor('t.failed_at', 't.token_id', KIND_RANK.otp, cursor))
    .orderBy('t.failed_at', 'desc')
    .orderBy('t.token_id', 'desc')
    .limit(fetch)
    .execute()
  return rows.map((r) => ({
    at: r.failed_at!,
    rank: KIND_RANK.otp,
    id: r.token_id,
    item: { kind: 'otp', ref: refOf(r), nameKana: r.name_kana, label: `${r.service_id} / ${r.user_id}`, lockedAt: isoOrNull(r.failed_at), lockedUntil: null, failures: r.failures },
  }))
}

async function activationLocks(deps: Deps, cursor: LockCursor | undefined, fetch: number): Promise<Keyed[]> {
  const rows = await otpUsersWithCustomer(deps)
    .innerJoin('activations as v', (join) => join.onRef('v.service_id', '=', 'u.service_id').onRef('v.user_id', '=', 'u.user_id'))
    .select(['v.id', 'u.service_id', 'u.user_id', 'l.customer_id', 'c.name_kana', 'v.failures', 'v.locked_at'])
    .where('v.locked_at', 'is not', null)
    .where('v.used_at', 'is', null)
    .where('v.failures', '>=', deps.config.activationMaxFailures)
    .where(afterCursor('v.locked_at', 'v.id', KIND_RANK.activation, cursor))
    .orderBy('v.locked_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(fetch)
    .execute()
  return rows.map((r) => ({
    at: r.locked_at!,
    rank: KIND_RANK.activation,
    id: r.id,
    item: {
      kind: 'activation',
      ref: refOf(r),
      nameKana: r.name_kana,
      label: `${r.service_id} / ${r.user_id}`,
      lockedAt: isoOrNull(r.locked_at),
      lockedUntil: null,
      failures: r.failures,
    },
  }))
}
