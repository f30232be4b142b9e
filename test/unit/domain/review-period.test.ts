// Periods are local calendar periods: run them where midnight is not UTC's.
process.env['TZ'] = 'Europe/Paris'

import { describe, expect, it } from 'vitest'
import {
  bucketSizeFor,
  customPeriod,
  periodDays,
  presetPeriod,
  reviewBuckets,
} from '../../../src/shared/domain/review-period'

// 26 November 2026, 10:34 in Paris (UTC+1 in winter).
const now = new Date('2026-11-26T09:34:00.000Z')

describe('presetPeriod', () => {
  it('gives last year as 1 January to 1 January, local midnights', () => {
    expect(presetPeriod('lastYear', now)).toEqual({
      from: '2024-12-31T23:00:00.000Z',
      to: '2025-12-31T23:00:00.000Z',
    })
  })

  it('gives this year and this quarter up to the end of today', () => {
    expect(presetPeriod('thisYear', now)).toEqual({ from: '2025-12-31T23:00:00.000Z', to: '2026-11-26T23:00:00.000Z' })
    // Q4 starts on 1 October, still in summer time (UTC+2).
    expect(presetPeriod('thisQuarter', now)).toEqual({
      from: '2026-09-30T22:00:00.000Z',
      to: '2026-11-26T23:00:00.000Z',
    })
  })

  it('gives the last 30 days, today included', () => {
    const period = presetPeriod('last30', now)
    expect(period).toEqual({ from: '2026-10-27T23:00:00.000Z', to: '2026-11-26T23:00:00.000Z' })
    expect(periodDays(period)).toEqual({ from: '2026-10-28', to: '2026-11-26' })
  })
})

describe('customPeriod', () => {
  it('includes both days chosen', () => {
    expect(customPeriod('2026-03-01', '2026-03-31')).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      // 29 March is the change to summer time: the end is midnight of 1 April at UTC+2.
      to: '2026-03-31T22:00:00.000Z',
    })
    expect(periodDays(customPeriod('2026-03-01', '2026-03-31')!)).toEqual({ from: '2026-03-01', to: '2026-03-31' })
  })

  it('refuses impossible or reversed dates', () => {
    expect(customPeriod('2026-02-30', '2026-03-01')).toBeNull()
    expect(customPeriod('2026-03-02', '2026-03-01')).toBeNull()
    expect(customPeriod('', '2026-03-01')).toBeNull()
    expect(customPeriod('2026-03-01', '2026-03-01')).not.toBeNull()
  })
})

describe('reviewBuckets', () => {
  it('uses days for a month, weeks for a quarter, months for a year', () => {
    expect(bucketSizeFor(presetPeriod('last30', now))).toBe('day')
    expect(bucketSizeFor(presetPeriod('thisQuarter', now))).toBe('week')
    expect(bucketSizeFor(presetPeriod('lastYear', now))).toBe('month')
  })

  it('starts months on local first days, across summer time', () => {
    const buckets = reviewBuckets(presetPeriod('lastYear', now))
    expect(buckets).toHaveLength(12)
    expect(buckets[0]).toBe('2024-12-31T23:00:00.000Z')
    expect(buckets[3]).toBe('2025-03-31T22:00:00.000Z')
    expect(buckets[11]).toBe('2025-11-30T23:00:00.000Z')
  })

  it('gives one bucket per local day, 23-hour days included', () => {
    const buckets = reviewBuckets(customPeriod('2026-03-28', '2026-03-30')!)
    expect(buckets).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'])
  })

  it('gives weeks from the first day of the period', () => {
    const buckets = reviewBuckets(customPeriod('2026-01-01', '2026-02-15')!)
    expect(buckets).toHaveLength(7)
    expect(buckets[1]).toBe('2026-01-07T23:00:00.000Z')
  })
})
