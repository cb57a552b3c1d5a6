// LNK-05: is API linkage open at an instant? A pure function of the instant, the rule table and the staff
// maintenance windows in force, so the calendar's edges are table-tested without a database or a clock.
import { DAY_MS, JST_OFFSET_MS, MINUTE_MS } from '@shinkumi/common/time.ts'
import type { DaySelector, ServiceHoursRule } from './rules.ts'

export interface MaintenanceWindow {
  startsAt: number
  endsAt: number
}

export type ServiceHoursVerdict = { open: true } | { open: false; reason: string }

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

function selects(days: DaySelector, year: number, month: number, day: number): boolean {
  if (days.kind === 'everyDay') return true
  if (days.kind === 'dates') return month === days.month && days.days.includes(day)
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return weekday === days.weekday && days.nth.includes(Math.ceil(day / 7))
}

export function serviceHoursAt(instant: Date, rules: readonly ServiceHoursRule[], maintenance: readonly MaintenanceWindow[] = []): ServiceHoursVerdict {
  const t = instant.getTime()
  for (const window of maintenance) {
    if (window.startsAt <= t && t < window.endsAt) return { open: false, reason: 'maintenance' }
  }
  const jstMs = t + JST_OFFSET_MS
  const todayStart = Math.floor(jstMs / DAY_MS) * DAY_MS
  // A span belongs to one day but may start the evening before, so today and tomorrow are both candidates.
  for (const dayStart of [todayStart, todayStart + DAY_MS]) {
    const date = new Date(dayStart)
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
    for (const rule of rules) {
      if (!selects(rule.days, y, m, d)) continue
      for (const span of rule.closed) {
        const from = dayStart + (minutes(span.from) - (span.fromPreviousDay ? 24 * 60 : 0)) * MINUTE_MS
        const to = dayStart + minutes(span.to) * MINUTE_MS
        if (from <= jstMs && jstMs < to) return { open: false, reason: rule.id }
      }
    }
  }
  return { open: true }
}
