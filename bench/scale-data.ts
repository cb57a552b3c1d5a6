// A credit union's real size, bulk-loaded by SQL (SCALE-01): `count` OTP users with tokens and `count` bank
// customers with one ordinary account each, linked to each other; 1 % of tokens locked (and as many again with a
// few failures, so the lock list's index also holds rows it must skip), 1 % of accounts API-linkage locked,
// 0.1 % of activation passwords locked, a tenth of accounts with a past linkage attempt and a consent, pending
// four-eyes requests and audit entries. Used by `npm run bench` (1,000,000) and the query-plan test (tens of
// thousands: enough that both planners prefer an index, with real statistics).
//
// Every row is made inside the database (generate_series / a recursive CTE), so a million of each takes seconds.
// Seeds are not: `armTokens` gives the first N tokens real AES-GCM ciphertexts of seeds the load client can
// recompute (seedOf), so those users' codes verify.
import { createHmac } from 'node:crypto'
import { sql, type RawBuilder } from 'kysely'
import type { Deps } from '../server/src/deps.ts'
import { upsertService } from '../server/src/provisioning/catalog.ts'
import { encryptSeed } from '../server/src/secrets.ts'

export const SCALE_SERVICE = 'SCALE'
export const SCALE_CLIENT = 'scale-fintech'
export const OTP_MAX_FAILURES = 10
const DAY_MS = 86_400_000

export const userIdOf = (i: number) => `u${i}`
export const tokenIdOf = (i: number) => `t${i}`
export const branchOf = (i: number) => String(100 + (i % 100))
export const accountNumberOf = (i: number) => String(i).padStart(7, '0')

/** The TOTP seed of scale user i: derived, so the load client needs no table of a million secrets. */
export function seedOf(i: number): Buffer {
  return createHmac('sha1', 'shinkumi-scale-bench').update(String(i)).digest()
}

export interface ScaleOptions {
  count: number
  /** Epoch ms the data is made at: lock times count back from it. */
  now: number
  /** A staff member who requested the pending approvals (staff_approvals.requested_by references staff_users). */
  requestedBy?: string
}

export async function loadScaleData(deps: Deps, options: ScaleOptions): Promise<void> {
  const { db, dbKind } = deps
  const { count, now } = options
  const pg = dbKind === 'postgres'
  // i runs 1..count as a bigint on both databases (lock times count back by i milliseconds). Constants go in as
  // literals: PostgreSQL cannot type a parameter in an INSERT … SELECT list.
  const series = (n: number) =>
    pg ? sql`with n(i) as (select generate_series(1::bigint, ${sql.lit(n)}::bigint))` : sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(n)})`
  const pad = (width: number): RawBuilder<string> => (pg ? sql`lpad(i::text, ${sql.lit(width)}, '0')` : sql`printf(${sql.lit(`%0${width}d`)}, i)`)
  const branch = pg ? sql`(100 + i % 100)::text` : sql`cast(100 + i % 100 as text)`
  const run = (query: RawBuilder<unknown>) => query.execute(db)

  await upsertService(db, new Date(now), {
    service_id: SCALE_SERVICE,
    name: '規模試験',
    logo_url: null,
    link_url: null,
    totp_algorithm: 'SHA1',
    totp_digits: 8,
    totp_period: 60,
    offers_transactions: 0,
  })
  await db
    .insertInto('oauth_clients')
    .values({
      client_id: SCALE_CLIENT,
      name: '規模試験事業者',
      secret_hash: 'x',
      auth_method: 'client_secret_basic',
      fapi: 0,
      redirect_uris: '["http://127.0.0.1/cb"]',
      scope: 'accounts',
      status: 'active',
      created_at: now,
    })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute()

  await run(sql`${series(count)} insert into otp_users (service_id, user_id, status, created_at)
    select ${sql.lit(SCALE_SERVICE)}, 'u' || i, 'active', ${sql.lit(now)} from n`)
  await run(sql`${series(count)} insert into tokens (token_id, service_id, user_id, serial_number, seed_ciphertext, device_public_key,
      algorithm, digits, period, expires_at, correction_steps, last_step, failures, status, created_at, failed_at)
    select 't' || i, ${sql.lit(SCALE_SERVICE)}, 'u' || i, ${pad(8)}, 'unarmed', 'bench', 'SHA1', 8, 60, ${sql.lit(now + 365 * DAY_MS)}, 0, -1,
      case when i % 100 = 0 then ${sql.lit(OTP_MAX_FAILURES)} when i % 100 = 1 then 3 else 0 end, 'active', ${sql.lit(now)},
      case when i % 100 in (0, 1) then ${sql.lit(now)} - i * 1000 else null end
    from n`)
  await run(sql`${series(count)} insert into activations (id, service_id, user_id, password_hash, expires_at, failures, locked_at, used_at, created_at)
    select 'v' || i, ${sql.lit(SCALE_SERVICE)}, 'u' || i, 'bench', ${sql.lit(now + 30 * DAY_MS)},
      case when i % 1000 = 7 then 5 else 0 end, case when i % 1000 = 7 then ${sql.lit(now)} - i * 1000 else null end,
      case when i % 1000 = 7 then null else ${sql.lit(now)} end, ${sql.lit(now)} - ${sql.lit(DAY_MS)}
    from n`)
  await run(sql`${series(count)} insert into bank_customers (customer_id, name_kana, birth_date, phone, created_at)
    select 'c' || i, 'ｷﾎﾞ ﾀﾛｳ', '1980-04-01', '090' || ${pad(8)}, ${sql.lit(now)} from n`)
  await run(sql`${series(count)} insert into bank_accounts (account_id, customer_id, branch, type, account_number, status, moved_to, balance, created_at)
    select 'a' || i, 'c' || i, ${branch}, 'ordinary', ${pad(7)}, 'active', null, 100000, ${sql.lit(now)} from n`)
  await run(sql`${series(count)} insert into customer_otp_users (customer_id, service_id, user_id) select 'c' || i, ${sql.lit(SCALE_SERVICE)}, 'u' || i from n`)
  // Locked today (until the coming midnight) and, as many again, locks that lapsed days ago and were never cleared.
  await run(sql`${series(count)} insert into linkage_locks (account_id, failures, locked_at, locked_until, updated_at)
    select 'a' || i, 5, case when i % 200 = 3 then ${sql.lit(now)} - i * 10 else ${sql.lit(now)} - 5 * ${sql.lit(DAY_MS)} end,
      case when i % 200 = 3 then ${sql.lit(now + DAY_MS / 2)} else ${sql.lit(now)} - 4 * ${sql.lit(DAY_MS)} end, ${sql.lit(now)}
    from n where i % 100 = 3`)
  await run(sql`${series(count)} insert into linkage_flows (flow_id, session_hash, csrf_token, step, client_id, redirect_uri, state, scope,
      code_challenge, branch, account_type, account_number, account_id, created_at, updated_at, expires_at)
    select 'f' || i, 'session-' || i, 'csrf', 'done', ${sql.lit(SCALE_CLIENT)}, 'http://127.0.0.1/cb', null, 'accounts', 'challenge',
      ${branch}, 'ordinary', ${pad(7)}, 'a' || i, ${sql.lit(now)} - ${sql.lit(DAY_MS)}, ${sql.lit(now)} - ${sql.lit(DAY_MS)}, ${sql.lit(now)} - ${sql.lit(DAY_MS)} / 2
    from n where i % 10 = 5`)
  await run(sql`${series(count)} insert into oauth_grants (grant_id, client_id, account_id, scope, email, created_at, expires_at, revoked_at, revoked_by)
    select 'g' || i, ${sql.lit(SCALE_CLIENT)}, 'a' || i, 'accounts', null, ${sql.lit(now)} - ${sql.lit(DAY_MS)}, ${sql.lit(now + 29 * DAY_MS)}, null, null
    from n where i % 10 = 5`)
  if (options.requestedBy) {
    await run(sql`${series(count)} insert into staff_approvals (approval_id, kind, service_id, user_id, serial_number, expires_in_days, reason,
        identity_check, identity_note, requested_by, requested_at, expires_at, status, decided_by, decided_at)
      select 'p' || i, 'reissue-activation', ${sql.lit(SCALE_SERVICE)}, 'u' || i, null, 30, '規模試験', 'drivers_license', null,
        ${sql.lit(options.requestedBy)}, ${sql.lit(now)} - i * 1000, ${sql.lit(now + DAY_MS / 2)}, case when i % 1000 = 9 then 'pending' else 'approved' end, null, null
      from n where i % 100 = 9`)
  }
  // Earlier history of the audit log, below the chain's first entry (negative sequence numbers): it gives the
  // log its size for the planner; the chain the service appends from sequence 1 stays intact.
  await run(sql`${series(count)} insert into staff_audit (seq, at, staff_id, staff_role, action, subject, reason, identity_check, ip, outcome, detail, prev_hash, hash)
    select -i, ${sql.lit(now)} - i * 1000, 'history', '窓口', 'customer.view', 'customer:c' || i, null, null, '127.0.0.1', 'shown', null, 'history', 'history'
    from n where i % 10 = 0`)
  // Real statistics, as a database that grew to this size would have them.
  await run(sql`analyze`)
}

/** Real ciphertexts for tokens 1..n: one UPDATE per thousand rows. */
export async function armTokens(deps: Deps, n: number): Promise<void> {
  const BATCH = 1000
  await deps.db.transaction().execute(async (trx) => {
    for (let start = 1; start <= n; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, n - start + 1) }, (_, k) => {
        const i = start + k
        return sql`(${tokenIdOf(i)}, ${encryptSeed(deps.seedKey, seedOf(i), tokenIdOf(i))})`
      })
      await sql`with v(id, c) as (values ${sql.join(rows)})
        update tokens set seed_ciphertext = (select c from v where v.id = tokens.token_id) where token_id in (select id from v)`.execute(trx)
    }
  })
}
