// Relying parties (internet banking and other bank systems) call the service with `Authorization: Bearer <key>`.
// Keys are random 256-bit values stored only as SHA-256 hashes: a leaked table does not let anyone call in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from './db/index.ts'
import { hashKey, newKey } from './secrets.ts'

export interface RelyingPartyKey {
  id: string
  name: string
  key: string
}

/** Registers a relying party with a fresh key — or with a given one (the documented demo key). */
export async function saveRelyingParty(db: Db, now: Date, party: { name: string; id?: string; key?: string }): Promise<RelyingPartyKey> {
  const id = party.id ?? crypto.randomUUID()
  const key = party.key ?? newKey('rp')
  await db
    .insertInto('relying_parties')
    .values({ id, name: party.name, key_hash: hashKey(key), created_at: now.getTime() })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: party.name, key_hash: hashKey(key) }))
    .execute()
  return { id, name: party.name, key }
}

/**
 * How long a key's lookup is reused. Every verification presents the key, and the lookup was one of the verify
 * path's three statements (a round trip each on PostgreSQL); a key replaced or removed stops working at most
 * this long afterwards, on every instance. Unknown keys are not remembered, so a stranger cannot fill the cache.
 */
const KEY_CACHE_MS = 10_000
const MAX_CACHED_KEYS = 1000
const knownKeys = new WeakMap<Db, Map<string, { id: string; until: number }>>()

/** The relying party a bearer key belongs to, or null. A lookup by hash: the key itself is never compared. */
export async function relyingPartyOf(db: Db, authorization: string | undefined): Promise<string | null> {
  const key = /^Bearer ([\x21-\x7e]{1,256})$/.exec(authorization ?? '')?.[1]
  if (!key) return null
  const hash = hashKey(key)
  const cache = knownKeys.get(db) ?? knownKeys.set(db, new Map()).get(db)!
  const cached = cache.get(hash)
  if (cached && cached.until > Date.now()) return cached.id
  const row = await db.selectFrom('relying_parties').select('id').where('key_hash', '=', hash).executeTakeFirst()
  if (!row) return null
  if (cache.size >= MAX_CACHED_KEYS) cache.clear()
  cache.set(hash, { id: row.id, until: Date.now() + KEY_CACHE_MS })
  return row.id
}

/** onRequest hook for relying-party routes: runs before the body is parsed, so strangers learn nothing more. */
export async function requireRelyingParty(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  if ((await relyingPartyOf(this.deps.db, request.headers.authorization)) === null) {
    return reply.status(401).send({ code: 'UNAUTHORIZED' })
  }
}
