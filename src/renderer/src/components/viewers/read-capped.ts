/** Text beyond this is not shown: a <pre> of tens of megabytes freezes the window. */
export const textCapBytes = 2 * 1024 * 1024

export interface CappedBytes {
  /** At most `cap` bytes from the start of the body. */
  readonly bytes: Uint8Array
  /** True when the body had more than `cap` bytes. */
  readonly truncated: boolean
}

/**
 * Reads a response body up to `cap` bytes and stops there, cancelling the rest, so
 * opening a multi-gigabyte log never pulls it whole into memory.
 */
export async function readCapped(response: Response, cap: number = textCapBytes): Promise<CappedBytes> {
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  if (!response.body) {
    const all = new Uint8Array(await response.arrayBuffer())
    return { bytes: all.subarray(0, cap), truncated: all.length > cap }
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  // Reading one byte past the cap is how "exactly cap bytes" is told from "more".
  while (total <= cap) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    total += value.length
  }
  const truncated = total > cap
  if (truncated) await reader.cancel().catch(() => {})
  const bytes = new Uint8Array(Math.min(total, cap))
  let offset = 0
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset)
    bytes.set(part, offset)
    offset += part.length
    if (offset >= bytes.length) break
  }
  return { bytes, truncated }
}

/**
 * Vault texts are UTF-8 (that is how they were recognised as text). A cut body may end
 * inside a character: `stream` holds that partial character back instead of showing "�".
 */
export function decodeUtf8(bytes: Uint8Array, truncated: boolean): string {
  return new TextDecoder('utf-8').decode(bytes, { stream: truncated })
}
