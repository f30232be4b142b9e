/** The part of Electron's WebContents that hardening touches, so tests can pass a fake. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, ...rest: unknown[]) => void,
  ): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

export interface SecurityLog {
  readonly warn: (message: string) => void
}

/**
 * The app is a single page with hash routes: it never navigates its window, opens
 * another window or embeds a <webview>. Any attempt is refused and logged.
 */
export function hardenContents(contents: HardenableContents, log: SecurityLog = console): void {
  const refuse =
    (what: string) =>
    (event: { preventDefault(): void }, ...rest: unknown[]): void => {
      event.preventDefault()
      const url = typeof rest[0] === 'string' ? rest[0] : ''
      log.warn(`Blocked ${what}${url ? ` to ${url.slice(0, 200)}` : ''}`)
    }
  contents.on('will-navigate', refuse('navigation'))
  contents.on('will-redirect', refuse('redirect'))
  contents.on('will-attach-webview', refuse('webview'))
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Blocked new window to ${url.slice(0, 200)}`)
    return { action: 'deny' }
  })
}
