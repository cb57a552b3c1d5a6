// POST /v1/devices/provision (OTP-12, OTP-13): the desktop app sets up a token. Every refusal is one of the
// seed's codes (seed 4.3) as `{ code }`; the app shows the seed's wording for it (common/errors.ts).
import type { FastifyInstance, FastifyError } from 'fastify'
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { ProvisionRequest, ProvisionResponse, ServiceError } from '@shinkumi/common/protocol.ts'
import { provisionDevice, type ProvisionCode } from './provision.ts'

/** HTTP status per refusal. The app decides by the code alone; the status is for logs, proxies and people. */
const STATUS: Record<ProvisionCode, number> = {
  S0F1: 400, // device clock off: the request cannot be judged as sent
  S0A1: 404, // no such service
  S0C1: 401, // user ID or activation password wrong
  S0C4: 423, // activation password locked
  S0B5: 403, // user suspended
  S0B4: 409, // user already has a device
  S0G1: 403, // any other refusal (expired or used password); a malformed request is 400
}

export async function provisioningRoutes(app: FastifyInstance): Promise<void> {
  // Encapsulated: on this route a request the schema or the JSON parser rejects is the seed's S0G1.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = hasZodFastifySchemaValidationErrors(error) ? 400 : (error.statusCode ?? 500)
    if (status >= 500) throw error
    return reply.status(status).send({ code: 'S0G1' })
  })

  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/devices/provision',
    {
      schema: {
        operationId: 'provisionToken',
        security: [],
        summary: 'Set up a token on a device (初期設定 / トークン追加)',
        body: ProvisionRequest,
        response: { 200: ProvisionResponse, '4xx': ServiceError },
      },
    },
    async (request, reply) => {
      const outcome = await provisionDevice(app.deps, request.body)
      if (outcome.ok) return reply.send(outcome.response)
      return reply.status(outcome.malformed ? 400 : STATUS[outcome.code]).send({ code: outcome.code })
    },
  )
}
