import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, EventPayload } from '../../src/shared/contract'
import { composeMain, type Main } from '../../src/main/compose'
import {
  createScriptedDialogAdapter,
  type ScriptedDialogAdapter,
} from '../../src/main/services/dialogs/scripted-dialog-adapter'

/** One transport under test: the real client, wired to the real main through it. */
export interface TransportUnderTest {
  readonly client: ApiClient
  close(): Promise<void>
}

export interface MainUnderTest {
  readonly main: Main
  readonly dialogs: ScriptedDialogAdapter
  readonly dataDir: string
}

export function createMainUnderTest(transport: 'ipc' | 'http'): MainUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), `redress-contract-${transport}-`))
  const dialogs = createScriptedDialogAdapter()
  const main = composeMain({
    appInfo: {
      name: 'Redress',
      version: '0.0.0-test',
      transport,
      platform: process.platform,
      dataDir,
      versions: { node: process.versions.node, electron: null, chrome: null },
    },
    dialogs,
  })
  return { main, dialogs, dataDir }
}

/**
 * The behaviour every transport must show, run once per transport: the
 * renderer must not be able to tell IPC from HTTP.
 */
export function describeContract(
  transport: 'ipc' | 'http',
  connect: (underTest: MainUnderTest) => Promise<TransportUnderTest>,
): void {
  describe(`contract over ${transport}`, () => {
    let underTest: MainUnderTest
    let connection: TransportUnderTest
    let client: ApiClient
    let files: string

    beforeAll(async () => {
      underTest = createMainUnderTest(transport)
      connection = await connect(underTest)
      client = connection.client
      files = join(underTest.dataDir, 'picked')
      mkdirSync(files)
      writeFileSync(join(files, 'contract.pdf'), 'x'.repeat(1234))
      writeFileSync(join(files, 'photo.jpg'), 'y'.repeat(10))
    })
    afterAll(async () => {
      await connection.close()
      rmSync(underTest.dataDir, { recursive: true, force: true })
    })

    it('app.info says which transport carries the call and where data lives', async () => {
      const result = await client.call('app.info', {})
      expect(result).toEqual({
        ok: true,
        value: expect.objectContaining({ name: 'Redress', transport, dataDir: underTest.dataDir }),
      })
    })

    it('dialog.openFile hands back an opaque grant, the name and size, never the path', async () => {
      underTest.dialogs.enqueue({ kind: 'open', paths: [join(files, 'contract.pdf')] })
      const result = await client.call('dialog.openFile', { title: 'Pick evidence' })
      expect(result.ok).toBe(true)
      if (!result.ok || result.value.canceled) throw new Error('expected a file')
      expect(result.value.files).toEqual([
        { grant: expect.stringMatching(/^grant_/), name: 'contract.pdf', size: 1234 },
      ])
      expect(JSON.stringify(result)).not.toContain(files)
      // The grant resolves in main to the file the user picked, for reading only.
      const grant = result.value.files[0]?.grant ?? ''
      expect(underTest.main.grants.resolve(grant, 'read')).toBe(join(files, 'contract.pdf'))
      expect(() => underTest.main.grants.resolve(grant, 'write')).toThrow()
      expect(underTest.dialogs.shown.at(-1)).toEqual({ kind: 'open', title: 'Pick evidence' })
    })

    it('dialog.openFile with several files, and a cancel', async () => {
      underTest.dialogs.enqueue({ kind: 'open', paths: [join(files, 'contract.pdf'), join(files, 'photo.jpg')] })
      const several = await client.call('dialog.openFile', { multiple: true })
      expect(several.ok && !several.value.canceled && several.value.files.map((f) => f.name)).toEqual([
        'contract.pdf',
        'photo.jpg',
      ])
      underTest.dialogs.enqueue({ kind: 'cancel' })
      expect(await client.call('dialog.openFile', {})).toEqual({ ok: true, value: { canceled: true } })
    })

    it('dialog.openFile never grants a folder', async () => {
      underTest.dialogs.enqueue({ kind: 'open', paths: [files] })
      expect(await client.call('dialog.openFile', {})).toEqual({ ok: true, value: { canceled: true } })
    })

    it('dialog.saveFile grants writing to the chosen file only', async () => {
      underTest.dialogs.enqueue({ kind: 'save', path: join(files, 'LYON-2026-0042.zip') })
      const result = await client.call('dialog.saveFile', {
        suggestedName: 'LYON-2026-0042.zip',
        filters: [{ name: 'Closure packet', extensions: ['zip'] }],
      })
      if (!result.ok || result.value.canceled) throw new Error('expected a target')
      expect(result.value.name).toBe('LYON-2026-0042.zip')
      expect(underTest.main.grants.resolve(result.value.grant, 'write')).toBe(join(files, 'LYON-2026-0042.zip'))
    })

    it('refuses input that does not match the schema, with invalid_input, before any dialog opens', async () => {
      const shownBefore = underTest.dialogs.shown.length
      const bad: Array<[Parameters<ApiClient['call']>[0], unknown]> = [
        ['dialog.saveFile', { suggestedName: '../../etc/passwd' }],
        ['dialog.saveFile', { suggestedName: '' }],
        ['dialog.openFile', { multiple: 'yes' }],
        ['dialog.openFile', { filters: [{ name: 'x', extensions: ['../exe'] }] }],
        ['dialog.openFile', { defaultPath: '/etc' }],
        ['app.info', { extra: true }],
        ['app.info', 'not an object'],
        ['app.info', [1, 2, 3]],
      ]
      for (const [method, input] of bad) {
        const result = await client.call(method, input as never)
        expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        })
      }
      expect(underTest.dialogs.shown.length).toBe(shownBefore)
    })

    it('refuses a method outside the contract', async () => {
      const result = await client.call('fs.readFile' as never, { path: '/etc/passwd' } as never)
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    })

    it('delivers progress events to listeners, and stops after unsubscribe', async () => {
      const received: Array<EventPayload<'task.progress'>> = []
      const stop = client.on('task.progress', (payload) => received.push(payload))
      const payload = { taskId: 't1', kind: 'ingest', done: 10, total: 100, rate: 5 }
      // Event streams connect asynchronously on some transports: emit until one arrives.
      for (let i = 0; i < 50 && received.length === 0; i++) {
        underTest.main.bus.emit('task.progress', payload)
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(received[0]).toEqual(payload)
      stop()
      const count = received.length
      underTest.main.bus.emit('task.progress', { ...payload, done: 20 })
      await new Promise((r) => setTimeout(r, 100))
      expect(received.length).toBe(count)
    })
  })
}
