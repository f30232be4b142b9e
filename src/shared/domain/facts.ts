import type { Discrepancy, DiscrepancyResolution, Fact, FactSource, FactStatus, Task } from './investigation'

/** Why a fact's status cannot be set: an i18n key. */
export type FactRuleError = 'findings.errors.needsSource' | 'findings.errors.statementRequired'

/**
 * Confirmed and contradicted are findings: each must rest on at least one piece
 * of evidence or an account. A linked discrepancy alone proves nothing.
 */
export function checkFact(statement: string, status: FactStatus, sources: readonly FactSource[]): FactRuleError | null {
  if (statement.trim() === '') return 'findings.errors.statementRequired'
  const proving = sources.some((s) => s.kind === 'evidence' || s.kind === 'account')
  if ((status === 'confirmed' || status === 'contradicted') && !proving) return 'findings.errors.needsSource'
  return null
}

export interface FactChangeContext {
  readonly now: string
  readonly by: string
  /** The open follow-up task of the fact, when it has one. */
  readonly openTask: Task | null
  /** Makes the follow-up task when the fact becomes doubtful (the caller gives it an id and words). */
  readonly newFollowUp: () => Task
}

export interface FactChange {
  readonly fact: Fact
  /** A follow-up task to add (the fact became doubtful). */
  readonly addTask: Task | null
  /** The follow-up task closed because the fact is settled. */
  readonly closeTask: Task | null
}

/**
 * A fact's new status and what follows from it: doubtful means more
 * investigation is needed, so it opens a follow-up task (one at a time);
 * once confirmed or contradicted, that task is done.
 */
export function changeFact(
  fact: Fact,
  next: { status: FactStatus; sources: readonly FactSource[]; note: string },
  context: FactChangeContext,
): FactChange {
  const error = checkFact(fact.statement, next.status, next.sources)
  if (error) throw new FactRuleViolation(error)
  let addTask: Task | null = null
  let closeTask: Task | null = null
  let taskId = fact.taskId
  if (next.status === 'doubtful' && !context.openTask) {
    addTask = context.newFollowUp()
    taskId = addTask.id
  }
  if ((next.status === 'confirmed' || next.status === 'contradicted') && context.openTask) {
    closeTask = { ...context.openTask, status: 'done', doneAt: context.now, doneBy: context.by, updatedAt: context.now }
  }
  return {
    fact: {
      ...fact,
      status: next.status,
      sources: dedupeSources(next.sources),
      note: next.note,
      taskId,
      updatedAt: context.now,
    },
    addTask,
    closeTask,
  }
}

export class FactRuleViolation extends Error {
  constructor(readonly code: FactRuleError) {
    super(code)
    this.name = 'FactRuleViolation'
  }
}

export function dedupeSources(sources: readonly FactSource[]): FactSource[] {
  const seen = new Set<string>()
  return sources.filter((s) => {
    const key = `${s.kind}:${s.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The fact a settled discrepancy establishes: confirmed by what settled it, linked
 * to the discrepancy and to the account the source bears out (if any).
 */
export function sourcesFromResolution(discrepancy: Discrepancy, resolution: DiscrepancyResolution): FactSource[] {
  const settled: FactSource =
    resolution.settledBy.kind === 'evidence'
      ? { kind: 'evidence', id: resolution.settledBy.evidenceId }
      : { kind: 'account', id: resolution.settledBy.accountId }
  const side = resolution.bearsOut === 'a' ? discrepancy.a : resolution.bearsOut === 'b' ? discrepancy.b : null
  const sources: FactSource[] = [settled, { kind: 'discrepancy', id: discrepancy.id }]
  if (side) sources.push({ kind: 'account', id: side.accountId })
  return dedupeSources(sources)
}
