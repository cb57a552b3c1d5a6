// LNK-05: when API linkage is closed, as data. Each rule names the JST days it applies to and the closed spans
// on each such day, as times of that day ('HH:MM', '24:00' = end of day). A span that starts the evening before
// its day (the eve of the 2nd and 4th Sunday) says so with `fromPreviousDay`.
//
// The seed says "毎日0時から1分程度" and "毎日4時から数分程度" without exact figures; this table chooses 0:00–0:01
// and 4:00–4:05. Staff-set maintenance windows live in the database (linkage_maintenance), not here.

export type DaySelector =
  | { kind: 'everyDay' }
  /** The nth (1-based) given weekday (0 = Sunday … 6 = Saturday) of the month. */
  | { kind: 'nthWeekday'; weekday: number; nth: readonly number[] }
  | { kind: 'dates'; month: number; days: readonly number[] }

export interface ClosedSpan {
  from: string
  to: string
  /** `from` is on the day before the selected day (the span crosses midnight into the selected day). */
  fromPreviousDay?: boolean
}

export interface ServiceHoursRule {
  id: string
  /** The FAQ's wording (seed 004, 3. サービスについて Q1). */
  label: string
  days: DaySelector
  closed: readonly ClosedSpan[]
}

export const serviceHoursRules: readonly ServiceHoursRule[] = [
  { id: 'daily-midnight', label: '毎日0時から1分程度', days: { kind: 'everyDay' }, closed: [{ from: '00:00', to: '00:01' }] },
  { id: 'daily-4am', label: '毎日4時から数分程度', days: { kind: 'everyDay' }, closed: [{ from: '04:00', to: '04:05' }] },
  {
    id: 'monday-1st-3rd',
    label: '毎月第1および第3月曜日の2:00~6:00',
    days: { kind: 'nthWeekday', weekday: 1, nth: [1, 3] },
    closed: [{ from: '02:00', to: '06:00' }],
  },
  {
    id: 'sunday-2nd-4th',
    label: '毎月第2および第4日曜日の前日23:50~翌7:00',
    days: { kind: 'nthWeekday', weekday: 0, nth: [2, 4] },
    closed: [{ from: '23:50', to: '07:00', fromPreviousDay: true }],
  },
  {
    id: 'new-year',
    label: '1月1日~3日の0:00~8:00、19:00~24:00',
    days: { kind: 'dates', month: 1, days: [1, 2, 3] },
    closed: [
      { from: '00:00', to: '08:00' },
      { from: '19:00', to: '24:00' },
    ],
  },
]
