import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import Dexie from 'dexie'
import { exportDB, importDB } from 'dexie-export-import'
import { canonicalJson } from '@shared/domain/audit-chain'

/** A table as a backup records it, and as a restore must find it again. */
export interface TableDigest {
  readonly name: string
  /** Rows in the table. */
  readonly rows: number
  /**
   * SHA-256 of the table's canonical form: each row as canonical JSON (keys
   * sorted) followed by a newline, in primary-key order. Two databases with the
   * same rows give the same digest whatever order the rows were written in.
   */
  readonly sha256: string
}

export interface DatabaseExport {
  readonly name: string
  readonly version: number
  /** dexie-export-import's JSON, kept as a Blob (Chromium may page it to disk). */
  readonly blob: Blob
  readonly tables: readonly TableDigest[]
}

/** Why a restore was refused before it touched the database. */
export class RestoreRefused extends Error {
  constructor(
    readonly reason: 'version' | 'tables' | 'digest',
    /** The tables that differ from the backup's manifest, for the message. */
    readonly tables: readonly string[] = [],
  ) {
    super(`Restore refused (${reason}${tables.length ? `: ${tables.join(', ')}` : ''})`)
    this.name = 'RestoreRefused'
  }
}

interface RowHasher {
  update(row: unknown): void
  digest(name: string): TableDigest
}

function rowHasher(): RowHasher {
  const hash = sha256.create()
  let rows = 0
  return {
    update(row) {
      hash.update(utf8ToBytes(`${canonicalJson(row)}\n`))
      rows++
    },
    digest: (name) => ({ name, rows, sha256: bytesToHex(hash.digest()) }),
  }
}

/**
 * Exports the whole database with dexie-export-import, in one read transaction,
 * hashing each row as it is exported: the digests describe exactly the rows in
 * the export, even if the user keeps working meanwhile.
 */
export async function exportDatabase(
  db: Dexie,
  onProgress?: (done: number, total: number) => void,
): Promise<DatabaseExport> {
  const hashers = new Map(db.tables.map((table) => [table.name, rowHasher()]))
  const blob = await exportDB(db, {
    // Rows come in primary-key order, table by table: the canonical order of the digest.
    transform: (table, value) => {
      hashers.get(table)?.update(value)
      return { value }
    },
    progressCallback: ({ completedRows, totalRows }) => {
      onProgress?.(completedRows, totalRows ?? 0)
      return true
    },
  })
  return {
    name: db.name,
    version: db.verno,
    blob,
    tables: [...hashers].map(([name, hasher]) => hasher.digest(name)),
  }
}

/** Every table's digest, read in primary-key order. */
export async function tableDigests(db: Dexie): Promise<TableDigest[]> {
  const digests: TableDigest[] = []
  for (const table of db.tables) {
    const hasher = rowHasher()
    await table.orderBy(':id').each((row: unknown) => hasher.update(row))
    digests.push(hasher.digest(table.name))
  }
  return digests
}

/** Names of the tables whose digests differ between the two lists (missing ones included). */
export function differingTables(actual: readonly TableDigest[], expected: readonly TableDigest[]): string[] {
  const names = new Set([...actual.map((t) => t.name), ...expected.map((t) => t.name)])
  const key = (t: TableDigest | undefined): string => (t ? `${t.rows}:${t.sha256}` : '')
  return [...names]
    .filter((name) => key(actual.find((t) => t.name === name)) !== key(expected.find((t) => t.name === name)))
    .sort()
}

/** Rows copied per step from the staging database into the real one. */
const copyChunkRows = 2000

/**
 * Replaces the whole database with a backup's export, or changes nothing.
 *
 * The export is first imported into a separate staging database and its tables'
 * digests compared with the manifest's; only if every one matches are the
 * current tables cleared and refilled, in one transaction that checks the
 * digests again before it commits. A failure at any step leaves the current
 * data as it was (dexie-export-import's own clearTablesBeforeImport clears
 * outside its import transaction, so it is not used here).
 */
export async function restoreDatabase(
  db: Dexie,
  exported: Blob,
  expected: { readonly version: number; readonly tables: readonly TableDigest[] },
  onProgress?: (done: number, total: number) => void,
): Promise<TableDigest[]> {
  if (expected.version !== db.verno) throw new RestoreRefused('version')
  const ownTables = db.tables.map((t) => t.name).sort()
  const theirTables = expected.tables.map((t) => t.name).sort()
  if (ownTables.join() !== theirTables.join()) {
    throw new RestoreRefused('tables', [
      ...ownTables.filter((n) => !theirTables.includes(n)),
      ...theirTables.filter((n) => !ownTables.includes(n)),
    ])
  }
  const totalRows = expected.tables.reduce((sum, t) => sum + t.rows, 0)
  const stagingName = `${db.name}-restore-staging`
  await Dexie.delete(stagingName)
  let staging: Dexie | null = null
  try {
    staging = await importDB(exported, {
      name: stagingName,
      progressCallback: ({ completedRows }) => {
        onProgress?.(completedRows, totalRows * 2)
        return true
      },
    })
    const stagedDigests = await tableDigests(staging)
    const wrong = differingTables(stagedDigests, expected.tables)
    if (wrong.length > 0) throw new RestoreRefused('digest', wrong)

    const source = staging
    let copied = 0
    return await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear()
        let lastKey: unknown = null
        for (;;) {
          const from = source.table(table.name)
          const query = lastKey === null ? from.orderBy(':id') : from.where(':id').above(lastKey)
          // Another database: its reads must not join this transaction, which waitFor keeps alive meanwhile.
          const { rows, keys } = await Dexie.waitFor(
            Dexie.ignoreTransaction(async () => {
              const collection = query.limit(copyChunkRows)
              return { rows: await collection.toArray(), keys: await collection.primaryKeys() }
            }),
          )
          if (rows.length === 0) break
          await table.bulkAdd(rows)
          lastKey = keys[keys.length - 1] ?? null
          copied += rows.length
          onProgress?.(totalRows + copied, totalRows * 2)
          if (rows.length < copyChunkRows) break
        }
      }
      // The proof, before commit: the database now holds exactly what was backed up.
      const restored = await tableDigests(db)
      const differing = differingTables(restored, expected.tables)
      if (differing.length > 0) throw new RestoreRefused('digest', differing)
      return restored
    })
  } finally {
    staging?.close()
    await Dexie.delete(stagingName).catch(() => {})
  }
}

/** Base64 of bytes, in slices (String.fromCharCode takes a limited number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
