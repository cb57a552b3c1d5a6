// LNK-07, LNK-08: the registered number shown masked, a call from it to an authentication number drawn at
// random from the configured pool, within 120 s of 画面④ being shown (service clock).
import { randomInt } from 'node:crypto'
import type { Db } from '../db/index.ts'
import type { Flow } from './flow.ts'

export const CALL_WINDOW_MS = 120_000

/** `*****3333`: every digit but the last four as *. */
export function maskPhone(phone: string): string {
  return '*'.repeat(Math.max(0, phone.length - 4)) + phone.slice(-4)
}

export function pickAuthNumber(pool: readonly string[]): string {
  if (!pool.length) throw new Error('TELEPHONY_NUMBERS is empty')
  return pool[randomInt(pool.length)]!
}

export type CallState = 'waiting' | 'verified' | 'expired'

export function callState(flow: Flow, now: Date): CallState {
  if (flow.call_started_at === null || now.getTime() - flow.call_started_at > CALL_WINDOW_MS) return 'expired'
  return flow.call_verified_at !== null ? 'verified' : 'waiting'
}

/**
 * The one flow waiting for a call from `from` to `to` within its 120 s (the latest, should the same customer have
 * two open), now verified; undefined when none waits.
 */
export async function verifyWaitingFlow(db: Db, call: { from: string; to: string }, now: Date): Promise<string | undefined> {
  const t = now.getTime()
  const latest = await db
    .selectFrom('linkage_flows')
    .select('flow_id')
    .where('step', '=', 'call')
    .where('phone', '=', call.from)
    .where('call_to', '=', call.to)
    .where('call_verified_at', 'is', null)
    .where('call_started_at', '>=', t - CALL_WINDOW_MS)
    .where('expires_at', '>', t)
    .orderBy('call_started_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!latest) return undefined
  const row = await db
    .updateTable('linkage_flows')
    .set({ call_verified_at: t, updated_at: t })
    .where('flow_id', '=', latest.flow_id)
    .where('step', '=', 'call')
    .where('call_verified_at', 'is', null)
    .returning('flow_id')
    .executeTakeFirst()
  return row?.flow_id
}
