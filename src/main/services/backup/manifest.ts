import { z } from 'zod'

/**
 * A Redress backup is one ZIP file:
 *
 *   manifest.json      this schema: what the archive holds, with a SHA-256 of every other entry
 *   database.json      the case database as dexie-export-import writes it (deflated)
 *   vault/<sha256>     each evidence file of the vault, stored as is (not recompressed)
 *
 * Nothing else may appear in it; restore refuses an archive with any other entry.
 */
export const backupFormatName = 'redress-backup'
export const backupFormatVersion = 1

export const manifestEntryName = 'manifest.json'
export const databaseEntryName = 'database.json'
export const vaultEntryPrefix = 'vault/'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/** One file of the archive other than the manifest. */
const archiveEntry = z
  .object({
    /** Name inside the archive: database.json or vault/<sha256>. */
    path: z.string().min(1).max(200),
    /** Uncompressed bytes. */
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    /** SHA-256 of the uncompressed bytes; for a vault file, also its name. */
    sha256,
  })
  .strict()

export const manifestSchema = z
  .object({
    /** Always "redress-backup": tells our archive from any other ZIP. */
    format: z.literal(backupFormatName),
    /** Layout version of the archive; a reader refuses versions it does not know. */
    formatVersion: z.number().int().positive(),
    /** Redress version that wrote it, for support. */
    appVersion: z.string().min(1).max(100),
    /** When the backup was made (ISO 8601). */
    createdAt: z.iso.datetime(),
    /** The case database: its schema version and each table's row count and canonical hash. */
    database: z
      .object({
        name: z.string().min(1).max(100),
        version: z.number().int().positive().max(10_000),
        size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        tables: z
          .array(
            z
              .object({
                name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
                rows: z.number().int().nonnegative(),
                sha256,
              })
              .strict(),
          )
          .max(200),
      })
      .strict(),
    /** Every entry except the manifest itself. */
    entries: z.array(archiveEntry).max(10_000_000),
  })
  .strict()

export type BackupManifest = z.infer<typeof manifestSchema>
export type ManifestEntry = BackupManifest['entries'][number]

const vaultEntryPattern = /^vault\/([0-9a-f]{64})$/

/** The vault item's SHA-256 when the name is a vault entry's, else null. */
export function vaultEntrySha256(path: string): string | null {
  return vaultEntryPattern.exec(path)?.[1] ?? null
}

/** The only names an archive may contain. */
export function isAllowedEntryName(path: string): boolean {
  return path === manifestEntryName || path === databaseEntryName || vaultEntrySha256(path) !== null
}

/** Largest manifest read into memory: about 150 bytes an entry, so room for hundreds of thousands of files. */
export const maxManifestBytes = 256 * 1024 * 1024
