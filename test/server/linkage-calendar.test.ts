import { describe, expect, it } from 'vitest'
import { serviceHoursRules } from '../../server/src/linkage/calendar/rules.ts'
import { serviceHoursAt } from '../../server/src/linkage/calendar/service-hours.ts'

// JST instants (+09:00). November 2026: Sundays 1, 8, 15, 22, 29; Mondays 2, 9, 16, 23, 30.
// March 2026: Sundays 1, 8, 15, 22, 29 — the 2nd Sunday's eve is Saturday 7th.
const cases: [string, string, boolean][] = [
  ['an ordinary weekday afternoon', '2026-11-18T14:00:00+09:00', true],
  ['daily 0:00 (chosen: 0:00–0:01)', '2026-11-18T00:00:00+09:00', false],
  ['daily 0:00:59', '2026-11-18T00:00:59+09:00', false],
  ['daily 0:01 open again', '2026-11-18T00:01:00+09:00', true],
  ['23:59:59 the day before is open', '2026-11-17T23:59:59+09:00', true],
  ['daily 4:00 (chosen: 4:00–4:05)', '2026-11-18T04:00:00+09:00', false],
  ['daily 4:04:59', '2026-11-18T04:04:59+09:00', false],
  ['daily 4:05 open again', '2026-11-18T04:05:00+09:00', true],
  ['3:59:59 open', '2026-11-18T03:59:59+09:00', true],
  ['1st Monday 2:00', '2026-11-02T02:00:00+09:00', false],
  ['1st Monday 5:59', '2026-11-02T05:59:59+09:00', false],
  ['1st Monday 6:00 open', '2026-11-02T06:00:00+09:00', true],
  ['1st Monday 1:59 open', '2026-11-02T01:59:59+09:00', true],
  ['2nd Monday 3:00 open', '2026-11-09T03:00:00+09:00', true],
  ['3rd Monday 2:30', '2026-11-16T02:30:00+09:00', false],
  ['4th Monday 2:30 open', '2026-11-23T02:30:00+09:00', true],
  ['eve of the 2nd Sunday 23:49 open', '2026-11-07T23:49:59+09:00', true],
  ['eve of the 2nd Sunday 23:50', '2026-11-07T23:50:00+09:00', false],
  ['2nd Sunday 6:59', '2026-11-08T06:59:59+09:00', false],
  ['2nd Sunday 7:00 open', '2026-11-08T07:00:00+09:00', true],
  ['eve of the 4th Sunday 23:55', '2026-11-21T23:55:00+09:00', false],
  ['4th Sunday 3:00', '2026-11-22T03:00:00+09:00', false],
  ['eve of the 1st Sunday 23:55 open', '2026-10-31T23:55:00+09:00', true],
  ['eve of the 3rd Sunday 23:55 open', '2026-11-14T23:55:00+09:00', true],
  ['eve of the 5th Sunday 23:55 open', '2026-11-28T23:55:00+09:00', true],
  ['March: eve of the 2nd Sunday (Sat 7th) 23:50', '2026-03-07T23:50:00+09:00', false],
  ['March: 2nd Sunday 6:00', '2026-03-08T06:00:00+09:00', false],
  ['1 January 0:30', '2027-01-01T00:30:00+09:00', false],
  ['1 January 7:59', '2027-01-01T07:59:59+09:00', false],
  ['1 January 8:00 open', '2027-01-01T08:00:00+09:00', true],
  ['2 January 18:59 open', '2027-01-02T18:59:59+09:00', true],
  ['2 January 19:00', '2027-01-02T19:00:00+09:00', false],
  ['3 January 23:59', '2027-01-03T23:59:59+09:00', false],
  ['4 January 0:01 open', '2027-01-04T00:01:00+09:00', true],
  ['31 December 19:30 open', '2026-12-31T19:30:00+09:00', true],
]

describe('LNK-05 service hours calendar (table over the edges)', () => {
  it.each(cases)('LNK-05 %s → %s', (_label, instant, open) => {
    expect(serviceHoursAt(new Date(instant), serviceHoursRules).open).toBe(open)
  })

  it('LNK-05 staff maintenance windows close the service from their start up to their end', () => {
    const window = { startsAt: Date.parse('2026-11-18T13:00:00+09:00'), endsAt: Date.parse('2026-11-18T15:00:00+09:00') }
    expect(serviceHoursAt(new Date('2026-11-18T12:59:59+09:00'), serviceHoursRules, [window]).open).toBe(true)
    expect(serviceHoursAt(new Date('2026-11-18T13:00:00+09:00'), serviceHoursRules, [window])).toEqual({ open: false, reason: 'maintenance' })
    expect(serviceHoursAt(new Date('2026-11-18T15:00:00+09:00'), serviceHoursRules, [window]).open).toBe(true)
  })

  it('LNK-05 the calendar is data: every rule carries the FAQ wording it implements', () => {
    expect(serviceHoursRules.map((r) => r.label)).toEqual([
      '毎日0時から1分程度',
      '毎日4時から数分程度',
      '毎月第1および第3月曜日の2:00~6:00',
      '毎月第2および第4日曜日の前日23:50~翌7:00',
      '1月1日~3日の0:00~8:00、19:00~24:00',
    ])
  })
})
