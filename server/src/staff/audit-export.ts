// The CSV export's range: JST calendar dates, both inclusive; without `from` the log from its first entry, without
// `to` up to today (JST). The rows are read page by page while the answer streams.
import type { Deps } from '../deps.ts'
import { addDays, isCalendarDate, jstDate, jstMidnight } from '@shinkumi/common/time.ts'
import { Refusal } from '../refusal.ts'
import { auditBetween } from './audit.ts'
import { csvHeader, csvRow } from './audit-csv.ts'

export function auditCsv(deps: Deps, range: { from?: string; to?: string }) {
  const to = range.to ?? jstDate(deps.clock.now())
  const from = range.from ?? null
  if (!isCalendarDate(to) || (from !== null && (!isCalendarDate(from) || from > to))) throw new Refusal('BAD_REQUEST', 'from and to are dates (YYYY-MM-DD), from ≤ to')
  const start = from === null ? 0 : jstMidnight(from)
  const end = jstMidnight(addDays(to, 1))
  return {
    from,
    to,
    fileName: `staff-audit_${from ?? 'all'}_${to}.csv`,
    async *lines(): AsyncGenerator<string> {
      yield csvHeader()
      for await (const entry of auditBetween(deps.db, start, end)) yield csvRow(entry)
    },
  }
}
