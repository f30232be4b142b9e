import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Transform, Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'
import { AppError } from '@shared/contract/errors'
import { createProgressMeter, type ProgressListener } from '../vault/progress-meter'
import { nodeVaultIo, type VaultIo } from '../vault/vault-io'
import type { Vault } from '../vault/vault'
import { syncFolder } from '../files/atomic-file'
import {
  backupFormatName,
  backupFormatVersion,
  databaseEntryName,
  manifestEntryName,
  vaultEntryPrefix,
  type BackupManifest,
  type ManifestEntry,
} from './manifest'

export interface WriteBackupOptions {
  /** Where the finished archive goes; it appears there only once complete. */
  readonly targetPath: string
  readonly appVersion: string
  readonly createdAt: Date
  /** The staged database export and what the renderer reported about its tables. */
  readonly database: {
    readonly path: string
    readonly sha256: string
    readonly summary: Omit<BackupManifest['database'], 'size'>
  }
  readonly vault: Pick<Vault, 'list' | 'resolveStored'>
  /** File writes, swappable in tests to fake a full disk. */
  readonly io?: Pick<VaultIo, 'write'>
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ProgressListener | undefined
}

export interface WrittenBackup {
  readonly size: number
  readonly manifest: BackupManifest
}

const fullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])

/**
 * Writes the backup archive under a temporary name in the target folder, flushes
 * it and renames it into place, so the target never holds half a backup; on error
 * or cancel the temporary file is removed. Every byte read from the vault is
 * hashed on the way: a file that no longer matches its name stops the backup
 * (vault_damaged) rather than being copied as if it were sound.
 */
export async function writeBackupArchive(options: WriteBackupOptions): Promise<WrittenBackup> {
  const { targetPath, vault, signal, onProgress } = options
  const io = options.io ?? nodeVaultIo
  if (signal?.aborted) throw new AppError('canceled', 'Canceled')

  const databaseSize = (await stat(options.database.path)).size
  const items = await vault.list()
  const entries: ManifestEntry[] = [
    { path: databaseEntryName, size: databaseSize, sha256: options.database.sha256 },
    ...items.map((item) => ({ path: `${vaultEntryPrefix}${item.sha256}`, size: item.size, sha256: item.sha256 })),
  ]
  const manifest: BackupManifest = {
    format: backupFormatName,
    formatVersion: backupFormatVersion,
    appVersion: options.appVersion,
    createdAt: options.createdAt.toISOString(),
    database: { ...options.database.summary, size: databaseSize },
    entries,
  }
  const total = entries.reduce((sum, entry) => sum + entry.size, 0)
  const meter = createProgressMeter({ total, listener: onProgress })
  meter.advance(0)
  let done = 0

  // One controller stops everything: the caller's cancel, or the first failure of any stream.
  const stop = new AbortController()
  const state: { failure: unknown } = { failure: null }
  const fail = (error: unknown): void => {
    state.failure ??= error
    stop.abort()
  }
  const onAbort = (): void => fail(new AppError('canceled', 'Canceled'))
  signal?.addEventListener('abort', onAbort, { once: true })

  /** Hashes and counts what yazl reads, and fails the entry if it is not what the manifest says. */
  const opened = new Set<Readable>()
  const checked = (source: Readable, entry: ManifestEntry, mismatch: () => AppError): Readable => {
    opened.add(source)
    source.on('close', () => opened.delete(source))
    const hash = createHash('sha256')
    let bytes = 0
    const check = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk)
        bytes += chunk.length
        done += chunk.length
        meter.advance(done)
        callback(null, chunk)
      },
      flush(callback) {
        if (bytes !== entry.size || hash.digest('hex') !== entry.sha256) callback(mismatch())
        else callback()
      },
    })
    source.on('error', fail)
    check.on('error', fail)
    return source.pipe(check)
  }

  const tempPath = join(dirname(targetPath), `.${basename(targetPath)}.${randomUUID()}.partial`)
  let target: Awaited<ReturnType<typeof open>> | null = null
  try {
    target = await open(tempPath, 'wx', 0o600).catch((error: unknown) => {
      throw diskError(error)
    })
    const file = target
    const zip = new ZipFile()
    zip.on('error', fail)
    const mtime = options.createdAt
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), manifestEntryName, { mtime, compress: true })
    const [databaseEntry, ...vaultEntries] = entries
    if (databaseEntry) {
      zip.addReadStreamLazy(databaseEntryName, { mtime, compress: true, size: databaseEntry.size }, (callback) =>
        callback(
          null,
          checked(
            createReadStream(options.database.path),
            databaseEntry,
            () => new AppError('internal', 'The staged database export changed while it was archived'),
          ),
        ),
      )
    }
    for (const entry of vaultEntries) {
      // Media is already compressed, and stored entries can be checked with any unzip tool byte for byte.
      zip.addReadStreamLazy(entry.path, { mtime, compress: false, size: entry.size }, (callback) => {
        vault.resolveStored(entry.sha256).then(
          (path) =>
            callback(
              null,
              checked(
                createReadStream(path),
                entry,
                () =>
                  new AppError('vault_damaged', `Vault item ${entry.sha256} no longer matches its name`, entry.sha256),
              ),
            ),
          (error: unknown) => fail(error),
        )
      })
    }
    zip.end()

    let position = 0
    const sink = new Writable({
      highWaterMark: 1024 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        io.write(file, chunk, 0, chunk.length, position).then(
          () => {
            position += chunk.length
            callback()
          },
          (error: unknown) => callback(asError(diskError(error))),
        )
      },
    })
    try {
      await pipeline(zip.outputStream as Readable, sink, { signal: stop.signal })
    } catch (error) {
      fail(error)
    }
    if (state.failure) throw state.failure
    await file.sync().catch((error: unknown) => {
      throw diskError(error)
    })
    await file.close()
    target = null
    if (signal?.aborted) throw new AppError('canceled', 'Canceled')
    await rename(tempPath, targetPath)
    await syncFolder(dirname(targetPath))
    meter.finish(done)
    return { size: position, manifest }
  } catch (error) {
    await target?.close().catch(() => {})
    await rm(tempPath, { force: true }).catch(() => {})
    throw error
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // A stopped archive leaves yazl's current input open: close it so no file handle leaks.
    for (const source of opened) source.destroy()
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}

/** A full disk gets its own code the UI explains; anything else stays as it was. */
function diskError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && fullCodes.has(code)) {
    return new AppError('disk_full', `The backup's disk is full (${code})`)
  }
  return error
}
