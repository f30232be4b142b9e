import type { IpcMainInvokeEvent } from 'electron'
import { ipcChannelPrefix, methodNames, type Result } from '@shared/contract'
import type { Dispatch } from '../dispatch'
import type { SenderFrame } from '../security/trusted-sender'

/** The part of Electron's ipcMain this server uses, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
  removeHandler(channel: string): void
}

export interface IpcServerOptions {
  readonly ipcMain: IpcMainLike
  readonly dispatch: Dispatch
  /** Decides whether the frame that sent a call may call main at all. */
  readonly isTrustedSender: (frame: SenderFrame | null) => boolean
  readonly log?: { readonly warn: (message: string) => void }
}

/** What we can learn about the sender without trusting anything it said. */
export function senderFrameOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null {
  const frame = event.senderFrame
  if (!frame) return null
  return { url: frame.url, isMainFrame: frame.parent === null }
}

/**
 * One ipcMain.handle per method of the contract: a channel that is not in the
 * contract has no handler at all. Each call is checked for its sender before
 * its input is even looked at.
 */
export function registerIpcServer(options: IpcServerOptions): () => void {
  const { ipcMain, dispatch, isTrustedSender, log = console } = options
  for (const method of methodNames) {
    ipcMain.handle(ipcChannelPrefix + method, async (event, ...args): Promise<Result<unknown>> => {
      const frame = senderFrameOf(event)
      if (!isTrustedSender(frame)) {
        log.warn(`Refused ${method} from untrusted sender ${frame?.url.slice(0, 200) ?? '(no frame)'}`)
        return { ok: false, error: { code: 'forbidden', message: 'Caller is not the app' } }
      }
      if (args.length > 1) {
        return { ok: false, error: { code: 'invalid_input', message: 'Expected exactly one argument' } }
      }
      return dispatch(method, args[0], { transport: 'ipc' })
    })
  }
  return () => {
    for (const method of methodNames) ipcMain.removeHandler(ipcChannelPrefix + method)
  }
}
