import { randomUUID } from 'node:crypto'
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Replaces a file so that a crash or a full disk leaves either the old or the new
 * content, never half of each: write a sibling, flush it, rename over, flush the folder.
 */
export async function writeFileAtomically(
  path: string,
  content: string | Uint8Array,
  options: {
    /** Permissions of a new file; settings files keep 0o600 (owner only). */
    readonly mode?: number
    /** The write itself, for tests that need a full disk. */
    readonly write?: typeof writeFile
  } = {},
): Promise<void> {
  const write = options.write ?? writeFile
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`)
  try {
    await write(temp, content, { flag: 'wx', mode: options.mode ?? 0o666, flush: true })
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {})
    throw error
  }
  await syncFolder(dirname(path))
}

/** The parsed JSON of a file, or null when it is missing or unreadable (callers then start afresh). */
export async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    return null
  }
}

/** Makes a rename in the folder survive a power cut (a no-op on Windows, where NTFS journals it). */
export async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return
  const folder = await open(path, 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}
