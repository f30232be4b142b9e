import { describe, expect, it } from 'vitest'
import type { MethodOutput } from '../../../src/shared/contract'
import { isAutomaticBackupDue, suggestedBackupName } from '../../../src/renderer/src/features/backup/schedule'

const status = (change: Partial<MethodOutput<'backup.status'>> = {}): MethodOutput<'backup.status'> => ({
  folderName: 'Backups',
  schedule: { frequency: 'daily', keep: 7 },
  lastBackup: null,
  lastAutomaticAt: '2026-05-01T08:00:00.000Z',
  caseCount: null,
  ...change,
})

describe('the automatic backup schedule', () => {
  const at = (iso: string): Date => new Date(iso)

  it('is due once a day or once a week after the last automatic backup', () => {
    expect(isAutomaticBackupDue(status(), 36, at('2026-05-02T07:59:00Z'))).toBe(false)
    expect(isAutomaticBackupDue(status(), 36, at('2026-05-02T08:00:00Z'))).toBe(true)
    const weekly = status({ schedule: { frequency: 'weekly', keep: 4 } })
    expect(isAutomaticBackupDue(weekly, 36, at('2026-05-07T08:00:00Z'))).toBe(false)
    expect(isAutomaticBackupDue(weekly, 36, at('2026-05-08T08:00:00Z'))).toBe(true)
  })

  it('is due at once when no automatic backup was made yet', () => {
    expect(isAutomaticBackupDue(status({ lastAutomaticAt: null }), 1, at('2026-05-01T08:00:01Z'))).toBe(true)
  })

  it('never runs when off, without a folder, or on an empty database', () => {
    const now = at('2026-06-01T00:00:00Z')
    expect(isAutomaticBackupDue(status({ schedule: { frequency: 'off', keep: 7 } }), 36, now)).toBe(false)
    expect(isAutomaticBackupDue(status({ folderName: null }), 36, now)).toBe(false)
    // An emptied database must not push good backups out of the "keep the last N" window.
    expect(isAutomaticBackupDue(status(), 0, now)).toBe(false)
  })

  it('proposes a dated file name for a backup made by hand', () => {
    expect(suggestedBackupName(new Date(2026, 4, 1, 23, 59))).toBe('redress-backup-2026-05-01.zip')
  })
})
