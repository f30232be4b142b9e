import { contextBridge, ipcRenderer } from 'electron'
import { createApiClient, ipcChannelPrefix, ipcEventChannel } from '@shared/contract'

// No logic here: the renderer gets window.api and nothing else, never ipcRenderer.
contextBridge.exposeInMainWorld(
  'api',
  createApiClient({
    call: (method, input) => ipcRenderer.invoke(ipcChannelPrefix + method, input),
    subscribe: (listener) => {
      const forward = (_event: Electron.IpcRendererEvent, message: unknown): void => listener(message)
      ipcRenderer.on(ipcEventChannel, forward)
      return () => {
        ipcRenderer.removeListener(ipcEventChannel, forward)
      }
    },
  }),
)
