// Japan Standard Time without a time-zone database: JST is UTC+9 all year (no daylight saving).
const JST_OFFSET_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The JST calendar date of an instant, as YYYY-MM-DD. */
export function jstDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10)
}

/** The instant of 0:00 JST on a calendar date (YYYY-MM-DD). */
export function jstMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - JST_OFFSET_MS
}

/** 0:00 JST of the day after the instant's JST date: when an API-linkage lock ends (LNK-04). */
export function nextJstMidnight(instant: Date): number {
  return jstMidnight(jstDate(instant)) + DAY_MS
}

/** The calendar date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The same day `months` calendar months earlier, clamped to the month's last day (3 months before 5/31 is 2/28). */
export function subtractMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 - months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, lastDay))
  return first.toISOString().slice(0, 10)
}

export function isCalendarDate(date: string): boolean {
  const t = Date.parse(`${date}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === date
}

export { DAY_MS, JST_OFFSET_MS }
