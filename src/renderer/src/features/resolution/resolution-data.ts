import { useLiveQuery } from 'dexie-react-hooks'
import { createContext, useContext } from 'react'
import type { CaseId } from '@shared/domain/case'
import type { Letter } from '@shared/domain/closure'
import { isDomainError } from '@shared/domain/errors'
import type { EvidenceItem } from '@shared/domain/evidence'
import type { Party, Task } from '@shared/domain/investigation'
import type { Resolution } from '@shared/domain/resolution'
import { db } from '../../db/db'

/** Everything the resolution reads, for one case, kept live. */
export interface ResolutionData {
  readonly resolution: Resolution | null
  /** The action plan: measures only (follow-ups belong to the findings), soonest due first. */
  readonly measures: readonly Task[]
  /** Drafts and sent letters, oldest first. */
  readonly letters: readonly Letter[]
  readonly parties: readonly Party[]
  readonly evidence: readonly EvidenceItem[]
}

export function useResolutionData(caseId: CaseId): ResolutionData | undefined {
  return useLiveQuery(async () => {
    const [resolution, tasks, letters, parties, evidence] = await Promise.all([
      db.resolutions.where('caseId').equals(caseId).first(),
      db.tasks.where('caseId').equals(caseId).toArray(),
      db.letters.where('caseId').equals(caseId).toArray(),
      db.parties.where('caseId').equals(caseId).sortBy('createdAt'),
      db.evidence.where('caseId').equals(caseId).toArray(),
    ])
    const measures = tasks
      .filter((task) => task.kind === 'measure')
      .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt.localeCompare(b.createdAt))
    letters.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    evidence.sort((a, b) => a.acquiredAt.localeCompare(b.acquiredAt))
    return { resolution: resolution ?? null, measures, letters, parties, evidence }
  }, [caseId])
}

/** A closed case's resolution is read, not changed: no form or button that writes. */
export const ResolutionReadOnly = createContext(false)

export function useResolutionReadOnly(): boolean {
  return useContext(ResolutionReadOnly)
}

/** The i18n key to show for a refused or failed write; anything unexpected is logged. */
export function errorKeyOf(error: unknown): string {
  if (isDomainError(error) && error.code === 'letter_sent') return 'resolution.errors.letterSent'
  console.error(error)
  return 'errors.internal'
}

/** Today as YYYY-MM-DD in local time, to compare with due dates. */
export function localDay(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A bare day shown without shifting across time zones. */
export const dayAsDate = (day: string): string => `${day}T12:00:00`
