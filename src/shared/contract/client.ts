import { toResult, type Result } from './errors'
import { isEventName, parseEventMessage, type EventName, type EventPayload, type EventMessage } from './events'
import { bridgeOnlyMethods, isMethodName, type MethodInput, type MethodName, type MethodOutput } from './methods'

/** What a transport must provide: send one call, and deliver pushed events. */
export interface Transport {
  /** Sends a call and resolves with whatever came back; never rejects for an API error. */
  readonly call: (method: MethodName, input: unknown) => Promise<unknown>
  /** Starts delivering events to the listener; returns a function that stops it. */
  readonly subscribe: (listener: (message: unknown) => void) => () => void
  /**
   * Electron only: the paths of dropped File objects (webUtils.getPathForFile in
   * the preload). A File the user did not take from disk has no path.
   */
  readonly pathsOfFiles?: (files: readonly unknown[]) => string[]
}

export interface ApiClient {
  /** Calls a method of the contract. Answers with a Result, never throws for API errors. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  /** Listens to one kind of event; returns a function that stops listening. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * Grants for files dropped on the window (File objects from a drop event), like
   * dialog.openFile's. Present only where the transport can see file paths (Electron).
   */
  grantDroppedFiles?: (files: readonly unknown[]) => Promise<Result<MethodOutput<'dialog.grantDropped'>>>
}

/**
 * Builds the renderer's API from a transport. It knows nothing about IPC or HTTP:
 * the preload gives it ipcRenderer, the browser harness gives it fetch.
 */
export function createApiClient(transport: Transport): ApiClient {
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let unsubscribe: (() => void) | null = null

  const dispatch = (raw: unknown): void => {
    const message: EventMessage | null = parseEventMessage(raw)
    if (!message) return
    // One failing listener must not starve the others; its error surfaces afterwards.
    let failure: unknown = null
    for (const listener of listeners.get(message.name) ?? []) {
      try {
        ;(listener as (payload: unknown) => void)(message.payload)
      } catch (error) {
        failure ??= error
      }
    }
    if (failure !== null) throw failure
  }

  const send = async <M extends MethodName>(method: M, input: unknown): Promise<Result<MethodOutput<M>>> => {
    try {
      return toResult(await transport.call(method, input))
    } catch (error) {
      return {
        ok: false,
        error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) },
      }
    }
  }
  const pathsOfFiles = transport.pathsOfFiles

  return {
    async call(method, input) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(method)}` } }
      }
      if (bridgeOnlyMethods.has(method)) {
        return { ok: false, error: { code: 'forbidden', message: `${method} is not callable from the page` } }
      }
      return send(method, input)
    },
    ...(pathsOfFiles && {
      async grantDroppedFiles(files: readonly unknown[]) {
        const paths = pathsOfFiles(files).filter((p) => p.length > 0)
        if (paths.length === 0) return { ok: true as const, value: { files: [] } }
        return send('dialog.grantDropped', { paths })
      },
    }),
    on(name, listener) {
      if (!isEventName(name)) throw new Error(`Unknown event ${String(name)}`)
      let set = listeners.get(name)
      if (!set) listeners.set(name, (set = new Set()))
      set.add(listener as (payload: never) => void)
      unsubscribe ??= transport.subscribe(dispatch)
      return () => {
        set.delete(listener as (payload: never) => void)
        const anyLeft = [...listeners.values()].some((s) => s.size > 0)
        if (!anyLeft && unsubscribe) {
          unsubscribe()
          unsubscribe = null
        }
      }
    },
  }
}
