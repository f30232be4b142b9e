import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { tablesToCsv } from '../../src/shared/domain/csv'
import { computeReviewStats, noFilters } from '../../src/shared/domain/review-stats'
import { reviewCsvTables, reviewTables } from '../../src/renderer/src/features/review/review-tables'

// Calendar days of the export are local: pin the zone so the expected days hold anywhere.
process.env['TZ'] = 'UTC'

// Keys stand for the translations: what matters here is what goes where.
const t = ((key: string, vars?: Record<string, unknown>) =>
  vars && 'count' in vars ? `${key}:${String(vars['count'])}` : key) as unknown as TFunction

const stats = computeReviewStats({
  cases: [
    {
      id: 'a',
      ref: 'LYON-2025-0001',
      status: 'closed',
      severity: 'minor',
      category: 'delivery',
      channel: 'phone',
      department: 'Chi nhánh Hà Nội',
      customerName: 'Nguyễn Văn An',
      receivedAt: '2025-03-02T09:00:00.000Z',
      due: { acknowledge: '2025-03-03T09:00:00.000Z', resolve: '2025-04-01T09:00:00.000Z' },
      acknowledgedAt: '2025-03-02T10:00:00.000Z',
      closedAt: '2025-03-06T09:00:00.000Z',
      nameKey: 'an nguyen van',
      phoneKey: '912345678',
      emailKey: '',
    },
  ],
  resolutions: [
    {
      caseId: 'a' as never,
      outcome: 'upheld',
      rootCause: { category: 'supplier', text: '' },
      compensation: [{ kind: 'refund', amount: 1_500_000, currency: 'VND' }],
    },
  ],
  surveys: [{ caseId: 'a' as never, satisfaction: 4, fixAsWanted: 'yes', wouldReturn: 'maybe' }],
  period: { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' },
  filters: noFilters,
  now: new Date('2025-06-01T00:00:00.000Z'),
  buckets: ['2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z'],
})

describe('review tables and their CSV', () => {
  const tables = reviewTables(stats, t, 'day')
  const csv = tablesToCsv(
    reviewCsvTables(
      Object.values(tables),
      {
        period: { from: '2025-03-01T00:00:00.000Z', to: '2025-04-01T00:00:00.000Z' },
        filters: { ...noFilters, department: 'Chi nhánh Hà Nội' },
      },
      t,
    ),
  )
  const lines = csv.slice(1).split('\r\n')

  it('writes the period as the calendar days chosen and the filters, "all" where none', () => {
    expect(lines.slice(0, 8)).toEqual([
      'review.title',
      'review.columns.figure,review.columns.value',
      'review.period.from,2025-03-01',
      'review.period.to,2025-03-31',
      'review.filters.department,Chi nhánh Hà Nội',
      'review.filters.channel,review.filters.all',
      'review.filters.category,review.filters.all',
      'review.filters.severity,review.filters.all',
    ])
  })

  it('writes shares as percentages and says so in the header or the label', () => {
    expect(lines).toContain('review.figures.ackWithin24h (%),100')
    expect(lines).toContain(
      'review.columns.rootCause,review.columns.cases,review.columns.share (%),review.columns.cumulative (%)',
    )
    expect(lines).toContain('review.rootCauses.supplier,1,100,100')
    expect(lines).toContain('review.outcomes.upheld,1,100')
  })

  it('writes amounts without symbols, in their currency, and dates as ISO days', () => {
    expect(lines).toContain('VND,1500000,1')
    expect(lines).toContain('2025-03-02,1,1')
    expect(lines).toContain('review.figures.resolveMedianDays,4')
  })

  it('keeps the on-screen rows typed, so the screen formats them in the user’s language', () => {
    expect(tables['compensation']?.rows[0]?.[1]).toEqual({ amount: 1_500_000, currency: 'VND' })
    expect(tables['summary']?.rows[3]?.[1]).toEqual({ share: 1 })
  })
})
