// Signed device routes of a token's life after setup: 有効期限更新 (OTP-20…23) and パスワード補正 (OTP-24).
import type { FastifyInstance } from 'fastify'
import { CORRECTION_REQUEST_MAX_AGE_SECONDS } from '@shinkumi/common/protocol.ts'
import { deviceRoutes as routes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import { Refusal } from '../refusal.ts'
import { serve } from '../wire.ts'
import { deviceOf, signedRequests } from './signed-request.ts'
import { renewToken } from './renew.ts'
import { correctToken } from './correct.ts'

export async function deviceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(signedRequests)

  serve(app, routes.renew, async (request) => {
    const outcome = await renewToken(app.deps, deviceOf(request).tokenId)
    if (!outcome.ok) throw new Refusal(outcome.code satisfies RefusalCode<typeof routes.renew>, 'the token is not renewed')
    return { expiresAt: outcome.expiresAt.toISOString() }
  })

  serve(
    app,
    routes.correct,
    async (request) => {
      const outcome = await correctToken(app.deps, deviceOf(request).tokenId, request.body)
      if (!outcome.ok) throw new Refusal(outcome.code satisfies RefusalCode<typeof routes.correct>, 'no clock correction is stored')
      return { correctionSteps: outcome.correctionSteps }
    },
    { config: { deviceRequestMaxAgeSeconds: CORRECTION_REQUEST_MAX_AGE_SECONDS } },
  )
}
