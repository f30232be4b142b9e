import { basename } from 'node:path'
import { AppError, type MethodOutput, type ParsedInput } from '@shared/contract'
import type { FileGrants } from '../dialogs/file-grants'
import type { EventBus } from '../events'
import type { TransferProgress, Vault } from './vault'

/** The vault as the contract sees it: files named by grants, work reported as tasks. */
export interface VaultService {
  ingest(input: ParsedInput<'vault.ingest'>): Promise<MethodOutput<'vault.ingest'>>
  cancel(input: ParsedInput<'vault.cancel'>): Promise<MethodOutput<'vault.cancel'>>
  verify(input: ParsedInput<'vault.verify'>): Promise<MethodOutput<'vault.verify'>>
  stat(input: ParsedInput<'vault.stat'>): Promise<Omit<MethodOutput<'vault.stat'>, 'mediaUrl'>>
}

type TaskKind = 'ingest' | 'verify'

/**
 * Long work runs as a task the renderer named: progress and the end arrive as
 * `task.progress` / `task.finished` events with that id, `vault.cancel` stops it,
 * and the call itself answers with the result once the work is done.
 */
export function createVaultService(options: {
  readonly vault: Vault
  readonly grants: FileGrants
  readonly bus: EventBus
}): VaultService {
  const { vault, grants, bus } = options
  const running = new Map<string, AbortController>()

  const runTask = async <T>(
    taskId: string,
    kind: TaskKind,
    work: (signal: AbortSignal, onProgress: (progress: TransferProgress) => void) => Promise<T>,
  ): Promise<T> => {
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
  }

  return {
    async ingest({ grant, taskId }) {
      return runTask(taskId, 'ingest', async (signal, onProgress) => {
        // Inside the task, so a stale grant also ends with task.finished for the waiting UI.
        const path = grants.resolve(grant, 'read')
        const result = await vault.ingest(path, { signal, onProgress })
        return { ...result, name: basename(path) }
      })
    },

    async cancel({ taskId }) {
      const controller = running.get(taskId)
      controller?.abort()
      return { canceled: controller !== undefined }
    },

    async verify({ sha256, taskId }) {
      if (taskId === undefined) return vault.verify(sha256)
      return runTask(taskId, 'verify', (signal, onProgress) => vault.verify(sha256, { signal, onProgress }))
    },

    async stat({ sha256 }) {
      return vault.stat(sha256)
    },
  }
}
