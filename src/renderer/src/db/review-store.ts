import { liveQuery } from 'dexie'
import { useSyncExternalStore } from 'react'
import type { ReviewResolution, ReviewSurvey } from '@shared/domain/review-stats'
import { db } from './db'

/** What the dashboard reads of resolutions and surveys: small enough to keep 50,000 of each in memory. */
export interface ReviewFacts {
  readonly resolutions: readonly ReviewResolution[]
  readonly surveys: readonly ReviewSurvey[]
}

/**
 * The resolutions and surveys of every case, reduced to their figures, read once
 * and kept for the life of the window like the register rows (summary-store.ts):
 * changing the dashboard's period or filter never reads the database again.
 */
let facts: ReviewFacts | undefined
const listeners = new Set<() => void>()
let started = false

function start(): void {
  if (started) return
  started = true
  liveQuery(async () => {
    const [resolutions, surveys] = await Promise.all([db.resolutions.toArray(), db.surveys.toArray()])
    return {
      resolutions: resolutions.map((r): ReviewResolution => ({
        caseId: r.caseId,
        outcome: r.outcome,
        rootCause: { category: r.rootCause.category, text: '' },
        compensation: r.compensation,
      })),
      surveys: surveys.map((s): ReviewSurvey => ({
        caseId: s.caseId,
        satisfaction: s.satisfaction,
        fixAsWanted: s.fixAsWanted,
        wouldReturn: s.wouldReturn,
      })),
    }
  }).subscribe({
    next: (next) => {
      facts = next
      for (const listener of listeners) listener()
    },
    error: (error: unknown) => console.error('Review figures could not be read', error),
  })
}

function subscribe(listener: () => void): () => void {
  start()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Every case's resolution and survey figures, or undefined until the first read completes. */
export function useReviewFacts(): ReviewFacts | undefined {
  return useSyncExternalStore(subscribe, () => facts)
}
