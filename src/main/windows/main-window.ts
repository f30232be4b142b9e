import { BrowserWindow } from 'electron'
import { hardenContents } from '../security/navigation'

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  readonly preloadPath: string
  /** app://redress/index.html, or the dev server's URL under `npm run dev`. */
  readonly url: string
}

/**
 * The only way Redress opens a window: every security default is applied here.
 * Each webPreference is written out literally and explicitly, even where
 * Electron's default agrees, so a future default cannot weaken us and static
 * checkers (electronegativity) can read them.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Redress',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise open links in new windows, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  })
  hardenContents(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.url)
  return window
}
