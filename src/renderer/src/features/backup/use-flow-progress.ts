import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApi } from '../../lib/api/api-context'
import type { FlowCallbacks, Stage } from './backup-flow'

/** Where a running backup or restore stands, as a progress bar shows it. */
export interface FlowProgress {
  readonly stage: Stage
  readonly done: number
  /** Units in all, or null while unknown (the bar is then indeterminate). */
  readonly total: number | null
}

/**
 * Progress of one backup or restore: stages run in the renderer report
 * directly, stages run in main arrive as task.progress events for their task.
 */
export function useFlowProgress(): {
  progress: FlowProgress | null
  callbacks: FlowCallbacks
  start: () => void
  cancel: () => void
  stop: () => void
} {
  const api = useApi()
  const [progress, setProgress] = useState<FlowProgress | null>(null)
  const taskRef = useRef<string | null>(null)
  const canceledRef = useRef(false)

  useEffect(
    () =>
      api.on('task.progress', (p) => {
        if (p.taskId === taskRef.current) setProgress((s) => (s ? { ...s, done: p.done, total: p.total } : s))
      }),
    [api],
  )

  const callbacks = useMemo<FlowCallbacks>(
    () => ({
      onStage: (stage, taskId) => {
        taskRef.current = taskId
        setProgress({ stage, done: 0, total: null })
      },
      onProgress: (done, total) => setProgress((s) => (s ? { ...s, done, total } : s)),
      canceled: () => canceledRef.current,
    }),
    [],
  )
  const start = useCallback(() => {
    canceledRef.current = false
    taskRef.current = null
  }, [])
  const cancel = useCallback(() => {
    canceledRef.current = true
    if (taskRef.current) void api.call('backup.cancel', { taskId: taskRef.current })
  }, [api])
  const stop = useCallback(() => {
    taskRef.current = null
    setProgress(null)
  }, [])
  return { progress, callbacks, start, cancel, stop }
}
