import { z } from 'zod'
import { closureMethods } from './closure-methods'

// The renderer's CSP forbids eval; zod must not try to compile parsers with new Function.
z.config({ jitless: true })

/**
 * The single list of what the renderer may ask of main. Adding a capability means
 * adding one entry here and one service function in main (see src/main/handlers.ts);
 * both transports, the allow-list and the typed client follow from this map.
 */

const fileFilter = z
  .object({
    /** Label shown in the native dialog, e.g. "Video". */
    name: z.string().min(1).max(100),
    /** Extensions without the dot, e.g. ["mp4", "mov"]; "*" for any. */
    extensions: z
      .array(z.string().regex(/^(\*|[a-z0-9]{1,10})$/i))
      .min(1)
      .max(50),
  })
  .strict()

/** An opaque handle on a file the user picked; main keeps the path, the renderer never sees it. */
const fileGrant = z.string().regex(/^grant_[A-Za-z0-9_-]{20,}$/)

/** A stored item's name in the vault: its SHA-256, 64 lowercase hex digits, nothing else. */
const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * Longest text file.writeText takes, in characters: exports of figures, not bulk
 * data. (The harness's HTTP transport refuses bodies over 16 MiB.)
 */
export const maxTextFileChars = 4_000_000

/** Id the renderer gives to long work, to follow its progress events and cancel it. */
const taskId = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/)

/** Type told from the bytes, or null when nothing recognisable was found. */
const detectedType = z
  .object({
    /** IANA media type, e.g. "video/mp4". */
    mime: z.string(),
    /** Usual extension without the dot. */
    ext: z.string(),
  })
  .nullable()

/** One Redress backup being written or restored: main keeps its staged files under this id. */
const backupId = z.string().regex(/^backup_[A-Za-z0-9_-]{16,64}$/)

/**
 * Bytes of the database export per call. Sent as base64 (4/3 larger), a chunk
 * stays well under the HTTP transport's body limit (maxBodyBytes).
 */
export const backupChunkBytes = 512 * 1024

const base64Chunk = z
  .string()
  .max(Math.ceil(backupChunkBytes / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)

/** A table of the case database as the backup records it: the round-trip proof compares these. */
const tableSummary = z
  .object({
    /** Dexie table name. */
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/),
    /** Rows exported. */
    rows: z.number().int().nonnegative(),
    /** SHA-256 of the table's canonical form (rows in key order, keys sorted), see the renderer's table-digest. */
    sha256,
  })
  .strict()

/** The case database inside a backup. */
const databaseSummary = z
  .object({
    /** IndexedDB name, "redress". */
    name: z.string().min(1).max(100),
    /** Dexie schema version the export was made at; restore needs the same. */
    version: z.number().int().positive().max(10_000),
    /** Bytes of the dexie-export-import JSON. */
    size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    tables: z.array(tableSummary).max(200),
  })
  .strict()

/** When automatic backups run and how many are kept. */
const backupSchedule = z
  .object({
    frequency: z.enum(['off', 'daily', 'weekly']),
    /** Automatic backups kept in the folder; older ones are deleted after each new one. */
    keep: z.number().int().min(1).max(100),
  })
  .strict()

const backupStatus = z.object({
  /** Name of the folder automatic backups go to (not its path), or null before one is chosen. */
  folderName: z.string().nullable(),
  schedule: backupSchedule,
  /** The last backup main wrote (by hand or automatically), or null. */
  lastBackup: z
    .object({
      name: z.string(),
      createdAt: z.iso.datetime(),
      automatic: z.boolean(),
      /** Cases it holds. */
      cases: z.number().int().nonnegative(),
      /** False when the file is no longer where it was written (drive unplugged, moved). */
      available: z.boolean(),
    })
    .nullable(),
  /** When the last automatic backup was written, for the schedule. */
  lastAutomaticAt: z.iso.datetime().nullable(),
  /** The last count of cases the renderer reported, to notice a database that came back empty. */
  caseCount: z.object({ count: z.number().int().nonnegative(), at: z.iso.datetime() }).nullable(),
})

export const methods = {
  'app.info': {
    input: z.object({}).strict(),
    output: z.object({
      /** Product name for title bars and about boxes. */
      name: z.string(),
      /** package.json version of the running build. */
      version: z.string(),
      /** Which transport carries the calls: the Electron app or the browser harness. */
      transport: z.enum(['ipc', 'http']),
      /** Operating system family, for platform-specific wording. */
      platform: z.string(),
      /** Folder where main keeps files (vault, keys, backups), shown in settings. */
      dataDir: z.string(),
      /** Runtime versions, for support requests. */
      versions: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable() }),
    }),
  },
  'dialog.openFile': {
    input: z
      .object({
        /** Window title of the native dialog (already translated by the renderer). */
        title: z.string().max(200).optional(),
        filters: z.array(fileFilter).max(20).optional(),
        /** Allow picking several files at once. */
        multiple: z.boolean().optional(),
      })
      .strict(),
    output: z.union([
      z.object({ canceled: z.literal(true) }),
      z.object({
        canceled: z.literal(false),
        files: z.array(
          z.object({
            /** Handle to pass to later calls (ingest, import) instead of a path. */
            grant: fileGrant,
            /** File name without folders, for display. */
            name: z.string(),
            /** Size in bytes at the time of picking. */
            size: z.number().int().nonnegative(),
          }),
        ),
      }),
    ]),
  },
  'dialog.saveFile': {
    input: z
      .object({
        title: z.string().max(200).optional(),
        /** File name proposed to the user, without folders. */
        suggestedName: z
          .string()
          .min(1)
          .max(255)
          .refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'must be a bare file name'),
        filters: z.array(fileFilter).max(20).optional(),
      })
      .strict(),
    output: z.union([
      z.object({ canceled: z.literal(true) }),
      z.object({
        canceled: z.literal(false),
        /** Handle to pass to the export call that writes the file. */
        grant: fileGrant,
        /** Chosen file name without folders, for display. */
        name: z.string(),
      }),
    ]),
  },
  'dialog.openFolder': {
    input: z.object({ title: z.string().max(200).optional() }).strict(),
    output: z.union([
      z.object({ canceled: z.literal(true) }),
      z.object({
        canceled: z.literal(false),
        /** Handle on the folder (for backup.configure), never its path. */
        grant: fileGrant,
        /** The folder's own name, for display. */
        name: z.string(),
      }),
    ]),
  },
  'dialog.grantDropped': {
    input: z
      .object({
        /**
         * Paths of files the user dropped on the window, as the preload read them
         * with webUtils.getPathForFile. Bridge-only: window.api.call refuses it, so
         * page code can never name a path of its own.
         */
        paths: z.array(z.string().min(1).max(4096)).min(1).max(100),
      })
      .strict(),
    output: z.object({
      files: z.array(z.object({ grant: fileGrant, name: z.string(), size: z.number().int().nonnegative() })),
    }),
  },
  'vault.ingest': {
    input: z
      .object({
        /** File picked in dialog.openFile. */
        grant: fileGrant,
        /** Names the task in task.progress / task.finished events (kind "ingest") and for vault.cancel. */
        taskId,
      })
      .strict(),
    output: z.object({
      sha256,
      /** Bytes stored. */
      size: z.number().int().nonnegative(),
      detectedType,
      /** Original file name without folders, for the evidence record. */
      name: z.string(),
      /** The same bytes were already in the vault: stored once, shared. */
      deduplicated: z.boolean(),
    }),
  },
  'vault.cancel': {
    input: z.object({ taskId }).strict(),
    /** False when no task of that id was running (already finished, or never started). */
    output: z.object({ canceled: z.boolean() }),
  },
  'vault.verify': {
    input: z
      .object({
        sha256,
        /** Optional: with it, progress arrives as task events (kind "verify") and vault.cancel works. */
        taskId: taskId.optional(),
      })
      .strict(),
    output: z.object({
      sha256,
      /** True when the stored bytes still hash to their name; false is a finding to record, not an error. */
      ok: z.boolean(),
      /** What the stored bytes hash to now. */
      actualSha256: sha256,
      /** When the check finished (ISO 8601), for the chain of custody. */
      checkedAt: z.iso.datetime(),
    }),
  },
  'vault.stat': {
    input: z.object({ sha256 }).strict(),
    output: z.object({
      sha256,
      exists: z.boolean(),
      /** Bytes stored, or null when absent. */
      size: z.number().int().nonnegative().nullable(),
      detectedType,
      /** Where <video>, <img> or pdf.js load the bytes from (Range requests answered), or null when absent. */
      mediaUrl: z.string().nullable(),
    }),
  },
  'vault.openExternally': {
    input: z
      .object({
        sha256,
        /** The item's original name: its extension tells the system which application to use. */
        name: z.string().min(1).max(255),
      })
      .strict(),
    output: z.object({ opened: z.literal(true) }),
  },
  'backup.status': {
    input: z.object({}).strict(),
    output: backupStatus,
  },
  'backup.configure': {
    input: z
      .object({
        /** Folder picked in dialog.openFolder, for automatic backups. */
        folder: fileGrant.optional(),
        schedule: backupSchedule.optional(),
      })
      .strict(),
    output: backupStatus,
  },
  'backup.recordCaseCount': {
    input: z
      .object({
        count: z.number().int().nonnegative().max(100_000_000),
        /**
         * Needed to replace a count above zero by zero: an empty database after a
         * full one is what Chromium leaves when it discards a corrupt IndexedDB,
         * so main keeps the old count until the user has decided.
         */
        acceptEmpty: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ recorded: z.boolean() }),
  },
  'backup.begin': {
    input: z.object({ database: databaseSummary }).strict(),
    output: z.object({ id: backupId, chunkBytes: z.number().int().positive() }),
  },
  'backup.appendDatabase': {
    input: z
      .object({
        id: backupId,
        /** Where this chunk starts in the export; chunks arrive in order, each exactly once. */
        offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
        /** Up to backupChunkBytes of the export, base64. */
        chunk: base64Chunk,
      })
      .strict(),
    output: z.object({ received: z.number().int().nonnegative() }),
  },
  'backup.write': {
    input: z
      .object({
        id: backupId,
        /** Names the task (kind "backup") for progress events and backup.cancel. */
        taskId,
        target: z.discriminatedUnion('kind', [
          /** A file chosen in dialog.saveFile. */
          z.object({ kind: z.literal('file'), grant: fileGrant }).strict(),
          /** The folder of automatic backups, under a dated name; older ones beyond "keep" are deleted. */
          z.object({ kind: z.literal('automatic') }).strict(),
        ]),
      })
      .strict(),
    output: z.object({
      /** File name written, without folders. */
      name: z.string(),
      /** Bytes of the archive. */
      size: z.number().int().nonnegative(),
      createdAt: z.iso.datetime(),
      /** Vault files included. */
      files: z.number().int().nonnegative(),
      /** Older automatic backups deleted to keep the last N. */
      pruned: z.number().int().nonnegative(),
    }),
  },
  'backup.open': {
    input: z
      .object({
        /** Names the task (kind "verify-backup") for progress events and backup.cancel. */
        taskId,
        source: z.discriminatedUnion('kind', [
          /** A file picked in dialog.openFile. */
          z.object({ kind: z.literal('file'), grant: fileGrant }).strict(),
          /** The last backup main wrote, wherever it is (the offer after an emptied database). */
          z.object({ kind: z.literal('latest') }).strict(),
        ]),
      })
      .strict(),
    /** Answers only once every entry of the archive has been checked against its manifest. */
    output: z.object({
      id: backupId,
      /** The backup's file name, for display. */
      name: z.string(),
      createdAt: z.iso.datetime(),
      /** Redress version that wrote it. */
      appVersion: z.string(),
      database: databaseSummary,
      vault: z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() }),
    }),
  },
  'backup.restoreVault': {
    input: z.object({ id: backupId, taskId }).strict(),
    output: z.object({
      /** Files copied into the vault. */
      restored: z.number().int().nonnegative(),
      /** Files the vault already held (same fingerprint): left as they were. */
      alreadyPresent: z.number().int().nonnegative(),
    }),
  },
  'backup.readDatabase': {
    input: z.object({ id: backupId, offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: z.object({
      /** Up to backupChunkBytes of the verified export, base64. */
      chunk: z.string(),
      nextOffset: z.number().int().nonnegative(),
      done: z.boolean(),
    }),
  },
  'backup.close': {
    input: z.object({ id: backupId }).strict(),
    /** Staged files are deleted; false when the id was unknown (already closed or expired). */
    output: z.object({ closed: z.boolean() }),
  },
  'backup.cancel': {
    input: z.object({ taskId }).strict(),
    output: z.object({ canceled: z.boolean() }),
  },
  'file.writeText': {
    input: z
      .object({
        /** Target picked in dialog.saveFile; spent by a successful write. */
        grant: fileGrant,
        /** Written as UTF-8, as is (a CSV brings its own byte order mark). */
        text: z.string().max(maxTextFileChars),
      })
      .strict(),
    output: z.object({
      /** File name without folders, for the confirmation. */
      name: z.string(),
      /** Bytes written. */
      bytes: z.number().int().nonnegative(),
    }),
  },
  ...closureMethods,
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Methods = typeof methods
export type MethodName = keyof Methods
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>

/** Methods only the preload itself may call (see ApiClient.grantDroppedFiles), never window.api.call. */
export const bridgeOnlyMethods: ReadonlySet<MethodName> = new Set<MethodName>(['dialog.grantDropped'])

/** The runtime allow-list: anything else is refused before it reaches a handler. */
export const methodNames = Object.freeze(Object.keys(methods)) as readonly MethodName[]

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(methods, value)
}
