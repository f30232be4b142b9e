import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createDispatch, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { createAppInfoService, type AppInfo } from './services/app-info/app-info'
import { createBackupService } from './services/backup/backup-service'
import { createClosureService } from './services/closure/closure-service'
import { createIdentityStore } from './services/signing/identity-store'
import { createOsProtector, createPassphraseProtector, type OsEncryption } from './services/signing/key-protection'
import { createDialogService, type DialogAdapter } from './services/dialogs/dialogs'
import { createFileGrants, type FileGrants } from './services/dialogs/file-grants'
import { createTextFileWriter } from './services/files/text-file-writer'
import { createEventBus, type EventBus } from './services/events'
import { createVault, type Vault, type VaultOptions } from './services/vault/vault'
import { createVaultService } from './services/vault/vault-service'
import type { VaultIo } from './services/vault/vault-io'
import { createExternalOpener, type OpenPathAdapter } from './services/open-externally/open-externally'

export interface MainAdapters {
  /** Facts about the build and where data lives (the vault is `<dataDir>/vault`). */
  readonly appInfo: AppInfo
  /** Native dialogs (Electron) or scripted ones (harness, tests). */
  readonly dialogs: DialogAdapter
  /** The system's default application for a file (Electron's shell.openPath; recorded in the harness). */
  readonly openPath: OpenPathAdapter
  /** Vault settings other than its place, for tests (a failing disk, a clock). */
  readonly vault?: Omit<VaultOptions, 'root'>
  /** Backup settings for tests: a failing disk under the archive, a clock. */
  readonly backup?: { readonly io?: Pick<VaultIo, 'write'>; readonly now?: () => Date }
  readonly log?: { readonly error: (message: string, detail?: unknown) => void }
  /**
   * How signing keys are sealed: by the operating system (Electron's safeStorage),
   * or, where there is none (the harness), by a passphrase per identity.
   */
  readonly keyProtection?: { readonly kind: 'os'; readonly encryption: OsEncryption }
  /** Folder of the fonts embedded in PDFs; beside the built main bundle by default. */
  readonly fontsDir?: string
  /** Where packets are extracted while checked; the system's temporary folder by default. */
  readonly tmpDir?: string
}

export interface Main {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  readonly grants: FileGrants
  /** For the media handlers (Electron's media: scheme, the harness's /media/ route). */
  readonly vault: Vault
}

/**
 * The fonts embedded in PDFs: resources/fonts of the project, found from the built
 * bundle (out/main or out/main/chunks) or the sources; a packaged app ships them in
 * its resources folder.
 */
function findFontsDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath
  const candidates = [
    join(__dirname, '../../resources/fonts'),
    join(__dirname, '../../../resources/fonts'),
    ...(packaged ? [join(packaged, 'fonts'), join(packaged, 'resources/fonts')] : []),
  ]
  return candidates.find((dir) => existsSync(join(dir, 'NotoSans-Regular.ttf'))) ?? candidates[0]!
}

/**
 * Builds every service and the dispatch from the adapters: the Electron app and
 * the harness share this, so both run the same main code.
 */
export function composeMain(adapters: MainAdapters): Main {
  const log = adapters.log ?? console
  const bus = createEventBus()
  const grants = createFileGrants()
  const vault = createVault({ ...adapters.vault, root: join(adapters.appInfo.dataDir, 'vault') })
  // Sweep a previous crash's temporary files now rather than at the first ingest;
  // vault calls wait for this anyway, and report the failure themselves.
  vault.ready().catch((error: unknown) => log.error('Vault could not be prepared', error))
  const backup = createBackupService({
    dataDir: adapters.appInfo.dataDir,
    appVersion: adapters.appInfo.version,
    vault,
    grants,
    bus,
    ...adapters.backup,
  })
  backup.ready().catch((error: unknown) => log.error('Backup staging could not be prepared', error))
  const handlers = createHandlers({
    appInfo: createAppInfoService(adapters.appInfo),
    dialogs: createDialogService(adapters.dialogs, grants),
    vault: createVaultService({ vault, grants, bus }),
    opener: createExternalOpener({ vault, dataDir: adapters.appInfo.dataDir, adapter: adapters.openPath }),
    backup,
    files: createTextFileWriter({ grants }),
    closure: createClosureService({
      vault,
      grants,
      bus,
      protection: adapters.keyProtection ? 'os' : 'passphrase',
      identities: createIdentityStore({
        dir: adapters.appInfo.dataDir,
        protector: adapters.keyProtection
          ? createOsProtector(adapters.keyProtection.encryption)
          : createPassphraseProtector(),
      }),
      fontsDir: adapters.fontsDir ?? findFontsDir(),
      appVersion: adapters.appInfo.version,
      ...(adapters.tmpDir !== undefined && { tmpDir: adapters.tmpDir }),
    }),
  })
  return { dispatch: createDispatch(handlers, log), bus, grants, vault }
}
