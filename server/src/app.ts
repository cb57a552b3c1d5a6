// The service as one Fastify instance: each area is an encapsulated plugin with its own routes and schemas
// (DESIGN.md §5); zod schemas drive validation, serialisation and the OpenAPI document (SVC-09).
import Fastify, { type FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { DEVICES_PREFIX } from '@shinkumi/common/wire/devices.ts'
import { STAFF_PREFIX } from '@shinkumi/common/wire/staff.ts'
import { OTP_PREFIX, TRANSACTIONS_PREFIX } from '@shinkumi/common/wire/relying-party.ts'
import { ManualClock } from './clock.ts'
import type { Deps } from './deps.ts'
import { errors } from './errors.ts'
import { observability } from './observability.ts'
import { openApiDocument } from './openapi.ts'
import httpPolicy, { httpServerOptions } from './http-policy.ts'
import { frameworkErrors, refuseUnplainText } from './request-errors.ts'
import { limitHashing } from './secrets.ts'
import { rateLimits } from './rate-limits.ts'
import { relyingPartyAuth } from './relying-parties.ts'
import { testClockRoutes } from './test-clock.ts'
import { provisioningRoutes } from './provisioning/index.ts'
import { otpRoutes } from './otp/index.ts'
import { linkageRoutes } from './linkage/routes.ts'
import { oauthRoutes } from './oauth/routes.ts'
import { accountRoutes } from './accounts/routes.ts'
import { TELEPHONY_PREFIX, telephonyRoutes } from './telephony/routes.ts'
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
  await app.register(errors)

  await app.register(swagger, {
    openapi: openApiDocument,
    transform: jsonSchemaTransform,
    // Schemas registered with an id (zod .meta({ id })) become components, shown once and referred to.
    transformObject: jsonSchemaTransformObject,
  })
  app.get('/docs/json', { schema: { hide: true } }, async () => app.swagger())

  // Cross-cutting plugins (not encapsulated): they see every area's routes.
  await app.register(observability)
  await app.register(rateLimits)
  await app.register(relyingPartyAuth)
  refuseUnplainText(app)
  if (deps.clock instanceof ManualClock) await app.register(testClockRoutes)
  // Areas (encapsulated), the wire contract's under the prefix their descriptors name.
  await app.register(provisioningRoutes, { prefix: DEVICES_PREFIX })
  await app.register(deviceRoutes, { prefix: DEVICES_PREFIX })
  await app.register(deviceTransactionRoutes, { prefix: DEVICES_PREFIX })
  await app.register(otpRoutes, { prefix: OTP_PREFIX })
  await app.register(transactionRoutes, { prefix: TRANSACTIONS_PREFIX })
  await app.register(staffRoutes, { prefix: STAFF_PREFIX })
  await app.register(telephonyRoutes, { prefix: TELEPHONY_PREFIX })
  await app.register(linkageRoutes)
  await app.register(oauthRoutes)
  await app.register(accountRoutes)
  return app
}
