import { Worker } from 'node:worker_threads'
import { crc32 } from 'node:zlib'
import { AppError } from '@shared/contract/errors'
import { createInlineHasher, type ChunkHasher } from '../vault/chunk-hasher'
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

/**
 * What every pump of one export or verification shares: one block of chunk
 * memory and one hashing thread, made once rather than per file (a packet of
 * many files would otherwise hold a 32 MiB block and a thread's heap per file
 * until the collector ran).
 */
export interface PumpResources {
  readonly memory: SharedArrayBuffer
  /** A hasher for a source of this size: inline for small ones, the shared thread for large ones. */
  hasherFor(size: number): ChunkHasher
  /** Stops the hashing thread, if one was started; safe twice. */
  close(): Promise<void>
}

export function createPumpResources(): PumpResources {
  const memory = new SharedArrayBuffer(largestChunk * slotCount)
  let worker: ReusableWorkerHasher | null = null
  return {
    memory,
    hasherFor(size) {
      if (size < workerThreshold) return createInlineHasher(memory)
      worker ??= createReusableWorkerHasher(memory)
      return worker.hasher
    },
    async close() {
      await worker?.close()
      worker = null
    },
  }
}

// Kept as source text and started with `eval`, as in the vault's chunk-hasher: no bundle entry needed.
// Unlike that one it starts a new hash after each digest, so one thread serves every file in turn.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const memory = new Uint8Array(workerData.memory)
let hash = createHash('sha256')
parentPort.on('message', (message) => {
  if (message.length < 0) {
    parentPort.postMessage(hash.digest('hex'))
    hash = createHash('sha256')
    return
  }
  hash.update(memory.subarray(message.offset, message.offset + message.length))
  parentPort.postMessage(null)
})
`

interface ReusableWorkerHasher {
  /** Used by one pump at a time: its digest ends one file and readies the thread for the next. */
  readonly hasher: ChunkHasher
  close(): Promise<void>
}

function createReusableWorkerHasher(memory: SharedArrayBuffer): ReusableWorkerHasher {
  const worker = new Worker(workerSource, { eval: true, workerData: { memory } })
  // The worker answers in the order it was asked: a FIFO of waiting callers suffices.
  const waiting: Array<{ resolve: (value: string | null) => void; reject: (error: Error) => void }> = []
  let failure: Error | null = null
  let closed = false
  const failAll = (error: Error): void => {
    failure ??= error
    for (const waiter of waiting.splice(0)) waiter.reject(failure)
  }
  worker.on('message', (value: string | null) => waiting.shift()?.resolve(value))
  worker.on('error', failAll)
  worker.on('exit', () => failAll(new Error('Hashing thread stopped')))
  const ask = (offset: number, length: number): Promise<string | null> => {
    if (failure) return Promise.reject(failure)
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject })
      worker.postMessage({ offset, length })
    })
  }
  return {
    hasher: {
      async update(offset, length) {
        await ask(offset, length)
      },
      async digest() {
        const digest = await ask(0, -1)
        if (typeof digest !== 'string') throw new Error('Hashing thread answered out of order')
        return digest
      },
      // The thread outlives each file; the resources close it.
      async close() {},
    },
    async close() {
      if (closed) return
      closed = true
      await worker.terminate()
    },
  }
}

export interface PumpOptions {
  readonly resources: PumpResources
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
const flushEveryBytes = 32 * 1024 * 1024

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
  const memory = options.resources.memory
  const hasher = options.resources.hasherFor(options.expectedSize)

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
  let digested = false
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
    const sha256 = await hasher.digest()
    digested = true
    return { sha256, crc32: crc >>> 0, bytes: position }
  } finally {
    // Never leave a write in flight on a handle the caller is about to close or delete.
    await Promise.all(busy)
    await state.flushing
    // A shared hashing thread must start the next file afresh, even after a failed one.
    if (!digested) await hasher.digest().catch(() => {})
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
