import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { newId, isId } from '../../src/shared/domain/ids'
import type { CaseId, CaseRecord } from '../../src/shared/domain/case'
import { RedressDb } from '../../src/renderer/src/db/redress-db'

function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const at = '2026-11-02T09:30:00.000Z'
  return {
    id: newId<'case'>() as CaseId,
    ref: 'LYON-2026-0001',
    status: 'intake',
    receivedAt: at,
    customerName: 'Élodie Marchand',
    createdAt: at,
    createdBy: 'Camille Roux',
    updatedAt: at,
    ...overrides,
  }
}

const opened: RedressDb[] = []
function open(name = `test-${newId()}`): RedressDb {
  const db = new RedressDb(name)
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
})

describe('the case database', () => {
  it('asks Chromium for strict durability, so a power cut loses no acknowledged write', () => {
    const db = open()
    expect(
      (db as unknown as { _options: { chromeTransactionDurability?: string } })._options.chromeTransactionDurability,
    ).toBe('strict')
  })

  it('keeps a case across closing and reopening the database', async () => {
    const name = `test-${newId()}`
    const first = open(name)
    const record = aCase()
    await first.cases.add(record)
    first.close()
    const again = new RedressDb(name)
    opened.push(again)
    expect(await again.cases.get(record.id)).toEqual(record)
  })

  it('refuses two cases with the same human reference', async () => {
    const db = open()
    await db.cases.add(aCase({ ref: 'LYON-2026-0042' }))
    await expect(db.cases.add(aCase({ ref: 'LYON-2026-0042' }))).rejects.toThrow(/ConstraintError|Key already exists/i)
    expect(await db.cases.count()).toBe(1)
  })

  it('lists cases by date received, newest first', async () => {
    const db = open()
    await db.cases.bulkAdd([
      aCase({ ref: 'A-2026-0001', receivedAt: '2026-01-05T10:00:00.000Z' }),
      aCase({ ref: 'A-2026-0002', receivedAt: '2026-03-05T10:00:00.000Z' }),
      aCase({ ref: 'A-2026-0003', receivedAt: '2026-02-05T10:00:00.000Z' }),
    ])
    const refs = (await db.cases.orderBy('receivedAt').reverse().toArray()).map((c) => c.ref)
    expect(refs).toEqual(['A-2026-0002', 'A-2026-0003', 'A-2026-0001'])
  })
})

describe('ids', () => {
  it('are UUIDv7, unique and ordered by creation', () => {
    const ids = Array.from({ length: 1000 }, () => newId())
    expect(ids.every(isId)).toBe(true)
    expect(new Set(ids).size).toBe(1000)
    expect([...ids].sort()).toEqual(ids)
  })
})
