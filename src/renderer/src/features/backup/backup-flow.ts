import {
  ApiError,
  unwrap,
  type ApiClient,
  type ApiErrorShape,
  type ErrorCode,
  type MethodInput,
  type MethodOutput,
} from '@shared/contract'
import { newId } from '@shared/domain/ids'
import {
  exportDatabase,
  fromBase64,
  restoreDatabase,
  RestoreRefused,
  toBase64,
  type TableDigest,
} from '../../db/database-backup'
import type { RedressDb } from '../../db/redress-db'

/** Which step of a backup or restore is running, for the progress label. */
export type Stage = 'export' | 'upload' | 'write' | 'verify' | 'vault' | 'database'

export interface FlowCallbacks {
  readonly onStage: (stage: Stage, taskId: string | null) => void
  /** Units done and in all for the current stage (rows for the database, bytes otherwise). */
  readonly onProgress: (done: number, total: number) => void
  /** Set when the user pressed Cancel; checked between steps and chunks. */
  readonly canceled: () => boolean
}

export type BackupTarget = MethodInput<'backup.write'>['target']
export type OpenedBackup = MethodOutput<'backup.open'>
/** A written backup, with the number of cases it holds. */
export type BackupResult = MethodOutput<'backup.write'> & { readonly cases: number }

const canceledError = (): ApiError => new ApiError('canceled', 'Canceled')

/**
 * One backup: the database is exported here (dexie-export-import), streamed to
 * main in chunks the HTTP transport accepts, and main writes the archive with
 * the vault's files. The target is a file the user chose or the automatic folder.
 */
export async function runBackup(
  api: ApiClient,
  db: RedressDb,
  target: BackupTarget,
  flow: FlowCallbacks,
): Promise<BackupResult> {
  flow.onStage('export', null)
  const exported = await exportDatabase(db, (done, total) => flow.onProgress(done, total))
  if (flow.canceled()) throw canceledError()
  const database = {
    name: exported.name,
    version: exported.version,
    size: exported.blob.size,
    tables: [...exported.tables],
  }
  const { id, chunkBytes } = unwrap(await api.call('backup.begin', { database }))
  try {
    flow.onStage('upload', null)
    for (let offset = 0; offset < exported.blob.size; offset += chunkBytes) {
      if (flow.canceled()) throw canceledError()
      const bytes = new Uint8Array(await exported.blob.slice(offset, offset + chunkBytes).arrayBuffer())
      unwrap(await api.call('backup.appendDatabase', { id, offset, chunk: toBase64(bytes) }))
      flow.onProgress(Math.min(offset + chunkBytes, exported.blob.size), exported.blob.size)
    }
    if (flow.canceled()) throw canceledError()
    const taskId = `backup-${newId()}`
    flow.onStage('write', taskId)
    const written = unwrap(await api.call('backup.write', { id, taskId, target }))
    return { ...written, cases: exported.tables.find((table) => table.name === 'cases')?.rows ?? 0 }
  } finally {
    // Main drops the staged export after a write; this covers a failure or cancel before it.
    await api.call('backup.close', { id })
  }
}

/** Checks a whole backup in main; nothing is restored yet. */
export async function openBackup(
  api: ApiClient,
  source: MethodInput<'backup.open'>['source'],
  flow: FlowCallbacks,
): Promise<OpenedBackup> {
  const taskId = `verify-${newId()}`
  flow.onStage('verify', taskId)
  return unwrap(await api.call('backup.open', { taskId, source }))
}

/** What the user is shown at the end of a restore: the round trip, proven table by table. */
export interface RestoreProof {
  readonly name: string
  readonly cases: number
  readonly evidence: number
  readonly audit: number
  /** Vault files copied, and those the vault already had. */
  readonly filesRestored: number
  readonly filesPresent: number
  /** Every table's rows and SHA-256 match the backup's manifest. */
  readonly tables: readonly TableDigest[]
}

/**
 * Restores a verified backup: the vault's files first (harmless if the rest
 * fails: the vault only ever gains files), then the database, replaced in one
 * transaction only if every table matches the manifest's digests.
 */
export async function restoreBackup(
  api: ApiClient,
  db: RedressDb,
  opened: OpenedBackup,
  flow: FlowCallbacks,
): Promise<RestoreProof> {
  try {
    if (opened.database.version !== db.verno) {
      throw new ApiError(
        'backup_unsupported',
        `Backup of database version ${opened.database.version}, this Redress has ${db.verno}`,
      )
    }
    const taskId = `restore-${newId()}`
    flow.onStage('vault', taskId)
    const files = unwrap(await api.call('backup.restoreVault', { id: opened.id, taskId }))
    flow.onStage('database', null)
    const parts: Uint8Array<ArrayBuffer>[] = []
    for (let offset = 0, done = false; !done;) {
      const read = unwrap(await api.call('backup.readDatabase', { id: opened.id, offset }))
      parts.push(fromBase64(read.chunk))
      ;({ nextOffset: offset, done } = read)
      flow.onProgress(offset, opened.database.size * 2)
    }
    const blob = new Blob(parts, { type: 'application/json' })
    let tables: TableDigest[]
    try {
      tables = await restoreDatabase(db, blob, opened.database, (done, total) =>
        flow.onProgress(
          opened.database.size + (done / Math.max(1, total)) * opened.database.size,
          opened.database.size * 2,
        ),
      )
    } catch (error) {
      if (error instanceof RestoreRefused) {
        throw new ApiError(
          error.reason === 'digest' ? 'backup_tampered' : 'backup_unsupported',
          error.message,
          error.tables.join(', ') || undefined,
        )
      }
      if (error instanceof ApiError) throw error
      // dexie-export-import refused the JSON itself.
      throw new ApiError('backup_corrupt', error instanceof Error ? error.message : String(error))
    }
    const rows = (name: string): number => tables.find((t) => t.name === name)?.rows ?? 0
    await api.call('backup.recordCaseCount', { count: rows('cases'), acceptEmpty: true })
    return {
      name: opened.name,
      cases: rows('cases'),
      evidence: rows('evidence'),
      audit: rows('audit'),
      filesRestored: files.restored,
      filesPresent: files.alreadyPresent,
      tables,
    }
  } finally {
    await api.call('backup.close', { id: opened.id })
  }
}

/** Any failure as the UI shows it: a translatable code and, when known, the file at fault. */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ApiError) {
    return { code: error.code, message: error.message, ...(error.subject !== undefined && { subject: error.subject }) }
  }
  console.error(error)
  return { code: 'internal' as ErrorCode, message: error instanceof Error ? error.message : String(error) }
}
