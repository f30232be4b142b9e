import { liveQuery } from 'dexie'
import { useSyncExternalStore } from 'react'
import { db } from './db'
import type { CaseSummary } from './redress-db'

/**
 * Every case's register row, read once and kept in memory for the life of the
 * window (and refreshed by Dexie whenever a case changes), so returning to the
 * register does not read 50,000 rows again.
 */
let rows: CaseSummary[] | undefined
const listeners = new Set<() => void>()
let started = false

function start(): void {
  if (started) return
  started = true
  liveQuery(() => db.caseSummaries.toArray()).subscribe({
    next: (next) => {
      rows = next
      for (const listener of listeners) listener()
    },
    error: (error: unknown) => console.error('Case register could not be read', error),
  })
}

function subscribe(listener: () => void): () => void {
  start()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** All register rows, or undefined until the first read completes. */
export function useAllSummaries(): CaseSummary[] | undefined {
  return useSyncExternalStore(subscribe, () => rows)
}
