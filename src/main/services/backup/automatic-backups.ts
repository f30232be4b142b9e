import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

/** Automatic backups are named by their UTC time, so name order is time order. */
const automaticNamePattern = /^redress-backup-(\d{8}T\d{6}Z)\.zip$/

/** e.g. redress-backup-20260501T101500Z.zip */
export function automaticBackupName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
  return `redress-backup-${stamp}.zip`
}

export function isAutomaticBackupName(name: string): boolean {
  return automaticNamePattern.test(name)
}

/** The folder's automatic backups, newest first; anything else in the folder is ignored. */
export async function listAutomaticBackups(folder: string): Promise<string[]> {
  const names = await readdir(folder)
  return names.filter(isAutomaticBackupName).sort().reverse()
}

/**
 * Deletes automatic backups beyond the newest `keep`. Only files with our own
 * naming pattern are touched: the folder is the user's, and may hold anything.
 */
export async function pruneAutomaticBackups(folder: string, keep: number): Promise<number> {
  const old = (await listAutomaticBackups(folder)).slice(Math.max(1, keep))
  for (const name of old) await rm(join(folder, name), { force: true })
  return old.length
}
