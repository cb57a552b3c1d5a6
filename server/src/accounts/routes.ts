// LNK-12 / SVC-07: the account API a linked fintech app calls with its access token. One grant covers one
// account; an account moved to another branch (or closed) no longer answers under its old number.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { clientErrorStatus } from '../request-errors.ts'
import { authenticateBearer, type BearerGrant } from '../oauth/grants.ts'
import { addDays, isCalendarDate, jstDate, subtractMonths } from '../linkage/jst.ts'
import { ACCOUNT_TYPE_LABELS, activeAccount, transactionsBetween } from './bank.ts'

/** The core system keeps about three months of history (seed FAQ 3-Q2); one request spans at most 93 days. */
export const HISTORY_MONTHS = 3
export const MAX_RANGE_DAYS = 93

const ApiError = z.object({ error: z.string(), message: z.string() })
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
  return reply.status(401).send({ error: 'invalid_token', message: 'the access token is missing, expired or revoked' })
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
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const { db, clock } = app.deps

  app.setErrorHandler((error, request, reply) => {
    if (clientErrorStatus(error)) return reply.status(400).send({ error: 'invalid_request', message: 'malformed request' })
    request.log.error({ err: error }, 'account API error')
    return reply.status(500).send({ error: 'server_error', message: `internal error (${request.id})` })
  })

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    const token = request.headers.authorization?.match(/^Bearer ([A-Za-z0-9\-._~+/]+=*)$/)?.[1]
    const grant = token && (await authenticateBearer(db, token, clock.now()))
    if (!grant) return deny(reply)
    request.grant = grant
  })

  app.get(
    '/v1/accounts',
    { schema: { tags: ['accounts'], response: { 200: z.object({ accounts: z.array(Account) }), 401: ApiError } } },
    async (request) => {
      const account = await activeAccount(db, request.grant!.accountId)
      const accounts = account
        ? [{ id: account.account_id, branch: account.branch, type: account.type, typeName: ACCOUNT_TYPE_LABELS[account.type], accountNumber: account.account_number, balance: account.balance, currency: 'JPY' as const }]
        : []
      return { accounts }
    },
  )

  app.get(
    '/v1/accounts/:id/transactions',
    {
      schema: {
        tags: ['accounts'],
        params: z.object({ id: z.string().max(64) }),
        querystring: Range,
        response: { 200: z.object({ accountId: z.string(), from: z.string(), to: z.string(), transactions: z.array(Transaction) }), 400: ApiError, 401: ApiError, 404: ApiError },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const account = id === request.grant!.accountId ? await activeAccount(db, id) : undefined
      if (!account) return reply.status(404).send({ error: 'account_not_found', message: 'no such account under this linkage' })
      const range = checkRange(jstDate(clock.now()), request.query.from, request.query.to)
      if (!range.ok) return reply.status(400).send({ error: range.error, message: range.message })
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
