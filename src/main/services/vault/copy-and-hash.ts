import type { FileHandle } from 'node:fs/promises'
import { AppError } from '@shared/contract/errors'
import { createInlineHasher, createWorkerHasher, type ChunkHasher } from './chunk-hasher'
import type { VaultIo } from './vault-io'

/**
 * Tuned with scripts/bench-ingest.mjs on a 2-core machine: 8 MiB chunks keep
 * syscalls and worker messages rare; four of them let a read, a write and a hash
 * run at once with one chunk to spare (32 MiB in all, whatever the file size).
 */
const largestChunk = 8 * 1024 * 1024
const smallestChunk = 64 * 1024
const slotCount = 4
/** Below this a hashing thread costs more to start than it saves. */
const workerThreshold = 16 * 1024 * 1024
/**
 * Flushing as we go lets the disk write while we still read and hash; left to
 * the final fsync, a 1 GiB file would sit dirty in memory and flush at the end.
 */
const syncEveryBytes = 64 * 1024 * 1024

/** Which side of the copy failed: the vault maps read errors to the source and write errors to its disk. */
export class TransferError extends Error {
  constructor(
    readonly stage: 'read' | 'write',
    override readonly cause: unknown,
  ) {
    super(`${stage} failed: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'TransferError'
  }
}

export interface CopyAndHashOptions {
  readonly source: FileHandle
  /** Where the bytes go, from position 0; null only hashes (re-verification). */
  readonly target: FileHandle | null
  readonly io: VaultIo
  /** Size the source had when opened: sizes the buffers and picks the hasher. */
  readonly expectedSize: number
  readonly signal?: AbortSignal | undefined
  /** Called with the bytes read and handed on so far. */
  readonly onProgress?: ((done: number) => void) | undefined
}

export interface CopyAndHashResult {
  /** Lowercase hex SHA-256 of exactly the bytes written. */
  readonly sha256: string
  readonly bytes: number
}

/**
 * One pass over the source: each chunk read once into a reused shared buffer is
 * hashed (on a worker thread for large files) and written at the same time, while
 * the next chunk is already being read. The hash is therefore of the very bytes
 * written, and memory stays at 32 MiB whatever the file size.
 */
export async function copyAndHash(options: CopyAndHashOptions): Promise<CopyAndHashResult> {
  const { source, target, io, signal, onProgress } = options
  const chunkBytes = chunkSizeFor(options.expectedSize)
  const memory = new SharedArrayBuffer(chunkBytes * slotCount)
  const hasher: ChunkHasher =
    options.expectedSize >= workerThreshold ? createWorkerHasher(memory) : createInlineHasher(memory)

  // A slot is free again once its chunk has been both hashed and written.
  const busy: Array<Promise<void>> = Array.from({ length: slotCount }, () => Promise.resolve())
  // Held in an object: callbacks set these, and the compiler would otherwise assume they never change.
  const state: { failure: { readonly error: unknown } | null; syncing: Promise<void> | null } = {
    failure: null,
    syncing: null,
  }
  const track = (work: Promise<unknown>): Promise<void> =>
    work.then(
      () => undefined,
      (error: unknown) => {
        state.failure ??= { error }
      },
    )
  const throwIfFailed = (): void => {
    if (state.failure) throw state.failure.error
  }

  let writes: Promise<void> = Promise.resolve()
  let written = 0
  let syncedUpTo = 0
  const syncAsWeGo = (): void => {
    if (!target || state.syncing || written - syncedUpTo < syncEveryBytes) return
    const upTo = written
    state.syncing = target
      .datasync()
      .then(
        () => {
          syncedUpTo = upTo
        },
        (error: unknown) => {
          state.failure ??= { error: new TransferError('write', error) }
        },
      )
      .finally(() => {
        state.syncing = null
      })
  }

  let position = 0
  try {
    for (let n = 0; ; n++) {
      const slot = n % slotCount
      await busy[slot]
      throwIfFailed()
      if (signal?.aborted) throw new AppError('canceled', 'Canceled')
      const offset = slot * chunkBytes
      const chunk = Buffer.from(memory, offset, chunkBytes)
      const length = await readFully(source, chunk, position)
      if (length === 0) break
      const at = position
      position += length

      const hashed = hasher.update(offset, length)
      if (target) {
        writes = writes
          .then(() =>
            io.write(target, chunk, 0, length, at).catch((error: unknown) => {
              throw new TransferError('write', error)
            }),
          )
          .then(() => {
            written = at + length
            syncAsWeGo()
          })
      }
      busy[slot] = track(Promise.all([hashed, target ? writes : null]))
      onProgress?.(position)
    }
    await Promise.all(busy)
    await state.syncing
    throwIfFailed()
    return { sha256: await hasher.digest(), bytes: position }
  } finally {
    // Never leave a write in flight on a handle the caller is about to close or delete.
    await Promise.all(busy)
    await state.syncing
    await hasher.close()
  }
}

function chunkSizeFor(expectedSize: number): number {
  const rounded = Math.ceil((expectedSize + 1) / smallestChunk) * smallestChunk
  return Math.min(largestChunk, Math.max(smallestChunk, rounded))
}

/** Fills the buffer unless the file ends first; 0 means end of file. */
async function readFully(source: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let filled = 0
  while (filled < buffer.length) {
    let bytesRead: number
    try {
      ;({ bytesRead } = await source.read(buffer, filled, buffer.length - filled, position + filled))
    } catch (error) {
      throw new TransferError('read', error)
    }
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled
}
