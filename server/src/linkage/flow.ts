// The linkage flow's state, held in the database: one row per authorization request, opened by the session
// cookie (only its SHA-256 is stored), with a per-flow CSRF token and an expiry. Every step change is one
// conditional UPDATE on the step it leaves, so a double submit cannot run a step twice.
import { randomBytes } from 'node:crypto'
import type { Updateable } from 'kysely'
import type { Db } from '../db/index.ts'
import type { FlowStep, LinkageFlowsTable } from '../db/schema.ts'
import type { AuthorizationRequest } from '../oauth/authorize-request.ts'
import { hashKey } from '../secrets.ts'
import { linkageSteps } from '../metrics.ts'

export type Flow = LinkageFlowsTable

const TERMINAL: FlowStep[] = ['done', 'aborted', 'refused']

export interface FlowCaps {
  /** Flows past 画面① at once, in all. */
  total: number
  perClient: number
  perAddress: number
}

/**
 * Whether one more flow may go past 画面① for this client and address (SEC-02, LNK-06). Only flows past ① hold
 * capacity: an authorization request nobody has answered ① for costs nothing, so anonymous requests cannot take it.
 */
export async function capacityLeft(db: Db, now: Date, asker: { clientId: string; address: string }, caps: FlowCaps): Promise<boolean> {
  const row = await db
    .selectFrom('linkage_flows')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('client_id', '=', asker.clientId).then(1).else(0).end()).as('client'),
      eb.fn.sum<number>(eb.case().when('source_address', '=', asker.address).then(1).else(0).end()).as('address'),
    ])
    .where('expires_at', '>', now.getTime())
    .where('step', 'not in', [...TERMINAL, 'account'])
    .executeTakeFirstOrThrow()
  return Number(row.total) < caps.total && Number(row.client ?? 0) < caps.perClient && Number(row.address ?? 0) < caps.perAddress
}

/** A new flow at 画面①; it lives `ttlSeconds` unless ① is submitted (which gives it the full flow lifetime). */
export async function createFlow(db: Db, request: AuthorizationRequest, asked: { now: Date; address: string; ttlSeconds: number }): Promise<{ flowId: string; sessionToken: string }> {
  const flowId = crypto.randomUUID()
  const sessionToken = randomBytes(32).toString('base64url')
  const t = asked.now.getTime()
  await db
    .insertInto('linkage_flows')
    .values({
      flow_id: flowId,
      session_hash: hashKey(sessionToken),
      csrf_token: randomBytes(32).toString('base64url'),
      step: 'account',
      client_id: request.client.clientId,
      redirect_uri: request.redirectUri,
      state: request.state ?? null,
      scope: request.scope,
      code_challenge: request.codeChallenge,
      created_at: t,
      updated_at: t,
      expires_at: t + asked.ttlSeconds * 1000,
      source_address: asked.address,
    })
    .execute()
  linkageSteps.inc({ step: 'account' })
  return { flowId, sessionToken }
}

/** The flow of a session cookie; expired flows are as good as none. */
export async function flowOfSession(db: Db, sessionToken: string | undefined, now: Date): Promise<Flow | undefined> {
  if (!sessionToken) return undefined
  return db.selectFrom('linkage_flows').selectAll().where('session_hash', '=', hashKey(sessionToken)).where('expires_at', '>', now.getTime()).executeTakeFirst()
}

function stepChange(db: Db, flowId: string, from: FlowStep | FlowStep[], to: FlowStep, patch: Updateable<LinkageFlowsTable>, now: Date) {
  return db
    .updateTable('linkage_flows')
    .set({ ...patch, step: to, updated_at: now.getTime() })
    .where('flow_id', '=', flowId)
    .where('step', 'in', Array.isArray(from) ? from : [from])
}

async function applied(change: ReturnType<typeof stepChange>, to: FlowStep): Promise<boolean> {
  const moved = Number((await change.executeTakeFirst()).numUpdatedRows) === 1
  if (moved) linkageSteps.inc({ step: to })
  return moved
}

/** Moves the flow from `from` to `to` with `patch`; false when it was no longer at `from`. */
export async function advance(db: Db, flowId: string, from: FlowStep | FlowStep[], to: FlowStep, patch: Updateable<LinkageFlowsTable>, now: Date): Promise<boolean> {
  return applied(stepChange(db, flowId, from, to, patch, now), to)
}

/**
 * `advance`, but only while the account is not under the linkage lock (LNK-04), checked in the same statement: a
 * lock reached by a guess in a parallel flow, while this flow's right answer was being checked, still holds.
 */
export async function advanceUnlessLocked(db: Db, flowId: string, accountId: string, from: FlowStep, to: FlowStep, now: Date): Promise<boolean> {
  const notLocked = stepChange(db, flowId, from, to, {}, now).where(({ not, exists, selectFrom }) =>
    not(exists(selectFrom('linkage_locks').select('account_id').where('account_id', '=', accountId).where('locked_until', '>', now.getTime()))),
  )
  return applied(notLocked, to)
}

export function isTerminal(step: FlowStep): boolean {
  return TERMINAL.includes(step)
}

/** 「最初に戻る」: the same authorization request from 画面① again, with nothing the customer entered kept. */
export async function restartFlow(db: Db, flow: Flow, now: Date): Promise<boolean> {
  const cleared = {
    branch: null,
    account_type: null,
    account_number: null,
    account_id: null,
    name_kana: null,
    phone: null,
    email: null,
    call_to: null,
    call_started_at: null,
    call_verified_at: null,
  }
  return advance(db, flow.flow_id, ['customer', 'phone', 'call', 'pin', 'consent'], 'account', cleared, now)
}
