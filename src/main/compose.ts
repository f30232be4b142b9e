import { createDispatch, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { createAppInfoService, type AppInfo } from './services/app-info/app-info'
import { createDialogService, type DialogAdapter } from './services/dialogs/dialogs'
import { createFileGrants, type FileGrants } from './services/dialogs/file-grants'
import { createEventBus, type EventBus } from './services/events'

export interface MainAdapters {
  /** Facts about the build and where data lives. */
  readonly appInfo: AppInfo
  /** Native dialogs (Electron) or scripted ones (harness, tests). */
  readonly dialogs: DialogAdapter
}

export interface Main {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  readonly grants: FileGrants
}

/**
 * Builds every service and the dispatch from the adapters: the Electron app and
 * the harness share this, so both run the same main code.
 */
export function composeMain(adapters: MainAdapters): Main {
  const bus = createEventBus()
  const grants = createFileGrants()
  const handlers = createHandlers({
    appInfo: createAppInfoService(adapters.appInfo),
    dialogs: createDialogService(adapters.dialogs, grants),
  })
  return { dispatch: createDispatch(handlers), bus, grants }
}
