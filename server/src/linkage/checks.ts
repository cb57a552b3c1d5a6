// LNK-04 and LNK-09: the identity checks of 画面② and 画面⑤, each ending in one of the seed's outcomes. Every
// wrong answer about the person counts toward the same lock (lock.ts).
import type { Db } from '../db/index.ts'
import { verifyPassword } from '../secrets.ts'
import { activeCardPinHashes, findLinkableAccount, type AccountKey } from '../accounts/bank.ts'
import { sameKanaName } from './kana.ts'
import { isLocked, recordFailure } from './lock.ts'

export type CheckOutcome = { ok: true; accountId: string } | { ok: false; reason: 'accountNotHandled' | 'identityWrong' | 'nowLocked' | 'locked' }

export interface CustomerAnswers {
  nameKana: string
  birthDate: string
  phone: string
}

interface Limits {
  now: Date
  maxFailures: number
}

async function failure(db: Db, accountId: string, limits: Limits): Promise<CheckOutcome> {
  const outcome = await recordFailure(db, accountId, limits.now, limits.maxFailures)
  return { ok: false, reason: outcome === 'failed' ? 'identityWrong' : outcome }
}

export async function checkCustomer(db: Db, key: AccountKey, answers: CustomerAnswers, limits: Limits): Promise<CheckOutcome> {
  const account = await findLinkableAccount(db, key)
  if (!account) return { ok: false, reason: 'accountNotHandled' }
  if (await isLocked(db, account.account_id, limits.now)) return { ok: false, reason: 'locked' }
  const matches = sameKanaName(account.name_kana, answers.nameKana) && account.birth_date === answers.birthDate && account.phone === answers.phone
  return matches ? { ok: true, accountId: account.account_id } : failure(db, account.account_id, limits)
}

export async function checkPin(db: Db, accountId: string, pin: string, limits: Limits): Promise<CheckOutcome> {
  if (await isLocked(db, accountId, limits.now)) return { ok: false, reason: 'locked' }
  const hashes = await activeCardPinHashes(db, accountId)
  // Only accounts with an active card get this far (findLinkableAccount), so there is always a hash to check.
  let matches = false
  for (const hash of hashes) {
    if (await verifyPassword(pin, hash)) matches = true
  }
  return matches ? { ok: true, accountId } : failure(db, accountId, limits)
}
