// SVC-06: relying parties (internet banking) submit transactions for the customer to confirm and read the outcome.
// Authenticated like /v1/otp/verify; each relying party sees only the transactions it created.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ServiceError, TransactionStatus } from '@shinkumi/common/protocol.ts'
import { authenticatedRelyingParty, requireRelyingParty, requireServiceBinding, SERVICE_NOT_BOUND } from '../relying-parties.ts'
import { createTransaction, CreateTransactionRequest, transactionStatus, type CreateCode } from './store.ts'

const CREATE_STATUS: Record<CreateCode, number> = {
  TX_NO_TOKEN: 404, // unknown service or user, or no active, unexpired token
  TX_NOT_OFFERED: 409, // the service does not offer 取引確認
  TX_SUSPENDED: 403,
  TX_NOT_ENROLLED: 409, // the device has not finished 取引認証開始
}

export async function transactionRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.addHook('onRequest', requireRelyingParty)
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/v1/transactions',
    {
      preHandler: requireServiceBinding,
      schema: {
        operationId: 'createTransaction',
        security: [{ relyingParty: [] }],
        summary: 'Ask the customer to confirm a transaction (取引確認; relying party, Authorization: Bearer <key>; 403 for a service the key is not bound to)',
        body: CreateTransactionRequest,
        response: { 200: z.object({ id: z.uuid() }), '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      const created = await createTransaction(app.deps, (await authenticatedRelyingParty(request)).id, request.body)
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
      const party = await authenticatedRelyingParty(request)
      const transaction = await transactionStatus(app.deps, party.id, request.params.id)
      if (transaction === null) return reply.status(404).send({ code: 'TX_NOT_FOUND' })
      // A key unbound from the service since it created the transaction no longer reads it either.
      if (!party.serviceIds.includes(transaction.serviceId)) return reply.status(403).send({ code: SERVICE_NOT_BOUND })
      return { status: transaction.status }
    },
  )
}
