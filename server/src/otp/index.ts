// POST /v1/otp/verify (SVC-04): relying parties ask whether a customer's one-time password is right.
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { serviceIdRule, userIdRule } from '@shinkumi/common/rules.ts'
import { ServiceError } from '@shinkumi/common/protocol.ts'
import { requireRelyingParty, requireServiceBinding } from '../relying-parties.ts'
import { OtpRefusal, verifyOtp } from './verify.ts'
import { otpVerifications } from '../metrics.ts'

const VerifyRequest = z.object({
  serviceId: serviceIdRule,
  userId: userIdRule,
  otp: z.string().regex(/^[0-9]{6,8}$/),
})

const VerifyResponse = z.union([
  z.object({ valid: z.literal(true) }),
  z.object({ valid: z.literal(false), reason: OtpRefusal }),
])

export async function otpRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', requireRelyingParty)
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/otp/verify',
    {
      preHandler: requireServiceBinding,
      schema: {
        operationId: 'verifyOtp',
        security: [{ relyingParty: [] }],
        summary: 'Verify a one-time password (relying party, Authorization: Bearer <key>; 403 for a service the key is not bound to)',
        body: VerifyRequest,
        response: { 200: VerifyResponse, '4xx': ServiceError },
      },
    },
    async (request) => {
      const verdict = await verifyOtp(app.deps, request.body)
      otpVerifications.inc({ outcome: verdict.valid ? 'valid' : verdict.reason })
      return verdict
    },
  )
}
