// The one time module (issue 10): the JST calendar as pure functions of an instant, with table tests (DESIGN.md §4).
import { describe, expect, it } from 'vitest'
import { addDays, DAY_MS, isCalendarDate, jstDate, jstMidnight, nextJstMidnight, subtractMonths } from '@shinkumi/common/time.ts'

describe('JST calendar', () => {
  it.each([
    ['2026-11-18T14:59:59.999Z', '2026-11-18'],
    ['2026-11-18T15:00:00.000Z', '2026-11-19'],
    ['2026-12-31T15:00:00.000Z', '2027-01-01'],
  ])('the JST date of %s is %s', (instant, date) => {
    expect(jstDate(new Date(instant))).toBe(date)
  })

  it('LNK-04 a lock taken at any time of a JST day ends at the next 0:00 JST', () => {
    const midnight = Date.parse('2026-11-18T15:00:00.000Z')
    expect(jstMidnight('2026-11-19')).toBe(midnight)
    expect(nextJstMidnight(new Date('2026-11-18T00:00:00.000Z'))).toBe(midnight)
    expect(nextJstMidnight(new Date(midnight - 1))).toBe(midnight)
    expect(nextJstMidnight(new Date(midnight))).toBe(midnight + DAY_MS)
  })

  it.each([
    ['2026-05-31', 3, '2026-02-28'],
    ['2028-05-31', 3, '2028-02-29'],
    ['2026-03-15', 14, '2025-01-15'],
  ])('%s minus %i months is %s (clamped to the month end)', (date, months, earlier) => {
    expect(subtractMonths(date, months)).toBe(earlier)
  })

  it('adds days across month and year ends, and recognises real calendar dates only', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(isCalendarDate('2028-02-29')).toBe(true)
    for (const wrong of ['2026-02-29', '2026-13-01', '2026-1-01', '20261101']) expect(isCalendarDate(wrong)).toBe(false)
  })
})
