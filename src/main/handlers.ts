import { mediaUrlFor } from '@shared/contract'
import type { Handlers } from './dispatch'
import type { AppInfoService } from './services/app-info/app-info'
import type { BackupService } from './services/backup/backup-service'
import type { ClosureService } from './services/closure/closure-service'
import type { DialogService } from './services/dialogs/dialogs'
import type { TextFileWriter } from './services/files/text-file-writer'
import type { ExternalOpener } from './services/open-externally/open-externally'
import type { VaultService } from './services/vault/vault-service'

export interface Services {
  readonly appInfo: AppInfoService
  readonly dialogs: DialogService
  readonly vault: VaultService
  readonly opener: ExternalOpener
  readonly backup: BackupService
  readonly files: TextFileWriter
  readonly closure: ClosureService
}

/** Maps each method of the contract to the service function that does the work. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo.info(),
    'dialog.openFile': (input) => services.dialogs.openFile(input),
    'dialog.saveFile': (input) => services.dialogs.saveFile(input),
    'dialog.grantDropped': (input) => services.dialogs.grantDropped(input),
    'dialog.openFolder': (input) => services.dialogs.openFolder(input),
    'vault.ingest': (input) => services.vault.ingest(input),
    'vault.cancel': (input) => services.vault.cancel(input),
    'vault.openExternally': (input) => services.opener.open(input),
    'vault.verify': (input) => services.vault.verify(input),
    'file.writeText': (input) => services.files.writeText(input),
    'vault.stat': async (input, context) => {
      const item = await services.vault.stat(input)
      // Media URLs differ by transport: a privileged scheme in Electron, a same-origin path in the harness.
      return { ...item, mediaUrl: item.exists ? mediaUrlFor(context.transport, item.sha256) : null }
    },
    'backup.status': () => services.backup.status(),
    'backup.configure': (input) => services.backup.configure(input),
    'backup.recordCaseCount': (input) => services.backup.recordCaseCount(input),
    'backup.begin': (input) => services.backup.begin(input),
    'backup.appendDatabase': (input) => services.backup.appendDatabase(input),
    'backup.write': (input) => services.backup.write(input),
    'backup.open': (input) => services.backup.open(input),
    'backup.restoreVault': (input) => services.backup.restoreVault(input),
    'backup.readDatabase': (input) => services.backup.readDatabase(input),
    'backup.close': (input) => services.backup.close(input),
    'backup.cancel': (input) => services.backup.cancel(input),
    ...services.closure,
  }
}
