import type { CaseStatus, Channel, ComplaintCategory, DueDates, Severity } from './case'
import { outcomes, rootCauseCategories, type Outcome, type Resolution, type RootCauseCategory } from './resolution'
import type { Survey } from './review'

/**
 * The review dashboard's figures (DESIGN section 1, step 6), computed in one pass
 * over the cases' register rows, with the resolutions and surveys looked up by
 * case id. Pure: the renderer gives it what it holds in memory, tests give it
 * hand-made rows.
 */

const hourMs = 3_600_000
const dayMs = 24 * hourMs

/** What the statistics read of a case: the register row (CaseSummary) has all of it. */
export interface ReviewCase {
  readonly id: string
  readonly ref: string
  readonly status: CaseStatus
  readonly severity: Severity | null
  readonly category: ComplaintCategory | null
  readonly channel: Channel
  readonly department: string
  readonly customerName: string
  readonly receivedAt: string
  readonly due: DueDates
  readonly acknowledgedAt: string | null
  readonly closedAt: string | null
  /** Customer keys (customer-match.ts): who complained more than once. */
  readonly nameKey: string
  readonly phoneKey: string
  readonly emailKey: string
}

export type ReviewResolution = Pick<Resolution, 'caseId' | 'outcome' | 'rootCause' | 'compensation'>
export type ReviewSurvey = Pick<Survey, 'caseId' | 'satisfaction' | 'fixAsWanted' | 'wouldReturn'>

/** Half-open period [from, to) of receipt or closure instants (ISO 8601). */
export interface ReviewPeriod {
  readonly from: string
  readonly to: string
}

/** Null means "all". */
export interface ReviewFilters {
  readonly department: string | null
  readonly channel: Channel | null
  readonly category: ComplaintCategory | null
  readonly severity: Severity | null
}

export const noFilters: ReviewFilters = { department: null, channel: null, category: null, severity: null }

export interface ReviewInput {
  readonly cases: readonly ReviewCase[]
  readonly resolutions: readonly ReviewResolution[]
  readonly surveys: readonly ReviewSurvey[]
  readonly period: ReviewPeriod
  readonly filters: ReviewFilters
  /** Clock for open cases: overdue now, acknowledgement still possible. */
  readonly now: Date
  /**
   * Start instants of the chart's time buckets, ascending, the first equal to
   * period.from (days, weeks or months in the user's time zone: reviewBuckets).
   */
  readonly buckets?: readonly string[]
}

/** Median and 90th percentile of a duration, or null when nothing was measured. */
export interface Spread {
  readonly count: number
  readonly median: number
  readonly p90: number
}

export interface BucketCount {
  readonly start: string
  readonly received: number
  readonly closed: number
}

export interface ParetoRow {
  readonly category: RootCauseCategory
  readonly count: number
  /** Of the closed cases with a recorded root cause, 0 to 1. */
  readonly share: number
  /** This row and every larger one, 0 to 1: the Pareto line. */
  readonly cumulativeShare: number
}

export interface CurrencyTotal {
  /** ISO 4217 code. */
  readonly currency: string
  /** Sum in the currency's major unit, rounded to cents. */
  readonly amount: number
  /** Cases that received an amount in this currency. */
  readonly cases: number
}

export interface RepeatComplainant {
  /** The name on their latest case in the period. */
  readonly name: string
  readonly cases: number
  /** References of their cases in the period, oldest first. */
  readonly refs: readonly string[]
}

export interface DepartmentTrend {
  readonly department: string
  readonly current: number
  /** The same number of days just before the period. */
  readonly previous: number
  readonly change: number
  /** change / previous, or null when the previous period had none. */
  readonly relativeChange: number | null
}

export interface SurveyResults {
  /** Cases closed in the period with a survey. */
  readonly answered: number
  /** answered / closed, or null without closed cases. */
  readonly responseRate: number | null
  /** Mean satisfaction from 1 to 5, or null without answers. */
  readonly meanSatisfaction: number | null
  /** Answers per satisfaction score, index 0 = score 1. */
  readonly satisfaction: readonly [number, number, number, number, number]
  readonly fixAsWanted: Readonly<Record<Survey['fixAsWanted'], number>>
  readonly wouldReturn: Readonly<Record<Survey['wouldReturn'], number>>
}

export interface ReviewStats {
  readonly period: ReviewPeriod
  readonly previousPeriod: ReviewPeriod
  /** Complaints received in the period. */
  readonly received: number
  /** Cases closed in the period (declined ones are counted apart). */
  readonly closed: number
  /** Cases declined in the period. */
  readonly declined: number
  readonly acknowledgement: {
    /** Received cases whose acknowledgement can be judged: given, or 24 hours gone by. */
    readonly judged: number
    readonly within24h: number
    /** within24h / judged, or null when none can be judged. */
    readonly shareWithin24h: number | null
    /** Hours from receipt to acknowledgement, of acknowledged cases. */
    readonly hours: Spread | null
  }
  /** Days from receipt to closure, of cases closed in the period. */
  readonly resolveDays: Spread | null
  readonly overdue: {
    /** Received cases with a resolution deadline (triaged, not declined). */
    readonly withDeadline: number
    /** Of those, closed after the deadline or still open past it. */
    readonly late: number
    readonly share: number | null
  }
  /** Of cases closed in the period; unrecorded = no resolution saved. */
  readonly outcomes: Readonly<Record<Outcome | 'unrecorded', number>>
  /** Of cases closed in the period, by currency, largest first. */
  readonly compensation: readonly CurrencyTotal[]
  /** Root causes of cases closed in the period, most frequent first. */
  readonly rootCauses: readonly ParetoRow[]
  readonly repeatComplainants: {
    /** Customers with two complaints or more received in the period. */
    readonly customers: number
    /** Their complaints. */
    readonly cases: number
    /** The ones with most complaints, at most ten. */
    readonly top: readonly RepeatComplainant[]
  }
  /** Departments with more complaints than in the previous period, largest rise first. */
  readonly risingDepartments: readonly DepartmentTrend[]
  readonly surveys: SurveyResults
  readonly series: readonly BucketCount[]
}

/** How many repeat complainants the dashboard lists. */
const topRepeatCount = 10

/** The figures of the dashboard for one period and filter. */
export function computeReviewStats(input: ReviewInput): ReviewStats {
  const { filters } = input
  const from = parseTime(input.period.from)
  const to = parseTime(input.period.to)
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) throw new RangeError('The period must end after it starts.')
  const previousFrom = from - (to - from)
  const now = input.now.getTime()

  const resolutionByCase = new Map<string, ReviewResolution>()
  for (const r of input.resolutions) resolutionByCase.set(r.caseId, r)
  const surveyByCase = new Map<string, ReviewSurvey>()
  for (const s of input.surveys) surveyByCase.set(s.caseId, s)

  const bucketStarts = (input.buckets ?? [input.period.from]).map(parseTime)
  const bucketReceived = new Array<number>(bucketStarts.length).fill(0)
  const bucketClosed = new Array<number>(bucketStarts.length).fill(0)

  let received = 0
  let closed = 0
  let declined = 0
  let judged = 0
  let within24h = 0
  const ackHours: number[] = []
  const resolveDays: number[] = []
  let withDeadline = 0
  let late = 0
  const outcomeCounts: Record<Outcome | 'unrecorded', number> = {
    upheld: 0,
    partly_upheld: 0,
    not_upheld: 0,
    unrecorded: 0,
  }
  const rootCounts = new Map<RootCauseCategory, number>()
  const compensation = new Map<string, { amount: number; cases: number }>()
  const currentByDepartment = new Map<string, number>()
  const previousByDepartment = new Map<string, number>()
  const customers = new CustomerGroups()
  const satisfaction: [number, number, number, number, number] = [0, 0, 0, 0, 0]
  const fixAsWanted = { yes: 0, partly: 0, no: 0 }
  const wouldReturn = { yes: 0, maybe: 0, no: 0 }
  let answered = 0
  let satisfactionSum = 0

  for (const c of input.cases) {
    if (filters.department !== null && c.department !== filters.department) continue
    if (filters.channel !== null && c.channel !== filters.channel) continue
    if (filters.category !== null && c.category !== filters.category) continue
    if (filters.severity !== null && c.severity !== filters.severity) continue
    const receivedMs = parseTime(c.receivedAt)

    if (receivedMs >= previousFrom && receivedMs < from) {
      previousByDepartment.set(c.department, (previousByDepartment.get(c.department) ?? 0) + 1)
    } else if (receivedMs >= from && receivedMs < to) {
      received++
      currentByDepartment.set(c.department, (currentByDepartment.get(c.department) ?? 0) + 1)
      const bucket = bucketOf(bucketStarts, receivedMs)
      if (bucket >= 0) bucketReceived[bucket] = (bucketReceived[bucket] as number) + 1
      customers.add(c, receivedMs)

      const ackMs = c.acknowledgedAt === null ? Number.NaN : parseTime(c.acknowledgedAt)
      if (!Number.isNaN(ackMs)) {
        const hours = Math.max(0, ackMs - receivedMs) / hourMs
        ackHours.push(hours)
        judged++
        if (hours <= 24) within24h++
      } else if (now - receivedMs > dayMs) {
        judged++
      }

      if (c.status !== 'declined' && c.due.resolve !== null) {
        const dueMs = parseTime(c.due.resolve)
        if (!Number.isNaN(dueMs)) {
          withDeadline++
          const closedMs = c.closedAt === null ? Number.NaN : parseTime(c.closedAt)
          if (Number.isNaN(closedMs) ? now > dueMs : closedMs > dueMs) late++
        }
      }
    }

    if (c.closedAt === null) continue
    const closedMs = parseTime(c.closedAt)
    if (!(closedMs >= from && closedMs < to)) continue
    if (c.status === 'declined') {
      declined++
      continue
    }
    if (c.status !== 'closed') continue
    closed++
    const bucket = bucketOf(bucketStarts, closedMs)
    if (bucket >= 0) bucketClosed[bucket] = (bucketClosed[bucket] as number) + 1
    resolveDays.push(Math.max(0, closedMs - receivedMs) / dayMs)

    const resolution = resolutionByCase.get(c.id)
    if (resolution) {
      outcomeCounts[resolution.outcome]++
      const category = resolution.rootCause.category
      rootCounts.set(category, (rootCounts.get(category) ?? 0) + 1)
      const items = resolution.compensation
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as ReviewResolution['compensation'][number]
        if (item.amount === null || item.currency === null || !(item.amount > 0)) continue
        let total = compensation.get(item.currency)
        if (!total) compensation.set(item.currency, (total = { amount: 0, cases: 0 }))
        total.amount += item.amount
        // A case paid twice in one currency (refund and credit) is one case.
        if (!items.slice(0, i).some((earlier) => earlier.currency === item.currency && (earlier.amount ?? 0) > 0))
          total.cases++
      }
    } else {
      outcomeCounts.unrecorded++
    }

    const survey = surveyByCase.get(c.id)
    if (survey) {
      answered++
      satisfactionSum += survey.satisfaction
      const score = survey.satisfaction - 1
      satisfaction[score] = (satisfaction[score] ?? 0) + 1
      fixAsWanted[survey.fixAsWanted]++
      wouldReturn[survey.wouldReturn]++
    }
  }

  const rootTotal = [...rootCounts.values()].reduce((a, b) => a + b, 0)
  let cumulative = 0
  const rootCauses: ParetoRow[] = [...rootCounts]
    .sort(([a, x], [b, y]) => y - x || rootCauseCategories.indexOf(a) - rootCauseCategories.indexOf(b))
    .map(([category, count]) => {
      cumulative += count
      return { category, count, share: count / rootTotal, cumulativeShare: cumulative / rootTotal }
    })

  const risingDepartments: DepartmentTrend[] = []
  for (const [department, current] of currentByDepartment) {
    const previous = previousByDepartment.get(department) ?? 0
    if (current <= previous) continue
    const change = current - previous
    risingDepartments.push({
      department,
      current,
      previous,
      change,
      relativeChange: previous === 0 ? null : change / previous,
    })
  }
  risingDepartments.sort((a, b) => b.change - a.change || compareText(a.department, b.department))

  const repeat = customers.repeats()

  return {
    period: input.period,
    previousPeriod: { from: new Date(previousFrom).toISOString(), to: input.period.from },
    received,
    closed,
    declined,
    acknowledgement: {
      judged,
      within24h,
      shareWithin24h: judged === 0 ? null : within24h / judged,
      hours: spread(ackHours),
    },
    resolveDays: spread(resolveDays),
    overdue: { withDeadline, late, share: withDeadline === 0 ? null : late / withDeadline },
    outcomes: outcomeCounts,
    compensation: [...compensation]
      .map(([currency, t]) => ({ currency, amount: Math.round(t.amount * 100) / 100, cases: t.cases }))
      .sort((a, b) => b.cases - a.cases || a.currency.localeCompare(b.currency)),
    rootCauses,
    repeatComplainants: {
      customers: repeat.length,
      cases: repeat.reduce((n, r) => n + r.cases, 0),
      top: repeat.slice(0, topRepeatCount),
    },
    risingDepartments,
    surveys: {
      answered,
      responseRate: closed === 0 ? null : answered / closed,
      meanSatisfaction: answered === 0 ? null : satisfactionSum / answered,
      satisfaction,
      fixAsWanted,
      wouldReturn,
    },
    series: bucketStarts.map((start, i) => ({
      start: new Date(start).toISOString(),
      received: bucketReceived[i] as number,
      closed: bucketClosed[i] as number,
    })),
  }
}

/** Every outcome, in the order the dashboard lists them. */
export const outcomeRows = [...outcomes, 'unrecorded'] as const

/**
 * The q-quantile (0 to 1) of ascending values, interpolated between the two
 * nearest ranks (Excel's PERCENTILE.INC, R's type 7): the median of 1, 2, 3, 10
 * is 2.5, its 90th percentile 7.9.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const a = sorted[lower] as number
  const b = sorted[upper] as number
  return a + (b - a) * (position - lower)
}

function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort()
  return { count: sorted.length, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) }
}

/** Index of the last bucket starting at or before ms, or -1 before the first. */
function bucketOf(starts: readonly number[], ms: number): number {
  let low = 0
  let high = starts.length - 1
  let found = -1
  while (low <= high) {
    const mid = (low + high) >> 1
    if ((starts[mid] as number) <= ms) {
      found = mid
      low = mid + 1
    } else high = mid - 1
  }
  return found
}

function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48
}

/**
 * Date.parse, with a fast path for the one form the app stores (toISOString's
 * "2026-03-15T10:00:00.000Z"): at 50,000 cases and four dates each, parsing was
 * a third of the dashboard's time. Days from the civil date as in H. Hinnant's
 * days_from_civil; any other form goes to Date.parse.
 */
function parseTime(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 || iso.charCodeAt(10) !== 84) return Date.parse(iso)
  const year = twoDigits(iso, 0) * 100 + twoDigits(iso, 2)
  const month = twoDigits(iso, 5)
  const day = twoDigits(iso, 8)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  const days = era * 146_097 + dayOfEra - 719_468
  const ms =
    days * dayMs +
    twoDigits(iso, 11) * hourMs +
    twoDigits(iso, 14) * 60_000 +
    twoDigits(iso, 17) * 1000 +
    (iso.charCodeAt(20) - 48) * 100 +
    twoDigits(iso, 21)
  // Anything odd in the digits (a letter, a month 13) goes the slow, strict way.
  return Number.isFinite(ms) && month >= 1 && month <= 12 && day >= 1 && day <= 31 ? ms : Date.parse(iso)
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' })
function compareText(a: string, b: string): number {
  return collator.compare(a, b)
}

/**
 * Groups cases by customer: two cases belong to the same customer when they share
 * a phone or an e-mail key. A name alone is too common to join people (there are
 * many Nguyễn Văn An), so it is used only for cases with neither phone nor e-mail.
 */
class CustomerGroups {
  private readonly parent: number[] = []
  private readonly byKey = new Map<string, number>()
  private readonly rows: { name: string; ref: string; at: number }[] = []

  add(c: ReviewCase, at: number): void {
    const index = this.rows.length
    this.rows.push({ name: c.customerName, ref: c.ref, at })
    this.parent.push(index)
    const keys =
      c.phoneKey === '' && c.emailKey === ''
        ? [c.nameKey === '' ? '' : `n:${c.nameKey}`]
        : [c.phoneKey === '' ? '' : `p:${c.phoneKey}`, c.emailKey === '' ? '' : `e:${c.emailKey}`]
    for (const key of keys) {
      if (key === '') continue
      const other = this.byKey.get(key)
      if (other === undefined) this.byKey.set(key, index)
      else this.union(index, other)
    }
  }

  /** Customers with two cases or more, most cases first, then by name. */
  repeats(): RepeatComplainant[] {
    const groups = new Map<number, number[]>()
    for (let i = 0; i < this.rows.length; i++) {
      const root = this.find(i)
      const group = groups.get(root)
      if (group) group.push(i)
      else groups.set(root, [i])
    }
    const out: RepeatComplainant[] = []
    for (const members of groups.values()) {
      if (members.length < 2) continue
      const rows = members.map((i) => this.rows[i] as { name: string; ref: string; at: number })
      rows.sort((a, b) => a.at - b.at)
      out.push({
        name: (rows[rows.length - 1] as { name: string }).name,
        cases: rows.length,
        refs: rows.map((r) => r.ref),
      })
    }
    return out.sort((a, b) => b.cases - a.cases || compareText(a.name, b.name))
  }

  private find(i: number): number {
    let root = i
    while (this.parent[root] !== root) root = this.parent[root] as number
    // Path compression keeps later finds short.
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number
      this.parent[i] = root
      i = next
    }
    return root
  }

  private union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}
