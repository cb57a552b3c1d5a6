// The API-linkage part of `npm run admin -- demo` (documented in ./README.md): core-banking customers with
// accounts, cash cards and about 100 days of transactions, and the sample fintech app's two OAuth clients (shared
// secret; FAPI 2.0 with private_key_jwt and DPoP).
// Idempotent: rows that exist are left as they are, so running it twice changes nothing.
import type { Db } from '../db/index.ts'
import type { AccountType } from '../db/schema.ts'
import { hashPassword } from '../secrets.ts'
import { registerClient } from '../oauth/clients.ts'
import { addDays, jstDate } from '@shinkumi/common/time.ts'

export interface DemoAccount {
  branch: string
  type: AccountType
  accountNumber: string
  /** Cash-card PIN; null = no cash card (the account cannot be used for API linkage). */
  pin: string | null
  balance: number
  /** 'BBB-NNNNNNN' of the account it was moved to: the old number no longer answers. */
  movedTo?: string
}

export interface DemoCustomer {
  customerId: string
  nameKana: string
  birthDate: string
  phone: string
  accounts: DemoAccount[]
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  {
    customerId: 'demo-data-taro',
    nameKana: 'ﾃﾞｰﾀ ﾀﾛｳ',
    birthDate: '1980-04-01',
    phone: '09011113333',
    accounts: [
      { branch: '115', type: 'ordinary', accountNumber: '1100026', pin: '1234', balance: 1_234_567 },
      { branch: '115', type: 'savings', accountNumber: '2100026', pin: '1234', balance: 3_000_000 },
    ],
  },
  {
    customerId: 'demo-shinkumi-hanako',
    nameKana: 'ｼﾝｸﾐ ﾊﾅｺ',
    birthDate: '1975-05-05',
    phone: '0312345678',
    accounts: [
      // The seed's FAQ example: 011-1111111 moved to 022-2222222.
      { branch: '011', type: 'ordinary', accountNumber: '1111111', pin: '4321', balance: 0, movedTo: '022-2222222' },
      { branch: '022', type: 'ordinary', accountNumber: '2222222', pin: '4321', balance: 456_000 },
    ],
  },
  {
    customerId: 'demo-card-nashio',
    nameKana: 'ｶｰﾄﾞ ﾅｼｵ',
    birthDate: '1990-12-31',
    phone: '08055556666',
    accounts: [{ branch: '115', type: 'ordinary', accountNumber: '1100034', pin: null, balance: 50_000 }],
  },
]

export const DEMO_OAUTH_CLIENT = {
  clientId: 'demo-kakeibo',
  // A published demo secret, like the rest of the demo set: never use the demo data in production.
  clientSecret: 'demo-kakeibo-secret-0123456789abcdef',
  name: 'しんくみ家計簿株式会社',
  redirectUri: 'http://127.0.0.1:8790/callback',
  scope: 'accounts',
}

/**
 * The same company's FAPI 2.0 app (OAUTH-02…05): private_key_jwt with this published demo key, pushed
 * authorization requests and DPoP-bound tokens. Like the secret above, the private key is public demo data.
 */
export const DEMO_FAPI_CLIENT = {
  clientId: 'demo-kakeibo-fapi',
  name: 'しんくみ家計簿株式会社',
  redirectUri: 'http://127.0.0.1:8790/callback',
  scope: 'accounts',
  tokenEndpointAuthMethod: 'private_key_jwt' as const,
  dpop: true,
  privateJwk: {
    kty: 'EC',
    crv: 'P-256',
    x: '7cpAEt8HCLwspavDOryZmykJuEbgzq0yaA_P6Dfpqsk',
    y: 'G16FYcZ9OHJyjtSS_16LI9NoQfz1uGIlSMBUIuUZyUU',
    d: 'bOSS6B6QbP1WtweiseMNwxdpfDzivAXVHXhWzPddaXw',
    kid: 'demo-fapi-2026',
    alg: 'ES256',
    use: 'sig',
  },
}

/** The public half of a private JWK: what a client registers. */
export function publicJwks(privateJwk: Record<string, unknown>): { keys: Record<string, unknown>[] } {
  const { d: _d, ...publicJwk } = privateJwk
  return { keys: [publicJwk] }
}

export const accountIdOf = (a: Pick<DemoAccount, 'branch' | 'type' | 'accountNumber'>) => `acct-${a.branch}-${a.type}-${a.accountNumber}`

/** ~100 days of a household account's life, newest balance = `balance` (amounts fixed by the day of month). */
function demoTransactions(today: string, balance: number) {
  const rows: { booked_on: string; amount: number; description: string }[] = []
  for (let back = 100; back >= 0; back--) {
    const day = addDays(today, -back)
    const dom = Number(day.slice(8, 10))
    if (dom === 25) rows.push({ booked_on: day, amount: 268_000, description: 'ｷﾕｳﾖ ﾐﾚｼﾖｳｼﾞ(ｶ' })
    if (dom === 27) rows.push({ booked_on: day, amount: -82_000, description: 'ﾌﾘｺﾐ ﾔﾁﾝ' })
    if (dom === 10) rows.push({ booked_on: day, amount: -8_640, description: 'ﾃﾞﾝｷﾘﾖｳｷﾝ' })
    if (dom === 5 || dom === 20) rows.push({ booked_on: day, amount: -20_000, description: 'ATM ｼﾊﾗｲ' })
    if (dom % 7 === 3) rows.push({ booked_on: day, amount: -(3_000 + dom * 137), description: 'ｶｰﾄﾞ ﾘﾖｳ' })
  }
  let running = balance
  const withBalance = rows.reverse().map((r) => {
    const after = running
    running -= r.amount
    return { ...r, balance_after: after }
  })
  return withBalance.reverse()
}

/** Adds one core-banking customer with accounts, cards and transactions; existing rows are kept. */
export async function addBankCustomer(db: Db, customer: DemoCustomer, now: Date): Promise<void> {
  const t = now.getTime()
  await db
    .insertInto('bank_customers')
    .values({ customer_id: customer.customerId, name_kana: customer.nameKana, birth_date: customer.birthDate, phone: customer.phone, created_at: t })
    .onConflict((oc) => oc.column('customer_id').doNothing())
    .execute()
  // New accounts first, so that a moved account can point at its successor.
  const ordered = [...customer.accounts].sort((a, b) => Number(Boolean(a.movedTo)) - Number(Boolean(b.movedTo)))
  for (const account of ordered) {
    const accountId = accountIdOf(account)
    const [branch, number] = account.movedTo?.split('-') ?? []
    const inserted = await db
      .insertInto('bank_accounts')
      .values({
        account_id: accountId,
        customer_id: customer.customerId,
        branch: account.branch,
        type: account.type,
        account_number: account.accountNumber,
        status: account.movedTo ? 'moved' : 'active',
        moved_to: account.movedTo ? accountIdOf({ branch: branch!, type: account.type, accountNumber: number! }) : null,
        balance: account.balance,
        created_at: t,
      })
      .onConflict((oc) => oc.column('account_id').doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue
    if (account.pin) {
      await db
        .insertInto('cash_cards')
        .values({ card_id: `card-${accountId}`, account_id: accountId, pin_hash: await hashPassword(account.pin), status: 'active', created_at: t })
        .execute()
    }
    if (account.movedTo || account.balance === 0) continue
    const transactions = demoTransactions(jstDate(now), account.balance)
    if (transactions.length) {
      await db
        .insertInto('bank_transactions')
        .values(transactions.map((r, seq) => ({ transaction_id: `${accountId}-${seq}`, account_id: accountId, seq, ...r })))
        .execute()
    }
  }
}

export interface LinkageDemoSummary {
  customers: { customerId: string; nameKana: string; birthDate: string; phone: string; accounts: (Omit<DemoAccount, 'balance'> & { status: 'active' | 'moved' })[] }[]
  oauthClients: (
    | { clientId: string; clientSecret: string; redirectUri: string; scope: string; name: string; tokenEndpointAuthMethod: 'client_secret_basic'; dpop: false }
    | (Omit<typeof DEMO_FAPI_CLIENT, 'privateJwk'> & { privateJwk: Record<string, unknown> })
  )[]
}

export async function loadLinkageDemo(db: Db, now: Date): Promise<LinkageDemoSummary> {
  for (const customer of DEMO_CUSTOMERS) await addBankCustomer(db, customer, now)
  const c = DEMO_OAUTH_CLIENT
  await registerClient(db, { clientId: c.clientId, clientSecret: c.clientSecret, name: c.name, redirectUris: [c.redirectUri], scope: c.scope }, now)
  const f = DEMO_FAPI_CLIENT
  await registerClient(db, { clientId: f.clientId, name: f.name, redirectUris: [f.redirectUri], scope: f.scope, jwks: publicJwks(f.privateJwk), fapi: true }, now)
  return {
    customers: DEMO_CUSTOMERS.map(({ accounts, ...customer }) => ({
      ...customer,
      accounts: accounts.map(({ balance: _balance, ...a }) => ({ ...a, status: a.movedTo ? ('moved' as const) : ('active' as const) })),
    })),
    oauthClients: [
      { clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri, scope: c.scope, name: c.name, tokenEndpointAuthMethod: 'client_secret_basic', dpop: false },
      { ...f },
    ],
  }
}
