import { crc32 } from 'node:zlib'
import { AppError } from '@shared/contract/errors'
import { createInlineHasher, createWorkerHasher, type ChunkHasher } from '../vault/chunk-hasher'
import { TransferError } from '../vault/copy-and-hash'

/**
 * 8 MiB chunks keep syscalls and worker messages rare; four slots let a read, a
 * write and a hash run at once with one chunk to spare: 32 MiB whatever the size.
 */
const largestChunk = 8 * 1024 * 1024
const smallestChunk = 64 * 1024
const slotCount = 4
/** Below this a hashing thread costs more to start than it saves. */
const workerThreshold = 16 * 1024 * 1024

export interface PumpOptions {
  /** Reads up to `length` bytes at `position` of the source into `buffer` at `offset`; 0 at the end. */
  readonly read: (buffer: Buffer, offset: number, length: number, position: number) => Promise<number>
  /** Writes the chunk at `position` of the target (already offset by the caller); null only measures. */
  readonly write: ((buffer: Buffer, offset: number, length: number, position: number) => Promise<void>) | null
  /** Where the first byte goes in the target. */
  readonly writeAt: number
  /** What the source should hold: sizes the buffers and picks the hasher. */
  readonly expectedSize: number
  /** Stop after this many bytes even if the source goes on (a ZIP entry inside the archive); null reads to the end. */
  readonly limit: number | null
  /** Flushes what was written so far; called now and then so the final flush has little left to do. */
  readonly flush?: (() => Promise<void>) | undefined
  readonly signal?: AbortSignal | undefined
  /** Called with the bytes read and handed on so far. */
  readonly onProgress?: ((done: number) => void) | undefined
}

export interface PumpResult {
  /** Lowercase hex SHA-256 of exactly the bytes passed on. */
  readonly sha256: string
  /** CRC-32 of the same bytes, as ZIP records it (unsigned). */
  readonly crc32: number
  readonly bytes: number
}

/** Flushing as we go lets the disk write while we still read; left to the end, a 1 GiB file would sit dirty. */
const flushEveryBytes = 64 * 1024 * 1024

/**
 * One pass over a source: each chunk is read once into a reused shared buffer,
 * then hashed (SHA-256 on a worker thread for large sources), CRC'd and written
 * at the same time while the next chunk is already being read. Hash, CRC and
 * the written bytes are therefore of the very same bytes, and memory stays at
 * 32 MiB whatever the size.
 */
export async function pumpChunks(options: PumpOptions): Promise<PumpResult> {
  const { read, write, signal, onProgress, limit, flush } = options
  const chunkBytes = chunkSizeFor(options.expectedSize)
  const memory = new SharedArrayBuffer(chunkBytes * slotCount)
  const hasher: ChunkHasher =
    options.expectedSize >= workerThreshold ? createWorkerHasher(memory) : createInlineHasher(memory)

  // A slot is free again once its chunk has been both hashed and written.
  const busy: Array<Promise<void>> = Array.from({ length: slotCount }, () => Promise.resolve())
  // Held in an object: callbacks set these, and the compiler would otherwise assume they never change.
  const state: { failure: { readonly error: unknown } | null; flushing: Promise<void> | null } = {
    failure: null,
    flushing: null,
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
  let flushedUpTo = 0
  const flushAsWeGo = (): void => {
    if (!flush || state.flushing || written - flushedUpTo < flushEveryBytes) return
    const upTo = written
    state.flushing = flush()
      .then(
        () => {
          flushedUpTo = upTo
        },
        (error: unknown) => {
          state.failure ??= { error: new TransferError('write', error) }
        },
      )
      .finally(() => {
        state.flushing = null
      })
  }

  let crc = 0
  let position = 0
  try {
    for (let n = 0; ; n++) {
      const slot = n % slotCount
      await busy[slot]
      throwIfFailed()
      if (signal?.aborted) throw new AppError('canceled', 'Canceled')
      const wanted = limit === null ? chunkBytes : Math.min(chunkBytes, limit - position)
      if (wanted <= 0) break
      const offset = slot * chunkBytes
      const chunk = Buffer.from(memory, offset, chunkBytes)
      const length = await readFully(read, chunk, wanted, position)
      if (length === 0) break
      const at = position
      position += length

      // Native CRC (zlib's SIMD one) on this thread: far faster than SHA-256, it does not hold the pipeline back.
      crc = crc32(chunk.subarray(0, length), crc)
      const hashed = hasher.update(offset, length)
      if (write) {
        writes = writes
          .then(() =>
            write(chunk, 0, length, options.writeAt + at).catch((error: unknown) => {
              throw new TransferError('write', error)
            }),
          )
          .then(() => {
            written = at + length
            flushAsWeGo()
          })
      }
      busy[slot] = track(Promise.all([hashed, write ? writes : null]))
      onProgress?.(position)
      if (length < wanted) break
    }
    await Promise.all(busy)
    await state.flushing
    throwIfFailed()
    return { sha256: await hasher.digest(), crc32: crc >>> 0, bytes: position }
  } finally {
    // Never leave a write in flight on a handle the caller is about to close or delete.
    await Promise.all(busy)
    await state.flushing
    await hasher.close()
  }
}

function chunkSizeFor(expectedSize: number): number {
  const rounded = Math.ceil((expectedSize + 1) / smallestChunk) * smallestChunk
  return Math.min(largestChunk, Math.max(smallestChunk, rounded))
}

/** Fills `length` bytes of the buffer unless the source ends first. */
async function readFully(read: PumpOptions['read'], buffer: Buffer, length: number, position: number): Promise<number> {
  let filled = 0
  while (filled < length) {
    let bytesRead: number
    try {
      bytesRead = await read(buffer, filled, length - filled, position + filled)
    } catch (error) {
      throw new TransferError('read', error)
    }
    if (bytesRead === 0) break
    filled += bytesRead
  }
  return filled
}
