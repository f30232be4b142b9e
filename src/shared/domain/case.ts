import type { Id } from './ids'

export type CaseId = Id<'case'>

/** Where a case stands in the investigators' method (DESIGN section 1). */
export const caseStatuses = [
  'intake',
  'triage',
  'investigation',
  'resolution',
  'closure',
  'closed',
  'declined',
] as const
export type CaseStatus = (typeof caseStatuses)[number]

/**
 * A complaint case as stored in the renderer's database. This is the first cut;
 * intake and triage add the form's fields.
 */
export interface CaseRecord {
  /** Internal id, unique across every laptop. */
  readonly id: CaseId
  /** Human reference: prefix, year and number, e.g. LYON-2026-0042. */
  readonly ref: string
  /** Stage of the method the case is in. */
  readonly status: CaseStatus
  /** When the complaint was received (ISO 8601), distinct from when the event happened. */
  readonly receivedAt: string
  /** Customer's name as they gave it, for the register. */
  readonly customerName: string
  /** When this record was first written (ISO 8601). */
  readonly createdAt: string
  /** Who wrote it: the profile's name. */
  readonly createdBy: string
  /** When it last changed (ISO 8601), for sorting the register. */
  readonly updatedAt: string
}
