// The service as one Fastify instance: each area is an encapsulated plugin with its own routes and schemas
// (DESIGN.md §5); zod schemas drive validation, serialisation and the OpenAPI document (SVC-09).
import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { ManualClock } from './clock.ts'
import type { Deps } from './deps.ts'
import { observability } from './observability.ts'
import { openApiDocument } from './openapi.ts'
import httpPolicy, { httpServerOptions } from './http-policy.ts'
import { clientErrorStatus, clientHungUp, frameworkErrors, refuseUnplainText, unparsedBody } from './request-errors.ts'
import { limitHashing } from './secrets.ts'
import { rateLimits } from './rate-limits.ts'
import { QueueFullError } from './work-queue.ts'
import { testClockRoutes } from './test-clock.ts'
import { provisioningRoutes } from './provisioning/index.ts'
import { otpRoutes } from './otp/index.ts'
import { linkageRoutes } from './linkage/routes.ts'
import { oauthRoutes } from './oauth/routes.ts'
import { accountRoutes } from './accounts/routes.ts'
import { telephonyRoutes } from './telephony/routes.ts'
import { staffRoutes } from './staff/routes.ts'
import { deviceRoutes } from './devices/routes.ts'
import { deviceTransactionRoutes } from './transactions/device-routes.ts'
import { transactionRoutes } from './transactions/rp-routes.ts'

export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    ...httpServerOptions(deps.config),
    bodyLimit: 64 * 1024,
    frameworkErrors,
  })
  app.decorate('deps', deps)
  await app.register(httpPolicy)
  limitHashing(deps.config.hashing)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  // Nothing a person sees ever holds a stack trace: known errors carry their code, the rest become a generic 500.
  app.setErrorHandler((error, request, reply) => {
    // The OAuth endpoints answer in RFC 6749's error shape, which their response schemas declare.
    const oauth = request.routeOptions.url?.startsWith('/oauth/')
    if (hasZodFastifySchemaValidationErrors(error)) {
      const message = 'request does not match the schema'
      return reply.status(400).send(oauth ? { error: 'invalid_request', error_description: message } : { code: 'BAD_REQUEST', message })
    }
    if (error instanceof QueueFullError) {
      return reply.status(503).header('Retry-After', String(error.retryAfterSeconds)).send({ code: 'BUSY', message: error.message })
    }
    const status = clientErrorStatus(error)
    if (status === 400 || status === 413 || status === 414 || status === 415) {
      const body = unparsedBody(status)
      if (oauth) return reply.status(status).send({ error: 'invalid_request', error_description: body.message })
      return reply.status(status).send(body)
    }
    if (status) return reply.status(status).send({ code: 'BAD_REQUEST', message: (error as Error).message })
    if (clientHungUp(request, error)) {
      request.log.info('client hung up before the answer')
      return reply.status(400).send(unparsedBody(400))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send({ code: 'INTERNAL', message: 'internal error', correlationId: request.id })
  })
  // A connection closed before the answer was sent (mid-body, or while the handler works) is the client's choice, not
  // a fault of ours: said at info, never as an error (SEC-06).
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) request.log.info('client hung up before the answer')
    })
  })
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: 'NOT_FOUND', message: 'not found' }))

  await app.register(swagger, {
    openapi: openApiDocument,
    transform: jsonSchemaTransform,
    // Schemas registered with an id (zod .meta({ id })) become components, shown once and referred to.
    transformObject: jsonSchemaTransformObject,
  })
  app.get('/docs/json', { schema: { hide: true } }, async () => app.swagger())

  await app.register(observability)
  await app.register(rateLimits)
  refuseUnplainText(app)
  if (deps.clock instanceof ManualClock) await app.register(testClockRoutes)
  await app.register(provisioningRoutes)
  await app.register(otpRoutes)
  await app.register(linkageRoutes)
  await app.register(oauthRoutes)
  await app.register(accountRoutes)
  await app.register(telephonyRoutes)
  await app.register(staffRoutes)
  await app.register(deviceRoutes)
  await app.register(deviceTransactionRoutes)
  await app.register(transactionRoutes)
  return app
}
