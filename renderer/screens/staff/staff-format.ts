// How staff screens write times and accounts: Japan time whatever the PC's zone, 2026/11/18 14:05.
import type { Translate } from '../../i18n/I18nProvider.tsx'

const JST = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

export function jstTime(iso: string | null): string {
  return iso ? JST.format(new Date(iso)) : '—'
}

/** 1980-04-01 → 1980/04/01 */
export const slashDate = (date: string) => date.replaceAll('-', '/')

export function accountLabel(t: Translate, a: { branch: string; type: 'ordinary' | 'savings'; accountNumber: string }): string {
  return `${a.branch} ${t(`staff.accountType.${a.type}`)} ${a.accountNumber}`
}

/** A datetime-local value (Japan time, as the labels say) as an instant. */
export function fromJstInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  const t = Date.parse(`${value}:00+09:00`)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** An instant as a datetime-local value in Japan time. */
export function toJstInput(ms: number): string {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 16)
}
