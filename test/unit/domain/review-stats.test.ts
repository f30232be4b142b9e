import { describe, expect, it } from 'vitest'
import type { Compensation, Outcome, RootCauseCategory } from '../../../src/shared/domain/resolution'
import {
  computeReviewStats,
  noFilters,
  quantile,
  type ReviewCase,
  type ReviewInput,
  type ReviewResolution,
  type ReviewSurvey,
} from '../../../src/shared/domain/review-stats'

const base: ReviewCase = {
  id: '',
  ref: '',
  status: 'closed',
  severity: 'minor',
  category: 'delivery',
  channel: 'phone',
  department: 'Livraison',
  customerName: '',
  receivedAt: '',
  due: { acknowledge: '', resolve: null },
  acknowledgedAt: null,
  closedAt: null,
  nameKey: '',
  phoneKey: '',
  emailKey: '',
}

const c = (id: string, fields: Partial<ReviewCase>): ReviewCase => ({
  ...base,
  id,
  ref: `LYON-${id}`,
  customerName: `Customer ${id}`,
  nameKey: `customer ${id.toLowerCase()}`,
  ...fields,
})

const resolution = (
  caseId: string,
  outcome: Outcome,
  category: RootCauseCategory,
  compensation: Compensation[] = [],
): ReviewResolution => ({ caseId: caseId as never, outcome, rootCause: { category, text: '' }, compensation })

const survey = (
  caseId: string,
  satisfaction: ReviewSurvey['satisfaction'],
  fixAsWanted: ReviewSurvey['fixAsWanted'],
  wouldReturn: ReviewSurvey['wouldReturn'],
): ReviewSurvey => ({ caseId: caseId as never, satisfaction, fixAsWanted, wouldReturn })

// The period is 1–10 January 2026 (ten days), so the previous one is 22–31 December 2025.
// "Now" is 10 January, noon. Departments: X = Livraison, Y = Facturation, Z = Service après-vente.
const X = 'Livraison'
const Y = 'Facturation'
const Z = 'Service après-vente'
const cases: ReviewCase[] = [
  // Acknowledged in 2 h, closed in 3 days before its deadline; refund and credit in euros.
  c('A', {
    department: X,
    receivedAt: '2026-01-02T00:00:00.000Z',
    acknowledgedAt: '2026-01-02T02:00:00.000Z',
    closedAt: '2026-01-05T00:00:00.000Z',
    due: { acknowledge: '2026-01-03T00:00:00.000Z', resolve: '2026-01-12T00:00:00.000Z' },
    phoneKey: '612345678',
    customerName: 'Élodie Marchand',
    severity: 'major',
  }),
  // Acknowledged in 30 h (late), closed after its deadline.
  c('B', {
    department: X,
    channel: 'email_web',
    receivedAt: '2026-01-03T00:00:00.000Z',
    acknowledgedAt: '2026-01-04T06:00:00.000Z',
    closedAt: '2026-01-09T00:00:00.000Z',
    due: { acknowledge: '2026-01-04T00:00:00.000Z', resolve: '2026-01-08T00:00:00.000Z' },
    emailKey: 'tran.an@example.vn',
    customerName: 'Trần An',
  }),
  // Never acknowledged, still open past its deadline; same phone as A, written differently.
  c('C', {
    department: Y,
    status: 'investigation',
    receivedAt: '2026-01-04T00:00:00.000Z',
    due: { acknowledge: '2026-01-05T00:00:00.000Z', resolve: '2026-01-06T00:00:00.000Z' },
    phoneKey: '612345678',
    customerName: 'E. Marchand',
  }),
  // Received six hours ago, not acknowledged yet: too early to judge; no deadline before triage.
  // Same name as G but no phone or e-mail: only a name, and names are compared only between such cases.
  c('D', {
    department: Y,
    status: 'triage',
    severity: null,
    category: null,
    receivedAt: '2026-01-10T06:00:00.000Z',
    due: { acknowledge: '2026-01-11T06:00:00.000Z', resolve: null },
    nameKey: 'ivan petrov',
  }),
  // Declined two hours after receipt, never acknowledged.
  c('E', {
    department: Y,
    status: 'declined',
    receivedAt: '2026-01-05T00:00:00.000Z',
    closedAt: '2026-01-05T02:00:00.000Z',
    due: { acknowledge: '2026-01-06T00:00:00.000Z', resolve: '2026-02-04T00:00:00.000Z' },
  }),
  // Received in the previous period, closed in this one after 8 days, not upheld.
  c('F', {
    department: X,
    receivedAt: '2025-12-25T00:00:00.000Z',
    acknowledgedAt: '2025-12-25T01:00:00.000Z',
    closedAt: '2026-01-02T00:00:00.000Z',
    due: { acknowledge: '2025-12-26T00:00:00.000Z', resolve: '2026-01-24T00:00:00.000Z' },
  }),
  // Previous period, still open; shares D's name but has a phone.
  c('G', {
    department: Y,
    status: 'investigation',
    receivedAt: '2025-12-28T00:00:00.000Z',
    nameKey: 'ivan petrov',
    phoneKey: '9161234567',
  }),
  // Previous period, closed in this one after 5 days, with no resolution recorded.
  c('H', { department: Y, receivedAt: '2025-12-29T00:00:00.000Z', closedAt: '2026-01-03T00:00:00.000Z' }),
  // Acknowledged exactly at 24 h (still within), closed in a day; compensation in dong. Same e-mail as B.
  c('I', {
    department: Z,
    channel: 'email_web',
    receivedAt: '2026-01-06T00:00:00.000Z',
    acknowledgedAt: '2026-01-07T00:00:00.000Z',
    closedAt: '2026-01-07T00:00:00.000Z',
    due: { acknowledge: '2026-01-07T00:00:00.000Z', resolve: '2026-01-16T00:00:00.000Z' },
    emailKey: 'tran.an@example.vn',
    customerName: 'Tran Thi An',
  }),
  // Long before: counted nowhere.
  c('J', { department: X, receivedAt: '2025-11-01T00:00:00.000Z', closedAt: '2025-11-05T00:00:00.000Z' }),
  // Two complaints in the previous period in a department with none now: falling, not rising.
  c('K1', { department: 'Boutique en ligne', status: 'triage', receivedAt: '2025-12-23T00:00:00.000Z' }),
  c('K2', { department: 'Boutique en ligne', status: 'triage', receivedAt: '2025-12-24T00:00:00.000Z' }),
]

const resolutions: ReviewResolution[] = [
  resolution('A', 'upheld', 'process', [
    { kind: 'refund', amount: 100, currency: 'EUR' },
    { kind: 'credit', amount: 20, currency: 'EUR' },
  ]),
  resolution('B', 'partly_upheld', 'process', [{ kind: 'refund', amount: 50.5, currency: 'EUR' }]),
  resolution('F', 'not_upheld', 'customer_error', [{ kind: 'none', amount: null, currency: null }]),
  resolution('I', 'upheld', 'training', [{ kind: 'credit', amount: 2_000_000, currency: 'VND' }]),
  resolution('J', 'upheld', 'equipment', [{ kind: 'refund', amount: 999, currency: 'EUR' }]),
]

const surveys: ReviewSurvey[] = [
  survey('A', 5, 'yes', 'yes'),
  survey('B', 3, 'partly', 'maybe'),
  survey('I', 4, 'yes', 'yes'),
  survey('J', 1, 'no', 'no'),
]

const input: ReviewInput = {
  cases,
  resolutions,
  surveys,
  period: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-11T00:00:00.000Z' },
  filters: noFilters,
  now: new Date('2026-01-10T12:00:00.000Z'),
  buckets: ['2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z'],
}

describe('computeReviewStats over a hand-made period', () => {
  const stats = computeReviewStats(input)

  it('counts complaints received, closed and declined in the period', () => {
    // Received: A B C D E I. Closed: A B F H I (F and H were received before). Declined: E.
    expect(stats.received).toBe(6)
    expect(stats.closed).toBe(5)
    expect(stats.declined).toBe(1)
    expect(stats.previousPeriod).toEqual({ from: '2025-12-22T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' })
  })

  it('judges acknowledgement within 24 hours, 24 hours exactly included, and leaves too-recent cases out', () => {
    // Judged: A (2 h), B (30 h), C (never, 6 days old), E (never, declined), I (24 h); D is 6 hours old.
    expect(stats.acknowledgement).toEqual({
      judged: 5,
      within24h: 2,
      shareWithin24h: 0.4,
      // Hours of acknowledged cases: 2, 24, 30 → median 24, p90 24 + 0.8 × 6.
      hours: { count: 3, median: 24, p90: expect.closeTo(28.8, 10) },
    })
  })

  it('gives the median and 90th percentile of days to resolve closed cases', () => {
    // A 3, B 6, F 8, H 5, I 1 → 1 3 5 6 8: median 5, p90 at rank 3.6 = 6 + 0.6 × 2.
    expect(stats.resolveDays).toEqual({ count: 5, median: 5, p90: expect.closeTo(7.2, 10) })
  })

  it('shares overdue among received cases with a deadline: closed late or open past it', () => {
    // With a deadline: A (on time), B (closed late), C (open, past), I (on time); D has none, E is declined.
    expect(stats.overdue).toEqual({ withDeadline: 4, late: 2, share: 0.5 })
  })

  it('counts outcomes of closed cases, the unrecorded ones too', () => {
    expect(stats.outcomes).toEqual({ upheld: 2, partly_upheld: 1, not_upheld: 1, unrecorded: 1 })
  })

  it('totals compensation per currency, never mixing currencies, counting each case once', () => {
    expect(stats.compensation).toEqual([
      { currency: 'EUR', amount: 170.5, cases: 2 },
      { currency: 'VND', amount: 2_000_000, cases: 1 },
    ])
  })

  it('orders root causes for a Pareto chart, ties in the checklist order', () => {
    expect(stats.rootCauses).toEqual([
      { category: 'process', count: 2, share: 0.5, cumulativeShare: 0.5 },
      { category: 'training', count: 1, share: 0.25, cumulativeShare: 0.75 },
      { category: 'customer_error', count: 1, share: 0.25, cumulativeShare: 1 },
    ])
  })

  it('finds repeat complainants by phone or e-mail, not by a shared name alone', () => {
    expect(stats.repeatComplainants).toEqual({
      customers: 2,
      cases: 4,
      top: [
        { name: 'E. Marchand', cases: 2, refs: ['LYON-A', 'LYON-C'] },
        { name: 'Tran Thi An', cases: 2, refs: ['LYON-B', 'LYON-I'] },
      ],
    })
  })

  it('lists departments whose counts rise against the previous period of equal length', () => {
    expect(stats.risingDepartments).toEqual([
      { department: Y, current: 3, previous: 2, change: 1, relativeChange: 0.5 },
      { department: X, current: 2, previous: 1, change: 1, relativeChange: 1 },
      { department: Z, current: 1, previous: 0, change: 1, relativeChange: null },
    ])
  })

  it('summarises the surveys of cases closed in the period', () => {
    expect(stats.surveys).toEqual({
      answered: 3,
      responseRate: 0.6,
      meanSatisfaction: 4,
      satisfaction: [0, 0, 1, 1, 1],
      fixAsWanted: { yes: 2, partly: 1, no: 0 },
      wouldReturn: { yes: 2, maybe: 1, no: 0 },
    })
  })

  it('counts receipts and closures per time bucket', () => {
    expect(stats.series).toEqual([
      { start: '2026-01-01T00:00:00.000Z', received: 3, closed: 2 },
      { start: '2026-01-05T00:00:00.000Z', received: 3, closed: 3 },
    ])
  })
})

describe('computeReviewStats with filters', () => {
  it('keeps only one department, in every figure', () => {
    const stats = computeReviewStats({ ...input, filters: { ...noFilters, department: X } })
    expect(stats.received).toBe(2)
    expect(stats.closed).toBe(3)
    expect(stats.outcomes).toEqual({ upheld: 1, partly_upheld: 1, not_upheld: 1, unrecorded: 0 })
    expect(stats.compensation).toEqual([{ currency: 'EUR', amount: 170.5, cases: 2 }])
    expect(stats.risingDepartments.map((d) => d.department)).toEqual([X])
    expect(stats.repeatComplainants.customers).toBe(0)
    expect(stats.surveys.answered).toBe(2)
  })

  it('filters by channel, category and severity; untriaged cases match no severity', () => {
    expect(computeReviewStats({ ...input, filters: { ...noFilters, channel: 'email_web' } }).received).toBe(2)
    expect(computeReviewStats({ ...input, filters: { ...noFilters, severity: 'major' } }).received).toBe(1)
    expect(computeReviewStats({ ...input, filters: { ...noFilters, severity: 'minor' } }).received).toBe(4)
    expect(computeReviewStats({ ...input, filters: { ...noFilters, category: 'billing' } }).received).toBe(0)
  })
})

describe('computeReviewStats edge cases', () => {
  it('says "no figure" rather than 0 % when there is nothing to measure', () => {
    const stats = computeReviewStats({ ...input, cases: [], buckets: undefined })
    expect(stats.received).toBe(0)
    expect(stats.acknowledgement.shareWithin24h).toBeNull()
    expect(stats.acknowledgement.hours).toBeNull()
    expect(stats.resolveDays).toBeNull()
    expect(stats.overdue.share).toBeNull()
    expect(stats.surveys.meanSatisfaction).toBeNull()
    expect(stats.surveys.responseRate).toBeNull()
    expect(stats.rootCauses).toEqual([])
    expect(stats.series).toEqual([{ start: input.period.from, received: 0, closed: 0 }])
  })

  it('refuses a period that ends before it starts', () => {
    expect(() => computeReviewStats({ ...input, period: { from: input.period.to, to: input.period.from } })).toThrow(
      RangeError,
    )
    expect(() => computeReviewStats({ ...input, period: { from: 'yesterday', to: input.period.to } })).toThrow(
      RangeError,
    )
  })

  it('includes the first instant of the period and excludes the last', () => {
    const edge = [
      c('start', { status: 'triage', receivedAt: '2026-01-01T00:00:00.000Z' }),
      c('end', { status: 'triage', receivedAt: '2026-01-11T00:00:00.000Z' }),
    ]
    expect(computeReviewStats({ ...input, cases: edge }).received).toBe(1)
  })

  it('reads dates written with an offset or without milliseconds as well as the stored form', () => {
    const odd = [
      // 31 December 2025, 23:30 UTC: before the period, although the local date says 1 January.
      c('offset', { status: 'triage', receivedAt: '2026-01-01T01:30:00+02:00' }),
      c('seconds', { status: 'triage', receivedAt: '2026-01-02T00:00:00Z' }),
      c('stored', { status: 'triage', receivedAt: '2026-01-03T00:00:00.000Z' }),
    ]
    expect(computeReviewStats({ ...input, cases: odd }).received).toBe(2)
  })

  it('adds amounts without floating-point dust', () => {
    const many = Array.from({ length: 10 }, (_, i) =>
      c(`M${i}`, { receivedAt: '2026-01-02T00:00:00.000Z', closedAt: '2026-01-03T00:00:00.000Z' }),
    )
    const stats = computeReviewStats({
      ...input,
      cases: many,
      resolutions: many.map((m) =>
        resolution(m.id, 'upheld', 'process', [{ kind: 'refund', amount: 0.1, currency: 'EUR' }]),
      ),
    })
    expect(stats.compensation).toEqual([{ currency: 'EUR', amount: 1, cases: 10 }])
  })

  it('counts a year of 50,000 cases and their repeat complainants (speed is measured by npm run bench:review)', () => {
    const many: ReviewCase[] = []
    for (let i = 0; i < 50_000; i++) {
      const received = Date.parse('2025-01-01T00:00:00.000Z') + i * 600_000
      many.push(
        c(`P${i}`, {
          department: `D${i % 9}`,
          receivedAt: new Date(received).toISOString(),
          acknowledgedAt: new Date(received + 3_600_000).toISOString(),
          closedAt: new Date(received + 5 * 86_400_000).toISOString(),
          phoneKey: String(i % 40_000),
        }),
      )
    }
    const stats = computeReviewStats({
      ...input,
      cases: many,
      resolutions: many.map((m) => resolution(m.id, 'upheld', 'process')),
      surveys: [],
      period: { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
    })
    expect(stats.received).toBe(50_000)
    expect(stats.repeatComplainants.customers).toBe(10_000)
  })
})

describe('quantile', () => {
  it('interpolates between the nearest ranks', () => {
    expect(quantile([1, 2, 3, 10], 0.5)).toBe(2.5)
    expect(quantile([1, 2, 3, 10], 0.9)).toBeCloseTo(7.9, 10)
    expect(quantile([7], 0.9)).toBe(7)
    expect(quantile([], 0.5)).toBeNaN()
  })
})
