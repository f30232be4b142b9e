import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeFileAtomically } from '../files/atomic-file'

const settingsSchema = z.object({
  /** Absolute path of the folder automatic backups go to; it never leaves main. */
  folder: z.string().nullable(),
  schedule: z.object({ frequency: z.enum(['off', 'daily', 'weekly']), keep: z.number().int().min(1).max(100) }),
  /** The last backup written, by hand or on schedule: what "restore the latest backup" opens. */
  lastBackup: z
    .object({
      path: z.string(),
      createdAt: z.iso.datetime(),
      automatic: z.boolean(),
      cases: z.number().int().nonnegative(),
    })
    .nullable(),
  /** When the schedule last ran, so the renderer can tell whether another is due. */
  lastAutomaticAt: z.iso.datetime().nullable(),
})

export type BackupSettings = z.infer<typeof settingsSchema>

const caseCountSchema = z.object({
  count: z.number().int().nonnegative(),
  at: z.iso.datetime(),
})

export type CaseCountRecord = z.infer<typeof caseCountSchema>

export const defaultBackupSettings: BackupSettings = {
  folder: null,
  schedule: { frequency: 'daily', keep: 7 },
  lastBackup: null,
  lastAutomaticAt: null,
}

/** File names in the data folder. */
export const backupSettingsFile = 'backup-settings.json'
export const caseCountFile = 'case-count.json'

export interface BackupState {
  settings(): Promise<BackupSettings>
  updateSettings(change: (current: BackupSettings) => BackupSettings): Promise<BackupSettings>
  caseCount(): Promise<CaseCountRecord | null>
  /**
   * Records how many cases the database holds. A count above zero is never
   * replaced by zero unless `acceptEmpty`: that is the trace of a database
   * Chromium discarded, and it must survive until the user has decided.
   */
  recordCaseCount(count: number, acceptEmpty: boolean, at: Date): Promise<boolean>
}

/**
 * Main's own small records, in JSON files of the data folder written atomically.
 * Updates are queued so two calls never interleave their read and write.
 */
export function createBackupState(dataDir: string): BackupState {
  const settingsPath = join(dataDir, backupSettingsFile)
  const caseCountPath = join(dataDir, caseCountFile)
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work)
    queue = next.catch(() => {})
    return next
  }

  const readSettings = async (): Promise<BackupSettings> => {
    const parsed = settingsSchema.safeParse(await readJsonFile(settingsPath))
    return parsed.success ? parsed.data : defaultBackupSettings
  }
  const readCaseCount = async (): Promise<CaseCountRecord | null> => {
    const parsed = caseCountSchema.safeParse(await readJsonFile(caseCountPath))
    return parsed.success ? parsed.data : null
  }

  return {
    settings: () => serial(readSettings),
    updateSettings: (change) =>
      serial(async () => {
        const next = settingsSchema.parse(change(await readSettings()))
        await writeFileAtomically(settingsPath, JSON.stringify(next, null, 2), { mode: 0o600 })
        return next
      }),
    caseCount: () => serial(readCaseCount),
    recordCaseCount: (count, acceptEmpty, at) =>
      serial(async () => {
        const previous = await readCaseCount()
        if (count === 0 && !acceptEmpty && previous !== null && previous.count > 0) return false
        if (previous?.count === count) return true
        await writeFileAtomically(caseCountPath, JSON.stringify({ count, at: at.toISOString() }), { mode: 0o600 })
        return true
      }),
  }
}
