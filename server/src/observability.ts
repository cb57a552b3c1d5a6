// SVC-09: liveness and Prometheus metrics (SEC-08: the service's own counters too, optionally behind a token).
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sql } from 'kysely'
import { Registry, collectDefaultMetrics, Histogram } from 'prom-client'
import { domainMetrics } from './metrics.ts'

/** METRICS_TOKEN set: only `Authorization: Bearer <token>` may read the figures. */
function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) return true
  const given = Buffer.from(request.headers.authorization ?? '', 'utf8')
  const expected = Buffer.from(`Bearer ${token}`, 'utf8')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

async function observabilityPlugin(app: FastifyInstance): Promise<void> {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [registry],
  })
  app.decorate('metrics', registry)
  const served = Registry.merge([registry, domainMetrics])

  app.addHook('onResponse', async (request, reply) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    await sql`select 1`.execute(app.deps.db)
    return reply.send({ status: 'ok', database: app.deps.dbKind })
  })
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, app.deps.config.metricsToken)) {
      return reply.status(401).header('WWW-Authenticate', 'Bearer').send({ code: 'UNAUTHORIZED', message: 'the metrics token is required: Authorization: Bearer <token>' })
    }
    return reply.type(served.contentType).send(await served.metrics())
  })
}

/** Not encapsulated: the onResponse hook must see the routes of every area, not only the two above. */
export const observability = fp(observabilityPlugin, { name: 'observability' })

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry
  }
}
