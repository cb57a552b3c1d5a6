// Signed device routes of a token's life after setup: 有効期限更新 (OTP-20…23) and パスワード補正 (OTP-24).
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { CORRECTION_REQUEST_MAX_AGE_SECONDS, CorrectRequest, CorrectResponse, RenewRequest, RenewResponse, ServiceError } from '@shinkumi/common/protocol.ts'
import { deviceOf, DeviceHeaders, signedRequests } from './signed-request.ts'
import { renewToken, type RenewCode } from './renew.ts'
import { correctToken, type CorrectCode } from './correct.ts'

/** HTTP status per refusal. The app decides by the code; 401 is kept for refusals of the signature itself. */
const RENEW_STATUS: Record<RenewCode, number> = {
  S3B3: 409, // a re-issue is in progress: this token is being replaced
  S3B5: 403, // user suspended
  S3E4: 422, // outside the renewal window
  S3D3: 409, // transaction-confirmation enrolment unfinished
  S3D4: 409, // unconfirmed transactions pending
}
const CORRECT_STATUS: Record<CorrectCode, number> = {
  S4E3: 403, // token expired: renew first
  A403: 422, // no step within range matches the code (or the token is locked)
}

export async function deviceRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(signedRequests)
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.post(
    '/v1/devices/renew',
    {
      schema: {
        operationId: 'renewToken',
        security: [],
        summary: 'Renew a token (有効期限更新; device-signed)',
        headers: DeviceHeaders,
        body: RenewRequest,
        response: { 200: RenewResponse, '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      const outcome = await renewToken(app.deps, deviceOf(request).tokenId)
      if (!outcome.ok) return reply.status(RENEW_STATUS[outcome.code]).send({ code: outcome.code })
      return { expiresAt: outcome.expiresAt.toISOString() }
    },
  )

  app.post(
    '/v1/devices/correct',
    {
      config: { deviceRequestMaxAgeSeconds: CORRECTION_REQUEST_MAX_AGE_SECONDS },
      schema: {
        operationId: 'storeClockCorrection',
        security: [],
        summary: "Store the token's clock correction (パスワード補正; device-signed)",
        headers: DeviceHeaders,
        body: CorrectRequest,
        response: { 200: CorrectResponse, '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      const outcome = await correctToken(app.deps, deviceOf(request).tokenId, request.body)
      if (!outcome.ok) return reply.status(CORRECT_STATUS[outcome.code]).send({ code: outcome.code })
      return { correctionSteps: outcome.correctionSteps }
    },
  )
}
