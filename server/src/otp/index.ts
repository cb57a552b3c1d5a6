// POST /v1/otp/verify (SVC-04): relying parties ask whether a customer's one-time password is right.
import type { FastifyInstance } from 'fastify'
import { relyingPartyRoutes } from '@shinkumi/common/wire/relying-party.ts'
import { requireServiceBinding } from '../relying-parties.ts'
import { serve } from '../wire.ts'
import { verifyOtp } from './verify.ts'
import { otpVerifications } from '../metrics.ts'

export async function otpRoutes(app: FastifyInstance): Promise<void> {
  serve(
    app,
    relyingPartyRoutes.verifyOtp,
    async (request) => {
      const verdict = await verifyOtp(app.deps, request.body)
      otpVerifications.inc({ outcome: verdict.valid ? 'valid' : verdict.reason })
      return verdict
    },
    { preHandler: requireServiceBinding },
  )
}
