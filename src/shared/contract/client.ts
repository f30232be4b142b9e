import { toResult, type Result } from './errors'
import { isEventName, parseEventMessage, type EventName, type EventPayload, type EventMessage } from './events'
import { isMethodName, type MethodInput, type MethodName, type MethodOutput } from './methods'

/** What a transport must provide: send one call, and deliver pushed events. */
export interface Transport {
  /** Sends a call and resolves with whatever came back; never rejects for an API error. */
  readonly call: (method: MethodName, input: unknown) => Promise<unknown>
  /** Starts delivering events to the listener; returns a function that stops it. */
  readonly subscribe: (listener: (message: unknown) => void) => () => void
}

export interface ApiClient {
  /** Calls a method of the contract. Answers with a Result, never throws for API errors. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  /** Listens to one kind of event; returns a function that stops listening. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
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

  return {
    async call(method, input) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${String(method)}` } }
      }
      try {
        return toResult(await transport.call(method, input))
      } catch (error) {
        return {
          ok: false,
          error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) },
        }
      }
    },
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
