import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, shell } from 'electron'
import { ipcEventChannel } from '@shared/contract'
import { composeMain } from './compose'
import { createElectronDialogAdapter } from './electron-dialog-adapter'
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, serveAppRequest } from './security/app-protocol'
import { hardenContents } from './security/navigation'
import { mediaScheme, mediaSchemePrivileges, serveMediaRequest } from './services/media/media-protocol'
import { isPermissionGranted } from './security/permissions'
import { isTrustedSender, originOf } from './security/trusted-sender'
import { registerIpcServer } from './transport/ipc-server'
import { createMainWindow } from './windows/main-window'

// Lifecycle and wiring only: everything that does work lives in services/.

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const devOrigin = devServerUrl ? originOf(devServerUrl) : null
const trustedOrigins: readonly string[] = devOrigin ? [appOrigin, devOrigin] : [appOrigin]

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: appSchemePrivileges },
  { scheme: mediaScheme, privileges: mediaSchemePrivileges },
])
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })

  // Covers every web contents, including any created later by Chromium itself.
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))

  void app.whenReady().then(() => {
    const rendererDir = join(__dirname, '../renderer')
    protocol.handle(appScheme, (request) => serveAppRequest(rendererDir, request))

    session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
      callback(
        isPermissionGranted(
          {
            permission,
            requestingUrl: details.requestingUrl,
            isMainFrame: details.isMainFrame,
            ...('mediaTypes' in details && details.mediaTypes ? { mediaTypes: details.mediaTypes } : {}),
          },
          trustedOrigins,
        ),
      )
    })
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
      isPermissionGranted(
        {
          permission,
          requestingUrl: details.requestingUrl ?? requestingOrigin,
          isMainFrame: details.isMainFrame ?? false,
        },
        trustedOrigins,
      ),
    )
    session.defaultSession.setDevicePermissionHandler(() => false)

    const main = composeMain({
      appInfo: {
        name: app.getName(),
        version: app.getVersion(),
        transport: 'ipc',
        platform: process.platform,
        dataDir: app.getPath('userData'),
        versions: {
          node: process.versions.node,
          electron: process.versions.electron ?? null,
          chrome: process.versions.chrome ?? null,
        },
      },
      dialogs: createElectronDialogAdapter(),
      openPath: { openPath: (path) => shell.openPath(path) },
      // Signing keys sealed by the system's key store (Keychain, DPAPI, libsecret); where there is
      // none (Linux without a keyring falls back to a fixed key), a passphrase per identity instead.
      ...(systemKeyStoreAvailable() && { keyProtection: { kind: 'os' as const, encryption: safeStorage } }),
    })
    // Answers Range itself: net.fetch('file://…') would break seeking (electron/electron#38749).
    protocol.handle(mediaScheme, (request) => serveMediaRequest(main.vault, request, trustedOrigins))
    registerIpcServer({
      ipcMain,
      dispatch: main.dispatch,
      isTrustedSender: (frame) => isTrustedSender(frame, trustedOrigins),
    })
    main.bus.connect((message) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(ipcEventChannel, message)
    })

    const openWindow = (): void => {
      createMainWindow({ preloadPath: join(__dirname, '../preload/index.cjs'), url: devServerUrl ?? appEntryUrl })
    }
    openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

/** Whether safeStorage really seals with the system's key store, not Linux's basic_text fallback. */
function systemKeyStoreAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
}
