// LNK-12 / SVC-07: the account API a linked fintech app calls with its access token. One grant covers one
// account; an account moved to another branch (or closed) no longer answers under its old number.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { answerErrorsAs } from '../errors.ts'
import { typed } from '../wire.ts'
import { authenticateBearer, type BearerGrant } from '../oauth/grants.ts'
import { checkDpopProof, DpopNonces, type DpopError } from '../oauth/dpop.ts'
import { SIGNING_ALGS } from '../oauth/jwks.ts'
import { OAuthErrorBody as ApiError } from '../oauth/error-body.ts'
import { addDays, isCalendarDate, jstDate, subtractMonths } from '@shinkumi/common/time.ts'
import { ACCOUNT_TYPE_LABELS, activeAccount, transactionsBetween } from './bank.ts'

/** The core system keeps about three months of history (seed FAQ 3-Q2); one request spans at most 93 days. */
export const HISTORY_MONTHS = 3
export const MAX_RANGE_DAYS = 93

const Account = z.object({
  id: z.string(),
  branch: z.string(),
  type: z.enum(['ordinary', 'savings']),
  typeName: z.string(),
  accountNumber: z.string(),
  balance: z.number(),
  currency: z.literal('JPY'),
})
const Transaction = z.object({ id: z.string(), date: z.string(), amount: z.number(), balance: z.number(), description: z.string() })
const Range = z.object({ from: z.string().max(10).optional(), to: z.string().max(10).optional() })

declare module 'fastify' {
  interface FastifyRequest {
    grant?: BearerGrant
  }
}

function deny(reply: FastifyReply) {
  reply.header('WWW-Authenticate', 'Bearer realm="accounts", error="invalid_token"')
  return reply.status(401).send({ error: 'invalid_token', error_description: 'the access token is missing, expired or revoked' })
}

/** RFC 9449 §7.1: a DPoP-bound token without a valid proof of its key. */
function denyDpop(reply: FastifyReply, error: DpopError | 'invalid_token', message: string, nonce: string) {
  reply.header('WWW-Authenticate', `DPoP algs="${SIGNING_ALGS.join(' ')}", error="${error}", error_description="${message}"`)
  reply.header('DPoP-Nonce', nonce)
  return reply.status(401).send({ error, error_description: message })
}

type RangeCheck = { ok: true; from: string; to: string } | { ok: false; error: string; message: string }

/** A transaction range within the last three months (JST) and at most 93 days long. */
export function checkRange(today: string, from: string | undefined, to: string | undefined): RangeCheck {
  const oldest = subtractMonths(today, HISTORY_MONTHS)
  const end = to ?? today
  const start = from ?? oldest
  if (!isCalendarDate(start) || !isCalendarDate(end)) return { ok: false, error: 'invalid_date', message: 'from and to are dates as YYYY-MM-DD' }
  if (start > end) return { ok: false, error: 'invalid_range', message: 'from is after to' }
  if (addDays(start, MAX_RANGE_DAYS) < end) return { ok: false, error: 'range_too_long', message: `at most ${MAX_RANGE_DAYS} days per request` }
  if (start < oldest) return { ok: false, error: 'range_too_old', message: `transactions are kept from ${oldest} on` }
  return { ok: true, from: start, to: end }
}

export async function accountRoutes(fastify: FastifyInstance): Promise<void> {
  const app = typed(fastify)
  const { db, clock, config, seedKey } = app.deps
  const nonces = new DpopNonces(seedKey)
  // RFC 6750 protects these routes: their errors are OAuth's, like the endpoints that issued the token.
  answerErrorsAs(app, 'oauth')

  // OAUTH-04: a token bound to a DPoP key is accepted only as `DPoP <token>` with a fresh proof of that key for
  // this method and URL, carrying the token's hash (ath) and a nonce of ours.
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const now = clock.now()
    const [, scheme, token] = request.headers.authorization?.match(/^(Bearer|DPoP) ([A-Za-z0-9\-._~+/]+=*)$/) ?? []
    const grant = token && (await authenticateBearer(db, token, now))
    if (!grant) return deny(reply)
    if (grant.jkt !== null || scheme === 'DPoP') {
      const nonce = nonces.current(now)
      if (grant.jkt === null || scheme !== 'DPoP') return denyDpop(reply, 'invalid_token', 'a DPoP-bound token is presented as DPoP, a bearer token as Bearer', nonce)
      const url = new URL(config.publicUrl + request.url)
      const proof = await checkDpopProof(db, nonces, request.headers.dpop, { method: request.method, url: url.origin + url.pathname, accessToken: token }, now)
      if (!proof.ok) return denyDpop(reply, proof.error, proof.description, nonce)
      if (proof.jkt !== grant.jkt) return denyDpop(reply, 'invalid_token', 'the proof is for another key than the token', nonce)
    }
    request.grant = grant
  })

  app.get(
    '/v1/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        summary: 'The linked account with its balance (LNK-12)',
        tags: ['accounts'],
        security: [{ oauth2: ['accounts'] }, { dpop: [] }],
        response: { 200: z.object({ accounts: z.array(Account) }), 401: ApiError },
      },
    },
    async (request) => {
      const account = await activeAccount(db, request.grant!.accountId)
      const accounts = account
        ? [
            {
              id: account.account_id,
              branch: account.branch,
              type: account.type,
              typeName: ACCOUNT_TYPE_LABELS[account.type],
              accountNumber: account.account_number,
              balance: account.balance,
              currency: 'JPY' as const,
            },
          ]
        : []
      return { accounts }
    },
  )

  app.get(
    '/v1/accounts/:id/transactions',
    {
      schema: {
        operationId: 'listTransactions',
        summary: 'Transactions of the linked account, at most 93 days within the last three months (LNK-12)',
        tags: ['accounts'],
        security: [{ oauth2: ['accounts'] }, { dpop: [] }],
        params: z.object({ id: z.string().max(64) }),
        querystring: Range,
        response: { 200: z.object({ accountId: z.string(), from: z.string(), to: z.string(), transactions: z.array(Transaction) }), 400: ApiError, 401: ApiError, 404: ApiError },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const account = id === request.grant!.accountId ? await activeAccount(db, id) : undefined
      if (!account) return reply.status(404).send({ error: 'account_not_found', error_description: 'no such account under this linkage' })
      const range = checkRange(jstDate(clock.now()), request.query.from, request.query.to)
      if (!range.ok) return reply.status(400).send({ error: range.error, error_description: range.message })
      const rows = await transactionsBetween(db, id, range.from, range.to)
      return {
        accountId: id,
        from: range.from,
        to: range.to,
        transactions: rows.map((r) => ({ id: r.transaction_id, date: r.booked_on, amount: r.amount, balance: r.balance_after, description: r.description })),
      }
    },
  )
}
