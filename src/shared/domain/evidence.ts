import type { ApproximateDate, CaseId } from './case'
import type { Id } from './ids'

export type EvidenceId = Id<'evidence'>

/** How far the investigator trusts an item, with a note saying why. */
export const reliabilities = ['unverified', 'verified', 'doubtful', 'disputed'] as const
export type Reliability = (typeof reliabilities)[number]

/** A point in a recording worth coming back to; other features link to it. */
export interface Bookmark {
  readonly atSeconds: number
  readonly note: string
  readonly at: string
  readonly by: string
}

/** A document or recording of a case; the bytes live in main's vault under their SHA-256. */
export interface EvidenceItem {
  readonly id: EvidenceId
  readonly caseId: CaseId
  /** SHA-256 computed at acquisition: proves later that the bytes are the ones collected. */
  readonly sha256: string
  /** File name as it was picked. */
  readonly name: string
  readonly size: number
  /** Type detected from the bytes, not from the name; null when unknown. */
  readonly type: { readonly mime: string; readonly ext: string } | null
  /** Who handed it over (customer, staff, witness…). */
  readonly providedBy: string
  /** When and by whom it was taken into the case. */
  readonly acquiredAt: string
  readonly acquiredBy: string
  readonly description: string
  /** Date of the event it documents, for the chronology; null when it documents none. */
  readonly eventDate: ApproximateDate | null
  readonly reliability: Reliability
  readonly reliabilityNote: string
  readonly bookmarks: readonly Bookmark[]
  readonly createdAt: string
  readonly createdBy: string
}

export const custodyActions = ['received', 'ingested', 'verified', 'viewed', 'exported'] as const
export type CustodyAction = (typeof custodyActions)[number]

/** One link of an item's chain of custody (ISO/IEC 27037): appended, never edited. */
export interface CustodyEntry {
  readonly id: Id<'custody'>
  readonly evidenceId: EvidenceId
  readonly caseId: CaseId
  readonly action: CustodyAction
  readonly at: string
  readonly by: string
  /** How: "picked in a file dialog", "re-hashed in the vault"… */
  readonly how: string
  /** Outcome for checks; null when the action has none. */
  readonly result: 'ok' | 'failed' | null
  /** Extra facts: the hash found, the error met. */
  readonly detail: string
}

/** Where an approximate date starts, for ordering a chronology: "2026-03" sorts as 2026-03-01. */
export function approximateStart(date: ApproximateDate): string {
  if (date.precision === 'year') return `${date.value}-01-01`
  if (date.precision === 'month') return `${date.value}-01`
  return date.value
}

/** Video and sound files: what an interview is recorded on and what answers and claims can point into. */
export function isRecording(item: Pick<EvidenceItem, 'type'>): boolean {
  const mime = item.type?.mime ?? ''
  return mime.startsWith('video/') || mime.startsWith('audio/')
}
