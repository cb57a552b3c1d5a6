// POST /v1/devices/provision (OTP-12, OTP-13): the desktop app sets up a token. Every refusal is one of the
// seed's codes (seed 4.3); the app shows the seed's wording for it (common/errors.ts). A request that does not
// parse or breaks the schema is S0G1 with 400 (the descriptor's invalidRequestCode).
import type { FastifyInstance } from 'fastify'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import { Refusal } from '../refusal.ts'
import { serve } from '../wire.ts'
import { provisionDevice } from './provision.ts'

export async function provisioningRoutes(app: FastifyInstance): Promise<void> {
  serve(app, deviceRoutes.provision, async (request) => {
    const outcome = await provisionDevice(app.deps, request.body)
    if (outcome.ok) return outcome.response
    // A key that does not parse makes the request malformed, like a schema failure.
    throw outcome.malformed
      ? new Refusal('BAD_REQUEST', 'a key is not a P-256 public key')
      : new Refusal(outcome.code satisfies RefusalCode<typeof deviceRoutes.provision>, 'no token is set up')
  })
}
