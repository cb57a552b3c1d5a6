// What every area does with a request that does not parse (SEC-06: never a 5xx): the JSON or form parser, the body
// limit, the content type, the schema and the text check all refuse with a 4xx status, which the root error handler
// (errors.ts) answers with the API's general codes (or the seed's page, on the linkage pages). A client that hung
// up is not an error of ours and is not logged as one.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ApiError, GENERAL_REFUSALS } from '@shinkumi/common/wire/route.ts'
import { isPlainText } from '@shinkumi/common/rules.ts'

/** The status of a refusal the request earned, or undefined for a fault of ours. */
export function clientErrorStatus(error: unknown): number | undefined {
  if (hasZodFastifySchemaValidationErrors(error)) return 400
  const status = (error as Partial<FastifyError> | undefined)?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

/** The connection is gone: nothing can be answered, and nothing went wrong on our side. */
export function clientHungUp(request: FastifyRequest, error?: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code
  return request.raw.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE'
}

/** The general refusal of a request that does not parse, by its status: a fixed message that echoes nothing. */
const UNPARSED: Record<number, { code: keyof typeof GENERAL_REFUSALS; message: string }> = {
  400: { code: 'BAD_REQUEST', message: 'request does not parse' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'request body too large' },
  414: { code: 'URI_TOO_LONG', message: 'request URI too long' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'unsupported content type' },
}

/** Any other 4xx of the framework is a request that does not parse (BAD_REQUEST, 400). */
export function unparsedRefusal(status: number): { status: number; code: keyof typeof GENERAL_REFUSALS; message: string } {
  return UNPARSED[status] ? { status, ...UNPARSED[status] } : { status: 400, ...UNPARSED[400]! }
}

/** Fastify's own refusals before routing (a URL such as `/%`), in the API's error body instead of Fastify's. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = clientErrorStatus(error)
  if (status === undefined) request.log.error({ err: error }, 'framework error')
  const { status: answered, ...body }: ApiError & { status: number } =
    status === undefined ? { status: 500, code: 'INTERNAL', message: 'internal error', correlationId: request.id } : unparsedRefusal(status)
  void reply.status(answered).send(body)
}

/** Refused before any area sees it: a NUL or other control character, or a lone surrogate, anywhere in the input. */
export class UnplainTextError extends Error {
  readonly statusCode = 400
  readonly code = 'FST_ERR_VALIDATION'
  constructor(part: string) {
    super(`the ${part} holds a control character or text that is not well-formed Unicode`)
    this.name = 'UnplainTextError'
  }
}

/** Whether any string (value or key) in a parsed body, query or params is not plain text; iterative, so depth is free. */
function holdsUnplainText(value: unknown): boolean {
  const pending: unknown[] = [value]
  while (pending.length) {
    const next = pending.pop()
    if (typeof next === 'string') {
      if (!isPlainText(next)) return true
    } else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        if (!isPlainText(key)) return true
        pending.push(inner)
      }
    }
  }
  return false
}

/**
 * One check of every text a request brings, for every route — those with a schema and those that read their form
 * by hand (OAuth, linkage) — so no area and no field can forget it. Headers are left to Node's parser.
 */
export function refuseUnplainText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['body', request.body],
      ['query', request.query],
      ['path', request.params],
    ] as const) {
      if (holdsUnplainText(value)) throw new UnplainTextError(part)
    }
  })
}
