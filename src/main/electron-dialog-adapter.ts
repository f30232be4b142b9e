import { BrowserWindow, dialog } from 'electron'
import type { DialogAdapter } from './services/dialogs/dialogs'

/** The real native dialogs, attached to the focused window. */
export function createElectronDialogAdapter(): DialogAdapter {
  return {
    async showOpen(options) {
      const parent = BrowserWindow.getFocusedWindow()
      const dialogOptions: Electron.OpenDialogOptions = {
        properties: options.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
        ...(options.title !== undefined && { title: options.title }),
        ...(options.filters !== undefined && {
          filters: options.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        }),
      }
      const answer = parent
        ? await dialog.showOpenDialog(parent, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions)
      return { canceled: answer.canceled, paths: answer.filePaths }
    },
    async showSave(options) {
      const parent = BrowserWindow.getFocusedWindow()
      const dialogOptions: Electron.SaveDialogOptions = {
        defaultPath: options.suggestedName,
        ...(options.title !== undefined && { title: options.title }),
        ...(options.filters !== undefined && {
          filters: options.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        }),
      }
      const answer = parent
        ? await dialog.showSaveDialog(parent, dialogOptions)
        : await dialog.showSaveDialog(dialogOptions)
      return { canceled: answer.canceled, path: answer.filePath }
    },
    async showFolder(options) {
      const parent = BrowserWindow.getFocusedWindow()
      const dialogOptions: Electron.OpenDialogOptions = {
        properties: ['openDirectory', 'createDirectory'],
        ...(options.title !== undefined && { title: options.title }),
      }
      const answer = parent
        ? await dialog.showOpenDialog(parent, dialogOptions)
        : await dialog.showOpenDialog(dialogOptions)
      return { canceled: answer.canceled, path: answer.filePaths[0] }
    },
  }
}
