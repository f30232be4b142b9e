import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ipcChannelPrefix, ipcEventChannel, methodNames, type ApiClient } from '../../src/shared/contract'
import { registerIpcServer, type IpcMainLike } from '../../src/main/transport/ipc-server'
import { isTrustedSender } from '../../src/main/security/trusted-sender'
import { appOrigin } from '../../src/main/security/app-protocol'
import { createMainUnderTest, describeContract } from './contract-suite'

/**
 * Electron's IPC, faked at its edges: ipcMain.handle / ipcRenderer.invoke with
 * structured cloning in between, and a sender frame main can inspect. The code
 * under test is the real ipc-server and the real preload.
 */
interface FakeFrame {
  url: string
  parent: FakeFrame | null
}

const electron = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()
  const rendererListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>()
  const exposed: Record<string, unknown> = {}
  const state: { frame: FakeFrame | null } = { frame: null }
  const ipcMain = {
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      handlers.set(channel, fn)
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  }
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      const handler = handlers.get(channel)
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`)
      return structuredClone(await handler({ senderFrame: state.frame }, ...structuredClone(args)))
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      let set = rendererListeners.get(channel)
      if (!set) rendererListeners.set(channel, (set = new Set()))
      set.add(listener)
    },
    removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      rendererListeners.get(channel)?.delete(listener)
    },
  }
  const send = (channel: string, message: unknown): void => {
    for (const listener of rendererListeners.get(channel) ?? []) listener({}, structuredClone(message))
  }
  return {
    handlers,
    exposed,
    state,
    ipcMain,
    ipcRenderer,
    send,
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
    /** Paths of "dropped" files by name; a File not from disk has none, as in Electron. */
    dropped: new Map<string, string>(),
  }
})

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  webUtils: { getPathForFile: (file: File) => electron.dropped.get(file.name) ?? '' },
}))

const appFrame: FakeFrame = { url: `${appOrigin}/index.html#/cases`, parent: null }

async function loadPreload(): Promise<ApiClient> {
  await import('../../src/preload/index')
  return electron.exposed['api'] as ApiClient
}

describeContract('ipc', async (underTest) => {
  const unregister = registerIpcServer({
    ipcMain: electron.ipcMain as IpcMainLike,
    dispatch: underTest.main.dispatch,
    isTrustedSender: (frame) => isTrustedSender(frame, [appOrigin]),
    log: { warn: () => {} },
  })
  const disconnect = underTest.main.bus.connect((message) => electron.send(ipcEventChannel, message))
  electron.state.frame = appFrame
  const client = await loadPreload()
  return {
    client,
    close: async () => {
      disconnect()
      unregister()
    },
  }
})

describe('IPC gate', () => {
  const cleanups: Array<() => void> = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })
  const setup = (): { calls: () => number; restore: () => void } => {
    const underTest = createMainUnderTest('ipc')
    let count = 0
    const unregister = registerIpcServer({
      ipcMain: electron.ipcMain as IpcMainLike,
      dispatch: async (...args) => {
        count++
        return underTest.main.dispatch(...args)
      },
      isTrustedSender: (frame) => isTrustedSender(frame, [appOrigin]),
      log: { warn: () => {} },
    })
    let registered = true
    const restore = (): void => {
      if (registered) unregister()
      registered = false
    }
    cleanups.push(restore)
    return { calls: () => count, restore }
  }

  it('registers exactly one handler per method of the contract and nothing else', () => {
    const { restore } = setup()
    expect([...electron.handlers.keys()].sort()).toEqual(methodNames.map((m) => ipcChannelPrefix + m).sort())
    restore()
    expect(electron.handlers.size).toBe(0)
  })

  it.each([
    ['a foreign page', { url: 'https://evil.example/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['the app in an iframe', { url: `${appOrigin}/index.html`, parent: appFrame }],
    ['another app:// host', { url: 'app://evil/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses %s with forbidden, before looking at the input', async (_what, frame) => {
    const { calls, restore } = setup()
    electron.state.frame = frame
    const result = await electron.ipcRenderer.invoke(`${ipcChannelPrefix}app.info`, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(calls()).toBe(0)
    restore()
  })

  it('refuses a hostile payload from the app itself with invalid_input', async () => {
    const { restore } = setup()
    electron.state.frame = appFrame
    const hostile = [
      JSON.parse('{"__proto__": {"polluted": true}, "suggestedName": "a"}') as unknown,
      { suggestedName: 'a', constructor: { prototype: { polluted: true } } },
      { suggestedName: 'a'.repeat(10_000) },
      { suggestedName: 'a\\..\\b' },
      42,
      'app.info',
    ]
    for (const payload of hostile) {
      const result = await electron.ipcRenderer.invoke(`${ipcChannelPrefix}dialog.saveFile`, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    const twoArgs = await electron.ipcRenderer.invoke(`${ipcChannelPrefix}app.info`, {}, { sneaky: true })
    expect(twoArgs).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    restore()
  })

  it('has no channel at all for a method outside the contract', async () => {
    const { restore } = setup()
    await expect(
      electron.ipcRenderer.invoke(`${ipcChannelPrefix}fs.readFile`, { path: '/etc/passwd' }),
    ).rejects.toThrow(/No handler registered/)
    restore()
  })

  it('grants dropped files from their File objects, and never a path the page names', async () => {
    const underTest = createMainUnderTest('ipc')
    const unregister = registerIpcServer({
      ipcMain: electron.ipcMain as IpcMainLike,
      dispatch: underTest.main.dispatch,
      isTrustedSender: (frame) => isTrustedSender(frame, [appOrigin]),
      log: { warn: () => {} },
    })
    cleanups.push(unregister)
    electron.state.frame = appFrame
    const api = await loadPreload()
    const onDisk = join(underTest.dataDir, 'dropped-receipt.pdf')
    writeFileSync(onDisk, 'receipt')
    electron.dropped.set('dropped-receipt.pdf', onDisk)
    const dropped = await api.grantDroppedFiles?.([
      new File(['x'], 'dropped-receipt.pdf'),
      new File(['made up'], 'nowhere.txt'),
    ])
    expect(dropped).toEqual({
      ok: true,
      value: { files: [{ grant: expect.stringMatching(/^grant_/), name: 'dropped-receipt.pdf', size: 7 }] },
    })
    const forged = await api.call('dialog.grantDropped', { paths: ['/etc/passwd'] })
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('the preload exposes window.api alone, with call, on and grantDroppedFiles, never ipcRenderer', async () => {
    const api = await loadPreload()
    expect(Object.keys(electron.exposed)).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(['call', 'grantDroppedFiles', 'on'])
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)
  })
})
