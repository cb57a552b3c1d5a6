// How an area registers a route of the wire contract (common/wire): one call turns a RouteDescriptor and its
// handler into a Fastify route — URL, validation, serialisation, the OpenAPI operation, and the descriptor in the
// route's config, from which the root error handler (errors.ts) answers its refusals. An area is an encapsulated
// plugin registered with `{ prefix: descriptor.prefix }`, so a path is written once, in common/wire.
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler, preValidationHookHandler, RouteOptions } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { z } from 'zod'
import { ApiError, type RouteAuth, type RouteDescriptor } from '@shinkumi/common/wire/route.ts'
import { DeviceHeaders } from './devices/signed-request.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The descriptor the route was registered from: its refusals and the code of a request that breaks it. */
    descriptor?: RouteDescriptor
  }
}

/** The zod type provider: request types from the route's schemas, for the service's routes that are not on the wire. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>()

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined

/** A request as the descriptor's schemas left it. */
export type WireRequest<R extends RouteDescriptor> = FastifyRequest<{ Body: Parsed<R['body']>; Params: Parsed<R['params']>; Querystring: Parsed<R['query']> }>

/** Answers the descriptor's success body (its status is set already), or a reply it sent itself (a stream). */
export type WireHandler<R extends RouteDescriptor> = (request: WireRequest<R>, reply: FastifyReply) => Promise<z.output<R['response']> | FastifyReply>

/** What only the service knows about a route: who within the auth kind may call it, extra checks. */
export interface ServerOptions {
  config?: Omit<FastifyContextConfig, 'descriptor'>
  preValidation?: preValidationHookHandler
  preHandler?: preHandlerHookHandler
}

/** The OpenAPI security of each auth kind (openapi.ts names the schemes); a device signs with the headers instead. */
const SECURITY: Record<RouteAuth, Record<string, string[]>[]> = {
  none: [],
  device: [],
  staff: [{ staffSession: [] }],
  'relying-party': [{ relyingParty: [] }],
}

export function serve<R extends RouteDescriptor>(app: FastifyInstance, descriptor: R, handler: WireHandler<R>, options: ServerOptions = {}): void {
  if (app.prefix !== descriptor.prefix) {
    throw new Error(`${descriptor.operationId}: registered under ${app.prefix || '/'}, described under ${descriptor.prefix}`)
  }
  const status = descriptor.status ?? 200
  const route: RouteOptions = {
    method: descriptor.method,
    url: descriptor.path,
    config: { ...options.config, descriptor },
    schema: {
      operationId: descriptor.operationId,
      summary: descriptor.summary,
      tags: [descriptor.prefix.slice(descriptor.prefix.lastIndexOf('/') + 1)],
      security: SECURITY[descriptor.auth],
      ...(descriptor.auth === 'device' ? { headers: DeviceHeaders } : {}),
      ...(descriptor.params ? { params: descriptor.params } : {}),
      ...(descriptor.query ? { querystring: descriptor.query } : {}),
      ...(descriptor.body ? { body: descriptor.body } : {}),
      // A file's own content type for success; its refusals are JSON like every other.
      response: {
        [status]: descriptor.produces ? { content: { [descriptor.produces]: { schema: descriptor.response } } } : descriptor.response,
        '4xx': ApiError,
        '5xx': ApiError,
      },
    },
    ...(options.preValidation ? { preValidation: options.preValidation } : {}),
    ...(options.preHandler ? { preHandler: options.preHandler } : {}),
    handler: async (request, reply) => handler(request as WireRequest<R>, reply.status(status)),
  }
  typed(app).route(route)
}
