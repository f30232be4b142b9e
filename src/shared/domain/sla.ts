import type { CaseRecord, DueDates, Severity } from './case'
import { DomainError } from './errors'
import type { SlaSettings } from './profile'
import { isOpen } from './status'

const secondMs = 1000
const hourMs = 3_600_000
const dayMs = 86_400_000

/** What the deadlines are computed from: the receipt instant, the triage severity (null before triage), the settings. */
export interface DueDatesInput {
  /** ISO 8601 instant with Z or an offset; a zone-less date-time is read as wall-clock time in `sla.timeZone`. */
  readonly receivedAt: string
  readonly severity: Severity | null
  readonly sla: SlaSettings
}

/**
 * The service-level deadlines of a case. Acknowledgement is an elapsed-time rule
 * (24 hours is 24 hours, even across a DST change); resolution counts calendar
 * days in the organisation's time zone and keeps the local time of receipt, as a
 * person reading "within 10 days" would expect.
 */
export function computeDueDates({ receivedAt, severity, sla }: DueDatesInput): DueDates {
  if (!Number.isFinite(sla.acknowledgeHours) || sla.acknowledgeHours < 0) {
    throw new DomainError('invalid_settings', `Acknowledgement hours must be a non-negative number.`)
  }
  const received = parseInstant(receivedAt, sla.timeZone)
  const acknowledge = toIso(received + sla.acknowledgeHours * hourMs)
  if (severity === null) return { acknowledge, resolve: null }
  const days = sla.resolveDays[severity]
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new DomainError('invalid_settings', `Resolution days must be a whole non-negative number.`)
  }
  const wall = wallTimeAt(received, sla.timeZone)
  // Date's own calendar normalisation carries day overflow into months and years (month ends, leap days).
  const target = wallToMs({ ...wall, day: wall.day + days })
  return { acknowledge, resolve: toIso(instantFromWall(target, sla.timeZone)) }
}

/** One service-level state, as badges and the register's overdue filter show it. */
export type SlaFlag = 'met' | 'on_track' | 'due_soon' | 'overdue' | 'none'

/** How urgent each flag is, for picking the worst of several and for sorting. */
export const slaFlagUrgency: Readonly<Record<SlaFlag, number>> = Object.freeze({
  overdue: 4,
  due_soon: 3,
  on_track: 2,
  met: 1,
  none: 0,
})

/** The state of both clocks of a case, and the one to show when there is room for one badge. */
export interface SlaState {
  readonly acknowledge: SlaFlag
  readonly resolve: SlaFlag
  readonly worst: SlaFlag
}

/**
 * What slaState reads. `receivedAt` is optional so the light register rows can be
 * passed as they are; with it, "due soon" for acknowledgement scales with the
 * configured window, without it the default 24-hour window is assumed.
 */
export type SlaStateInput = Pick<CaseRecord, 'due' | 'acknowledgedAt' | 'status' | 'closedAt'> & {
  readonly receivedAt?: string
}

/** Acknowledgement is due soon when less than this share of its window remains… */
const acknowledgeDueSoonShare = 0.25
/** …or less than this, whichever leaves more warning. */
const acknowledgeDueSoonMinMs = 4 * hourMs
/** Window assumed when the receipt time is not given (the default setting). */
const defaultAcknowledgeWindowMs = 24 * hourMs
/** Resolution is due soon in its last two days. */
const resolveDueSoonMs = 48 * hourMs

/**
 * The service-level state of a case at `now`. Recording the acknowledgement stops
 * its clock ('met', even if late: the history keeps the dates); closing or
 * declining stops both. A finished case never acknowledged reports 'none' for the
 * acknowledgement rather than staying overdue forever in the register.
 */
export function slaState(c: SlaStateInput, now: Date): SlaState {
  const at = now.getTime()
  const acknowledge = acknowledgeFlag(c, at)
  const resolve = resolveFlag(c, at)
  return { acknowledge, resolve, worst: worstFlag(acknowledge, resolve) }
}

/** The most urgent of several flags (overdue > due_soon > on_track > met > none). */
export function worstFlag(...flags: readonly SlaFlag[]): SlaFlag {
  let worst: SlaFlag = 'none'
  for (const flag of flags) if (slaFlagUrgency[flag] > slaFlagUrgency[worst]) worst = flag
  return worst
}

function acknowledgeFlag(c: SlaStateInput, now: number): SlaFlag {
  if (c.acknowledgedAt) return 'met'
  if (!isOpen(c.status)) return 'none'
  const due = Date.parse(c.due.acknowledge)
  if (Number.isNaN(due)) return 'none'
  const received = c.receivedAt === undefined ? Number.NaN : Date.parse(c.receivedAt)
  const window = Number.isNaN(received) || received > due ? defaultAcknowledgeWindowMs : due - received
  return clockFlag(due - now, Math.max(window * acknowledgeDueSoonShare, acknowledgeDueSoonMinMs))
}

function resolveFlag(c: SlaStateInput, now: number): SlaFlag {
  if (c.due.resolve === null) return 'none'
  if (!isOpen(c.status)) return 'met'
  const due = Date.parse(c.due.resolve)
  if (Number.isNaN(due)) return 'none'
  return clockFlag(due - now, resolveDueSoonMs)
}

/** A running clock: overdue once the deadline has passed, due soon within the warning time. */
function clockFlag(remaining: number, warning: number): SlaFlag {
  if (remaining < 0) return 'overdue'
  if (remaining < warning) return 'due_soon'
  return 'on_track'
}

// ---------------------------------------------------------------------------
// Time-zone arithmetic with Intl only (no date library): the renderer and main
// both ship a full ICU, so Intl knows every IANA zone and its DST history.

/** Wall-clock fields of an instant in some time zone. */
interface WallTime {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly millisecond: number
}

const zonedIso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i
const localIso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/

/** Reads a receipt date; a zone-less one is wall time in the settings' zone, never the machine's. */
function parseInstant(value: string, timeZone: string): number {
  if (zonedIso.test(value)) {
    const ms = Date.parse(value)
    if (!Number.isNaN(ms)) return ms
  }
  const local = localIso.exec(value)
  if (local) {
    const [, y, mo, d, h, mi, s, frac] = local
    const wall: WallTime = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
      millisecond: Number((frac ?? '0').padEnd(3, '0')),
    }
    const ms = wallToMs(wall)
    // Reject 2026-02-30 and the like instead of letting Date roll them over.
    const back = new Date(ms)
    if (back.getUTCMonth() + 1 === wall.month && back.getUTCDate() === wall.day && wall.hour < 24) {
      return instantFromWall(ms, timeZone)
    }
  }
  throw new DomainError('invalid_date', `Not an ISO 8601 date-time: ${value}`)
}

function toIso(ms: number): string {
  const date = new Date(ms)
  if (Number.isNaN(date.getTime())) throw new DomainError('invalid_date', 'Date out of range.')
  return date.toISOString()
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** One formatter per zone: building them is far slower than using them. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      throw new DomainError('invalid_time_zone', `Unknown time zone: ${timeZone}`)
    }
    formatters.set(timeZone, formatter)
  }
  return formatter
}

function wallTimeAt(instant: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(instant)
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value)
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    // Some engines print midnight as 24 even with h23.
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
    millisecond: ((instant % secondMs) + secondMs) % secondMs,
  }
}

/** Wall-clock fields read as if they were UTC, so calendar arithmetic can use Date's normalisation. */
function wallToMs(w: WallTime): number {
  const date = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(w.year, w.month - 1, w.day)
  date.setUTCHours(w.hour, w.minute, w.second, w.millisecond)
  return date.getTime()
}

/** The zone's offset from UTC at an instant, in ms (Paris in summer: +7,200,000). */
function offsetAt(instant: number, timeZone: string): number {
  return wallToMs(wallTimeAt(instant, timeZone)) - instant
}

/**
 * The instant at which a zone's clocks show a wall time (given as ms, as if UTC).
 * Ambiguous (clocks set back): the earlier of the two. Nonexistent (clocks set
 * forward): the first instant after the gap, i.e. the moment of the change.
 */
function instantFromWall(wall: number, timeZone: string): number {
  // Offsets in force a day either side cover any change near this wall time.
  const offsets = new Set([
    offsetAt(wall - dayMs, timeZone),
    offsetAt(wall, timeZone),
    offsetAt(wall + dayMs, timeZone),
  ])
  let best = Number.NaN
  for (const offset of offsets) {
    const candidate = wall - offset
    if (offsetAt(candidate, timeZone) === offset && (Number.isNaN(best) || candidate < best)) best = candidate
  }
  if (!Number.isNaN(best)) return best
  // In a gap: before the change the clocks showed less than `wall`, after it more.
  let lo = wall - Math.max(...offsets)
  let hi = wall - Math.min(...offsets)
  const before = offsetAt(lo, timeZone)
  if (offsetAt(hi, timeZone) === before) return wall - offsetAt(wall, timeZone)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (offsetAt(mid, timeZone) === before) lo = mid
    else hi = mid
  }
  return hi
}
