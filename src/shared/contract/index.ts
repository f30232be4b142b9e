export * from './errors'
export * from './methods'
export * from './events'
export * from './client'
export * from './media'

/** IPC channel names: one per method, plus one for pushed events. */
export const ipcChannelPrefix = 'redress:call:'
export const ipcEventChannel = 'redress:event'
