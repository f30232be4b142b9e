import type { ReviewPeriod } from './review-stats'

/**
 * The review's periods in the user's local calendar: a manager asking for "last
 * year" means 1 January to 31 December where they sit, not in UTC. Uses the
 * runtime's local time zone (the renderer's), so tests set TZ.
 */

export const periodPresets = ['last30', 'thisQuarter', 'lastYear', 'thisYear'] as const
export type PeriodPreset = (typeof periodPresets)[number]

/** Local midnight of a date's day. */
function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate())
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days)
}

/** The half-open period of a preset; periods that include today end at tomorrow's midnight. */
export function presetPeriod(preset: PeriodPreset, now: Date): ReviewPeriod {
  const tomorrow = addDays(startOfDay(now), 1)
  const year = now.getFullYear()
  let from: Date
  let to = tomorrow
  switch (preset) {
    case 'last30':
      from = addDays(tomorrow, -30)
      break
    case 'thisQuarter':
      from = new Date(year, Math.floor(now.getMonth() / 3) * 3, 1)
      break
    case 'thisYear':
      from = new Date(year, 0, 1)
      break
    case 'lastYear':
      from = new Date(year - 1, 0, 1)
      to = new Date(year, 0, 1)
      break
  }
  return { from: from.toISOString(), to: to.toISOString() }
}

/** A period from two calendar dates (YYYY-MM-DD), both days included; null if not valid. */
export function customPeriod(fromDate: string, toDate: string): ReviewPeriod | null {
  const from = parseDay(fromDate)
  const to = parseDay(toDate)
  if (!from || !to || to < from) return null
  return { from: from.toISOString(), to: addDays(to, 1).toISOString() }
}

/** The calendar dates (YYYY-MM-DD) a period covers, for the custom date inputs. */
export function periodDays(period: ReviewPeriod): { from: string; to: string } {
  return { from: localDay(new Date(period.from)), to: localDay(addDays(new Date(period.to), -1)) }
}

function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return null
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(y, m - 1, d)
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d ? date : null
}

function localDay(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export type BucketSize = 'day' | 'week' | 'month'

/** Days up to a month, weeks up to about four months, months beyond: 5 to 31 bars for usual periods. */
export function bucketSizeFor(period: ReviewPeriod): BucketSize {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000
  return days <= 31 ? 'day' : days <= 122 ? 'week' : 'month'
}

/** Start instants of the chart's buckets: the first is the period's start, the rest fall on local boundaries. */
export function reviewBuckets(period: ReviewPeriod, size: BucketSize = bucketSizeFor(period)): string[] {
  const end = Date.parse(period.to)
  const start = new Date(period.from)
  const out = [start.toISOString()]
  let next =
    size === 'day'
      ? addDays(startOfDay(start), 1)
      : size === 'week'
        ? addDays(startOfDay(start), 7)
        : new Date(start.getFullYear(), start.getMonth() + 1, 1)
  while (next.getTime() < end) {
    out.push(next.toISOString())
    next =
      size === 'day'
        ? addDays(next, 1)
        : size === 'week'
          ? addDays(next, 7)
          : new Date(next.getFullYear(), next.getMonth() + 1, 1)
  }
  return out
}
