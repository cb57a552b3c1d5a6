// SEC-01: how fast anyone may call. One root hook (before any area's own hooks, 404s included) counts each request
// against its area's limit per source address — or, for a relying party with a valid key, against the relying
// parties' higher limit per key. Over the limit: RATE_LIMITED (429) with Retry-After, answered by the root error
// handler in the route's shape (the linkage pages show the seed's 混雑 page, OAuth says temporarily_unavailable).
// Counters live in this process, or in Redis when REDIS_URL is set, so every instance shares them.
// Areas are told by the matched route's path or descriptor, so a route added later under /oauth/ or /linkage, or
// for relying parties, is limited too.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import rateLimit, { normalizeIP } from '@fastify/rate-limit'
import { Redis } from 'ioredis'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import { staffRoutes } from '@shinkumi/common/wire/staff.ts'
import type { RateLimitConfig } from './config.ts'
import { Refusal } from './refusal.ts'
import { relyingPartyOf } from './relying-parties.ts'
import { TELEPHONY_PREFIX } from './telephony/routes.ts'

export type RateLimitArea = keyof RateLimitConfig['perWindow']

/** The area a request counts against; null for the operators' own probes (health, metrics). */
export function areaOf(request: FastifyRequest): RateLimitArea | null {
  const path = request.routeOptions.url
  const descriptor = request.routeOptions.config?.descriptor
  if (path === undefined) return 'other' // no route: a 404 counts like any other request
  if (path === '/healthz' || path === '/metrics') return null
  if (path === '/oauth/authorize' || path === '/linkage' || path.startsWith('/linkage/')) return 'linkage'
  if (path.startsWith('/oauth/')) return 'oauth'
  if (descriptor === deviceRoutes.provision) return 'provisioning'
  if (descriptor === staffRoutes.signIn) return 'staffSignIn'
  if (path.startsWith(`${TELEPHONY_PREFIX}/`)) return 'telephony'
  if (descriptor?.auth === 'relying-party') return 'relyingParty'
  return 'other'
}

async function rateLimitsPlugin(app: FastifyInstance): Promise<void> {
  const { config, db } = app.deps
  const limits = config.rateLimit
  // Commands fail fast while Redis is away (the limiter then lets requests through: skipOnError), rather than
  // queueing and holding every request.
  const redis = limits.redisUrl ? new Redis(limits.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableOfflineQueue: false }) : undefined
  redis?.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store (Redis) unavailable: limits not enforced meanwhile'))
  if (redis) {
    app.addHook('onClose', async () => void (await redis.quit()))
    // Start counting in Redis from the first request; a Redis that is down does not stop the service starting.
    await new Promise((resolve) => {
      redis.once('ready', resolve)
      redis.once('error', resolve)
    })
  }

  /** `area:subject`: the address (IPv6 by /64), or the relying party for a request with a valid key. */
  async function keyOf(request: FastifyRequest): Promise<string> {
    const area = areaOf(request) ?? 'other'
    if (area === 'relyingParty') {
      const party = await relyingPartyOf(db, request)
      // A request without a valid key is a stranger's: it counts against the address, like any other.
      return party ? `relyingParty:${party.id}` : `other:${normalizeIP(request.ip)}`
    }
    return `${area}:${normalizeIP(request.ip)}`
  }

  await app.register(rateLimit, {
    global: false,
    timeWindow: limits.windowSeconds * 1000,
    max: (_request, key) => limits.perWindow[key.slice(0, key.indexOf(':')) as RateLimitArea],
    keyGenerator: keyOf,
    cache: 10_000,
    skipOnError: true,
    ...(redis ? { redis, nameSpace: limits.redisPrefix } : {}),
  })
  const limiter = app.createRateLimit()

  app.addHook('onRequest', async (request, reply) => {
    const area = areaOf(request)
    if (area === null) return
    const outcome = await limiter(request)
    if (outcome.isAllowed || !outcome.isExceeded) return
    reply.header('Retry-After', String(Math.max(1, outcome.ttlInSeconds)))
    throw new Refusal('RATE_LIMITED', 'too many requests; retry after the given seconds')
  })
}

export const rateLimits = fp(rateLimitsPlugin, { name: 'rate-limits' })
