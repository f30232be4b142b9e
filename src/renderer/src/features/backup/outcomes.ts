import { useSyncExternalStore } from 'react'
import type { ApiErrorShape } from '@shared/contract'
import type { BackupResult, RestoreProof } from './backup-flow'

/**
 * Results that outlive the component that produced them: a restore from the
 * first-run page replaces the page itself (the profile comes back), and
 * automatic backups run in the background; the backup page shows both.
 */
function createStore<T>(initial: T): { publish(value: T): void; use(): T } {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    publish(next) {
      value = next
      for (const listener of listeners) listener()
    },
    use() {
      return useSyncExternalStore(
        (listener) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
        () => value,
      )
    },
  }
}

const restoreProof = createStore<RestoreProof | null>(null)
export const publishRestoreProof = restoreProof.publish
export const useRestoreProof = restoreProof.use

/** The last automatic backup's outcome in this session. */
export type AutomaticOutcome =
  | { readonly ok: true; readonly result: BackupResult }
  | { readonly ok: false; readonly error: ApiErrorShape; readonly at: string }

const automaticOutcome = createStore<AutomaticOutcome | null>(null)
export const publishAutomaticOutcome = automaticOutcome.publish
export const useAutomaticOutcome = automaticOutcome.use
