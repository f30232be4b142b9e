import { useCallback, useEffect, useRef, useState } from 'react'
import type { ErrorCode, MethodOutput } from '@shared/contract'
import { newId } from '@shared/domain/ids'
import { useApi } from '../../lib/api/api-context'

/** One file on its way into the vault, as the person sees it. */
export interface IngestJob {
  readonly taskId: string
  readonly name: string
  readonly total: number
  readonly done: number
  /** Bytes per second recently, or null until known. */
  readonly rate: number | null
  readonly status: 'running' | 'done' | 'failed' | 'canceled'
  readonly error: ErrorCode | null
}

type Stored = MethodOutput<'vault.ingest'>

/**
 * Ingests picked files through main with progress events and cancel. Each
 * finished file is handed to `onStored`, which records it in the case.
 */
export function useIngest(onStored: (stored: Stored, receivedAt: string) => Promise<void>): {
  jobs: readonly IngestJob[]
  start: (files: ReadonlyArray<{ grant: string; name: string; size: number }>) => void
  cancel: (taskId: string) => void
  dismiss: (taskId: string) => void
} {
  const api = useApi()
  const [jobs, setJobs] = useState<IngestJob[]>([])
  const onStoredRef = useRef(onStored)
  useEffect(() => {
    onStoredRef.current = onStored
  }, [onStored])

  const patch = useCallback((taskId: string, change: Partial<IngestJob>) => {
    setJobs((all) => all.map((j) => (j.taskId === taskId ? { ...j, ...change } : j)))
  }, [])

  useEffect(
    () =>
      api.on('task.progress', (p) => {
        if (p.kind === 'ingest')
          patch(p.taskId, { done: p.done, rate: p.rate, ...(p.total !== null && { total: p.total }) })
      }),
    [api, patch],
  )

  const start = useCallback(
    (files: ReadonlyArray<{ grant: string; name: string; size: number }>) => {
      const receivedAt = new Date().toISOString()
      for (const file of files) {
        const taskId = `ingest-${newId()}`
        setJobs((all) => [
          ...all,
          { taskId, name: file.name, total: file.size, done: 0, rate: null, status: 'running', error: null },
        ])
        void api.call('vault.ingest', { grant: file.grant, taskId }).then(async (result) => {
          if (result.ok) {
            try {
              await onStoredRef.current(result.value, receivedAt)
              patch(taskId, { status: 'done', done: result.value.size, total: result.value.size })
            } catch (error) {
              console.error(error)
              patch(taskId, { status: 'failed', error: 'internal' })
            }
          } else {
            patch(taskId, {
              status: result.error.code === 'canceled' ? 'canceled' : 'failed',
              error: result.error.code === 'canceled' ? null : result.error.code,
            })
          }
        })
      }
    },
    [api, patch],
  )

  const cancel = useCallback((taskId: string) => void api.call('vault.cancel', { taskId }), [api])
  const dismiss = useCallback((taskId: string) => setJobs((all) => all.filter((j) => j.taskId !== taskId)), [])
  return { jobs, start, cancel, dismiss }
}
