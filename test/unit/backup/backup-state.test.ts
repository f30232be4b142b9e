import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  automaticBackupName,
  listAutomaticBackups,
  pruneAutomaticBackups,
} from '../../../src/main/services/backup/automatic-backups'
import { createBackupState } from '../../../src/main/services/backup/backup-state'
import { scratch } from '../vault/vault-fixtures'

describe('automatic backups', () => {
  let space: ReturnType<typeof scratch>
  beforeEach(() => {
    space = scratch('prune')
  })
  afterEach(() => space.remove())

  it('are named by their UTC time, so name order is time order', () => {
    expect(automaticBackupName(new Date('2026-05-01T10:15:30.123Z'))).toBe('redress-backup-20260501T101530Z.zip')
  })

  it('keep the newest N and never touch a file that is not one of ours', () => {
    const days = [3, 1, 5, 2, 4]
    for (const day of days) writeFileSync(join(space.dir, automaticBackupName(new Date(Date.UTC(2026, 4, day)))), 'x')
    const others = ['holiday.jpg', 'redress-backup-final.zip', 'redress-backup-20260101T000000Z.zip.bak']
    for (const name of others) writeFileSync(join(space.dir, name), 'mine')
    mkdirSync(join(space.dir, 'redress-backup-20260102T000000Z.zip.d'))

    return (async () => {
      expect(await pruneAutomaticBackups(space.dir, 2)).toBe(3)
      expect(await listAutomaticBackups(space.dir)).toEqual([
        'redress-backup-20260505T000000Z.zip',
        'redress-backup-20260504T000000Z.zip',
      ])
      for (const name of others) expect(readFileSync(join(space.dir, name), 'utf8')).toBe('mine')
      expect(readdirSync(space.dir)).toContain('redress-backup-20260102T000000Z.zip.d')
      // Keeping at least one: the backup just written is never pruned.
      expect(await pruneAutomaticBackups(space.dir, 0)).toBe(1)
      expect(await listAutomaticBackups(space.dir)).toEqual(['redress-backup-20260505T000000Z.zip'])
    })()
  })
})

describe('the case-count record', () => {
  let space: ReturnType<typeof scratch>
  beforeEach(() => {
    space = scratch('case-count')
  })
  afterEach(() => space.remove())

  it('remembers the last count across restarts, in case-count.json', async () => {
    const state = createBackupState(space.dir)
    expect(await state.caseCount()).toBeNull()
    expect(await state.recordCaseCount(36, false, new Date('2026-05-01T10:00:00Z'))).toBe(true)
    const again = createBackupState(space.dir)
    expect(await again.caseCount()).toEqual({ count: 36, at: '2026-05-01T10:00:00.000Z' })
    expect(JSON.parse(readFileSync(join(space.dir, 'case-count.json'), 'utf8'))).toMatchObject({ count: 36 })
  })

  it('is not overwritten with zero until the user accepts the empty database', async () => {
    const state = createBackupState(space.dir)
    await state.recordCaseCount(36, false, new Date('2026-05-01T10:00:00Z'))
    expect(await state.recordCaseCount(0, false, new Date('2026-05-02T10:00:00Z'))).toBe(false)
    expect((await state.caseCount())?.count).toBe(36)
    expect(await state.recordCaseCount(0, true, new Date('2026-05-02T10:00:00Z'))).toBe(true)
    expect((await state.caseCount())?.count).toBe(0)
    // Fewer cases (a restore of an older backup) is an ordinary change.
    await state.recordCaseCount(40, false, new Date())
    expect(await state.recordCaseCount(12, false, new Date())).toBe(true)
    expect((await state.caseCount())?.count).toBe(12)
  })

  it('starts afresh from a damaged record instead of failing', async () => {
    writeFileSync(join(space.dir, 'case-count.json'), '{"count": "many"')
    writeFileSync(join(space.dir, 'backup-settings.json'), 'not json')
    const state = createBackupState(space.dir)
    expect(await state.caseCount()).toBeNull()
    expect((await state.settings()).folder).toBeNull()
    await state.updateSettings((s) => ({ ...s, schedule: { frequency: 'weekly', keep: 3 } }))
    expect((await createBackupState(space.dir).settings()).schedule).toEqual({ frequency: 'weekly', keep: 3 })
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(space.dir).sort()).toEqual(['backup-settings.json', 'case-count.json'])
  })
})
