// STF-03 views: finding a customer (branch + account number, or service ID + user ID) and everything staff need
// to help them — the API-linkage lock and recent attempts, linkages, OTP lock, activation password, devices.
// A customer is a core-banking customer with their OTP users (customer_otp_users), or an OTP user alone.
import type { Deps } from '../deps.ts'
import { z } from 'zod'
import type { AccountView, CustomerDetail, CustomerRef, CustomerSearch, CustomerSearchResponse, CustomerSummary, OtpUserView } from '@shinkumi/common/staff-api.ts'
import { pendingApprovalsOf } from './approvals.ts'
import { decodeCursor, pageOf } from './cursor.ts'
import { iso, isoOrNull } from '@shinkumi/common/time.ts'

/** How an audit entry names whose data was read or changed. */
export function customerSubject(ref: CustomerRef): string {
  return 'customerId' in ref ? `customer:${ref.customerId}` : `otp:${ref.serviceId}/${ref.userId}`
}

const SearchCursor = z.tuple([z.string().max(36)])

/** One page of the customers a search finds, in customer-id order (SCALE-01: bounded like every staff list). */
export async function searchCustomers(deps: Deps, search: z.output<typeof CustomerSearch>): Promise<CustomerSearchResponse> {
  const { rows, nextCursor } =
    search.by === 'account'
      ? await refsByAccount(deps, search.branch, search.accountNumber, search)
      : { rows: await refsByUser(deps, search.serviceId, search.userId), nextCursor: null }
  return { customers: await Promise.all(rows.map((ref) => summaryOf(deps, ref))), nextCursor }
}

async function refsByAccount(deps: Deps, branch: string, accountNumber: string, page: { cursor?: string; limit: number }) {
  const after = decodeCursor(SearchCursor, page.cursor)
  let query = deps.db
    .selectFrom('bank_accounts')
    .select('customer_id')
    .distinct()
    .where('branch', '=', branch)
    .where('account_number', '=', accountNumber)
    .orderBy('customer_id')
    .limit(page.limit + 1)
  if (after) query = query.where('customer_id', '>', after[0])
  const found = pageOf(await query.execute(), page.limit, (r) => [r.customer_id])
  return { rows: found.rows.map((r): CustomerRef => ({ customerId: r.customer_id })), nextCursor: found.nextCursor }
}

async function refsByUser(deps: Deps, serviceId: string, userId: string): Promise<CustomerRef[]> {
  const ref = await canonicalRef(deps, { serviceId, userId })
  return ref ? [ref] : []
}

/** The customer an OTP user belongs to when one is linked; undefined when nobody matches the reference. */
async function canonicalRef(deps: Deps, ref: CustomerRef): Promise<CustomerRef | undefined> {
  const { db } = deps
  if ('customerId' in ref) {
    const found = await db.selectFrom('bank_customers').select('customer_id').where('customer_id', '=', ref.customerId).executeTakeFirst()
    return found && ref
  }
  const user = await db
    .selectFrom('otp_users as u')
    .leftJoin('customer_otp_users as l', (join) => join.onRef('l.service_id', '=', 'u.service_id').onRef('l.user_id', '=', 'u.user_id'))
    .select(['u.service_id', 'u.user_id', 'l.customer_id'])
    .where('u.service_id', '=', ref.serviceId)
    .where('u.user_id', '=', ref.userId)
    .executeTakeFirst()
  if (!user) return undefined
  return user.customer_id ? { customerId: user.customer_id } : { serviceId: user.service_id, userId: user.user_id }
}

async function summaryOf(deps: Deps, ref: CustomerRef): Promise<CustomerSummary> {
  const parts = await customerParts(deps, ref)
  return {
    ref,
    nameKana: parts.customer?.name_kana ?? null,
    accounts: parts.accounts.map((a) => ({ branch: a.branch, type: a.type, accountNumber: a.account_number })),
    otpUsers: parts.otpUsers,
  }
}

async function customerParts(deps: Deps, ref: CustomerRef) {
  const { db } = deps
  if (!('customerId' in ref)) return { customer: undefined, accounts: [], otpUsers: [{ serviceId: ref.serviceId, userId: ref.userId }] }
  const customer = await db.selectFrom('bank_customers').selectAll().where('customer_id', '=', ref.customerId).executeTakeFirst()
  const accounts = await db.selectFrom('bank_accounts').selectAll().where('customer_id', '=', ref.customerId).orderBy('branch').orderBy('account_number').execute()
  const links = await db.selectFrom('customer_otp_users').select(['service_id', 'user_id']).where('customer_id', '=', ref.customerId).orderBy('service_id').orderBy('user_id').execute()
  return { customer, accounts, otpUsers: links.map((l) => ({ serviceId: l.service_id, userId: l.user_id })) }
}

/** Everything STF-03 shows about one customer; undefined when the reference names nobody. */
export async function customerDetail(deps: Deps, given: CustomerRef): Promise<CustomerDetail | undefined> {
  const ref = await canonicalRef(deps, given)
  if (!ref) return undefined
  const parts = await customerParts(deps, ref)
  const now = deps.clock.now()
  return {
    ref,
    customer: parts.customer
      ? { customerId: parts.customer.customer_id, nameKana: parts.customer.name_kana, birthDate: parts.customer.birth_date, phoneLast4: parts.customer.phone.slice(-4) }
      : null,
    accounts: await Promise.all(parts.accounts.map((a) => accountView(deps, a, now))),
    otpUsers: await Promise.all(parts.otpUsers.map((u) => otpUserView(deps, u.serviceId, u.userId, now))),
  }
}

type AccountRow = { account_id: string; branch: string; type: 'ordinary' | 'savings'; account_number: string; status: 'active' | 'moved' | 'closed' }

async function accountView(deps: Deps, account: AccountRow, now: Date): Promise<AccountView> {
  const { db, config } = deps
  const lock = await db.selectFrom('linkage_locks').selectAll().where('account_id', '=', account.account_id).executeTakeFirst()
  // A lock whose 0:00 JST has passed is over even before the next attempt clears the row (linkage/lock.ts).
  const lapsed = lock?.locked_until != null && lock.locked_until <= now.getTime()
  const attempts = await db
    .selectFrom('linkage_flows as f')
    .innerJoin('oauth_clients as c', 'c.client_id', 'f.client_id')
    .select(['f.created_at', 'f.updated_at', 'f.step', 'c.name'])
    .where('f.branch', '=', account.branch)
    .where('f.account_type', '=', account.type)
    .where('f.account_number', '=', account.account_number)
    .orderBy('f.created_at', 'desc')
    .limit(5)
    .execute()
  const grants = await db
    .selectFrom('oauth_grants as g')
    .innerJoin('oauth_clients as c', 'c.client_id', 'g.client_id')
    .select(['g.grant_id', 'g.client_id', 'c.name', 'g.created_at', 'g.expires_at'])
    .where('g.account_id', '=', account.account_id)
    .where('g.revoked_at', 'is', null)
    .where('g.expires_at', '>', now.getTime())
    .orderBy('g.created_at', 'desc')
    .execute()
  return {
    accountId: account.account_id,
    branch: account.branch,
    type: account.type,
    accountNumber: account.account_number,
    status: account.status,
    linkageLock: {
      failures: lock && !lapsed ? lock.failures : 0,
      maxFailures: config.linkage.maxFailures,
      locked: lock?.locked_until != null && !lapsed,
      lockedAt: lapsed ? null : isoOrNull(lock?.locked_at ?? null),
      lockedUntil: lapsed ? null : isoOrNull(lock?.locked_until ?? null),
    },
    lastAttempts: attempts.map((a) => ({ startedAt: iso(a.created_at), updatedAt: iso(a.updated_at), step: a.step, clientName: a.name })),
    linkages: grants.map((g) => ({ grantId: g.grant_id, clientId: g.client_id, clientName: g.name, createdAt: iso(g.created_at), expiresAt: iso(g.expires_at) })),
  }
}

async function otpUserView(deps: Deps, serviceId: string, userId: string, now: Date): Promise<OtpUserView> {
  const { db, config } = deps
  const user = await db
    .selectFrom('otp_users as u')
    .innerJoin('services as s', 's.service_id', 'u.service_id')
    .select(['u.status', 's.name'])
    .where('u.service_id', '=', serviceId)
    .where('u.user_id', '=', userId)
    .executeTakeFirstOrThrow()
  const tokens = await db
    .selectFrom('tokens')
    .select(['serial_number', 'status', 'created_at', 'expires_at', 'failures', 'failed_at'])
    .where('service_id', '=', serviceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(10)
    .execute()
  const active = tokens.find((t) => t.status === 'active')
  const locked = active !== undefined && active.failures >= config.otpMaxFailures
  return {
    serviceId,
    serviceName: user.name,
    userId,
    status: user.status,
    otpLock: { failures: active?.failures ?? 0, maxFailures: config.otpMaxFailures, locked, lockedAt: locked ? isoOrNull(active.failed_at) : null },
    activation: await activationView(deps, serviceId, userId, now),
    devices: [...(active ? [active] : []), ...tokens.filter((t) => t !== active)].map((t) => ({
      serialNumber: t.serial_number,
      status: t.status,
      createdAt: iso(t.created_at),
      expiresAt: iso(t.expires_at),
    })),
    pendingApprovals: await pendingApprovalsOf(deps, { serviceId, userId }),
  }
}

async function activationView(deps: Deps, serviceId: string, userId: string, now: Date): Promise<OtpUserView['activation']> {
  const maxFailures = deps.config.activationMaxFailures
  const rows = await deps.db
    .selectFrom('activations')
    .select(['failures', 'locked_at', 'used_at', 'expires_at', 'created_at'])
    .where('service_id', '=', serviceId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()
  const current = rows.find((r) => r.used_at === null) ?? rows[0]
  if (!current) return { state: 'none', failures: 0, maxFailures, issuedAt: null, expiresAt: null, lockedAt: null, usedAt: null }
  const state = current.used_at !== null ? 'used' : current.failures >= maxFailures ? 'locked' : current.expires_at <= now.getTime() ? 'expired' : 'pending'
  return {
    state,
    failures: current.failures,
    maxFailures,
    issuedAt: iso(current.created_at),
    expiresAt: iso(current.expires_at),
    lockedAt: isoOrNull(current.locked_at),
    usedAt: isoOrNull(current.used_at),
  }
}
