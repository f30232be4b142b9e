import type { ApiClient } from '@shared/contract'
import { db } from '../../db/db'
import { runBackup, toErrorShape } from './backup-flow'
import { isAutomaticBackupDue } from './schedule'
import { publishAutomaticOutcome } from './outcomes'

/** After a failure (drive unplugged), wait this long before trying again. */
const retryAfterMs = 60 * 60 * 1000

let running = false
let failedAt = 0

/**
 * Runs an automatic backup when the schedule says one is due. The database lives
 * in the renderer, so the schedule runs here while the app is open; main names
 * the file, writes it into the chosen folder and prunes the oldest.
 * Returns true when a backup was written.
 */
export async function runAutomaticBackupIfDue(api: ApiClient, now = new Date()): Promise<boolean> {
  if (running || now.getTime() - failedAt < retryAfterMs) return false
  running = true
  try {
    const status = await api.call('backup.status', {})
    if (!status.ok || !isAutomaticBackupDue(status.value, await db.cases.count(), now)) return false
    try {
      const result = await runBackup(
        api,
        db,
        { kind: 'automatic' },
        { onStage: () => {}, onProgress: () => {}, canceled: () => false },
      )
      failedAt = 0
      publishAutomaticOutcome({ ok: true, result })
      return true
    } catch (error) {
      failedAt = now.getTime()
      publishAutomaticOutcome({ ok: false, error: toErrorShape(error), at: now.toISOString() })
      return false
    }
  } finally {
    running = false
  }
}

/** A new folder or schedule: the next check may run at once, even after a failure. */
export function forgetAutomaticFailure(): void {
  failedAt = 0
}
