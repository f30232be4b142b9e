import type { Handlers } from './dispatch'
import type { AppInfoService } from './services/app-info/app-info'
import type { DialogService } from './services/dialogs/dialogs'

export interface Services {
  readonly appInfo: AppInfoService
  readonly dialogs: DialogService
}

/** Maps each method of the contract to the service function that does the work. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo.info(),
    'dialog.openFile': (input) => services.dialogs.openFile(input),
    'dialog.saveFile': (input) => services.dialogs.saveFile(input),
  }
}
