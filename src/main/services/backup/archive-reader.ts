import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { Transform, Writable, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { AppError } from '@shared/contract/errors'
import { createProgressMeter, type ProgressListener } from '../vault/progress-meter'
import type { Vault } from '../vault/vault'
import {
  backupFormatName,
  backupFormatVersion,
  databaseEntryName,
  isAllowedEntryName,
  manifestEntryName,
  manifestSchema,
  maxManifestBytes,
  vaultEntrySha256,
  type BackupManifest,
} from './manifest'

export interface VerifyOptions {
  /** Where to keep the database export once checked: what restore hands the renderer is exactly what was verified. */
  readonly stageDatabaseTo: string
  readonly signal?: AbortSignal | undefined
  readonly onProgress?: ProgressListener | undefined
}

/** What a fully checked archive holds. */
export interface VerifiedBackup {
  readonly manifest: BackupManifest
}

interface OpenedArchive {
  readonly zip: ZipFile
  readonly entries: ReadonlyMap<string, Entry>
}

const corrupt = (message: string, subject?: string): AppError => new AppError('backup_corrupt', message, subject)
const tampered = (message: string, subject: string): AppError => new AppError('backup_tampered', message, subject)

/**
 * Checks a whole backup before anything is restored from it: the ZIP is well
 * formed and complete, it holds only the entries a Redress backup has (no
 * duplicates, no folders, no absolute or `..` names), each entry is listed in
 * the manifest with its size, SHA-256 and CRC, and each vault file's bytes hash
 * to its name. The first failure stops the check and names the entry at fault.
 */
export async function verifyBackupArchive(path: string, options: VerifyOptions): Promise<VerifiedBackup> {
  const { signal } = options
  const archive = await openArchive(path)
  try {
    const manifest = await readManifest(archive)
    checkEntriesAgainstManifest(archive, manifest)
    const total = manifest.entries.reduce((sum, entry) => sum + entry.size, 0)
    const meter = createProgressMeter({ total, listener: options.onProgress })
    meter.advance(0)
    let done = 0
    for (const expected of manifest.entries) {
      if (signal?.aborted) throw new AppError('canceled', 'Canceled')
      const entry = archive.entries.get(expected.path) as Entry
      await checkLocalHeader(archive.zip, entry, expected.path)
      const stream = await openEntry(archive.zip, entry, expected.path)
      const hash = createHash('sha256')
      let crc = 0
      let bytes = 0
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk)
          crc = crc32(chunk, crc)
          bytes += chunk.length
          done += chunk.length
          meter.advance(done)
          callback(null, chunk)
        },
      })
      const sink =
        expected.path === databaseEntryName
          ? createWriteStream(options.stageDatabaseTo, { mode: 0o600 })
          : new Writable({ write: (_chunk, _encoding, callback) => callback() })
      try {
        await pipeline(stream, measure, sink, signal ? { signal } : {})
      } catch (error) {
        if (signal?.aborted) throw new AppError('canceled', 'Canceled')
        if (expected.path === databaseEntryName && (error as { syscall?: unknown }).syscall === 'open') throw error
        // An inflate error or a short entry: the bytes were altered or cut.
        throw tampered(`Entry ${expected.path} cannot be read: ${messageOf(error)}`, expected.path)
      }
      if (bytes !== expected.size || hash.digest('hex') !== expected.sha256 || crc >>> 0 !== entry.crc32 >>> 0) {
        throw tampered(`Entry ${expected.path} does not match the manifest`, expected.path)
      }
    }
    meter.finish(done)
    return { manifest }
  } finally {
    archive.zip.close()
  }
}

/**
 * Copies the vault files of a verified archive into the vault. Each is hashed
 * again as it is stored (the file could have changed since it was checked), and
 * files the vault already holds are left alone, so a restore can be repeated.
 */
export async function restoreVaultFromArchive(
  path: string,
  manifest: BackupManifest,
  vault: Pick<Vault, 'stat' | 'restore'>,
  options: { readonly signal?: AbortSignal | undefined; readonly onProgress?: ProgressListener | undefined } = {},
): Promise<{ restored: number; alreadyPresent: number }> {
  const { signal } = options
  const archive = await openArchive(path)
  try {
    const vaultEntries = manifest.entries.filter((entry) => vaultEntrySha256(entry.path) !== null)
    const total = vaultEntries.reduce((sum, entry) => sum + entry.size, 0)
    const meter = createProgressMeter({ total, listener: options.onProgress })
    meter.advance(0)
    let done = 0
    let restored = 0
    let alreadyPresent = 0
    for (const expected of vaultEntries) {
      if (signal?.aborted) throw new AppError('canceled', 'Canceled')
      const present = await vault.stat(expected.sha256)
      if (present.exists && present.size === expected.size) {
        alreadyPresent++
      } else {
        const entry = archive.entries.get(expected.path)
        if (!entry) throw corrupt(`Entry ${expected.path} disappeared from the archive`, expected.path)
        const stream = await openEntry(archive.zip, entry, expected.path)
        const before = done
        let result: Awaited<ReturnType<Vault['restore']>>
        try {
          result = await vault.restore(
            stream,
            { sha256: expected.sha256, size: expected.size },
            { signal, onProgress: (progress) => meter.advance((done = before + progress.done)) },
          )
        } catch (error) {
          if (error instanceof AppError) throw error
          throw tampered(`Entry ${expected.path} cannot be read: ${messageOf(error)}`, expected.path)
        } finally {
          stream.destroy()
        }
        if (!result.ok) throw tampered(`Entry ${expected.path} changed since it was verified`, expected.path)
        restored++
      }
      done = vaultEntries.slice(0, vaultEntries.indexOf(expected) + 1).reduce((sum, entry) => sum + entry.size, 0)
      meter.advance(done)
    }
    meter.finish(done)
    return { restored, alreadyPresent }
  } finally {
    archive.zip.close()
  }
}

/** Opens the archive and reads its central directory, refusing anything a Redress backup never contains. */
async function openArchive(path: string): Promise<OpenedArchive> {
  let zip: ZipFile
  try {
    // Names are checked here rather than by yauzl, so the message can say which entry is wrong.
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    })
  } catch (error) {
    if (await startsLikeZip(path)) {
      throw new AppError('backup_truncated', `The archive ends early: ${messageOf(error)}`)
    }
    throw corrupt(`Not a ZIP archive: ${messageOf(error)}`)
  }
  const entries = new Map<string, Entry>()
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileName as unknown as Buffer
      const name = raw.toString('latin1')
      // Shown to the user as the culprit: printable ASCII only, and not too long.
      const shown = name.replace(/[^\x20-\x7e]/g, '?').slice(0, 120)
      if (!isAllowedEntryName(name)) throw corrupt(`Unexpected entry ${shown}`, shown)
      if (entries.has(name)) throw corrupt(`Entry ${shown} appears twice`, shown)
      if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) {
        throw corrupt(`Entry ${shown} uses an unsupported encoding`, shown)
      }
      entries.set(name, entry)
    }
  } catch (error) {
    zip.close()
    if (error instanceof AppError) throw error
    throw corrupt(`The archive's directory is damaged: ${messageOf(error)}`)
  }
  if (!entries.has(manifestEntryName)) {
    zip.close()
    throw corrupt('The archive has no manifest: it is not a Redress backup', manifestEntryName)
  }
  return { zip, entries }
}

async function readManifest(archive: OpenedArchive): Promise<BackupManifest> {
  const entry = archive.entries.get(manifestEntryName) as Entry
  if (entry.uncompressedSize > maxManifestBytes) throw corrupt('The manifest is too large', manifestEntryName)
  await checkLocalHeader(archive.zip, entry, manifestEntryName)
  const stream = await openEntry(archive.zip, entry, manifestEntryName)
  const chunks: Buffer[] = []
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer)
  } catch (error) {
    throw tampered(`The manifest cannot be read: ${messageOf(error)}`, manifestEntryName)
  }
  const bytes = Buffer.concat(chunks)
  if (crc32(bytes) >>> 0 !== entry.crc32 >>> 0) throw tampered('The manifest was altered', manifestEntryName)
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw tampered('The manifest is not valid JSON', manifestEntryName)
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null
  if (head?.format !== backupFormatName)
    throw corrupt('The manifest is not a Redress backup manifest', manifestEntryName)
  if (typeof head.formatVersion !== 'number' || head.formatVersion > backupFormatVersion) {
    throw new AppError('backup_unsupported', `Backup format ${String(head.formatVersion)} is newer than this Redress`)
  }
  const parsed = manifestSchema.safeParse(json)
  if (!parsed.success) throw tampered(`The manifest is malformed: ${parsed.error.message}`, manifestEntryName)
  return parsed.data
}

/** The archive must hold exactly the manifest's entries, each of the recorded size. */
function checkEntriesAgainstManifest(archive: OpenedArchive, manifest: BackupManifest): void {
  const listed = new Set<string>()
  for (const expected of manifest.entries) {
    if (expected.path === manifestEntryName || !isAllowedEntryName(expected.path)) {
      throw tampered(`The manifest lists an impossible entry ${expected.path}`, manifestEntryName)
    }
    if (listed.has(expected.path)) throw tampered(`The manifest lists ${expected.path} twice`, manifestEntryName)
    listed.add(expected.path)
    const sha = vaultEntrySha256(expected.path)
    if (sha !== null && sha !== expected.sha256) {
      throw tampered(`The manifest gives ${expected.path} a different fingerprint`, expected.path)
    }
    const entry = archive.entries.get(expected.path)
    if (!entry) throw corrupt(`Entry ${expected.path} is missing`, expected.path)
    if (entry.uncompressedSize !== expected.size) {
      throw tampered(`Entry ${expected.path} is not the size the manifest records`, expected.path)
    }
  }
  if (!listed.has(databaseEntryName)) throw tampered('The manifest lists no database', manifestEntryName)
  for (const name of archive.entries.keys()) {
    if (name !== manifestEntryName && !listed.has(name)) throw corrupt(`Unexpected entry ${name}`, name)
  }
}

/** The local header repeats the entry's name: a difference means one of them was altered. */
async function checkLocalHeader(zip: ZipFile, entry: Entry, name: string): Promise<void> {
  let header: Awaited<ReturnType<ZipFile['readLocalFileHeaderPromise']>>
  try {
    header = await zip.readLocalFileHeaderPromise(entry)
  } catch (error) {
    throw tampered(`The header of ${name} is damaged: ${messageOf(error)}`, name)
  }
  if (!header.fileName.equals(entry.fileName as unknown as Buffer)) {
    throw tampered(`The header of ${name} names another file`, name)
  }
}

async function openEntry(zip: ZipFile, entry: Entry, name: string): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry)
  } catch (error) {
    throw tampered(`Entry ${name} cannot be opened: ${messageOf(error)}`, name)
  }
}

/** A local file header signature at the start: a ZIP whose end is missing, rather than another kind of file. */
async function startsLikeZip(path: string): Promise<boolean> {
  try {
    const file = await open(path, 'r')
    try {
      const head = Buffer.alloc(4)
      const { bytesRead } = await file.read(head, 0, 4, 0)
      return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50
    } finally {
      await file.close()
    }
  } catch {
    return false
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
