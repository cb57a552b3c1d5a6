// Time for the app and the service: durations, the Japanese calendar and the one Clock.
//
// One Clock shape, `now(): Date`. Counted before choosing (issue 10): the service read its clock at 50 places and its
// tests at 106, nearly all wanting a Date (ISO strings, JST dates, OAuth and linkage functions taking a Date); the
// app read it at 16 places and its tests at 21. `now(): Date` changed those 37 lines; `now(): number` would have
// changed some 156. So a function of the service that is given the current instant takes it as `now: Date` and calls
// getTime() where it compares with the epoch milliseconds the database holds. The app's pure calculators (TOTP,
// lock delays, expiry) keep taking epoch milliseconds from their caller, as the vault stores them.
//
// JST is UTC+9 all year (no daylight saving), so the calendar needs no time-zone database and stays a set of pure
// functions of an instant, the same in Node and in the browser.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const JST_OFFSET_MS = 9 * HOUR_MS

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

/** Epoch milliseconds (how the service's database holds instants) as the ISO-8601 string the APIs carry. */
export const iso = (ms: number) => new Date(ms).toISOString()
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))
