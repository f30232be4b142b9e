import type { MethodOutput } from '@shared/contract'

/** Name proposed in the save dialog, e.g. redress-backup-2026-05-01.zip (local date). */
export function suggestedBackupName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `redress-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`
}

/**
 * Whether the schedule wants an automatic backup now. Never for an empty
 * database: a database Chromium emptied must not push good backups out of the
 * "keep the last N" window with empty ones.
 */
export function isAutomaticBackupDue(status: MethodOutput<'backup.status'>, cases: number, now: Date): boolean {
  const { frequency } = status.schedule
  if (frequency === 'off' || status.folderName === null || cases === 0) return false
  if (status.lastAutomaticAt === null) return true
  const period = (frequency === 'daily' ? 1 : 7) * 24 * 60 * 60 * 1000
  return now.getTime() - new Date(status.lastAutomaticAt).getTime() >= period
}
