import 'fake-indexeddb/auto'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { verifyChain } from '../../../src/shared/domain/audit-chain'
import type * as BackupModule from '../../../src/renderer/src/db/database-backup'
import type { RedressDb as RedressDbType } from '../../../src/renderer/src/db/redress-db'
import type * as SeedModule from '../../../src/renderer/src/db/seed'

// dexie-export-import reads Blobs with the browser's FileReader and probes `self`: give Node both.
class NodeFileReader {
  result: ArrayBuffer | null = null
  onload: ((event: { target: NodeFileReader }) => void) | null = null
  onerror: ((event: { target: { error: unknown } }) => void) | null = null
  onabort: (() => void) | null = null
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer
        this.onload?.({ target: this })
      },
      (error: unknown) => this.onerror?.({ target: { error } }),
    )
  }
}
Object.assign(globalThis, { self: globalThis, FileReader: NodeFileReader })

let backup: typeof BackupModule
let RedressDb: typeof RedressDbType
let seed: typeof SeedModule

beforeAll(async () => {
  backup = await import('../../../src/renderer/src/db/database-backup')
  ;({ RedressDb } = await import('../../../src/renderer/src/db/redress-db'))
  seed = await import('../../../src/renderer/src/db/seed')
})

const opened: RedressDbType[] = []
let counter = 0
function freshDb(): RedressDbType {
  const db = new RedressDb(`backup-test-${++counter}`)
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** Every table's rows in key order: what "identical" means for the round trip. */
async function dump(db: RedressDbType): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) out[table.name] = await table.orderBy(':id').toArray()
  return out
}

describe('database backup', () => {
  it('exports with per-table digests, and restores into an empty database with every row identical', async () => {
    const source = freshDb()
    await seed.seedSampleCases(source, 12)
    const exported = await backup.exportDatabase(source)
    const cases = exported.tables.find((t) => t.name === 'cases')
    expect(cases?.rows).toBe(12)
    expect(exported.tables.find((t) => t.name === 'audit')?.rows).toBeGreaterThanOrEqual(12)
    // The digests are those of the database itself, read again independently.
    expect(exported.tables).toEqual(await backup.tableDigests(source))

    const target = freshDb()
    const restored = await backup.restoreDatabase(target, exported.blob, exported)
    expect(restored).toEqual(exported.tables)
    expect(await dump(target)).toEqual(await dump(source))
  })

  it('replaces what the database held before', async () => {
    const source = freshDb()
    await seed.seedSampleCases(source, 3)
    const exported = await backup.exportDatabase(source)
    const target = freshDb()
    await seed.seedSampleCases(target, 5)
    await backup.restoreDatabase(target, exported.blob, exported)
    expect(await target.cases.count()).toBe(3)
    expect(await dump(target)).toEqual(await dump(source))
  })

  it('refuses an export whose rows differ from the manifest’s digests, and leaves the current data untouched', async () => {
    const source = freshDb()
    await seed.seedSampleCases(source, 4)
    const exported = await backup.exportDatabase(source)
    const text = await exported.blob.text()
    // One changed letter in a customer's name, the JSON still well formed.
    const firstName = /"customerName":"([^"]+)"/.exec(text)?.[1] ?? ''
    expect(firstName).not.toBe('')
    const altered = new Blob([text.replace(`"customerName":"${firstName}"`, `"customerName":"X${firstName.slice(1)}"`)])

    const target = freshDb()
    await seed.seedSampleCases(target, 2)
    const before = await dump(target)
    await expect(backup.restoreDatabase(target, altered, exported)).rejects.toMatchObject({
      reason: 'digest',
      tables: ['caseSummaries'],
    })
    expect(await dump(target)).toEqual(before)
    // And a backup of another schema version is refused before anything happens.
    await expect(backup.restoreDatabase(target, exported.blob, { ...exported, version: 1 })).rejects.toMatchObject({
      reason: 'version',
    })
    expect(await dump(target)).toEqual(before)
  })

  it('gives the same digest whatever order rows were written in', async () => {
    const a = freshDb()
    const b = freshDb()
    const rows = [
      { id: 'p1', last: 3 },
      { id: 'p2', last: 7 },
    ]
    await a.counters.bulkAdd(rows)
    await b.counters.bulkAdd([...rows].reverse().map((r) => ({ last: r.last, id: r.id })))
    expect(await backup.tableDigests(a)).toEqual(await backup.tableDigests(b))
    await b.counters.put({ id: 'p2', last: 8 })
    expect(backup.differingTables(await backup.tableDigests(a), await backup.tableDigests(b))).toEqual(['counters'])
  })

  it('base64 round-trips any bytes', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256)
    expect(backup.fromBase64(backup.toBase64(bytes))).toEqual(bytes)
    expect(Buffer.from(backup.toBase64(bytes), 'base64')).toEqual(Buffer.from(bytes))
  })

  it('keeps every case’s audit chain verifiable after the round trip', async () => {
    const source = freshDb()
    await seed.seedSampleCases(source, 5)
    const exported = await backup.exportDatabase(source)
    const target = freshDb()
    await backup.restoreDatabase(target, exported.blob, exported)
    for (const c of await target.cases.toArray()) {
      const entries = await target.audit.where('chain').equals(c.id).toArray()
      expect(entries.length).toBeGreaterThan(0)
      expect(verifyChain(entries)).toMatchObject({ ok: true })
    }
  })
})
