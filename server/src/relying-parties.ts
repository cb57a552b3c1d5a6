// Relying parties (internet banking and other bank systems) call the service with `Authorization: Bearer <key>`.
// Keys are random 256-bit values stored only as SHA-256 hashes: a leaked table does not let anyone call in.
// A key is bound to the services it may act for (SEC-04): internet banking's key cannot verify codes of the
// business service. This file is the one place that authenticates a relying party: its plugin guards every route
// whose descriptor says auth 'relying-party', and the rate limiter (its own, higher limit per key) asks it too.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from './db/index.ts'
import { Refusal } from './refusal.ts'
import { hashKey, newKey } from './secrets.ts'

export interface RelyingPartyKey {
  id: string
  name: string
  key: string
  serviceIds: string[]
}

export interface RelyingParty {
  id: string
  serviceIds: readonly string[]
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The relying party of the bearer key, once looked up (null: no valid key). */
    relyingPartyLookup?: Promise<RelyingParty | null>
  }
}

/**
 * Registers a relying party with a fresh key — or with a given one (the documented demo key) — bound to exactly
 * `serviceIds` (an existing party's bindings are replaced).
 */
export async function saveRelyingParty(db: Db, now: Date, party: { name: string; serviceIds: readonly string[]; id?: string; key?: string }): Promise<RelyingPartyKey> {
  const id = party.id ?? crypto.randomUUID()
  const key = party.key ?? newKey('rp')
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('relying_parties')
      .values({ id, name: party.name, key_hash: hashKey(key), created_at: now.getTime() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: party.name, key_hash: hashKey(key) }))
      .execute()
    await trx.deleteFrom('relying_party_services').where('relying_party_id', '=', id).execute()
    if (party.serviceIds.length) {
      await trx
        .insertInto('relying_party_services')
        .values([...new Set(party.serviceIds)].map((serviceId) => ({ relying_party_id: id, service_id: serviceId })))
        .execute()
    }
  })
  // This instance forgets its cached lookups at once; other instances within KEY_CACHE_MS.
  knownKeys.get(db)?.clear()
  return { id, name: party.name, key, serviceIds: [...party.serviceIds] }
}

/**
 * How long a key's lookup is reused. Every verification presents the key, and the lookup was one of the verify
 * path's statements (a round trip each on PostgreSQL); a key replaced, removed or re-bound takes effect at most
 * this long afterwards, on every instance. Unknown keys are not remembered, so a stranger cannot fill the cache.
 */
const KEY_CACHE_MS = 10_000
const MAX_CACHED_KEYS = 1000
const knownKeys = new WeakMap<Db, Map<string, { party: RelyingParty; until: number }>>()

async function lookUpRelyingParty(db: Db, authorization: string | undefined): Promise<RelyingParty | null> {
  const key = /^Bearer ([\x21-\x7e]{1,256})$/.exec(authorization ?? '')?.[1]
  if (!key) return null
  // A lookup by hash: the key itself is never compared.
  const hash = hashKey(key)
  const cache = knownKeys.get(db) ?? knownKeys.set(db, new Map()).get(db)!
  const cached = cache.get(hash)
  if (cached && cached.until > Date.now()) return cached.party
  const rows = await db
    .selectFrom('relying_parties')
    .leftJoin('relying_party_services', 'relying_party_services.relying_party_id', 'relying_parties.id')
    .select(['relying_parties.id', 'relying_party_services.service_id'])
    .where('relying_parties.key_hash', '=', hash)
    .execute()
  if (!rows.length) return null
  const party = { id: rows[0]!.id, serviceIds: rows.flatMap((row) => (row.service_id ? [row.service_id] : [])) }
  if (cache.size >= MAX_CACHED_KEYS) cache.clear()
  cache.set(hash, { party, until: Date.now() + KEY_CACHE_MS })
  return party
}

/** The relying party of the request's bearer key, or null; looked up once per request whoever asks first. */
export function relyingPartyOf(db: Db, request: FastifyRequest): Promise<RelyingParty | null> {
  request.relyingPartyLookup ??= lookUpRelyingParty(db, request.headers.authorization)
  return request.relyingPartyLookup
}

/** The relying party a route with auth 'relying-party' serves. */
export async function authenticatedRelyingParty(request: FastifyRequest): Promise<RelyingParty> {
  const party = request.relyingPartyLookup && (await request.relyingPartyLookup)
  if (!party) throw new Error('route is not guarded by relyingPartyAuth')
  return party
}

/** RP_SERVICE_NOT_BOUND (SEC-04) unless the request's key is bound to the service. */
export async function requireBinding(request: FastifyRequest, serviceId: string): Promise<void> {
  if (!(await authenticatedRelyingParty(request)).serviceIds.includes(serviceId)) {
    throw new Refusal('RP_SERVICE_NOT_BOUND', 'the key is not bound to this service')
  }
}

/** preHandler of the relying-party routes whose body names a service: after validation, so it is well-formed. */
export async function requireServiceBinding(request: FastifyRequest): Promise<void> {
  await requireBinding(request, (request.body as { serviceId: string }).serviceId)
}

async function relyingPartyAuthPlugin(app: FastifyInstance): Promise<void> {
  // onRequest: before the body is parsed, so strangers learn nothing more.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.descriptor?.auth !== 'relying-party') return
    if ((await relyingPartyOf(app.deps.db, request)) === null) throw new Refusal('UNAUTHORIZED', 'a relying-party key is required: Authorization: Bearer <key>')
  })
}

/** Registered at the root: guards the routes that say auth 'relying-party', wherever their area is. */
export const relyingPartyAuth = fp(relyingPartyAuthPlugin, { name: 'relying-party-auth' })
