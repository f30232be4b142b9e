import { basename } from 'node:path'
import type { MethodOutput, ParsedInput } from '@shared/contract'
import type { FileGrants } from '../dialogs/file-grants'
import type { EventBus } from '../events'
import { createTaskRunner } from '../tasks'
import type { Vault } from './vault'

/** The vault as the contract sees it: files named by grants, work reported as tasks. */
export interface VaultService {
  ingest(input: ParsedInput<'vault.ingest'>): Promise<MethodOutput<'vault.ingest'>>
  cancel(input: ParsedInput<'vault.cancel'>): Promise<MethodOutput<'vault.cancel'>>
  verify(input: ParsedInput<'vault.verify'>): Promise<MethodOutput<'vault.verify'>>
  stat(input: ParsedInput<'vault.stat'>): Promise<Omit<MethodOutput<'vault.stat'>, 'mediaUrl'>>
}

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
  const tasks = createTaskRunner(bus)

  return {
    async ingest({ grant, taskId }) {
      return tasks.run(taskId, 'ingest', async (signal, onProgress) => {
        // Inside the task, so a stale grant also ends with task.finished for the waiting UI.
        const path = grants.resolve(grant, 'read')
        const result = await vault.ingest(path, { signal, onProgress })
        return { ...result, name: basename(path) }
      })
    },

    async cancel({ taskId }) {
      return { canceled: tasks.cancel(taskId) }
    },

    async verify({ sha256, taskId }) {
      if (taskId === undefined) return vault.verify(sha256)
      return tasks.run(taskId, 'verify', (signal, onProgress) => vault.verify(sha256, { signal, onProgress }))
    },

    async stat({ sha256 }) {
      return vault.stat(sha256)
    },
  }
}
