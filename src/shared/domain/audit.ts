/** One recorded change of a field: dotted path, value before and after (JSON values). */
export interface FieldChange {
  readonly field: string
  readonly from: unknown
  readonly to: unknown
}

/**
 * One entry of a hash-chained audit log. Each case has its own chain (`chain` =
 * the case id; 'settings' for profile and settings), so a case's history can be
 * exported and verified on its own.
 */
export interface AuditEntry {
  /** Chain this entry belongs to: a case id, or 'settings'. */
  readonly chain: string
  /** Position in the chain, from 1, without gaps. */
  readonly seq: number
  /** When the change was made (ISO 8601). */
  readonly at: string
  /** Who made it (profile name). */
  readonly by: string
  /** Kind of record changed: case, communication, profile, settings… */
  readonly entity: string
  /** Id of the record changed. */
  readonly entityId: string
  /** created | updated | status | appended … */
  readonly action: string
  readonly changes: readonly FieldChange[]
  /** hash of the previous entry of the chain; 64 zeros for the first. */
  readonly prevHash: string
  /** SHA-256 (hex) of the canonical JSON of every field above. */
  readonly hash: string
}
