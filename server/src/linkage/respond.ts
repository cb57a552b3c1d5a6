// How a linkage page leaves the service: strict CSP (scripts and styles only from this service, forms only to
// this service and the flow's redirect origin), no caching, no framing; in the request's language (LNK-13).
import type { FastifyReply } from 'fastify'
import type { Html } from './html.ts'
import { languageOf } from './language.ts'

export function contentSecurityPolicy(formTarget?: string): string {
  const formAction = ["'self'", ...(formTarget ? [new URL(formTarget).origin] : [])].join(' ')
  return ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", `form-action ${formAction}`, "frame-ancestors 'none'", "base-uri 'none'"].join('; ')
}

export function sendPage(reply: FastifyReply, body: Html, options: { status?: number; formTarget?: string } = {}) {
  return reply
    .status(options.status ?? 200)
    .header('Content-Security-Policy', contentSecurityPolicy(options.formTarget))
    .header('Cache-Control', 'no-store')
    .header('X-Content-Type-Options', 'nosniff')
    .header('X-Frame-Options', 'DENY')
    .header('Referrer-Policy', 'no-referrer')
    .header('Content-Language', languageOf(reply.request))
    .header('Vary', 'Accept-Language, Cookie')
    .type('text/html; charset=utf-8')
    .send(body.value)
}
