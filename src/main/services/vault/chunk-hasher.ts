import { createHash } from 'node:crypto'
import { Worker } from 'node:worker_threads'

/**
 * SHA-256 over chunks that sit in one shared memory block. Chunks must be given
 * in file order; `update` resolves once its bytes have been consumed and the
 * memory may be reused for the next read.
 */
export interface ChunkHasher {
  update(offset: number, length: number): Promise<void>
  /** Lowercase hex digest of everything given so far; call once, after the last update. */
  digest(): Promise<string>
  /** Releases the thread, if any; safe after digest and safe twice. */
  close(): Promise<void>
}

/** Hashes on the calling thread: for small files, where starting a thread costs more than it saves. */
export function createInlineHasher(memory: SharedArrayBuffer | ArrayBuffer): ChunkHasher {
  const hash = createHash('sha256')
  return {
    async update(offset, length) {
      hash.update(new Uint8Array(memory, offset, length))
    },
    async digest() {
      return hash.digest('hex')
    },
    async close() {},
  }
}

// Kept as source text and started with `eval`: a worker file would need its own
// entry in each bundle (electron-vite, the bench, the tests), this needs nothing.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const memory = new Uint8Array(workerData.memory)
const hash = createHash('sha256')
parentPort.on('message', (message) => {
  if (message.length < 0) {
    parentPort.postMessage(hash.digest('hex'))
    return
  }
  hash.update(memory.subarray(message.offset, message.offset + message.length))
  parentPort.postMessage(null)
})
`

/**
 * Hashes on a worker thread, reading the chunks straight from shared memory (no
 * copy): the main thread keeps reading and writing the next chunks meanwhile, and
 * Electron's main process never stalls on hashing several gigabytes.
 */
export function createWorkerHasher(memory: SharedArrayBuffer): ChunkHasher {
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
    async update(offset, length) {
      await ask(offset, length)
    },
    async digest() {
      const digest = await ask(0, -1)
      if (typeof digest !== 'string') throw new Error('Hashing thread answered out of order')
      return digest
    },
    async close() {
      if (closed) return
      closed = true
      await worker.terminate()
    },
  }
}
