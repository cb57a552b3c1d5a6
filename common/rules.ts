// Input rules shared by the renderer (field hints), the main process (checks before any network call, OTP-11)
// and the service. A value that breaks one of them is A911 on the customer's side.
import { z } from 'zod'

/** サービスID: half-width letters and digits, as printed in the bank's mail. */
export const serviceIdRule = z.string().regex(/^[A-Za-z0-9]{1,20}$/)
/** ユーザID: half-width letters, digits and . _ - */
export const userIdRule = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/)
/** 利用開始パスワード: 8–32 half-width letters and digits. */
export const activationPasswordRule = z.string().regex(/^[A-Za-z0-9]{8,32}$/)
/** 追加文言 (OTP-04): at most 8 characters, full- or half-width, no control characters. Empty means none. */
export const displaySuffixRule = z
  .string()
  .refine((s) => [...s].length <= 8, 'at most 8 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'no control characters')
/** アプリロックコード (OTP-17): 1–32 half-width digits. */
export const lockCodeRule = z.string().regex(/^[0-9]{1,32}$/)
/** Idle minutes before the app locks itself (OTP-18, beyond the seed): the choices offered, and the default. */
export const AUTO_LOCK_CHOICES = [1, 3, 5, 10, 30] as const
export const DEFAULT_AUTO_LOCK_MINUTES = 5
export const autoLockMinutesRule = z.union(AUTO_LOCK_CHOICES.map((m) => z.literal(m)))

export const MAX_TOKENS = 10

/** C0 and C1 control characters other than tab and line breaks (a staff reason may run over lines). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
/** Half of a surrogate pair without its other half: not Unicode text, and no database stores it as sent. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether text from outside may be taken in at all: well-formed Unicode without control characters. NUL above all:
 * PostgreSQL refuses it in text columns where SQLite keeps it, so the two databases would answer differently.
 */
export function isPlainText(text: string): boolean {
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text)
}
