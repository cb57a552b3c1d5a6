// 取引確認 on the device (OTP-25): enrolment (取引認証開始), the token's pending transactions, and its signed answer.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DecisionRequest, DecisionResponse, EnrolErrorCode, EnrolResponse, PendingTransactions, ServiceError } from '@shinkumi/common/protocol.ts'
import { deviceOf, DeviceHeaders, signedRequests } from '../devices/signed-request.ts'
import { decideTransaction, enrolToken, pendingTransactions, type DecisionCode } from './store.ts'

/** ServiceError's code is at most 16 characters, but the protocol's own TX_CONTENT_MISMATCH has 19: this route's
 *  refusals are described with room for it, so the answer is not turned into a serialisation fault. */
const DecisionRefusal = z.object({ code: z.string().min(1).max(32), message: z.string().optional() })

const DECISION_STATUS: Record<DecisionCode, number> = {
  TX_NOT_FOUND: 404, // no such transaction for this token
  TX_NOT_PENDING: 409, // answered already, or expired
  TX_CONTENT_MISMATCH: 409, // the device showed something else than what was asked
}

export async function deviceTransactionRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(signedRequests)
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/v1/devices/transactions/enrol',
    {
      schema: {
        operationId: 'enrolTransactions',
        security: [],
        summary: 'Finish 取引認証開始 for a token (device-signed)',
        headers: DeviceHeaders,
        body: z.object({}).strict(),
        response: { 200: EnrolResponse, '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      if (!(await enrolToken(app.deps, deviceOf(request).tokenId))) return reply.status(409).send({ code: EnrolErrorCode.enum.TX_NOT_OFFERED })
      return { enrolled: true as const }
    },
  )

  app.get(
    '/v1/devices/transactions',
    {
      schema: {
        operationId: 'listDeviceTransactions',
        security: [],
        summary: "The token's transactions waiting for an answer (device-signed)",
        headers: DeviceHeaders,
        response: { 200: PendingTransactions, '4xx': ServiceError },
      },
    },
    async (request) => ({ transactions: await pendingTransactions(app.deps, deviceOf(request).tokenId) }),
  )

  app.post(
    '/v1/devices/transactions/:id/decision',
    {
      schema: {
        operationId: 'decideTransaction',
        security: [],
        summary: 'Approve or reject a transaction, bound to its content (device-signed)',
        headers: DeviceHeaders,
        params: z.object({ id: z.uuid() }),
        body: DecisionRequest,
        response: { 200: DecisionResponse, '4xx': DecisionRefusal },
      },
    },
    async (request, reply) => {
      const outcome = await decideTransaction(app.deps, deviceOf(request), request.params.id, request.body)
      if (!outcome.ok) return reply.status(DECISION_STATUS[outcome.code]).send({ code: outcome.code })
      return { status: outcome.status }
    },
  )
}
