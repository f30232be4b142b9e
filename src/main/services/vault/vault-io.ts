import { statfs, type FileHandle } from 'node:fs/promises'

/**
 * The few file-system calls whose failure the vault must survive, as a port:
 * tests swap them to fake a full disk without needing a tiny filesystem.
 */
export interface VaultIo {
  /** Writes all of `length` bytes at `position`; rejects (e.g. ENOSPC) if it cannot. */
  readonly write: (
    file: FileHandle,
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ) => Promise<void>
  /** Bytes an unprivileged user may still write on the filesystem holding `path`. */
  readonly freeBytes: (path: string) => Promise<number>
}

export const nodeVaultIo: VaultIo = {
  async write(file, buffer, offset, length, position) {
    // A regular file normally takes a write whole, but POSIX allows short writes.
    let done = 0
    while (done < length) {
      const { bytesWritten } = await file.write(buffer, offset + done, length - done, position + done)
      if (bytesWritten === 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' })
      done += bytesWritten
    }
  },
  async freeBytes(path) {
    const info = await statfs(path)
    return info.bavail * info.bsize
  },
}
