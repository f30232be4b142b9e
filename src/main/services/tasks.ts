import { AppError } from '@shared/contract'
import type { EventBus } from './events'

/** Where a long piece of work stands, in the units of its kind (bytes for files). */
export interface TaskProgress {
  readonly done: number
  readonly total: number | null
  readonly rate: number | null
}

export interface TaskRunner {
  /**
   * Runs work under the id the renderer gave it: progress and the end arrive as
   * `task.progress` / `task.finished` events with that id, and `cancel` aborts it.
   */
  run<T>(
    taskId: string,
    kind: string,
    work: (signal: AbortSignal, onProgress: (progress: TaskProgress) => void) => Promise<T>,
  ): Promise<T>
  /** False when no task of that id was running. */
  cancel(taskId: string): boolean
}

/** One runner per service: the vault's ingests and the backups each keep their own ids. */
export function createTaskRunner(bus: EventBus): TaskRunner {
  const running = new Map<string, AbortController>()
  return {
    async run(taskId, kind, work) {
      if (running.has(taskId)) throw new AppError('invalid_input', `Task ${taskId} is already running`)
      const controller = new AbortController()
      running.set(taskId, controller)
      try {
        const value = await work(controller.signal, ({ done, total, rate }) =>
          bus.emit('task.progress', { taskId, kind, done, total, rate }),
        )
        bus.emit('task.finished', { taskId, kind, outcome: 'done', code: null })
        return value
      } catch (error) {
        const code = error instanceof AppError ? error.code : 'internal'
        bus.emit('task.finished', { taskId, kind, outcome: code === 'canceled' ? 'canceled' : 'failed', code })
        throw error
      } finally {
        running.delete(taskId)
      }
    },
    cancel(taskId) {
      const controller = running.get(taskId)
      controller?.abort()
      return controller !== undefined
    },
  }
}
