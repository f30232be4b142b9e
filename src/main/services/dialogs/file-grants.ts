import { randomBytes } from 'node:crypto'
import { AppError } from '@shared/contract'

/** Read or write one file, or name a folder main will write its own files in (automatic backups). */
export type GrantMode = 'read' | 'write' | 'folder'

interface Grant {
  readonly path: string
  readonly mode: GrantMode
  readonly expiresAt: number
}

/**
 * Paths the user chose in a native dialog, handed to the renderer as opaque ids.
 * The renderer can only name a file main already agreed to, never a path of its own.
 */
export interface FileGrants {
  issue(path: string, mode: GrantMode): string
  /** The path behind a grant, if it exists, has the mode asked and has not expired. */
  resolve(grant: string, mode: GrantMode): string
  revoke(grant: string): void
}

export function createFileGrants(options: { ttlMs?: number; now?: () => number } = {}): FileGrants {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000
  const now = options.now ?? Date.now
  const grants = new Map<string, Grant>()
  return {
    issue(path, mode) {
      const id = `grant_${randomBytes(18).toString('base64url')}`
      grants.set(id, { path, mode, expiresAt: now() + ttlMs })
      return id
    },
    resolve(id, mode) {
      const grant = grants.get(id)
      if (!grant || grant.mode !== mode) throw new AppError('not_found', 'Unknown or expired file grant')
      if (grant.expiresAt < now()) {
        grants.delete(id)
        throw new AppError('not_found', 'Unknown or expired file grant')
      }
      return grant.path
    },
    revoke(id) {
      grants.delete(id)
    },
  }
}
