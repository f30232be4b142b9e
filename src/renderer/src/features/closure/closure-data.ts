import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, type ApiErrorShape, type MethodOutput } from '@shared/contract'
import type { CaseId } from '@shared/domain/case'
import {
  closureBlockers,
  type Closure,
  type ClosureBlocker,
  type Letter,
  type ResolutionCode,
} from '@shared/domain/closure'
import { isDomainError } from '@shared/domain/errors'
import type { Discrepancy, Task } from '@shared/domain/investigation'
import type { Resolution } from '@shared/domain/resolution'
import { loadResolutionCodes } from '../../db/closure-repo'
import { db } from '../../db/db'
import { useApi } from '../../lib/api/api-context'

export interface ClosureData {
  readonly closure: Closure | null
  readonly tasks: readonly Task[]
  readonly discrepancies: readonly Discrepancy[]
  readonly letters: readonly Letter[]
  readonly resolution: Resolution | null
  readonly codes: readonly ResolutionCode[]
  readonly blockers: readonly ClosureBlocker[]
}

/** Everything the closure section reads, live: the gate follows the case as it changes. */
export function useClosureData(caseId: CaseId): ClosureData | undefined {
  return useLiveQuery(async () => {
    const [closure, tasks, discrepancies, letters, resolution, codes] = await Promise.all([
      db.closures.where('caseId').equals(caseId).first(),
      db.tasks.where('caseId').equals(caseId).toArray(),
      db.discrepancies.where('caseId').equals(caseId).toArray(),
      db.letters.where('caseId').equals(caseId).toArray(),
      db.resolutions.where('caseId').equals(caseId).first(),
      loadResolutionCodes(db),
    ])
    const blockers = closureBlockers({ caseId, tasks, discrepancies, letters, hasResolution: resolution !== undefined })
    return {
      closure: closure ?? null,
      tasks,
      discrepancies,
      letters,
      resolution: resolution ?? null,
      codes,
      blockers,
    }
  }, [caseId])
}

export type IdentityList = MethodOutput<'identity.list'>

/** This installation's signing identities and trusted certificates, from main; `reload` after a change. */
export function useIdentities(): { list: IdentityList | null; error: ApiErrorShape | null; reload: () => void } {
  const api = useApi()
  const [list, setList] = useState<IdentityList | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let live = true
    void api.call('identity.list', {}).then((result) => {
      if (!live) return
      if (result.ok) {
        setList(result.value)
        setError(null)
      } else setError(result.error)
    })
    return () => {
      live = false
    }
  }, [api, attempt])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { list, error, reload }
}

/** The i18n key of a failure: main's codes under errors., the closure rules under closure.errors. */
export function failureKey(failure: unknown): { key: string; subject: string | null } {
  if (failure instanceof ApiError) return { key: `errors.${failure.code}`, subject: failure.subject ?? null }
  if (isDomainError(failure)) return { key: `closure.errors.${failure.code}`, subject: null }
  console.error(failure)
  return { key: 'errors.internal', subject: null }
}

/** Progress of one task in main (export, verify, import), with its cancel. */
export function useTaskProgress(): {
  progress: { done: number; total: number | null } | null
  begin: () => string
  end: () => void
  cancel: () => void
} {
  const api = useApi()
  const taskRef = useRef<string | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null)
  useEffect(
    () =>
      api.on('task.progress', (p) => {
        if (p.taskId === taskRef.current) setProgress({ done: p.done, total: p.total })
      }),
    [api],
  )
  const begin = useCallback(() => {
    const id = `packet-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
    taskRef.current = id
    setProgress({ done: 0, total: null })
    return id
  }, [])
  const end = useCallback(() => {
    taskRef.current = null
    setProgress(null)
  }, [])
  const cancel = useCallback(() => {
    if (taskRef.current) void api.call('packet.cancel', { taskId: taskRef.current })
  }, [api])
  return { progress, begin, end, cancel }
}
