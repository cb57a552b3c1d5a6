// One way to refuse (issue 10): the service's one error handler, and its not-found handler. Every refusal and every
// fault of every route ends here, turned first into the API's terms — a code and its status — and then answered in
// the shape the route's area speaks, which the route's config names (never its URL):
// - the API (the wire contract's routes and the service's other JSON routes): ApiError `{ code, message,
//   correlationId? }`, the status of a code from the route's descriptor (refusalsOf);
// - `errorShape: 'oauth'` (the OAuth 2.0 endpoints and the account API they protect): RFC 6749 §5.2 `{ error,
//   error_description }`, the shape OAuth client libraries (openid-client) parse;
// - `errorShape: <page>` (the linkage pages): the page their area renders for the refusal.
// Nothing a caller sees ever holds a stack trace: a fault is INTERNAL with the request id, which the log line has.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { GENERAL_REFUSALS, refusalsOf, type ApiError } from '@shinkumi/common/wire/route.ts'
import { Refusal } from './refusal.ts'
import { clientErrorStatus, clientHungUp, unparsedRefusal } from './request-errors.ts'
import { QueueFullError } from './work-queue.ts'

/** A refusal in the API's terms, with the status it is answered with. */
export type Refused = ApiError & { status: number }

/** An area's own rendering of a refusal (a page); sends it and returns the reply. */
export type ErrorPage = (request: FastifyRequest, reply: FastifyReply, refused: Refused) => FastifyReply

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the route answers a refusal when not in the API's error body (set by the plugin of its area). */
    errorShape?: 'oauth' | ErrorPage
  }
}

/** Sets the error shape of every route the calling plugin registers from now on. */
export function answerErrorsAs(app: FastifyInstance, shape: 'oauth' | ErrorPage): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, errorShape: shape }
  })
}

function internal(request: FastifyRequest): Refused {
  return { status: 500, code: 'INTERNAL', message: 'internal error', correlationId: request.id }
}

function refusedFor(error: unknown, request: FastifyRequest): Refused {
  const descriptor = request.routeOptions.config?.descriptor
  if (error instanceof QueueFullError) return { status: GENERAL_REFUSALS.BUSY, code: 'BUSY', message: error.message }
  if (error instanceof Refusal) {
    const table: Readonly<Record<string, number>> = descriptor ? refusalsOf(descriptor) : GENERAL_REFUSALS
    const status = table[error.code]
    if (status !== undefined) return { status, code: error.code, message: error.message }
    // The contract lists every code a route answers; one it does not list would surprise every caller.
    request.log.error({ code: error.code, operation: descriptor?.operationId }, 'refusal the route does not declare')
    return internal(request)
  }
  if (hasZodFastifySchemaValidationErrors(error)) return { status: 400, code: 'BAD_REQUEST', message: 'request does not match the schema' }
  const status = clientErrorStatus(error)
  if (status !== undefined) return unparsedRefusal(status)
  // Said once, at info, by the close hook below.
  if (clientHungUp(request, error)) return unparsedRefusal(400)
  request.log.error({ err: error }, 'unhandled error')
  return internal(request)
}

/** RFC 6749 §5.2 for what the API calls by its general codes. */
const OAUTH_ERRORS: Partial<Record<string, string>> = { RATE_LIMITED: 'temporarily_unavailable', BUSY: 'temporarily_unavailable', INTERNAL: 'server_error' }

/** Answers a refusal in the shape of the request's route. */
function answerRefusal(request: FastifyRequest, reply: FastifyReply, refused: Refused): FastifyReply {
  // A route with its own code for a request that breaks it (seed 4.3's S0G1) answers that instead of BAD_REQUEST.
  const invalidRequestCode = request.routeOptions.config?.descriptor?.invalidRequestCode
  if (refused.code === 'BAD_REQUEST' && invalidRequestCode) refused = { ...refused, code: invalidRequestCode }
  const shape = request.routeOptions.config?.errorShape
  if (typeof shape === 'function') return shape(request, reply, refused)
  const { status, ...body } = refused
  if (shape === 'oauth') {
    const description = body.correlationId ? `${body.message} (${body.correlationId})` : body.message
    return reply.status(status).send({ error: OAUTH_ERRORS[body.code] ?? 'invalid_request', error_description: description })
  }
  return reply.status(status).send(body)
}

async function errorHandling(app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof QueueFullError) reply.header('Retry-After', String(error.retryAfterSeconds))
    return answerRefusal(request, reply, refusedFor(error, request))
  })
  app.setNotFoundHandler((request, reply) => answerRefusal(request, reply, { status: 404, code: 'NOT_FOUND', message: 'not found' }))
  // A connection closed before the answer was sent (mid-body, or while the handler works) is the client's choice, not
  // a fault of ours: said at info, never as an error (SEC-06).
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.once('close', () => {
      if (!reply.raw.writableFinished) request.log.info('client hung up before the answer')
    })
  })
}

/** Registered at the root before any area: the areas have no error handler of their own. */
export const errors = fp(errorHandling, { name: 'errors' })
