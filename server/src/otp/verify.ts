// SVC-04: verifying a customer's one-time password for a relying party. Every decision that changes state —
// accepting a step, counting a failure — is one conditional UPDATE of tokens/store.ts. Correction reuses the
// step arithmetic and the matching.
import { timingSafeEqual } from 'node:crypto'
import DataLoader from 'dataloader'
import { HOTP, Secret } from 'otpauth'
import type { OtpRefusal } from '@shinkumi/common/wire/relying-party.ts'
import type { Deps } from '../deps.ts'
import { sql } from 'kysely'
import type { Db } from '../db/index.ts'
import { groupRows } from '../db/group-rows.ts'
import { precompiled } from '../db/precompiled.ts'
import type { TokensTable } from '../db/schema.ts'
import { decryptSeed } from '../secrets.ts'
import { acceptStep, recordOtpFailure } from '../tokens/store.ts'

export type OtpVerdict = { valid: true } | { valid: false; reason: OtpRefusal }

export type ActiveToken = Pick<TokensTable, 'token_id' | 'seed_ciphertext' | 'algorithm' | 'digits' | 'period' | 'expires_at' | 'correction_steps' | 'last_step' | 'failures'> & {
  user_status: 'active' | 'suspended'
}

const refused = (reason: OtpRefusal): OtpVerdict => ({ valid: false, reason })

export async function verifyOtp(deps: Deps, input: { serviceId: string; userId: string; otp: string }): Promise<OtpVerdict> {
  const { db, config } = deps
  const token = await findActiveToken(db, input.serviceId, input.userId)
  if (!token) return refused('unknown')
  const now = deps.clock.now()
  const blocked = blockedReason(token, now, config.otpMaxFailures)
  if (blocked) return refused(blocked)
  const center = timeStep(now, token.period) + token.correction_steps
  const window = Array.from({ length: 2 * config.otpWindowSteps + 1 }, (_, i) => center - config.otpWindowSteps + i)
  const newest = newestMatchingStep(token, deps.seedKey, input.otp, window)
  if (newest === null) return refused(await recordOtpFailure(db, token.token_id, config.otpMaxFailures, now))
  // A replay is not counted as a failure: it proves a code was once right, and a relying party that retries
  // a request must not lock its customer out.
  if (newest <= token.last_step) return refused('replayed')
  return accept(db, token.token_id, newest, config.otpMaxFailures)
}

/**
 * The active tokens of a group of users, each with its user's status, in one statement: the lookups of the
 * verifications that arrive together share it (see findActiveToken). With sqlite_stat4 statistics SQLite plans a
 * statement again every time a value is bound to a parameter compared with an analysed index column — and that
 * re-planning cost five times the lookup — so the users travel as one JSON row set (db/group-rows.ts), 'active' is
 * a literal rather than a parameter, and the user's status comes from a scalar subquery on otp_users' key.
 */
const activeTokens = precompiled<{ users: string }, ActiveToken & { service_id: string; user_id: string }>((db, arg) =>
  db
    .selectFrom(groupRows(db, arg('users'), { service_id: 'text', user_id: 'text' }))
    .innerJoin('tokens', (join) => join.onRef('tokens.service_id', '=', 'v.service_id').onRef('tokens.user_id', '=', 'v.user_id'))
    .select((eb) => [
      'tokens.service_id',
      'tokens.user_id',
      'tokens.token_id',
      'tokens.seed_ciphertext',
      'tokens.algorithm',
      'tokens.digits',
      'tokens.period',
      'tokens.expires_at',
      'tokens.correction_steps',
      'tokens.last_step',
      'tokens.failures',
      eb
        .selectFrom('otp_users')
        .select('otp_users.status')
        .whereRef('otp_users.service_id', '=', 'tokens.service_id')
        .whereRef('otp_users.user_id', '=', 'tokens.user_id')
        .$asScalar()
        .$notNull()
        .as('user_status'),
    ])
    .where('tokens.status', '=', sql.lit('active')),
)

type User = { serviceId: string; userId: string }
const userKey = (serviceId: string, userId: string) => JSON.stringify([serviceId, userId])

/**
 * One loader per database handle. Every verification reads its token first; those read from the sockets in one
 * turn of the event loop are looked up together, at the next turn — one statement (one round trip on PostgreSQL)
 * instead of one each. Nothing is cached: each lookup reads the token as it is now.
 */
const loaders = new WeakMap<Db, DataLoader<User, ActiveToken | undefined, string>>()

function tokenLoader(db: Db) {
  let loader = loaders.get(db)
  if (!loader) {
    loader = new DataLoader<User, ActiveToken | undefined, string>(
      async (users) => {
        const rows = await activeTokens(db, { users: JSON.stringify(users.map((user) => ({ service_id: user.serviceId, user_id: user.userId }))) })
        const byUser = new Map(rows.map((row) => [userKey(row.service_id, row.user_id), row]))
        return users.map((user) => byUser.get(userKey(user.serviceId, user.userId)))
      },
      { cache: false, maxBatchSize: 200, batchScheduleFn: (callback) => setImmediate(callback) },
    )
    loaders.set(db, loader)
  }
  return loader
}

export async function findActiveToken(db: Db, serviceId: string, userId: string): Promise<ActiveToken | undefined> {
  return tokenLoader(db).load({ serviceId, userId })
}

/** Why the token may not be used at all, whatever the code: a lock never tells whether a code was right. */
function blockedReason(token: ActiveToken, now: Date, maxFailures: number): OtpRefusal | null {
  if (token.user_status === 'suspended') return 'suspended'
  if (token.expires_at <= now.getTime()) return 'expired'
  if (token.failures >= maxFailures) return 'locked'
  return null
}

/** RFC 6238 time step of an instant, before the token's correction. */
export function timeStep(instant: Date, period: number): number {
  return Math.floor(instant.getTime() / 1000 / period)
}

/** Whether `otp` is the code of a step, the seed decrypted once; each comparison takes the same time right or wrong. */
function codeMatcher(token: Pick<ActiveToken, 'token_id' | 'seed_ciphertext' | 'algorithm' | 'digits'>, seedKey: Buffer, otp: string): (step: number) => boolean {
  const secret = new Secret({ buffer: Uint8Array.from(decryptSeed(seedKey, token.seed_ciphertext, token.token_id)).buffer })
  const given = Buffer.from(otp, 'utf8')
  return (counter) => {
    const expected = Buffer.from(HOTP.generate({ secret, algorithm: token.algorithm, digits: token.digits, counter }), 'utf8')
    return expected.length === given.length && timingSafeEqual(expected, given)
  }
}

/** The steps among `steps` whose code is `otp`. Every candidate is computed and compared. */
export function matchingSteps(token: Pick<ActiveToken, 'token_id' | 'seed_ciphertext' | 'algorithm' | 'digits'>, seedKey: Buffer, otp: string, steps: number[]): number[] {
  return steps.filter(codeMatcher(token, seedKey, otp))
}

/**
 * The newest step among `steps` whose code is `otp` (two steps can share a code: the newest is the replay floor),
 * or null. Tried newest first, it stops at the first match — a customer's current code costs two codes of the
 * window, not three. A wrong code is still compared with every step; only a right code ends early, and its
 * answer says that it was right anyway.
 */
function newestMatchingStep(token: ActiveToken, seedKey: Buffer, otp: string, steps: number[]): number | null {
  const matches = codeMatcher(token, seedKey, otp)
  return [...steps].sort((a, b) => b - a).find(matches) ?? null
}

/** Accepts a step, or says why not: locked meanwhile, revoked meanwhile, or accepted (it or a later one) first. */
async function accept(db: Db, tokenId: string, step: number, maxFailures: number): Promise<OtpVerdict> {
  if (await acceptStep(db, tokenId, step, maxFailures)) return { valid: true }
  const current = await db.selectFrom('tokens').select(['failures', 'status']).where('token_id', '=', tokenId).executeTakeFirst()
  if (!current || current.status !== 'active') return refused('unknown')
  return refused(current.failures >= maxFailures ? 'locked' : 'replayed')
}
