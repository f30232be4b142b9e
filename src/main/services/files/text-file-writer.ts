import { writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError, type MethodOutput, type ParsedInput } from '@shared/contract'
import type { FileGrants } from '../dialogs/file-grants'
import { writeFileAtomically } from './atomic-file'

export interface TextFileWriter {
  writeText(input: ParsedInput<'file.writeText'>): Promise<MethodOutput<'file.writeText'>>
}

/** How the file system's refusals reach the user: a full disk and a read-only folder read differently. */
function appErrorFor(error: unknown): AppError {
  const code = (error as { code?: unknown }).code
  if (code === 'ENOSPC' || code === 'EDQUOT') return new AppError('disk_full', 'No space left to write the file')
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new AppError('forbidden', 'The chosen folder cannot be written to')
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('not_found', 'The chosen folder no longer exists')
  return new AppError('internal', `Could not write the file: ${String(code ?? error)}`)
}

/**
 * Writes text (a CSV export, a letter) to the file the user chose in the save
 * dialog: UTF-8, into a temporary file beside it, then renamed over it, so an
 * existing file is either replaced whole or left as it was, never half written.
 * The grant is spent by a successful write.
 */
export function createTextFileWriter(options: {
  grants: FileGrants
  /** The write itself, for tests that need a full disk. */
  writeFile?: typeof writeFile
}): TextFileWriter {
  const write = options.writeFile ?? writeFile
  return {
    async writeText({ grant, text }) {
      const target = options.grants.resolve(grant, 'write')
      const bytes = Buffer.from(text, 'utf8')
      try {
        await writeFileAtomically(target, bytes, { write })
      } catch (error) {
        throw appErrorFor(error)
      }
      options.grants.revoke(grant)
      return { name: basename(target), bytes: bytes.length }
    },
  }
}
