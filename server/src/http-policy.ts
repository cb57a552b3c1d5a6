// SEC-05, SEC-08: what every response of the service carries and how every request is logged — security headers,
// no caching, a request id — and whose address a request comes from. Registered first, so it covers every area.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyRequest, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import type { Config } from './config.ts'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])
/** A request id a proxy or client sends is kept only when it is short and plain, so a log line cannot be forged. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Secure cookies and HSTS follow the configured public address, never a Host header a stranger chose. */
export function servedOverHttps(config: Pick<Config, 'publicUrl'>): boolean {
  return new URL(config.publicUrl).protocol === 'https:'
}

function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : crypto.randomUUID()
}

/**
 * The Fastify options this policy needs. Log lines name a request's route, not its URL: paths and queries hold
 * account numbers and codes (`/v1/accounts/acct-115-ordinary-1100026/…`, /oauth/authorize's query), and no log line
 * may. A request no route matched is logged without its path, which only the caller chose.
 */
export function httpServerOptions(config: Config): FastifyServerOptions {
  return {
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: {
              req: (request: FastifyRequest) => ({
                method: request.method,
                route: request.routeOptions.url ?? '(no route)',
                remoteAddress: request.ip,
                remotePort: request.socket?.remotePort,
              }),
            },
          },
    // Correlation ids: a person who reports a problem quotes one, and the log line carries it.
    genReqId: requestId,
    // Without TRUST_PROXY the socket's address is the client's: X-Forwarded-For from anyone else is ignored.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
  }
}

/**
 * Helmet's headers, computed once: they depend only on the configuration, and @fastify/helmet ran helmet's whole
 * middleware chain — directives parsed, names dashified — on every request, a few percent of a verification.
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {})
  return headers
}

async function httpPolicy(app: FastifyInstance): Promise<void> {
  const { config } = app.deps
  const hsts = servedOverHttps(config) && !LOOPBACK.has(new URL(config.publicUrl).hostname)
  const headers = securityHeaders({
    // The API answers JSON only: nothing may load or frame it. The linkage pages send their own, stricter-per-flow
    // policy (linkage/respond.ts), which replaces this header on them.
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } },
    strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers)
    reply.header('X-Request-Id', request.id)
  })
  // Almost every answer holds personal or financial data (balances, transactions, tokens, staff views, the linkage
  // pages), so nothing is cacheable unless a route says otherwise (the linkage's static assets do).
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store')
  })
}

export default fp(httpPolicy, { name: 'http-policy' })
