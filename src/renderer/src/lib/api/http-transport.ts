import type { Transport } from '@shared/contract'

export interface HttpTransportOptions {
  /** Origin of the harness; '' for the page's own origin. */
  readonly baseUrl?: string
  /** The run's token from the address the harness printed. */
  readonly token: string
  /** Wait before reconnecting the event stream after it drops. */
  readonly reconnectMs?: number
}

/**
 * The browser side of the loopback HTTP transport: calls are POSTs, events
 * arrive as server-sent events read with fetch, so the token travels in a
 * header and never in a URL.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const baseUrl = options.baseUrl ?? ''
  const headers = { authorization: `Bearer ${options.token}` }
  const reconnectMs = options.reconnectMs ?? 1000

  return {
    async call(method, input) {
      const response = await fetch(`${baseUrl}/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      })
      try {
        return (await response.json()) as unknown
      } catch {
        return null
      }
    },
    subscribe(listener) {
      const controller = new AbortController()
      const run = async (): Promise<void> => {
        while (!controller.signal.aborted) {
          try {
            const response = await fetch(`${baseUrl}/api/events`, { headers, signal: controller.signal })
            if (response.body) await readEventStream(response.body, listener)
          } catch {
            // Dropped or refused: wait and reconnect unless we were asked to stop.
          }
          if (!controller.signal.aborted) await new Promise((r) => setTimeout(r, reconnectMs))
        }
      }
      void run()
      return () => controller.abort()
    },
  }
}

/** Reads `data:` lines of a text/event-stream and hands each parsed JSON message on. */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  listener: (message: unknown) => void,
): Promise<void> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += decoder.decode(value, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n')
      if (!data) continue
      try {
        listener(JSON.parse(data))
      } catch {
        // A malformed event is dropped; the client validates every message anyway.
      }
    }
  }
}
