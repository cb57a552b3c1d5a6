// SVC-05: the telephony provider's inbound-call webhook. The signature is checked on the raw bytes before
// anything is parsed or stored; a replayed callId is a no-op; a call verifies at most the one linkage flow that
// waits for that caller on that number (linkage/phone-step.ts).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { clientErrorStatus } from '../request-errors.ts'
import { verifyWaitingFlow } from '../linkage/phone-step.ts'
import { signatureMatches } from './signature.ts'
import { isWithheld, nationalNumber } from './phone-number.ts'

const InboundCall = z.object({
  callId: z.string().min(1).max(128),
  from: z.string().max(32),
  to: z.string().min(1).max(32),
  at: z.iso.datetime({ offset: true }),
})
const Outcome = z.object({ status: z.enum(['verified', 'unmatched', 'withheld', 'duplicate']) })
const ApiError = z.object({ error: z.string() })

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer
  }
}

export async function telephonyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>()
  const { db, clock, config } = app.deps

  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')))
    } catch {
      done(null, undefined)
    }
  })
  app.setErrorHandler((error, request, reply) => {
    if (clientErrorStatus(error)) return reply.status(400).send({ error: 'invalid_request' })
    request.log.error({ err: error }, 'telephony webhook error')
    return reply.status(500).send({ error: 'server_error' })
  })

  app.post(
    '/v1/telephony/inbound-call',
    {
      schema: { tags: ['telephony'], body: InboundCall, response: { 200: Outcome, 400: ApiError, 401: ApiError } },
      // preValidation runs before the schema: a forged request learns nothing, not even whether its body is valid.
      preValidation: async (request, reply) => {
        const header = request.headers['x-signature']
        if (!signatureMatches(config.linkage.telephonySecret, request.rawBody ?? Buffer.alloc(0), typeof header === 'string' ? header : undefined)) {
          return reply.status(401).send({ error: 'invalid_signature' })
        }
      },
    },
    async (request) => {
      const call = request.body
      const now = clock.now().getTime()
      const withheld = isWithheld(call.from)
      const from = withheld ? '' : nationalNumber(call.from)
      const inserted = await db
        .insertInto('telephony_calls')
        .values({ call_id: call.callId, from_number: from, to_number: nationalNumber(call.to), called_at: call.at, received_at: now })
        .onConflict((oc) => oc.column('call_id').doNothing())
        .executeTakeFirst()
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return { status: 'duplicate' as const }
      if (withheld) return { status: 'withheld' as const }
      const flowId = await verifyWaitingFlow(db, { from, to: nationalNumber(call.to) }, clock.now())
      if (!flowId) return { status: 'unmatched' as const }
      await db.updateTable('telephony_calls').set({ verified_flow_id: flowId }).where('call_id', '=', call.callId).execute()
      return { status: 'verified' as const }
    },
  )
}
