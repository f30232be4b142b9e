/** Why a domain rule refused something; stable strings that the UI can translate and tests can match. */
export type DomainErrorCode =
  | 'transition_refused'
  | 'invalid_date'
  | 'invalid_time_zone'
  | 'invalid_settings'
  | 'wrong_chain'
  | 'not_json'
  | 'not_found'
  /** Closure: the record is signed, its codes and exceptions no longer change. */
  | 'closure_signed'
  /** Closure: something still open has no written reason (the gate). */
  | 'closure_blocked'
  | 'signoff_out_of_order'
  /** The countersignature came from the identity that signed first. */
  | 'signoff_same_signer'
  /** Import: the packet's case.json is of a schema or version this build does not know. */
  | 'import_unsupported'
  | 'import_invalid'
  /** Import: another case holds the reference, or the packet's history does not continue this one's. */
  | 'import_conflict'
  | 'letter_sent'
  | 'not_a_measure'

/**
 * A broken business rule (a refused status move, an entry appended to the wrong
 * chain…), told apart from programming errors by its `code`.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode

  constructor(code: DomainErrorCode, message: string) {
    super(message)
    this.name = 'DomainError'
    this.code = code
  }
}

/** Narrows an unknown thrown value, e.g. in a catch block that shows domain refusals to the user. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
