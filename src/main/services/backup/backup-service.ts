import { createHash, randomBytes, type Hash } from 'node:crypto'
import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError, backupChunkBytes, type MethodOutput, type ParsedInput } from '@shared/contract'
import type { FileGrants } from '../dialogs/file-grants'
import type { EventBus } from '../events'
import { createTaskRunner } from '../tasks'
import type { VaultIo } from '../vault/vault-io'
import type { Vault } from '../vault/vault'
import { restoreVaultFromArchive, verifyBackupArchive } from './archive-reader'
import { writeBackupArchive } from './archive-writer'
import { automaticBackupName, listAutomaticBackups, pruneAutomaticBackups } from './automatic-backups'
import { createBackupState, type BackupSettings, type BackupState } from './backup-state'
import { vaultEntrySha256, type BackupManifest } from './manifest'

export interface BackupService {
  status(): Promise<MethodOutput<'backup.status'>>
  configure(input: ParsedInput<'backup.configure'>): Promise<MethodOutput<'backup.status'>>
  recordCaseCount(input: ParsedInput<'backup.recordCaseCount'>): Promise<MethodOutput<'backup.recordCaseCount'>>
  begin(input: ParsedInput<'backup.begin'>): Promise<MethodOutput<'backup.begin'>>
  appendDatabase(input: ParsedInput<'backup.appendDatabase'>): Promise<MethodOutput<'backup.appendDatabase'>>
  write(input: ParsedInput<'backup.write'>): Promise<MethodOutput<'backup.write'>>
  open(input: ParsedInput<'backup.open'>): Promise<MethodOutput<'backup.open'>>
  restoreVault(input: ParsedInput<'backup.restoreVault'>): Promise<MethodOutput<'backup.restoreVault'>>
  readDatabase(input: ParsedInput<'backup.readDatabase'>): Promise<MethodOutput<'backup.readDatabase'>>
  close(input: ParsedInput<'backup.close'>): Promise<MethodOutput<'backup.close'>>
  cancel(input: ParsedInput<'backup.cancel'>): Promise<MethodOutput<'backup.cancel'>>
  /** Removes what a previous run left in the staging folder. */
  ready(): Promise<void>
}

export interface BackupServiceOptions {
  readonly dataDir: string
  readonly appVersion: string
  readonly vault: Vault
  readonly grants: FileGrants
  readonly bus: EventBus
  /** File writes of the archive, swappable in tests (full disk). */
  readonly io?: Pick<VaultIo, 'write'>
  readonly now?: () => Date
  /** A session untouched this long is dropped with its staged file. */
  readonly sessionTtlMs?: number
}

/** A database export arriving from the renderer, before it is written into an archive. */
interface OutgoingSession {
  readonly kind: 'backup'
  readonly id: string
  readonly stagePath: string
  readonly database: ParsedInput<'backup.begin'>['database']
  readonly file: FileHandle
  readonly hash: Hash
  received: number
  touchedAt: number
  busy: boolean
}

/** A verified archive being restored: its database export waits in the staging folder. */
interface IncomingSession {
  readonly kind: 'restore'
  readonly id: string
  readonly stagePath: string
  readonly archivePath: string
  readonly manifest: BackupManifest
  touchedAt: number
  busy: boolean
}

type Session = OutgoingSession | IncomingSession

/** Sessions at once: one backup and one restore is the normal most; a few more leave room for retries. */
const maxSessions = 4

/**
 * Backups and restores as the contract sees them. The database lives in the
 * renderer, so a backup is a conversation: the renderer streams its export in
 * (begin, appendDatabase), main writes the archive with the vault's files
 * (write); a restore runs the other way (open verifies all, restoreVault, then
 * the renderer reads the export back with readDatabase and imports it).
 */
export function createBackupService(options: BackupServiceOptions): BackupService {
  const { dataDir, vault, grants, bus } = options
  const now = options.now ?? (() => new Date())
  const ttl = options.sessionTtlMs ?? 2 * 60 * 60 * 1000
  const stagingDir = join(dataDir, 'backup-staging')
  const state: BackupState = createBackupState(dataDir)
  const tasks = createTaskRunner(bus)
  const sessions = new Map<string, Session>()
  let readiness: Promise<void> | null = null

  const ready = (): Promise<void> => {
    readiness ??= (async () => {
      await mkdir(stagingDir, { recursive: true })
      // Nothing else writes here: anything present is a previous run's leftover.
      for (const name of await readdir(stagingDir)) await rm(join(stagingDir, name), { force: true, recursive: true })
    })()
    return readiness
  }

  const discard = async (session: Session): Promise<void> => {
    sessions.delete(session.id)
    if (session.kind === 'backup') await session.file.close().catch(() => {})
    await rm(session.stagePath, { force: true }).catch(() => {})
  }

  const sweep = async (): Promise<void> => {
    const cutoff = Date.now() - ttl
    for (const session of [...sessions.values()]) {
      if (!session.busy && session.touchedAt < cutoff) await discard(session)
    }
  }

  const newSessionId = async (): Promise<string> => {
    await ready()
    await sweep()
    if (sessions.size >= maxSessions) throw new AppError('unavailable', 'Too many backups in progress')
    return `backup_${randomBytes(18).toString('base64url')}`
  }

  const take = <K extends Session['kind']>(id: string, kind: K): Extract<Session, { kind: K }> => {
    const session = sessions.get(id)
    if (!session || session.kind !== kind) throw new AppError('not_found', 'Unknown or expired backup session')
    if (session.busy) throw new AppError('invalid_input', 'This backup session is busy')
    session.touchedAt = Date.now()
    return session as Extract<Session, { kind: K }>
  }

  /** Marks the session busy during work so it is neither swept nor used twice at once. */
  const during = async <T>(session: Session, work: () => Promise<T>): Promise<T> => {
    session.busy = true
    try {
      return await work()
    } finally {
      session.busy = false
      session.touchedAt = Date.now()
    }
  }

  const status = async (): Promise<MethodOutput<'backup.status'>> => {
    const settings = await state.settings()
    const caseCount = await state.caseCount()
    const last = settings.lastBackup
    return {
      folderName: settings.folder ? basename(settings.folder) : null,
      schedule: settings.schedule,
      lastBackup: last
        ? {
            name: basename(last.path),
            createdAt: last.createdAt,
            automatic: last.automatic,
            cases: last.cases,
            available: await isFile(last.path),
          }
        : null,
      lastAutomaticAt: settings.lastAutomaticAt,
      caseCount,
    }
  }

  /** The backup to offer after an emptied database: the last one written, else the newest in the folder. */
  const latestBackupPath = async (settings: BackupSettings): Promise<string> => {
    if (settings.lastBackup && (await isFile(settings.lastBackup.path))) return settings.lastBackup.path
    if (settings.folder) {
      const [newest] = await listAutomaticBackups(settings.folder).catch(() => [])
      if (newest) return join(settings.folder, newest)
    }
    throw new AppError('not_found', 'No backup can be found')
  }

  return {
    ready,
    status,

    async configure({ folder, schedule }) {
      const folderPath = folder === undefined ? undefined : grants.resolve(folder, 'folder')
      await state.updateSettings((current) => ({
        ...current,
        ...(folderPath !== undefined && { folder: folderPath }),
        ...(schedule !== undefined && { schedule }),
      }))
      return status()
    },

    async recordCaseCount({ count, acceptEmpty }) {
      return { recorded: await state.recordCaseCount(count, acceptEmpty ?? false, now()) }
    },

    async begin({ database }) {
      const id = await newSessionId()
      const stagePath = join(stagingDir, `${id}.json`)
      const file = await open(stagePath, 'wx', 0o600)
      sessions.set(id, {
        kind: 'backup',
        id,
        stagePath,
        database,
        file,
        hash: createHash('sha256'),
        received: 0,
        touchedAt: Date.now(),
        busy: false,
      })
      return { id, chunkBytes: backupChunkBytes }
    },

    async appendDatabase({ id, offset, chunk }) {
      const session = take(id, 'backup')
      return during(session, async () => {
        if (offset !== session.received) {
          throw new AppError('invalid_input', `Expected the chunk at ${session.received}, got ${offset}`)
        }
        const bytes = Buffer.from(chunk, 'base64')
        if (session.received + bytes.length > session.database.size) {
          throw new AppError('invalid_input', 'More bytes than the export was said to hold')
        }
        let written = 0
        while (written < bytes.length) {
          const { bytesWritten } = await session.file.write(bytes, written, bytes.length - written)
          written += bytesWritten
        }
        session.hash.update(bytes)
        session.received += bytes.length
        return { received: session.received }
      })
    },

    async write({ id, taskId, target }) {
      const session = take(id, 'backup')
      return during(session, () =>
        tasks.run(taskId, 'backup', async (signal, onProgress) => {
          if (session.received !== session.database.size) {
            throw new AppError(
              'invalid_input',
              `The export is incomplete: ${session.received} of ${session.database.size}`,
            )
          }
          try {
            await session.file.sync()
            await session.file.close()
            const settings = await state.settings()
            const createdAt = now()
            let targetPath: string
            if (target.kind === 'file') {
              targetPath = grants.resolve(target.grant, 'write')
            } else {
              if (!settings.folder) throw new AppError('not_found', 'No folder was chosen for automatic backups')
              if (!(await isDirectory(settings.folder))) {
                throw new AppError('not_found', 'The folder for automatic backups cannot be found')
              }
              targetPath = join(settings.folder, automaticBackupName(createdAt))
            }
            const { name, version, tables } = session.database
            const written = await writeBackupArchive({
              targetPath,
              appVersion: options.appVersion,
              createdAt,
              database: {
                path: session.stagePath,
                sha256: session.hash.digest('hex'),
                summary: { name, version, tables },
              },
              vault,
              ...(options.io && { io: options.io }),
              signal,
              onProgress,
            })
            const cases = tables.find((table) => table.name === 'cases')?.rows ?? 0
            const automatic = target.kind === 'automatic'
            await state.updateSettings((current) => ({
              ...current,
              lastBackup: { path: targetPath, createdAt: createdAt.toISOString(), automatic, cases },
              ...(automatic && { lastAutomaticAt: createdAt.toISOString() }),
            }))
            const pruned =
              automatic && settings.folder ? await pruneAutomaticBackups(settings.folder, settings.schedule.keep) : 0
            return {
              name: basename(targetPath),
              size: written.size,
              createdAt: createdAt.toISOString(),
              files: written.manifest.entries.length - 1,
              pruned,
            }
          } finally {
            // Written or not, the staged export is spent: a retry starts again from begin.
            await discard(session)
          }
        }),
      )
    },

    async open({ taskId, source }) {
      const archivePath =
        source.kind === 'file' ? grants.resolve(source.grant, 'read') : await latestBackupPath(await state.settings())
      const id = await newSessionId()
      const stagePath = join(stagingDir, `${id}.json`)
      return tasks.run(taskId, 'verify-backup', async (signal, onProgress) => {
        let verified: Awaited<ReturnType<typeof verifyBackupArchive>>
        try {
          verified = await verifyBackupArchive(archivePath, { stageDatabaseTo: stagePath, signal, onProgress })
        } catch (error) {
          await rm(stagePath, { force: true }).catch(() => {})
          throw error
        }
        const { manifest } = verified
        sessions.set(id, {
          kind: 'restore',
          id,
          stagePath,
          archivePath,
          manifest,
          touchedAt: Date.now(),
          busy: false,
        })
        const vaultEntries = manifest.entries.filter((entry) => vaultEntrySha256(entry.path) !== null)
        return {
          id,
          name: basename(archivePath),
          createdAt: manifest.createdAt,
          appVersion: manifest.appVersion,
          database: manifest.database,
          vault: { files: vaultEntries.length, bytes: vaultEntries.reduce((sum, entry) => sum + entry.size, 0) },
        }
      })
    },

    async restoreVault({ id, taskId }) {
      const session = take(id, 'restore')
      return during(session, () =>
        tasks.run(taskId, 'restore-vault', (signal, onProgress) =>
          restoreVaultFromArchive(session.archivePath, session.manifest, vault, { signal, onProgress }),
        ),
      )
    },

    async readDatabase({ id, offset }) {
      const session = take(id, 'restore')
      return during(session, async () => {
        const file = await open(session.stagePath, 'r')
        try {
          const { size } = await file.stat()
          if (offset > size) throw new AppError('invalid_input', 'Offset beyond the end of the export')
          const buffer = Buffer.alloc(Math.min(backupChunkBytes, size - offset))
          let filled = 0
          while (filled < buffer.length) {
            const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, offset + filled)
            if (bytesRead === 0) break
            filled += bytesRead
          }
          const nextOffset = offset + filled
          return { chunk: buffer.subarray(0, filled).toString('base64'), nextOffset, done: nextOffset >= size }
        } finally {
          await file.close()
        }
      })
    },

    async close({ id }) {
      const session = sessions.get(id)
      if (!session) return { closed: false }
      if (session.busy) throw new AppError('invalid_input', 'This backup session is busy')
      await discard(session)
      return { closed: true }
    },

    async cancel({ taskId }) {
      return { canceled: tasks.cancel(taskId) }
    },
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}
