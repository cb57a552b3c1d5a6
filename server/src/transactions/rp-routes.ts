// SVC-06: relying parties (internet banking) submit transactions for the customer to confirm and read the outcome.
// Authenticated like /v1/otp/verify; each relying party sees only the transactions it created.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ServiceError, TransactionStatus } from '../../../common/protocol.ts'
import { relyingPartyOf } from '../relying-parties.ts'
import { createTransaction, CreateTransactionRequest, transactionStatus, type CreateCode } from './store.ts'

declare module 'fastify' {
  interface FastifyRequest {
    relyingPartyId?: string
  }
}

const CREATE_STATUS: Record<CreateCode, number> = {
  TX_NO_TOKEN: 404, // unknown service or user, or no active, unexpired token
  TX_NOT_OFFERED: 409, // the service does not offer 取引確認
  TX_SUSPENDED: 403,
  TX_NOT_ENROLLED: 409, // the device has not finished 取引認証開始
}

/** onRequest, before the body is parsed: strangers learn nothing more (as requireRelyingParty). */
async function identifyRelyingParty(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const id = await relyingPartyOf(this.deps.db, request.headers.authorization)
  if (id === null) return reply.status(401).send({ code: 'UNAUTHORIZED' })
  request.relyingPartyId = id
}

function relyingPartyIdOf(request: FastifyRequest): string {
  if (!request.relyingPartyId) throw new Error('route is not under identifyRelyingParty')
  return request.relyingPartyId
}

export async function transactionRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRequest', identifyRelyingParty)
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/v1/transactions',
    {
      schema: {
        operationId: 'createTransaction',
        security: [{ relyingParty: [] }],
        summary: 'Ask the customer to confirm a transaction (取引確認; relying party, Authorization: Bearer <key>)',
        body: CreateTransactionRequest,
        response: { 200: z.object({ id: z.uuid() }), '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      const created = await createTransaction(app.deps, relyingPartyIdOf(request), request.body)
      if (!created.ok) return reply.status(CREATE_STATUS[created.code]).send({ code: created.code })
      return { id: created.id }
    },
  )

  app.get(
    '/v1/transactions/:id',
    {
      schema: {
        operationId: 'getTransaction',
        security: [{ relyingParty: [] }],
        summary: "A transaction's outcome (relying party)",
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ status: TransactionStatus }), '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      const status = await transactionStatus(app.deps, relyingPartyIdOf(request), request.params.id)
      if (status === null) return reply.status(404).send({ code: 'TX_NOT_FOUND' })
      return { status }
    },
  )
}
