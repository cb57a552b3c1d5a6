// SVC-05: the telephony provider's inbound-call webhook. The signature is checked on the raw bytes before
// anything is parsed or stored; a call whose `at` is more than 5 minutes from the service clock is refused (a
// recorded, signed call cannot be played again later); a replayed callId is a no-op; a call verifies at most the
// one linkage flow that waits for that caller on that number (linkage/phone-step.ts). The provider is not the
// desktop app, so the route is described here rather than in common/wire, in the same grammar and error body.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { route } from '@shinkumi/common/wire/route.ts'
import { Refusal } from '../refusal.ts'
import { clientErrorStatus } from '../request-errors.ts'
import { serve } from '../wire.ts'
import { verifyWaitingFlow } from '../linkage/phone-step.ts'
import { signatureMatches } from './signature.ts'
import { isWithheld, nationalNumber } from './phone-number.ts'
import { telephonyFailures } from '../metrics.ts'

const CALL_CLOCK_TOLERANCE_MS = 5 * 60_000
/**
 * How long a callId is remembered. Far longer than the tolerance: a call played again after its callId is
 * forgotten is already refused for its `at`, which the signature keeps from being changed.
 */
const CALL_ID_RETENTION_MS = 24 * 3_600_000

const InboundCall = z.object({
  callId: z.string().min(1).max(128),
  from: z.string().max(32),
  to: z.string().min(1).max(32),
  at: z.iso.datetime({ offset: true }),
})
const Outcome = z.object({ status: z.enum(['verified', 'unmatched', 'withheld', 'duplicate']) })

export const TELEPHONY_PREFIX = '/v1/telephony'

const inboundCall = route({
  operationId: 'inboundCall',
  summary: 'An inbound call reported by the telephony provider (SVC-05; X-Signature: HMAC-SHA256 of the body)',
  method: 'POST',
  prefix: TELEPHONY_PREFIX,
  path: '/inbound-call',
  auth: 'none',
  body: InboundCall,
  response: Outcome,
  refusals: {
    INVALID_SIGNATURE: 401,
    CALL_TIME_OUT_OF_RANGE: 400, // `at` more than 5 minutes from the service clock
  },
})

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer
  }
}

export async function telephonyRoutes(app: FastifyInstance): Promise<void> {
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
  // Refusals are counted where they are made; what else reaches the error handler is counted here.
  app.addHook('onError', async (_request, _reply, error) => {
    if (!(error instanceof Refusal)) telephonyFailures.inc({ reason: clientErrorStatus(error) ? 'invalid_request' : 'server_error' })
  })

  serve(
    app,
    inboundCall,
    async (request) => {
      const call = request.body
      const now = clock.now().getTime()
      if (Math.abs(Date.parse(call.at) - now) > CALL_CLOCK_TOLERANCE_MS) {
        telephonyFailures.inc({ reason: 'call_time_out_of_range' })
        throw new Refusal('CALL_TIME_OUT_OF_RANGE', 'the call is more than 5 minutes from the service clock')
      }
      await db
        .deleteFrom('telephony_calls')
        .where('received_at', '<', now - CALL_ID_RETENTION_MS)
        .execute()
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
    {
      // preValidation runs before the schema: a forged request learns nothing, not even whether its body is valid.
      preValidation: async (request) => {
        const header = request.headers['x-signature']
        if (!signatureMatches(config.linkage.telephonySecret, request.rawBody ?? Buffer.alloc(0), typeof header === 'string' ? header : undefined)) {
          telephonyFailures.inc({ reason: 'invalid_signature' })
          throw new Refusal('INVALID_SIGNATURE', 'X-Signature is not the HMAC-SHA256 of the body with the shared secret')
        }
      },
    },
  )
}
