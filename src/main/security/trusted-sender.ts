/** What main knows about the frame that sent an IPC message. */
export interface SenderFrame {
  /** URL of the frame's document at the time of the call. */
  readonly url: string
  /** False for iframes: only the app's top-level document may call main. */
  readonly isMainFrame: boolean
}

/** `new URL('app://redress/x').origin` is "null" for custom schemes: build it by hand. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (!parsed.host) return null
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

/** A call is trusted only from the app's own main frame on one of the app's origins. */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame || !frame.isMainFrame) return false
  const origin = originOf(frame.url)
  return origin !== null && trustedOrigins.includes(origin)
}
