import { beforeEach, describe, expect, it, vi } from 'vitest'

/** Captures what the window factory asks of Electron, without an Electron binary. */
const electron = vi.hoisted(() => {
  const created: Array<{ options: Record<string, unknown>; window: FakeWindow }> = []
  class FakeContents {
    listeners = new Map<string, Array<(...args: unknown[]) => void>>()
    openHandler: ((details: { url: string }) => { action: string }) | null = null
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
      return this
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.openHandler = handler
    }
  }
  class FakeWindow {
    webContents = new FakeContents()
    loaded: string | null = null
    constructor(options: Record<string, unknown>) {
      created.push({ options, window: this })
    }
    once(): this {
      return this
    }
    loadURL(url: string): Promise<void> {
      this.loaded = url
      return Promise.resolve()
    }
  }
  return { created, FakeWindow }
})
type FakeWindow = InstanceType<typeof electron.FakeWindow>

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow }))

const { createMainWindow } = await import('../../../src/main/windows/main-window')

describe('the main window factory', () => {
  let window: FakeWindow
  let options: Record<string, unknown>
  beforeEach(() => {
    electron.created.length = 0
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', url: 'app://redress/index.html' })
    const made = electron.created[0]
    if (!made) throw new Error('no window created')
    window = made.window
    options = made.options
  })

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['disableBlinkFeatures', 'Auxclick'],
  ])('sets webPreferences.%s to %j explicitly', (key, value) => {
    expect(options['webPreferences']).toHaveProperty(key, value)
  })

  it('loads the preload given and passes nothing else to the page', () => {
    const prefs = options['webPreferences'] as Record<string, unknown>
    expect(prefs['preload']).toBe('/app/out/preload/index.cjs')
    expect(prefs).not.toHaveProperty('additionalArguments')
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(options['show']).toBe(false)
  })

  it('loads the app from app://, not file://', () => {
    expect(window.loaded).toBe('app://redress/index.html')
  })

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('refuses %s', (event) => {
    const listeners = window.webContents.listeners.get(event) ?? []
    expect(listeners.length).toBeGreaterThan(0)
    const preventDefault = vi.fn()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const listener of listeners) listener({ preventDefault }, 'https://evil.example/')
    expect(preventDefault).toHaveBeenCalled()
    warn.mockRestore()
  })

  it('denies every new window', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(window.webContents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(window.webContents.openHandler?.({ url: 'app://redress/index.html' })).toEqual({ action: 'deny' })
    warn.mockRestore()
  })
})
