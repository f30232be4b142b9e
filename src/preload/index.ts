import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createApiClient, ipcChannelPrefix, ipcEventChannel } from '@shared/contract'

// No logic here: the renderer gets window.api and nothing else, never ipcRenderer.
contextBridge.exposeInMainWorld(
  'api',
  createApiClient({
    call: (method, input) => ipcRenderer.invoke(ipcChannelPrefix + method, input),
    // Only File objects cross here, never strings: page code cannot name a path.
    pathsOfFiles: (files) => files.map((file) => (file instanceof File ? webUtils.getPathForFile(file) : '')),
    subscribe: (listener) => {
      const forward = (_event: Electron.IpcRendererEvent, message: unknown): void => listener(message)
      ipcRenderer.on(ipcEventChannel, forward)
      return () => {
        ipcRenderer.removeListener(ipcEventChannel, forward)
      }
    },
  }),
)
