import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { nodeVaultIo, type VaultIo } from '../vault/vault-io'
import { createPumpResources, pumpChunks } from './chunk-pump'

/**
 * Sizes and offsets at or above this go into ZIP64 fields: 0xFFFFFFFF is itself
 * the "see the ZIP64 field" marker, so it cannot be stored as a plain value.
 */
export const zip64Limit = 0xffffffff

export interface ZipWriterOptions {
  /** Lower in tests, to exercise the ZIP64 records on small files; never above zip64Limit. */
  readonly zip64Threshold?: number
  /** File writes, swappable in tests to fake a full disk. */
  readonly io?: Pick<VaultIo, 'write'>
  /** The modification time recorded for every entry. */
  readonly date: Date
}

/** What was stored under one name. */
export interface ZipEntryWritten {
  readonly name: string
  readonly size: number
  /** Lowercase hex SHA-256 of the stored bytes. */
  readonly sha256: string
  readonly crc32: number
}

export interface AddFileOptions {
  /** The size the caller expects; a file of another size is still stored as it is, for the caller to judge. */
  readonly expectedSize?: number
  readonly signal?: AbortSignal | undefined
  /** Bytes of this entry stored so far. */
  readonly onProgress?: ((done: number) => void) | undefined
}

export interface ZipWriter {
  /** Stores bytes held in memory (tag files, case.json). */
  addBytes(name: string, data: Uint8Array): Promise<ZipEntryWritten>
  /** Stores a file, read once in large chunks that are hashed, CRC'd and written together. */
  addFile(name: string, path: string, options?: AddFileOptions): Promise<ZipEntryWritten>
  /** Writes the central directory, flushes the file to disk and closes it; returns the archive's size. */
  finish(): Promise<number>
  /** Closes the file without finishing it (the caller removes it); safe after finish and safe twice. */
  close(): Promise<void>
}

interface CentralRecord {
  readonly name: Buffer
  readonly crc32: number
  readonly size: number
  readonly offset: number
  readonly localZip64: boolean
}

const utf8NameFlag = 0x0800
/** Version made by: Unix (3) so the external attributes are read as a mode, spec 6.3 (63). */
const madeByUnix = (3 << 8) | 63
/** A regular file, rw-r--r--, in the high 16 bits as Info-ZIP records Unix modes. */
const regularFileAttributes = (0o100644 << 16) >>> 0

/**
 * A ZIP writer for archives whose members must stay byte for byte what they
 * were: every entry STORED (never recompressed), names in UTF-8 (flag bit 11),
 * ZIP64 records wherever a size, an offset or the entry count needs them.
 * Writing to a file lets each local header be written first and its CRC and
 * sizes patched in place afterwards, so no data descriptors are needed and
 * every reader (unzip, Windows Explorer, yauzl) sees plain headers.
 */
export async function createZipWriter(path: string, options: ZipWriterOptions): Promise<ZipWriter> {
  const threshold = Math.min(options.zip64Threshold ?? zip64Limit, zip64Limit)
  const io = options.io ?? nodeVaultIo
  const { time, date } = dosDateTime(options.date)
  const unixSeconds = Math.max(0, Math.min(0xffffffff, Math.floor(options.date.getTime() / 1000)))
  const file: FileHandle = await open(path, 'wx', 0o644)
  const resources = createPumpResources()
  const records: CentralRecord[] = []
  const names = new Set<string>()
  let position = 0
  let closed = false

  const writeAt = async (bytes: Uint8Array, at: number): Promise<void> => {
    await io.write(file, bytes, 0, bytes.length, at)
  }
  const append = async (bytes: Uint8Array): Promise<void> => {
    await writeAt(bytes, position)
    position += bytes.length
  }
  const claim = (name: string): Buffer => {
    if (closed) throw new Error('The archive is already closed')
    if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
      throw new Error(`Not a relative entry name: ${name}`)
    }
    if (names.has(name)) throw new Error(`Entry ${name} is already in the archive`)
    names.add(name)
    return Buffer.from(name, 'utf8')
  }

  const localHeader = (name: Buffer, zip64: boolean, crc: number, size: number): Buffer => {
    const extra = Buffer.concat([timestampExtra(unixSeconds), zip64 ? zip64Extra([size, size]) : Buffer.alloc(0)])
    const header = Buffer.alloc(30)
    header.writeUInt32LE(0x04034b50, 0)
    header.writeUInt16LE(zip64 ? 45 : 20, 4)
    header.writeUInt16LE(utf8NameFlag, 6)
    header.writeUInt16LE(0, 8) // stored
    header.writeUInt16LE(time, 10)
    header.writeUInt16LE(date, 12)
    header.writeUInt32LE(crc, 14)
    header.writeUInt32LE(zip64 ? 0xffffffff : size, 18)
    header.writeUInt32LE(zip64 ? 0xffffffff : size, 22)
    header.writeUInt16LE(name.length, 26)
    header.writeUInt16LE(extra.length, 28)
    return Buffer.concat([header, name, extra])
  }

  return {
    async addBytes(name, data) {
      const raw = claim(name)
      const offset = position
      const crc = crc32(data) >>> 0
      const zip64 = data.length >= threshold
      await append(localHeader(raw, zip64, crc, data.length))
      await append(data)
      records.push({ name: raw, crc32: crc, size: data.length, offset, localZip64: zip64 })
      return { name, size: data.length, crc32: crc, sha256: createHash('sha256').update(data).digest('hex') }
    },

    async addFile(name, sourcePath, addOptions = {}) {
      const raw = claim(name)
      const source = await open(sourcePath, 'r')
      try {
        const { size: statSize } = await source.stat()
        const expectedSize = Math.max(statSize, addOptions.expectedSize ?? 0)
        // Decided before the bytes are read: the local header's layout cannot change once written.
        const zip64 = expectedSize >= threshold
        const offset = position
        const header = localHeader(raw, zip64, 0, 0)
        await append(header)
        const dataStart = position
        const result = await pumpChunks({
          resources,
          read: async (buffer, at, length, from) => (await source.read(buffer, at, length, from)).bytesRead,
          write: (buffer, at, length, to) => io.write(file, buffer, at, length, to),
          writeAt: dataStart,
          expectedSize,
          limit: null,
          flush: () => file.datasync(),
          signal: addOptions.signal,
          onProgress: addOptions.onProgress,
        })
        if (!zip64 && result.bytes >= threshold) {
          throw new Error(`${name} grew past 4 GiB while it was stored; add it again`)
        }
        position = dataStart + result.bytes
        // Patch the CRC and sizes into the header written before the bytes.
        await writeAt(localHeader(raw, zip64, result.crc32, result.bytes), offset)
        records.push({ name: raw, crc32: result.crc32, size: result.bytes, offset, localZip64: zip64 })
        return { name, size: result.bytes, crc32: result.crc32, sha256: result.sha256 }
      } finally {
        await source.close()
      }
    },

    async finish() {
      if (closed) throw new Error('The archive is already closed')
      const centralStart = position
      for (const record of records) await append(centralHeader(record, threshold, time, date, unixSeconds))
      const centralSize = position - centralStart
      const count = records.length
      const needsZip64End = count >= 0xffff || centralStart >= threshold || centralSize >= threshold
      if (needsZip64End) {
        const recordOffset = position
        const end64 = Buffer.alloc(56)
        end64.writeUInt32LE(0x06064b50, 0)
        end64.writeBigUInt64LE(44n, 4) // size of the rest of this record
        end64.writeUInt16LE(madeByUnix, 12)
        end64.writeUInt16LE(45, 14)
        end64.writeUInt32LE(0, 16) // this disk
        end64.writeUInt32LE(0, 20) // disk where the central directory starts
        end64.writeBigUInt64LE(BigInt(count), 24)
        end64.writeBigUInt64LE(BigInt(count), 32)
        end64.writeBigUInt64LE(BigInt(centralSize), 40)
        end64.writeBigUInt64LE(BigInt(centralStart), 48)
        const locator = Buffer.alloc(20)
        locator.writeUInt32LE(0x07064b50, 0)
        locator.writeUInt32LE(0, 4)
        locator.writeBigUInt64LE(BigInt(recordOffset), 8)
        locator.writeUInt32LE(1, 16) // one disk in all
        await append(Buffer.concat([end64, locator]))
      }
      const end = Buffer.alloc(22)
      end.writeUInt32LE(0x06054b50, 0)
      end.writeUInt16LE(0, 4)
      end.writeUInt16LE(0, 6)
      end.writeUInt16LE(needsZip64End ? 0xffff : count, 8)
      end.writeUInt16LE(needsZip64End ? 0xffff : count, 10)
      end.writeUInt32LE(needsZip64End ? 0xffffffff : centralSize, 12)
      end.writeUInt32LE(needsZip64End ? 0xffffffff : centralStart, 16)
      end.writeUInt16LE(0, 20) // no comment
      await append(end)
      await file.sync()
      closed = true
      await resources.close()
      await file.close()
      return position
    },

    async close() {
      if (closed) return
      closed = true
      await resources.close()
      await file.close()
    },
  }
}

function centralHeader(record: CentralRecord, threshold: number, time: number, date: number, unixSeconds: number) {
  const bigSize = record.size >= threshold || record.localZip64
  const bigOffset = record.offset >= threshold
  const zip64Values = [...(bigSize ? [record.size, record.size] : []), ...(bigOffset ? [record.offset] : [])]
  const extra = Buffer.concat([
    timestampExtra(unixSeconds),
    zip64Values.length > 0 ? zip64Extra(zip64Values) : Buffer.alloc(0),
  ])
  const header = Buffer.alloc(46)
  header.writeUInt32LE(0x02014b50, 0)
  header.writeUInt16LE(madeByUnix, 4)
  header.writeUInt16LE(zip64Values.length > 0 ? 45 : 20, 6)
  header.writeUInt16LE(utf8NameFlag, 8)
  header.writeUInt16LE(0, 10) // stored
  header.writeUInt16LE(time, 12)
  header.writeUInt16LE(date, 14)
  header.writeUInt32LE(record.crc32, 16)
  header.writeUInt32LE(bigSize ? 0xffffffff : record.size, 20)
  header.writeUInt32LE(bigSize ? 0xffffffff : record.size, 24)
  header.writeUInt16LE(record.name.length, 28)
  header.writeUInt16LE(extra.length, 30)
  header.writeUInt16LE(0, 32) // no comment
  header.writeUInt16LE(0, 34) // disk
  header.writeUInt16LE(0, 36) // internal attributes: binary
  header.writeUInt32LE(regularFileAttributes, 38)
  header.writeUInt32LE(bigOffset ? 0xffffffff : record.offset, 42)
  return Buffer.concat([header, record.name, extra])
}

/** The ZIP64 extended information field: only the values whose 32-bit field holds the 0xFFFFFFFF marker, in order. */
function zip64Extra(values: readonly number[]): Buffer {
  const field = Buffer.alloc(4 + 8 * values.length)
  field.writeUInt16LE(0x0001, 0)
  field.writeUInt16LE(8 * values.length, 2)
  values.forEach((value, index) => field.writeBigUInt64LE(BigInt(value), 4 + 8 * index))
  return field
}

/** Info-ZIP's extended timestamp: the modification time in UTC, which the DOS fields cannot say. */
function timestampExtra(unixSeconds: number): Buffer {
  const field = Buffer.alloc(9)
  field.writeUInt16LE(0x5455, 0)
  field.writeUInt16LE(5, 2)
  field.writeUInt8(1, 4) // modification time present
  field.writeUInt32LE(unixSeconds, 5)
  return field
}

/** MS-DOS date and time in local time, as zip and unzip use; two-second resolution, 1980 to 2107. */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, at.getFullYear()))
  if (year !== at.getFullYear()) return { time: 0, date: ((year - 1980) << 9) | (1 << 5) | 1 }
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  }
}
