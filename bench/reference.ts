// The reference of `npm run bench` (issue 12): the least a server can do to verify a code — one SELECT of the
// token, AES-GCM open of its seed, HMAC over the window, one conditional UPDATE — in Fastify with better-sqlite3
// or pg and nothing else (no schema library, no query builder, no hooks, no metrics). Run as a process of its
// own on the bench's database: BENCH_REF_DB=sqlite:<file> | postgres://…, BENCH_REF_SCHEMA, SEED_KEY (base64),
// BENCH_REF_KEY_HASH (SHA-256 hex of the relying-party key). Prints its URL as one JSON line.
import { createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto'
import Fastify from 'fastify'
import SQLite from 'better-sqlite3'
import pg from 'pg'

const db = process.env.BENCH_REF_DB!
const seedKey = Buffer.from(process.env.SEED_KEY!, 'base64')
const keyHash = Buffer.from(process.env.BENCH_REF_KEY_HASH!, 'hex')
const WINDOW = 1

interface TokenRow {
  token_id: string
  seed_ciphertext: string
  last_step: number | string
  failures: number
}

type Store = {
  token(serviceId: string, userId: string): Promise<TokenRow | undefined>
  accept(tokenId: string, step: number): Promise<boolean>
  fail(tokenId: string): Promise<void>
}

function sqliteStore(file: string): Store {
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
  const select = sqlite.prepare(`select token_id, seed_ciphertext, last_step, failures from tokens where service_id = ? and user_id = ? and status = 'active'`)
  const accept = sqlite.prepare(`update tokens set last_step = ?, failures = 0 where token_id = ? and last_step < ? and failures < 10`)
  const fail = sqlite.prepare(`update tokens set failures = failures + 1 where token_id = ? and failures < 10`)
  return {
    token: async (s, u) => select.get(s, u) as TokenRow | undefined,
    accept: async (id, step) => accept.run(step, id, step).changes === 1,
    fail: async (id) => void fail.run(id),
  }
}

function pgStore(url: string, schema: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` })
  return {
    token: async (s, u) =>
      (await pool.query<TokenRow>(`select token_id, seed_ciphertext, last_step, failures from tokens where service_id = $1 and user_id = $2 and status = 'active'`, [s, u])).rows[0],
    accept: async (id, step) => (await pool.query(`update tokens set last_step = $1, failures = 0 where token_id = $2 and last_step < $1 and failures < 10`, [step, id])).rowCount === 1,
    fail: async (id) => void (await pool.query(`update tokens set failures = failures + 1 where token_id = $1 and failures < 10`, [id])),
  }
}

function seedOf(row: TokenRow): Buffer {
  const bytes = Buffer.from(row.seed_ciphertext, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', seedKey, bytes.subarray(0, 12))
  decipher.setAAD(Buffer.from(row.token_id, 'utf8'))
  decipher.setAuthTag(bytes.subarray(bytes.length - 16))
  return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()])
}

function hotp(seed: Buffer, counter: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', seed).update(message).digest()
  const offset = mac[mac.length - 1]! & 0xf
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e8).padStart(8, '0')
}

const store = db.startsWith('sqlite:') ? sqliteStore(db.slice('sqlite:'.length)) : pgStore(db, process.env.BENCH_REF_SCHEMA ?? 'public')
const app = Fastify()
app.post<{ Body: { serviceId: string; userId: string; otp: string } }>('/v1/otp/verify', async (request, reply) => {
  const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? ''
  if (!timingSafeEqual(createHash('sha256').update(key).digest(), keyHash)) return reply.code(401).send({ code: 'UNAUTHORIZED' })
  const { serviceId, userId, otp } = request.body
  const row = await store.token(serviceId, userId)
  if (!row) return { valid: false, reason: 'unknown' }
  if (row.failures >= 10) return { valid: false, reason: 'locked' }
  const seed = seedOf(row)
  const center = Math.floor(Date.now() / 60_000)
  let matched = -1
  for (let step = center - WINDOW; step <= center + WINDOW; step++) if (hotp(seed, step) === otp) matched = step
  if (matched < 0) {
    await store.fail(row.token_id)
    return { valid: false, reason: 'mismatch' }
  }
  if (matched <= Number(row.last_step)) return { valid: false, reason: 'replayed' }
  return (await store.accept(row.token_id, matched)) ? { valid: true } : { valid: false, reason: 'replayed' }
})
console.log(JSON.stringify({ url: await app.listen({ host: '127.0.0.1', port: 0 }) }))
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)))
