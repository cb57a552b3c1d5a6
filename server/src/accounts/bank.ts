// Core-banking reads the linkage checks and the account API need (the service's copy of the core system's data).
import type { Db } from '../db/index.ts'
import type { AccountType } from '../db/schema.ts'

export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = { ordinary: '普通預金', savings: '貯蓄預金' }

export interface AccountKey {
  branch: string
  type: AccountType
  accountNumber: string
}

/** An account API linkage can use: active (not moved or closed) and with an active cash card (seed 3.). */
export async function findLinkableAccount(db: Db, key: AccountKey) {
  return db
    .selectFrom('bank_accounts as a')
    .innerJoin('bank_customers as c', 'c.customer_id', 'a.customer_id')
    .select(['a.account_id', 'c.name_kana', 'c.birth_date', 'c.phone'])
    .where('a.branch', '=', key.branch)
    .where('a.type', '=', key.type)
    .where('a.account_number', '=', key.accountNumber)
    .where('a.status', '=', 'active')
    .where((eb) => eb.exists(eb.selectFrom('cash_cards as k').select('k.card_id').whereRef('k.account_id', '=', 'a.account_id').where('k.status', '=', 'active')))
    .executeTakeFirst()
}

export async function activeCardPinHashes(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('cash_cards').select('pin_hash').where('account_id', '=', accountId).where('status', '=', 'active').execute()
  return rows.map((r) => r.pin_hash)
}

/** The account as the API shows it; undefined once it moved to another branch or closed (LNK-12). */
export async function activeAccount(db: Db, accountId: string) {
  return db
    .selectFrom('bank_accounts')
    .select(['account_id', 'branch', 'type', 'account_number', 'balance'])
    .where('account_id', '=', accountId)
    .where('status', '=', 'active')
    .executeTakeFirst()
}

export async function transactionsBetween(db: Db, accountId: string, from: string, to: string) {
  return db
    .selectFrom('bank_transactions')
    .select(['transaction_id', 'booked_on', 'amount', 'balance_after', 'description'])
    .where('account_id', '=', accountId)
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to)
    .orderBy('booked_on')
    .orderBy('seq')
    .execute()
}
