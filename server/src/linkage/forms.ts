// The forms of 画面①②⑤ read into checked values, or into what the page must show: the empty required fields
// (the seed's dialog) and malformed ones (our messages). Full-width digits and kana are converted first (LNK-03).
import { z } from 'zod'
import type { AccountType } from '../db/schema.ts'
import { digitsOf, toHalfWidthKatakana } from './kana.ts'
import { isCalendarDate } from '@shinkumi/common/time.ts'
import type { Messages } from './messages.ts'
import type { FieldState } from './pages/parts.ts'

const text = z.string().max(256).optional().catch(undefined)
export const Csrf = z.object({ csrf: z.string().max(128).optional().catch(undefined) }).catch({ csrf: undefined })

type Read<T> = { ok: true; value: T } | { ok: false; state: FieldState }

function result<T>(missing: string[], invalid: Record<string, string>, value: () => T): Read<T> {
  if (missing.length || Object.keys(invalid).length) return { ok: false, state: { missing, invalid } }
  return { ok: true, value: value() }
}

const emptyOf = (values: Record<string, string | undefined>, names: readonly string[]) => names.filter((n) => !values[n]?.trim())

const AccountBody = z.object({ branch: text, type: text, accountNumber: text }).catch({ branch: undefined, type: undefined, accountNumber: undefined })

export function readAccountForm(body: unknown, messages: Messages) {
  const raw = AccountBody.parse(body)
  const branch = digitsOf(raw.branch ?? '')
  const accountNumber = digitsOf(raw.accountNumber ?? '')
  const missing = emptyOf(raw, ['branch', 'type', 'accountNumber'])
  const invalid: Record<string, string> = {}
  if (branch && !/^\d{3}$/.test(branch)) invalid.branch = messages.branchFormat
  if (accountNumber && !/^\d{7}$/.test(accountNumber)) invalid.accountNumber = messages.accountNumberFormat
  const type: AccountType = raw.type === 'savings' ? 'savings' : 'ordinary'
  if (raw.type && raw.type !== type) invalid.type = messages.missingField
  return { raw: { ...raw, branch, accountNumber }, read: result(missing, invalid, () => ({ branch, type, accountNumber })) }
}

const CustomerBody = z
  .object({ name: text, birthYear: text, birthMonth: text, birthDay: text, phone: text, email: text, emailConfirm: text })
  .catch({ name: undefined, birthYear: undefined, birthMonth: undefined, birthDay: undefined, phone: undefined, email: undefined, emailConfirm: undefined })
const Email = z.email().max(64)

export function readCustomerForm(body: unknown, messages: Messages) {
  const raw = CustomerBody.parse(body)
  const missing = emptyOf(raw, ['name', 'birthYear', 'phone', 'email', 'emailConfirm'])
  const invalid: Record<string, string> = {}
  const nameKana = raw.name?.trim() ? toHalfWidthKatakana(raw.name) : ''
  if (nameKana === null) invalid.name = messages.kanaFormat
  const birthDate = `${digitsOf(raw.birthYear ?? '')}-${raw.birthMonth ?? ''}-${raw.birthDay ?? ''}`
  if (raw.birthYear?.trim() && !(isCalendarDate(birthDate) && birthDate >= '1900-01-01')) invalid.birthYear = messages.birthDateFormat
  const phone = digitsOf(raw.phone ?? '')
  if (phone && !/^\d{10,11}$/.test(phone)) invalid.phone = messages.phoneFormat
  const email = raw.email?.trim() ?? ''
  if (email && !Email.safeParse(email).success) invalid.email = messages.emailFormat
  else if (email && raw.emailConfirm?.trim() && raw.emailConfirm.trim() !== email) invalid.emailConfirm = messages.emailMismatch
  // Show what will be compared: the name in half-width katakana, the digits without hyphens.
  const shown = { ...raw, name: nameKana || raw.name, phone: phone || raw.phone }
  return { raw: shown, read: result(missing, invalid, () => ({ nameKana: nameKana as string, birthDate, phone, email })) }
}

const PinBody = z.object({ pin: text }).catch({ pin: undefined })

export function readPinForm(body: unknown, messages: Messages): Read<string> {
  const pin = digitsOf(PinBody.parse(body).pin ?? '')
  return result(pin ? [] : ['pin'], pin && !/^\d{4}$/.test(pin) ? { pin: messages.pinFormat } : {}, () => pin)
}

const ConsentBody = z.object({ agree: text }).catch({ agree: undefined })

export function readConsentForm(body: unknown): boolean {
  return ConsentBody.parse(body).agree === 'yes'
}
