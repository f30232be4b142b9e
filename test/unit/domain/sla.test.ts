import { describe, expect, it } from 'vitest'
import type { CaseStatus, Severity } from '../../../src/shared/domain/case'
import { DomainError } from '../../../src/shared/domain/errors'
import { defaultSla, type SlaSettings } from '../../../src/shared/domain/profile'
import {
  computeDueDates,
  slaFlagUrgency,
  slaState,
  worstFlag,
  type SlaFlag,
  type SlaStateInput,
} from '../../../src/shared/domain/sla'

const hour = 3_600_000

/** Settings with 10 days for major and 30 for minor (the defaults), in a given zone. */
const sla = (timeZone: string, overrides: Partial<SlaSettings> = {}): SlaSettings => ({
  ...defaultSla(timeZone),
  ...overrides,
})

const resolveBy = (receivedAt: string, timeZone: string, severity: Severity = 'major'): string | null =>
  computeDueDates({ receivedAt, severity, sla: sla(timeZone) }).resolve

const hoursBetween = (a: string, b: string | null): number => (Date.parse(b ?? '') - Date.parse(a)) / hour

/** Local wall time of an instant, to check "same clock time" independently of the module. */
const wallTime = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))

describe('computeDueDates: acknowledgement (elapsed hours)', () => {
  it('is 24 hours after receipt', () => {
    expect(computeDueDates({ receivedAt: '2026-05-12T09:15:00.000Z', severity: null, sla: sla('UTC') })).toEqual({
      acknowledge: '2026-05-13T09:15:00.000Z',
      resolve: null,
    })
  })

  it('stays 24 real hours across the spring-forward night in Paris (25 on the wall clock… minus one)', () => {
    const due = computeDueDates({ receivedAt: '2026-03-28T12:00:00+01:00', severity: null, sla: sla('Europe/Paris') })
    expect(due.acknowledge).toBe('2026-03-29T11:00:00.000Z')
    expect(wallTime(due.acknowledge, 'Europe/Paris')).toBe('2026-03-29 13:00:00')
  })

  it('stays 24 real hours across the fall-back night in Paris', () => {
    const due = computeDueDates({ receivedAt: '2026-10-24T12:00:00+02:00', severity: null, sla: sla('Europe/Paris') })
    expect(due.acknowledge).toBe('2026-10-25T10:00:00.000Z')
    expect(wallTime(due.acknowledge, 'Europe/Paris')).toBe('2026-10-25 11:00:00')
  })

  it('stays 24 real hours across the New York change', () => {
    const due = computeDueDates({
      receivedAt: '2026-03-07T20:00:00-05:00',
      severity: null,
      sla: sla('America/New_York'),
    })
    expect(hoursBetween('2026-03-07T20:00:00-05:00', due.acknowledge)).toBe(24)
    expect(wallTime(due.acknowledge, 'America/New_York')).toBe('2026-03-08 21:00:00')
  })

  it('follows the configured number of hours, including fractions and zero', () => {
    const at = '2026-01-01T00:00:00.000Z'
    expect(
      computeDueDates({ receivedAt: at, severity: null, sla: sla('UTC', { acknowledgeHours: 48 }) }).acknowledge,
    ).toBe('2026-01-03T00:00:00.000Z')
    expect(
      computeDueDates({ receivedAt: at, severity: null, sla: sla('UTC', { acknowledgeHours: 1.5 }) }).acknowledge,
    ).toBe('2026-01-01T01:30:00.000Z')
    expect(
      computeDueDates({ receivedAt: at, severity: null, sla: sla('UTC', { acknowledgeHours: 0 }) }).acknowledge,
    ).toBe(at)
  })
})

describe('computeDueDates: resolution (calendar days in the zone)', () => {
  it('is null until triage has set the severity', () => {
    expect(
      computeDueDates({ receivedAt: '2026-03-20T08:00:00Z', severity: null, sla: sla('Europe/Paris') }).resolve,
    ).toBe(null)
  })

  it('uses the days of the severity', () => {
    expect(resolveBy('2026-06-01T08:00:00Z', 'UTC', 'major')).toBe('2026-06-11T08:00:00.000Z')
    expect(resolveBy('2026-06-01T08:00:00Z', 'UTC', 'minor')).toBe('2026-07-01T08:00:00.000Z')
    const custom = sla('UTC', { resolveDays: { minor: 0, major: 1 } })
    expect(computeDueDates({ receivedAt: '2026-06-01T08:00:00Z', severity: 'minor', sla: custom }).resolve).toBe(
      '2026-06-01T08:00:00.000Z',
    )
  })

  describe('Europe/Paris', () => {
    it('keeps 09:00 across spring forward (2026-03-29): 239 elapsed hours for 10 days', () => {
      const received = '2026-03-20T09:00:00+01:00'
      const resolve = resolveBy(received, 'Europe/Paris')
      expect(resolve).toBe('2026-03-30T07:00:00.000Z')
      expect(wallTime(resolve!, 'Europe/Paris')).toBe('2026-03-30 09:00:00')
      expect(hoursBetween(received, resolve)).toBe(239)
    })

    it('keeps 09:00 across fall back (2026-10-25): 241 elapsed hours for 10 days', () => {
      const received = '2026-10-20T09:00:00+02:00'
      const resolve = resolveBy(received, 'Europe/Paris')
      expect(resolve).toBe('2026-10-30T08:00:00.000Z')
      expect(wallTime(resolve!, 'Europe/Paris')).toBe('2026-10-30 09:00:00')
      expect(hoursBetween(received, resolve)).toBe(241)
    })

    it('moves a wall time in the spring-forward gap to the first valid instant (03:00 CEST)', () => {
      // 02:30 on 2026-03-29 does not exist in Paris: the clocks go from 01:59:59 to 03:00.
      const resolve = resolveBy('2026-03-19T02:30:00+01:00', 'Europe/Paris')
      expect(resolve).toBe('2026-03-29T01:00:00.000Z')
      expect(wallTime(resolve!, 'Europe/Paris')).toBe('2026-03-29 03:00:00')
    })

    it('moves 02:00 exactly, the start of the gap, to 03:00', () => {
      expect(resolveBy('2026-03-19T02:00:00+01:00', 'Europe/Paris')).toBe('2026-03-29T01:00:00.000Z')
    })

    it('takes the earlier of two instants when the wall time happens twice (fall back)', () => {
      // 02:30 on 2026-10-25 happens at 00:30Z (CEST) and again at 01:30Z (CET).
      expect(resolveBy('2026-10-15T02:30:00+02:00', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z')
    })

    it('keeps the wall time of a receipt made during the repeated hour', () => {
      // The second 02:30 (CET) + 1 day = 02:30 CET the next day.
      const custom = sla('Europe/Paris', { resolveDays: { minor: 1, major: 1 } })
      expect(computeDueDates({ receivedAt: '2026-10-25T01:30:00Z', severity: 'major', sla: custom }).resolve).toBe(
        '2026-10-26T01:30:00.000Z',
      )
    })

    it('keeps seconds and milliseconds', () => {
      expect(resolveBy('2026-03-20T09:00:05.250+01:00', 'Europe/Paris')).toBe('2026-03-30T07:00:05.250Z')
    })

    it('counts the leap day of 2028 and crosses the 2028 change (2028-03-26)', () => {
      expect(resolveBy('2028-02-19T10:00:00+01:00', 'Europe/Paris')).toBe('2028-02-29T09:00:00.000Z')
      expect(resolveBy('2028-02-29T10:00:00+01:00', 'Europe/Paris', 'minor')).toBe('2028-03-30T08:00:00.000Z')
      expect(resolveBy('2027-02-19T10:00:00+01:00', 'Europe/Paris')).toBe('2027-03-01T09:00:00.000Z')
    })

    it('counts days in Paris, not in UTC, near midnight', () => {
      // 00:30 on 31 January in Paris is still 30 January in UTC.
      const resolve = resolveBy('2026-01-31T00:30:00+01:00', 'Europe/Paris', 'minor')
      expect(wallTime(resolve!, 'Europe/Paris')).toBe('2026-03-02 00:30:00')
    })
  })

  describe('America/New_York', () => {
    it('keeps 10:00 across the March change (2026-03-08)', () => {
      const received = '2026-03-01T10:00:00-05:00'
      const resolve = resolveBy(received, 'America/New_York')
      expect(resolve).toBe('2026-03-11T14:00:00.000Z')
      expect(hoursBetween(received, resolve)).toBe(239)
    })

    it('keeps 10:00 across the November change (2026-11-01)', () => {
      const received = '2026-10-25T10:00:00-04:00'
      const resolve = resolveBy(received, 'America/New_York')
      expect(resolve).toBe('2026-11-04T15:00:00.000Z')
      expect(hoursBetween(received, resolve)).toBe(241)
    })

    it('moves 02:15 on 2026-03-08 to 03:00 EDT', () => {
      expect(resolveBy('2026-02-26T02:15:00-05:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z')
    })

    it('takes 01:30 EDT, the earlier, on 2026-11-01', () => {
      expect(resolveBy('2026-10-22T01:30:00-04:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z')
    })

    it('counts days in New York when the UTC date is already the next one', () => {
      // 21:00 on 31 January in New York is 1 February in UTC; 30 days later is 2 March, local.
      const resolve = resolveBy('2026-01-31T21:00:00-05:00', 'America/New_York', 'minor')
      expect(resolve).toBe('2026-03-03T02:00:00.000Z')
      expect(wallTime(resolve!, 'America/New_York')).toBe('2026-03-02 21:00:00')
    })
  })

  describe('Asia/Ho_Chi_Minh (UTC+7, no DST)', () => {
    it('is always a whole number of 24-hour days', () => {
      const received = '2026-03-20T09:00:00+07:00'
      expect(resolveBy(received, 'Asia/Ho_Chi_Minh')).toBe('2026-03-30T02:00:00.000Z')
      expect(resolveBy(received, 'Asia/Ho_Chi_Minh', 'minor')).toBe('2026-04-19T02:00:00.000Z')
      const october = '2026-10-20T09:00:00+07:00'
      expect(hoursBetween(october, resolveBy(october, 'Asia/Ho_Chi_Minh'))).toBe(240)
    })

    it('crosses a month end in local time', () => {
      const resolve = resolveBy('2026-01-31T01:00:00+07:00', 'Asia/Ho_Chi_Minh', 'minor')
      expect(wallTime(resolve!, 'Asia/Ho_Chi_Minh')).toBe('2026-03-02 01:00:00')
    })
  })

  describe('UTC', () => {
    it.each([
      ['2026-12-25T10:00:00Z', 'major', '2027-01-04T10:00:00.000Z'],
      ['2026-01-31T10:00:00Z', 'minor', '2026-03-02T10:00:00.000Z'],
      ['2028-01-31T10:00:00Z', 'minor', '2028-03-01T10:00:00.000Z'],
      ['2028-02-20T23:59:59.999Z', 'major', '2028-03-01T23:59:59.999Z'],
      ['2028-02-19T00:00:00Z', 'major', '2028-02-29T00:00:00.000Z'],
      ['2026-04-30T12:00:00Z', 'minor', '2026-05-30T12:00:00.000Z'],
    ] as const)('%s + %s → %s', (received, severity, expected) => {
      expect(resolveBy(received, 'UTC', severity)).toBe(expected)
    })
  })

  it('gives the same instant whatever offset the receipt was written with', () => {
    const a = computeDueDates({ receivedAt: '2026-03-20T09:00:00+01:00', severity: 'major', sla: sla('Europe/Paris') })
    const b = computeDueDates({ receivedAt: '2026-03-20T08:00:00Z', severity: 'major', sla: sla('Europe/Paris') })
    const c = computeDueDates({ receivedAt: '2026-03-20T15:00:00+07:00', severity: 'major', sla: sla('Europe/Paris') })
    expect(a).toEqual(b)
    expect(a).toEqual(c)
  })

  it('reads a zone-less date-time as wall time in the settings zone', () => {
    const paris = sla('Europe/Paris')
    expect(computeDueDates({ receivedAt: '2026-03-20T09:00', severity: 'major', sla: paris })).toEqual(
      computeDueDates({ receivedAt: '2026-03-20T09:00:00+01:00', severity: 'major', sla: paris }),
    )
    // 02:30 does not exist that night: read as the first valid instant.
    expect(computeDueDates({ receivedAt: '2026-03-29T02:30', severity: null, sla: paris }).acknowledge).toBe(
      '2026-03-30T01:00:00.000Z',
    )
    // 02:30 happens twice that night: read as the earlier.
    expect(computeDueDates({ receivedAt: '2026-10-25T02:30:00.5', severity: null, sla: paris }).acknowledge).toBe(
      '2026-10-26T00:30:00.500Z',
    )
  })

  it.each(['', 'yesterday', '2026-03-20', '2026-02-30T09:00', '2026-03-20T25:00Z', '2026-03-20 09:00'])(
    'refuses the receipt date %j',
    (receivedAt) => {
      expect(() => computeDueDates({ receivedAt, severity: 'minor', sla: sla('UTC') })).toThrow(
        expect.objectContaining({ code: 'invalid_date' }),
      )
    },
  )

  it('refuses an unknown time zone', () => {
    expect(() =>
      computeDueDates({ receivedAt: '2026-03-20T09:00Z', severity: 'minor', sla: sla('Mars/Olympus') }),
    ).toThrow(DomainError)
    expect(() =>
      computeDueDates({ receivedAt: '2026-03-20T09:00Z', severity: 'minor', sla: sla('Mars/Olympus') }),
    ).toThrow(expect.objectContaining({ code: 'invalid_time_zone' }))
  })

  it('refuses impossible settings', () => {
    const at = '2026-03-20T09:00Z'
    const bad = [
      sla('UTC', { acknowledgeHours: -1 }),
      sla('UTC', { acknowledgeHours: Number.NaN }),
      sla('UTC', { resolveDays: { minor: 1.5, major: 10 } }),
      sla('UTC', { resolveDays: { minor: -1, major: 10 } }),
    ]
    for (const settings of bad) {
      expect(() => computeDueDates({ receivedAt: at, severity: 'minor', sla: settings })).toThrow(
        expect.objectContaining({ code: 'invalid_settings' }),
      )
    }
  })
})

describe('slaState', () => {
  const received = '2026-03-10T00:00:00.000Z'
  const base: SlaStateInput = {
    receivedAt: received,
    due: { acknowledge: '2026-03-11T00:00:00.000Z', resolve: '2026-03-20T00:00:00.000Z' },
    acknowledgedAt: null,
    status: 'triage',
    closedAt: null,
  }
  const at = (iso: string): Date => new Date(iso)
  const state = (overrides: Partial<SlaStateInput>, now: string): ReturnType<typeof slaState> =>
    slaState({ ...base, ...overrides }, at(now))

  describe('acknowledgement', () => {
    it.each([
      // 24-hour window: due soon in the last 6 hours (25 % > 4 h).
      ['2026-03-10T00:00:00.000Z', 'on_track'],
      ['2026-03-10T18:00:00.000Z', 'on_track'],
      ['2026-03-10T18:00:00.001Z', 'due_soon'],
      ['2026-03-10T23:59:59.999Z', 'due_soon'],
      ['2026-03-11T00:00:00.000Z', 'due_soon'],
      ['2026-03-11T00:00:00.001Z', 'overdue'],
      ['2026-04-01T00:00:00.000Z', 'overdue'],
    ] as const)('at %s is %s', (now, flag) => {
      expect(state({}, now).acknowledge).toBe(flag)
    })

    it('warns at least 4 hours ahead when the window is short', () => {
      // 8-hour window: 25 % is 2 h, so the 4-hour minimum applies.
      const short = { due: { acknowledge: '2026-03-10T08:00:00.000Z', resolve: null } }
      expect(state(short, '2026-03-10T04:00:00.000Z').acknowledge).toBe('on_track')
      expect(state(short, '2026-03-10T04:00:00.001Z').acknowledge).toBe('due_soon')
    })

    it('warns a quarter of the window ahead when the window is long', () => {
      // 72-hour window: 18 hours of warning.
      const long = { due: { acknowledge: '2026-03-13T00:00:00.000Z', resolve: null } }
      expect(state(long, '2026-03-12T06:00:00.000Z').acknowledge).toBe('on_track')
      expect(state(long, '2026-03-12T06:00:00.001Z').acknowledge).toBe('due_soon')
    })

    it('assumes the default 24-hour window when the receipt time is not given', () => {
      const { receivedAt: _, ...withoutReceipt } = base
      expect(slaState(withoutReceipt, at('2026-03-10T18:00:00.000Z')).acknowledge).toBe('on_track')
      expect(slaState(withoutReceipt, at('2026-03-10T18:00:00.001Z')).acknowledge).toBe('due_soon')
    })

    it('is met once acknowledged, even late: the clock stopped', () => {
      expect(state({ acknowledgedAt: '2026-03-10T10:00:00.000Z' }, '2026-03-12T00:00:00.000Z').acknowledge).toBe('met')
      expect(state({ acknowledgedAt: '2026-03-12T10:00:00.000Z' }, '2026-03-13T00:00:00.000Z').acknowledge).toBe('met')
    })

    it.each(['closed', 'declined'] as const)('has no running clock once %s without acknowledgement', (status) => {
      expect(state({ status, closedAt: '2026-03-12T00:00:00.000Z' }, '2026-03-13T00:00:00.000Z').acknowledge).toBe(
        'none',
      )
    })

    it('is none for an unreadable due date', () => {
      expect(state({ due: { acknowledge: 'garbage', resolve: null } }, '2026-03-10T00:00:00.000Z').acknowledge).toBe(
        'none',
      )
    })
  })

  describe('resolution', () => {
    it.each([
      ['2026-03-17T23:59:59.999Z', 'on_track'],
      ['2026-03-18T00:00:00.000Z', 'on_track'],
      ['2026-03-18T00:00:00.001Z', 'due_soon'],
      ['2026-03-20T00:00:00.000Z', 'due_soon'],
      ['2026-03-20T00:00:00.001Z', 'overdue'],
    ] as const)('at %s is %s (due soon in the last 48 hours)', (now, flag) => {
      expect(state({ status: 'investigation' }, now).resolve).toBe(flag)
    })

    it('is none until a severity has set a resolution date', () => {
      expect(state({ due: { ...base.due, resolve: null } }, '2027-01-01T00:00:00.000Z').resolve).toBe('none')
      expect(
        state({ due: { ...base.due, resolve: null }, status: 'declined' }, '2027-01-01T00:00:00.000Z').resolve,
      ).toBe('none')
    })

    it.each(['closed', 'declined'] as const)('is met once %s, even after the deadline', (status) => {
      expect(state({ status, closedAt: '2026-03-25T00:00:00.000Z' }, '2026-04-01T00:00:00.000Z').resolve).toBe('met')
    })

    it.each(['intake', 'triage', 'investigation', 'resolution'] as const)('runs while %s', (status: CaseStatus) => {
      expect(state({ status }, '2026-04-01T00:00:00.000Z').resolve).toBe('overdue')
    })
  })

  describe('worst', () => {
    it.each([
      [{}, '2026-03-10T01:00:00.000Z', 'on_track', 'on_track', 'on_track'],
      [{}, '2026-03-10T20:00:00.000Z', 'due_soon', 'on_track', 'due_soon'],
      [{}, '2026-03-19T00:00:00.000Z', 'overdue', 'due_soon', 'overdue'],
      [{ acknowledgedAt: '2026-03-10T01:00:00.000Z' }, '2026-03-19T00:00:00.000Z', 'met', 'due_soon', 'due_soon'],
      [{ acknowledgedAt: '2026-03-10T01:00:00.000Z' }, '2026-03-21T00:00:00.000Z', 'met', 'overdue', 'overdue'],
      [{ acknowledgedAt: '2026-03-10T01:00:00.000Z' }, '2026-03-11T00:00:00.000Z', 'met', 'on_track', 'on_track'],
      [
        { acknowledgedAt: '2026-03-10T01:00:00.000Z', due: { ...base.due, resolve: null } },
        '2026-03-11T00:00:00.000Z',
        'met',
        'none',
        'met',
      ],
      [
        { status: 'closed' as const, acknowledgedAt: '2026-03-10T01:00:00.000Z' },
        '2026-04-01T00:00:00.000Z',
        'met',
        'met',
        'met',
      ],
      [
        { status: 'declined' as const, due: { ...base.due, resolve: null } },
        '2026-04-01T00:00:00.000Z',
        'none',
        'none',
        'none',
      ],
    ] as const)('%j at %s: %s, %s → %s', (overrides, now, acknowledge, resolve, worst) => {
      expect(state(overrides, now)).toEqual({ acknowledge, resolve, worst })
    })

    it('ranks overdue > due_soon > on_track > met > none', () => {
      const order: SlaFlag[] = ['overdue', 'due_soon', 'on_track', 'met', 'none']
      for (let i = 0; i < order.length; i++) {
        for (let j = i; j < order.length; j++) {
          expect(worstFlag(order[i]!, order[j]!)).toBe(order[i])
          expect(worstFlag(order[j]!, order[i]!)).toBe(order[i])
        }
      }
      expect(worstFlag()).toBe('none')
      expect(Object.keys(slaFlagUrgency).sort()).toEqual([...order].sort())
    })
  })
})
