import { BrowserWindow } from 'electron'
import { hardenContents } from '../security/navigation'
import { secureWebPreferences } from '../security/web-preferences'

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  readonly preloadPath: string
  /** app://redress/index.html, or the dev server's URL under `npm run dev`. */
  readonly url: string
}

/** The only way Redress opens a window: every security default is applied here. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Redress',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  hardenContents(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.url)
  return window
}
