import type { CaseStatus } from './case'
import { DomainError } from './errors'

/**
 * The one place the status workflow is decided (DESIGN section 1): every move a
 * case may make. Closed is terminal; a declined case can be reconsidered; a
 * resolution can send the case back for more investigation.
 */
export const allowedTransitions: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.freeze({
  intake: Object.freeze(['triage'] as const),
  triage: Object.freeze(['investigation', 'declined'] as const),
  investigation: Object.freeze(['resolution'] as const),
  resolution: Object.freeze(['closed', 'investigation'] as const),
  closed: Object.freeze([] as const),
  declined: Object.freeze(['triage'] as const),
})

/** Whether a case may move from one status to another, e.g. to enable or hide an action. */
export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  // hasOwn: a status read from an old or damaged database may be any string, even 'toString'.
  return Object.hasOwn(allowedTransitions, from) && allowedTransitions[from].includes(to)
}

/** Guards every write that changes a status, so no caller can skip the workflow. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('transition_refused', `A case cannot move from ${from} to ${to}.`)
  }
}

/** Whether the case still needs work: anything not closed or declined (SLA clocks, open-case filters). */
export function isOpen(status: CaseStatus): boolean {
  return status !== 'closed' && status !== 'declined'
}
