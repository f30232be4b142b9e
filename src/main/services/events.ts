import { events, type EventMessage, type EventName, type EventPayload } from '@shared/contract'

/** Where main sends pushed events; each transport plugs in its own delivery. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  /** Adds a delivery route (an IPC window, an SSE stream); returns its removal. */
  connect(deliver: (message: EventMessage) => void): () => void
}

export function createEventBus(): EventBus {
  const routes = new Set<(message: EventMessage) => void>()
  return {
    emit(name, payload) {
      // Validate on the way out too: a service bug must not reach the renderer malformed.
      const parsed = events[name].parse(payload)
      const message = { name, payload: parsed } as EventMessage
      for (const deliver of routes) deliver(message)
    },
    connect(deliver) {
      routes.add(deliver)
      return () => routes.delete(deliver)
    },
  }
}
