import { createHash, randomUUID } from 'node:crypto'
import { chmod, lstat, mkdir, open, readdir, realpath, rename, rm, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/contract/errors'
import { copyAndHash, TransferError } from './copy-and-hash'
import { syncFolder } from '../files/atomic-file'
import { detectFileType, type DetectedType } from './detect-type'
import { createProgressMeter, type ProgressListener } from './progress-meter'
import { nodeVaultIo, type VaultIo } from './vault-io'

export type { DetectedType } from './detect-type'
export type { TransferProgress, ProgressListener } from './progress-meter'

export interface IngestResult {
  /** Lowercase hex SHA-256 of the stored bytes; also the item's name in the vault. */
  readonly sha256: string
  readonly size: number
  readonly detectedType: DetectedType | null
  /** True when the same bytes were already stored: nothing new was kept. */
  readonly deduplicated: boolean
}

export interface VerifyResult {
  readonly sha256: string
  /** True when the stored bytes still hash to their name. */
  readonly ok: boolean
  /** What the stored bytes hash to now. */
  readonly actualSha256: string
  /** ISO 8601 time the check finished. */
  readonly checkedAt: string
}

export interface StoredItem {
  readonly sha256: string
  readonly exists: boolean
  readonly size: number | null
  readonly detectedType: DetectedType | null
}

export interface OperationOptions {
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ProgressListener | undefined
}

/**
 * Content-addressed storage of evidence files: `<root>/sha256/ab/<hex>`, written
 * once through `<root>/tmp`, never modified afterwards.
 */
export interface Vault {
  readonly root: string
  /** Creates the folders and sweeps what a crash left in tmp; every other method waits for it. */
  ready(): Promise<void>
  /** Copies a file in, hashing it on the way; same bytes twice are stored once. */
  ingest(sourcePath: string, options?: OperationOptions): Promise<IngestResult>
  /** Re-hashes a stored item and says whether it still matches its name. */
  verify(sha256: string, options?: OperationOptions): Promise<VerifyResult>
  /**
   * The path of a stored item. Accepts exactly 64 lowercase hex digits and a
   * regular file whose real path is its place in the vault: no traversal, no symlink.
   */
  resolveStored(sha256: string): Promise<string>
  stat(sha256: string): Promise<StoredItem>
  /** The stored item's type, told from its bytes (remembered: stored bytes never change). */
  detectType(sha256: string): Promise<DetectedType | null>
  /** Every stored item's name and size, in name order (what a backup copies). */
  list(): Promise<ReadonlyArray<{ readonly sha256: string; readonly size: number }>>
  /**
   * Stores bytes arriving as a stream (a backup being restored) under the name
   * they must hash to. Bytes that hash to anything else are not kept: the answer
   * says what they hashed to and nothing enters the store.
   */
  restore(
    source: AsyncIterable<Uint8Array>,
    expected: { readonly sha256: string; readonly size: number },
    options?: OperationOptions,
  ): Promise<RestoreResult>
}

export interface RestoreResult {
  /** False when the bytes did not hash to the expected name; nothing was stored then. */
  readonly ok: boolean
  /** What the bytes hashed to. */
  readonly actualSha256: string
  /** The item was already stored (same name and size): the copy was dropped. */
  readonly deduplicated: boolean
}

export interface VaultOptions {
  /** Folder of the vault; created if missing. */
  readonly root: string
  /** File-system calls to swap in tests (full disk). */
  readonly io?: Partial<VaultIo>
  /**
   * Ingests (and, separately, verifications) running at once; more wait their
   * turn. Each holds 32 MiB of buffers and a thread, and the disk is shared anyway.
   */
  readonly concurrency?: number
  /** Room left free on the disk beyond the file itself, for the system and the database. */
  readonly reserveBytes?: number
  readonly now?: () => Date
}

const sha256Pattern = /^[0-9a-f]{64}$/

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && sha256Pattern.test(value)
}

export function createVault(options: VaultOptions): Vault {
  const root = options.root
  const io: VaultIo = { ...nodeVaultIo, ...options.io }
  const reserveBytes = options.reserveBytes ?? 64 * 1024 * 1024
  const now = options.now ?? (() => new Date())
  const ingestTurns = createTurns(options.concurrency ?? 2)
  const verifyTurns = createTurns(options.concurrency ?? 2)
  const tmpDir = join(root, 'tmp')
  const storeDir = join(root, 'sha256')
  const types = new Map<string, DetectedType | null>()
  let realRoot = root
  let readiness: Promise<void> | null = null

  const ready = (): Promise<void> => {
    readiness ??= (async () => {
      await mkdir(tmpDir, { recursive: true })
      await mkdir(storeDir, { recursive: true })
      realRoot = await realpath(root)
      // Nothing else writes here, so anything in tmp is a copy a crash or kill interrupted.
      for (const entry of await readdir(tmpDir)) await rm(join(tmpDir, entry), { recursive: true, force: true })
    })()
    return readiness
  }

  const resolveStored = async (sha256: string): Promise<string> => {
    if (!isSha256(sha256)) throw new AppError('invalid_input', 'Not a lowercase hex SHA-256')
    await ready()
    const expected = join(realRoot, 'sha256', sha256.slice(0, 2), sha256)
    let real: string
    try {
      // lstat first: a symlink in the item's own place is refused, not followed.
      if (!(await lstat(expected)).isFile()) throw new AppError('not_found', 'No such stored item')
      real = await realpath(expected)
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('not_found', 'No such stored item')
    }
    // A symlinked shard folder would resolve elsewhere: the real path must be the expected one.
    if (real !== expected) throw new AppError('not_found', 'Stored item is not inside the vault')
    return expected
  }

  const detectType = async (sha256: string): Promise<DetectedType | null> => {
    if (types.has(sha256)) return types.get(sha256) ?? null
    const detected = await detectFileType(await resolveStored(sha256))
    types.set(sha256, detected)
    return detected
  }

  return {
    root,
    ready,
    resolveStored,
    detectType,

    async ingest(sourcePath, { signal, onProgress } = {}) {
      await ready()
      const release = await ingestTurns.take(signal)
      let tempPath: string | null = null
      try {
        const source = await openSource(sourcePath)
        let result: { sha256: string; bytes: number; deduplicated: boolean }
        try {
          const before = await source.stat()
          if (!before.isFile()) throw new AppError('source_unreadable', 'Source is not a regular file')
          if ((await io.freeBytes(root)) < before.size + reserveBytes) {
            throw new AppError('disk_full', `Not enough free space for ${before.size} bytes`)
          }
          tempPath = join(tmpDir, `${randomUUID()}.part`)
          const target = await open(tempPath, 'wx', 0o600)
          let copied: { sha256: string; bytes: number }
          try {
            const meter = createProgressMeter({ total: before.size, listener: onProgress })
            meter.advance(0)
            copied = await copyAndHash({
              source,
              target,
              io,
              expectedSize: before.size,
              signal,
              onProgress: (done) => meter.advance(done),
            })
            const after = await source.stat()
            if (after.size !== copied.bytes || after.mtimeMs !== before.mtimeMs) {
              throw new AppError('source_changed', 'Source changed while it was read')
            }
            await target.sync().catch((error: unknown) => {
              throw new TransferError('write', error)
            })
            meter.finish(copied.bytes)
          } finally {
            await target.close()
          }
          // Last moment a cancel can still leave nothing behind.
          if (signal?.aborted) throw new AppError('canceled', 'Canceled')
          const deduplicated = await commit(tempPath, copied.sha256, copied.bytes)
          tempPath = null
          result = { ...copied, deduplicated }
        } finally {
          await source.close()
        }
        return {
          sha256: result.sha256,
          size: result.bytes,
          deduplicated: result.deduplicated,
          detectedType: await detectType(result.sha256),
        }
      } catch (error) {
        throw toAppError(error)
      } finally {
        if (tempPath) await rm(tempPath, { force: true }).catch(() => {})
        release()
      }
    },

    async verify(sha256, { signal, onProgress } = {}) {
      const path = await resolveStored(sha256)
      const release = await verifyTurns.take(signal)
      try {
        const file = await open(path, 'r')
        try {
          const { size } = await file.stat()
          const meter = createProgressMeter({ total: size, listener: onProgress })
          meter.advance(0)
          const { sha256: actualSha256, bytes } = await copyAndHash({
            source: file,
            target: null,
            io,
            expectedSize: size,
            signal,
            onProgress: (done) => meter.advance(done),
          })
          meter.finish(bytes)
          return { sha256, ok: actualSha256 === sha256, actualSha256, checkedAt: now().toISOString() }
        } finally {
          await file.close()
        }
      } catch (error) {
        throw toAppError(error)
      } finally {
        release()
      }
    },

    async list() {
      await ready()
      const items: Array<{ sha256: string; size: number }> = []
      for (const shard of (await readdir(storeDir)).sort()) {
        if (!/^[0-9a-f]{2}$/.test(shard)) continue
        for (const name of (await readdir(join(storeDir, shard))).sort()) {
          // Only well-named regular files count; anything else was never written by the vault.
          if (!isSha256(name) || !name.startsWith(shard)) continue
          const info = await lstat(join(storeDir, shard, name))
          if (info.isFile()) items.push({ sha256: name, size: info.size })
        }
      }
      return items
    },

    async restore(source, expected, { signal, onProgress } = {}) {
      await ready()
      const release = await ingestTurns.take(signal)
      let tempPath: string | null = null
      try {
        if ((await io.freeBytes(root)) < expected.size + reserveBytes) {
          throw new AppError('disk_full', `Not enough free space for ${expected.size} bytes`)
        }
        tempPath = join(tmpDir, `${randomUUID()}.part`)
        const target = await open(tempPath, 'wx', 0o600)
        const hash = createHash('sha256')
        let bytes = 0
        try {
          const meter = createProgressMeter({ total: expected.size, listener: onProgress })
          for await (const chunk of source) {
            if (signal?.aborted) throw new AppError('canceled', 'Canceled')
            hash.update(chunk)
            await io.write(target, chunk, 0, chunk.length, bytes).catch((error: unknown) => {
              throw new TransferError('write', error)
            })
            bytes += chunk.length
            meter.advance(bytes)
          }
          await target.sync().catch((error: unknown) => {
            throw new TransferError('write', error)
          })
          meter.finish(bytes)
        } finally {
          await target.close()
        }
        const actualSha256 = hash.digest('hex')
        if (actualSha256 !== expected.sha256 || bytes !== expected.size) {
          return { ok: false, actualSha256, deduplicated: false }
        }
        if (signal?.aborted) throw new AppError('canceled', 'Canceled')
        const deduplicated = await commit(tempPath, actualSha256, bytes)
        tempPath = null
        return { ok: true, actualSha256, deduplicated }
      } catch (error) {
        throw toAppError(error)
      } finally {
        if (tempPath) await rm(tempPath, { force: true }).catch(() => {})
        release()
      }
    },

    async stat(sha256) {
      let path: string
      try {
        path = await resolveStored(sha256)
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') {
          return { sha256, exists: false, size: null, detectedType: null }
        }
        throw error
      }
      const { size } = await lstat(path)
      return { sha256, exists: true, size, detectedType: await detectType(sha256) }
    },
  }

  /**
   * Moves a complete, synced temporary file to its content address. The rename is
   * atomic, so the store only ever holds whole files named by their hash; the
   * folder is synced so the rename itself survives a power cut.
   */
  async function commit(tempPath: string, sha256: string, bytes: number): Promise<boolean> {
    const shardDir = join(storeDir, sha256.slice(0, 2))
    const finalPath = join(shardDir, sha256)
    const createdShard = await mkdir(shardDir, { recursive: true })
    const existing = await lstat(finalPath).catch(() => null)
    if (existing?.isFile() && existing.size === bytes) {
      // Keep the first copy untouched; a damaged one (wrong size) is replaced below.
      await rm(tempPath, { force: true })
      return true
    }
    // Stored items are never edited: read-only guards against a slip elsewhere. Set only
    // now, as Windows refuses to delete a read-only temporary file (the dedupe path above).
    await chmod(tempPath, 0o444)
    await rename(tempPath, finalPath)
    await syncFolder(shardDir)
    if (createdShard !== undefined) await syncFolder(storeDir)
    return false
  }
}

async function openSource(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r')
  } catch (error) {
    throw new TransferError('read', error)
  }
}

const missingCodes = new Set(['ENOENT', 'ENOTDIR', 'ENXIO', 'ENODEV', 'ESTALE'])
const fullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])

/** Gives the renderer a code it can translate; paths and errno details stay in the message for logs. */
function toAppError(error: unknown): unknown {
  if (!(error instanceof TransferError)) return error
  const code = (error.cause as { code?: unknown } | null)?.code
  if (error.stage === 'write' && typeof code === 'string' && fullCodes.has(code)) {
    return new AppError('disk_full', `The vault's disk is full (${code})`)
  }
  if (error.stage === 'read') {
    if (typeof code === 'string' && missingCodes.has(code)) {
      return new AppError('source_missing', `Source is gone (${code})`)
    }
    return new AppError('source_unreadable', `Source cannot be read (${typeof code === 'string' ? code : 'error'})`)
  }
  return error.cause
}

/** A counting semaphore whose waiters can give up (cancel while queued). */
function createTurns(limit: number): { take(signal?: AbortSignal): Promise<() => void> } {
  let running = 0
  const queue: Array<() => void> = []
  const next = (): void => {
    running--
    queue.shift()?.()
  }
  return {
    take(signal) {
      if (signal?.aborted) return Promise.reject(new AppError('canceled', 'Canceled'))
      let released = false
      const release = (): void => {
        if (released) return
        released = true
        next()
      }
      if (running < limit) {
        running++
        return Promise.resolve(release)
      }
      return new Promise((resolve, reject) => {
        const start = (): void => {
          signal?.removeEventListener('abort', abort)
          running++
          resolve(release)
        }
        const abort = (): void => {
          const at = queue.indexOf(start)
          if (at >= 0) queue.splice(at, 1)
          reject(new AppError('canceled', 'Canceled'))
        }
        queue.push(start)
        signal?.addEventListener('abort', abort, { once: true })
      })
    },
  }
}
