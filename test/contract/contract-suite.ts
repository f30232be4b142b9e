import { createHash, randomBytes } from 'node:crypto'
import { statSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiClient, EventName, EventPayload } from '../../src/shared/contract'
import { composeMain, type Main } from '../../src/main/compose'
import { createRecordingOpenPathAdapter } from '../../src/main/services/open-externally/open-externally'
import {
  createScriptedDialogAdapter,
  type ScriptedDialogAdapter,
} from '../../src/main/services/dialogs/scripted-dialog-adapter'
import { nodeVaultIo } from '../../src/main/services/vault/vault-io'

/** One transport under test: the real client, wired to the real main through it. */
export interface TransportUnderTest {
  readonly client: ApiClient
  close(): Promise<void>
}

export interface MainUnderTest {
  readonly main: Main
  readonly dialogs: ScriptedDialogAdapter
  readonly dataDir: string
  /** Holds the vault's writes while closed, so a test can act in the middle of an ingest. */
  readonly writeGate: { close(): void; open(): void }
  /** What main asked the system to open. */
  readonly opened: readonly string[]
}

export function createMainUnderTest(transport: 'ipc' | 'http'): MainUnderTest {
  const dataDir = mkdtempSync(join(tmpdir(), `redress-contract-${transport}-`))
  const dialogs = createScriptedDialogAdapter()
  let gate: { promise: Promise<void>; open: () => void } | null = null
  const openPath = createRecordingOpenPathAdapter()
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
    openPath,
    vault: {
      io: {
        write: async (...args) => {
          await gate?.promise
          return nodeVaultIo.write(...args)
        },
      },
    },
  })
  const writeGate = {
    close() {
      let open = (): void => {}
      const promise = new Promise<void>((resolve) => (open = resolve))
      gate = { promise, open }
    },
    open() {
      gate?.open()
      gate = null
    },
  }
  return { main, dialogs, dataDir, writeGate, opened: openPath.opened }
}

/** Collects events of one kind until stopped; `next` waits for one that matches. */
function record<E extends EventName>(client: ApiClient, name: E) {
  const seen: Array<EventPayload<E>> = []
  const waiters: Array<{ match: (p: EventPayload<E>) => boolean; resolve: (p: EventPayload<E>) => void }> = []
  const stop = client.on(name, (payload) => {
    seen.push(payload)
    for (const waiter of [...waiters]) {
      if (waiter.match(payload)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(payload)
      }
    }
  })
  return {
    seen,
    stop,
    next(match: (p: EventPayload<E>) => boolean): Promise<EventPayload<E>> {
      const already = seen.find(match)
      if (already) return Promise.resolve(already)
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve })
        setTimeout(() => reject(new Error(`no ${name} event in time`)), 5000)
      })
    },
  }
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

    it('file.writeText writes UTF-8 text to the file chosen for saving, once per grant', async () => {
      const target = join(files, 'review-2025.csv')
      underTest.dialogs.enqueue({ kind: 'save', path: target })
      const chosen = await client.call('dialog.saveFile', { suggestedName: 'review-2025.csv' })
      if (!chosen.ok || chosen.value.canceled) throw new Error('expected a target')
      const text = '\uFEFFDépartement,Nombre\r\nChi nhánh Hà Nội,3\r\n'
      const result = await client.call('file.writeText', { grant: chosen.value.grant, text })
      expect(result).toEqual({
        ok: true,
        value: { name: 'review-2025.csv', bytes: Buffer.byteLength(text, 'utf8') },
      })
      expect(readFileSync(target, 'utf8')).toBe(text)
      expect(await client.call('file.writeText', { grant: chosen.value.grant, text: 'again' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      })
      // A file picked for reading is never a place to write.
      underTest.dialogs.enqueue({ kind: 'open', paths: [join(files, 'photo.jpg')] })
      const picked = await client.call('dialog.openFile', {})
      if (!picked.ok || picked.value.canceled) throw new Error('expected a file')
      expect(
        await client.call('file.writeText', { grant: picked.value.files[0]?.grant ?? '', text: 'overwritten' }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } })
      expect(readFileSync(join(files, 'photo.jpg'), 'utf8')).toBe('y'.repeat(10))
      expect(await client.call('file.writeText', { path: target, text: 'x' } as never)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
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

    it('refuses bridge-only methods from page code: a page never names a path', async () => {
      const result = await client.call('dialog.grantDropped', { paths: ['/etc/passwd'] })
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
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

    describe('backups', () => {
      const exportJson = JSON.stringify({
        formatName: 'dexie',
        formatVersion: 1,
        // Large enough to need several chunks through either transport.
        data: {
          databaseName: 'redress',
          rows: Array.from({ length: 30_000 }, (_, i) => ({ id: `case-${i}`, é: 'ü' })),
        },
      })
      const exportBytes = Buffer.from(exportJson)
      const tables = [{ name: 'cases', rows: 30_000, sha256: 'c'.repeat(64) }]
      const database = { name: 'redress', version: 2, size: exportBytes.length, tables }

      const upload = async (): Promise<string> => {
        const begun = await client.call('backup.begin', { database })
        if (!begun.ok) throw new Error(begun.error.message)
        const { id, chunkBytes } = begun.value
        for (let offset = 0; offset < exportBytes.length; offset += chunkBytes) {
          const chunk = exportBytes.subarray(offset, offset + chunkBytes).toString('base64')
          const sent = await client.call('backup.appendDatabase', { id, offset, chunk })
          expect(sent.ok, sent.ok ? '' : sent.error.message).toBe(true)
        }
        return id
      }

      it('backs up to a chosen file and restores from it: the export comes back byte for byte', async () => {
        writeFileSync(join(files, 'to-back-up.txt'), 'an evidence file')
        underTest.dialogs.enqueue({ kind: 'open', paths: [join(files, 'to-back-up.txt')] })
        const picked = await client.call('dialog.openFile', {})
        if (!picked.ok || picked.value.canceled) throw new Error('expected a file')
        await client.call('vault.ingest', { grant: picked.value.files[0]?.grant ?? '', taskId: 'ingest-backup' })

        const id = await upload()
        const target = join(files, 'backup.zip')
        underTest.dialogs.enqueue({ kind: 'save', path: target })
        const saved = await client.call('dialog.saveFile', { suggestedName: 'backup.zip' })
        if (!saved.ok || saved.value.canceled) throw new Error('expected a target')
        const written = await client.call('backup.write', {
          id,
          taskId: 'backup-1',
          target: { kind: 'file', grant: saved.value.grant },
        })
        expect(written).toMatchObject({ ok: true, value: { name: 'backup.zip', files: expect.any(Number), pruned: 0 } })
        expect(JSON.stringify(written)).not.toContain(files)
        expect(statSync(target).size).toBe(written.ok ? written.value.size : -1)
        // The staged export is gone with the session.
        expect(await client.call('backup.close', { id })).toEqual({ ok: true, value: { closed: false } })

        const status = await client.call('backup.status', {})
        expect(status).toMatchObject({
          ok: true,
          value: { lastBackup: { name: 'backup.zip', automatic: false, cases: 30_000, available: true } },
        })

        underTest.dialogs.enqueue({ kind: 'open', paths: [target] })
        const reopened = await client.call('dialog.openFile', {})
        if (!reopened.ok || reopened.value.canceled) throw new Error('expected a file')
        const opened = await client.call('backup.open', {
          taskId: 'verify-1',
          source: { kind: 'file', grant: reopened.value.files[0]?.grant ?? '' },
        })
        if (!opened.ok) throw new Error(opened.error.message)
        expect(opened.value).toMatchObject({ name: 'backup.zip', database })
        expect(opened.value.vault.files).toBeGreaterThan(0)
        expect(await client.call('backup.restoreVault', { id: opened.value.id, taskId: 'restore-1' })).toMatchObject({
          ok: true,
          value: { restored: 0, alreadyPresent: opened.value.vault.files },
        })
        const parts: Buffer[] = []
        for (let offset = 0, done = false; !done;) {
          const read = await client.call('backup.readDatabase', { id: opened.value.id, offset })
          if (!read.ok) throw new Error(read.error.message)
          parts.push(Buffer.from(read.value.chunk, 'base64'))
          ;({ nextOffset: offset, done } = read.value)
        }
        expect(Buffer.concat(parts).equals(exportBytes)).toBe(true)
        expect(await client.call('backup.close', { id: opened.value.id })).toEqual({
          ok: true,
          value: { closed: true },
        })

        // The latest backup can be opened without a dialog: the offer after an emptied database.
        const latest = await client.call('backup.open', { taskId: 'verify-2', source: { kind: 'latest' } })
        expect(latest).toMatchObject({ ok: true, value: { name: 'backup.zip' } })
        if (latest.ok) await client.call('backup.close', { id: latest.value.id })
      })

      it('automatic backups go to the chosen folder, which the renderer only knows by name', async () => {
        const folder = join(underTest.dataDir, 'external-drive')
        mkdirSync(folder)
        underTest.dialogs.enqueue({ kind: 'folder', path: folder })
        const chosen = await client.call('dialog.openFolder', { title: 'Backups' })
        if (!chosen.ok || chosen.value.canceled) throw new Error('expected a folder')
        expect(chosen.value.name).toBe('external-drive')
        const configured = await client.call('backup.configure', {
          folder: chosen.value.grant,
          schedule: { frequency: 'weekly', keep: 2 },
        })
        expect(configured).toMatchObject({
          ok: true,
          value: { folderName: 'external-drive', schedule: { frequency: 'weekly', keep: 2 } },
        })
        expect(JSON.stringify(configured)).not.toContain(underTest.dataDir)
        // A folder grant is no file grant, and a file grant names no folder.
        const folderGrant = chosen.value.grant
        expect(underTest.main.grants.resolve(folderGrant, 'folder')).toBe(folder)
        expect(() => underTest.main.grants.resolve(folderGrant, 'write')).toThrow()

        const id = await upload()
        const written = await client.call('backup.write', { id, taskId: 'backup-auto', target: { kind: 'automatic' } })
        expect(written).toMatchObject({
          ok: true,
          value: { name: expect.stringMatching(/^redress-backup-\d{8}T\d{6}Z\.zip$/) },
        })
        expect(readdirSync(folder)).toEqual([written.ok ? written.value.name : ''])
        const status = await client.call('backup.status', {})
        expect(status.ok && status.value.lastAutomaticAt).toBe(written.ok ? written.value.createdAt : null)
      })

      it('records the case count, and keeps a count above zero when zero arrives without the user’s consent', async () => {
        expect(await client.call('backup.recordCaseCount', { count: 36 })).toEqual({
          ok: true,
          value: { recorded: true },
        })
        expect(await client.call('backup.recordCaseCount', { count: 0 })).toEqual({
          ok: true,
          value: { recorded: false },
        })
        const status = await client.call('backup.status', {})
        expect(status.ok && status.value.caseCount?.count).toBe(36)
        expect(await client.call('backup.recordCaseCount', { count: 0, acceptEmpty: true })).toEqual({
          ok: true,
          value: { recorded: true },
        })
      })

      it('refuses bad backup input: out-of-order or oversized chunks, unknown sessions, non-base64', async () => {
        const begun = await client.call('backup.begin', { database: { ...database, size: 10 } })
        if (!begun.ok) throw new Error(begun.error.message)
        const { id } = begun.value
        const chunk = Buffer.from('0123456789').toString('base64')
        expect(await client.call('backup.appendDatabase', { id, offset: 5, chunk })).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        })
        expect(
          await client.call('backup.appendDatabase', { id, offset: 0, chunk: Buffer.alloc(11).toString('base64') }),
        ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
        expect(await client.call('backup.write', { id, taskId: 'early', target: { kind: 'automatic' } })).toMatchObject(
          {
            ok: false,
            error: { code: 'invalid_input' },
          },
        )
        await client.call('backup.close', { id })
        const bad: Array<[Parameters<ApiClient['call']>[0], unknown]> = [
          ['backup.appendDatabase', { id, offset: 0, chunk: 'not base64!' }],
          ['backup.appendDatabase', { id, offset: 0, chunk: 'A'.repeat(800_000) }],
          ['backup.appendDatabase', { id: '../../etc', offset: 0, chunk }],
          ['backup.begin', { database: { ...database, tables: [{ name: '../x', rows: 1, sha256: 'c'.repeat(64) }] } }],
          ['backup.write', { id, taskId: 'x', target: { kind: 'file', path: '/tmp/x.zip' } }],
          ['backup.open', { taskId: 'x', source: { kind: 'path', path: '/etc/passwd' } }],
          ['backup.configure', { schedule: { frequency: 'hourly', keep: 3 } }],
          ['backup.configure', { schedule: { frequency: 'daily', keep: 0 } }],
          ['backup.recordCaseCount', { count: -1 }],
        ]
        for (const [method, input] of bad) {
          expect(
            await client.call(method, input as never),
            `${method} ${JSON.stringify(input).slice(0, 80)}`,
          ).toMatchObject({
            ok: false,
            error: { code: 'invalid_input' },
          })
        }
        expect(await client.call('backup.appendDatabase', { id, offset: 0, chunk })).toMatchObject({
          ok: false,
          error: { code: 'not_found' },
        })
      })

      it('refuses a damaged backup with a code and the entry at fault', async () => {
        const target = join(files, 'backup.zip')
        const bytes = readFileSync(target)
        // Flip a byte inside the stored evidence file (the vault entries are stored, not compressed).
        const evidence = Buffer.from('an evidence file')
        const at = bytes.indexOf(evidence)
        expect(at).toBeGreaterThan(0)
        bytes[at] = (bytes[at] ?? 0) ^ 1
        const damaged = join(files, 'damaged.zip')
        writeFileSync(damaged, bytes)
        underTest.dialogs.enqueue({ kind: 'open', paths: [damaged] })
        const picked = await client.call('dialog.openFile', {})
        if (!picked.ok || picked.value.canceled) throw new Error('expected a file')
        const opened = await client.call('backup.open', {
          taskId: 'verify-bad',
          source: { kind: 'file', grant: picked.value.files[0]?.grant ?? '' },
        })
        const sha = createHash('sha256').update(evidence).digest('hex')
        expect(opened).toEqual({
          ok: false,
          error: { code: 'backup_tampered', message: expect.any(String), subject: `vault/${sha}` },
        })
      })
    })

    describe('the vault', () => {
      let progress: ReturnType<typeof record<'task.progress'>>
      let finished: ReturnType<typeof record<'task.finished'>>
      const vaultDir = (): string => join(underTest.dataDir, 'vault')
      const pick = async (path: string): Promise<string> => {
        underTest.dialogs.enqueue({ kind: 'open', paths: [path] })
        const picked = await client.call('dialog.openFile', {})
        if (!picked.ok || picked.value.canceled) throw new Error('expected a file')
        return picked.value.files[0]?.grant ?? ''
      }

      beforeAll(async () => {
        progress = record(client, 'task.progress')
        finished = record(client, 'task.finished')
        // Event streams connect asynchronously on some transports: wait until one arrives.
        for (let i = 0; i < 100 && !finished.seen.some((e) => e.taskId === 'warm-up'); i++) {
          underTest.main.bus.emit('task.finished', { taskId: 'warm-up', kind: 'ingest', outcome: 'done', code: null })
          await new Promise((r) => setTimeout(r, 20))
        }
      })
      afterAll(() => {
        progress.stop()
        finished.stop()
      })

      it('vault.ingest stores a picked file under its SHA-256, with progress and an end event', async () => {
        const bytes = randomBytes(3 * 1024 * 1024 + 17)
        const path = join(files, 'interview.bin')
        writeFileSync(path, bytes)
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        const grant = await pick(path)

        const result = await client.call('vault.ingest', { grant, taskId: 'ingest-1' })
        expect(result).toEqual({
          ok: true,
          value: { sha256, size: bytes.length, detectedType: null, name: 'interview.bin', deduplicated: false },
        })
        expect(JSON.stringify(result)).not.toContain(files)
        expect(readFileSync(join(vaultDir(), 'sha256', sha256.slice(0, 2), sha256)).equals(bytes)).toBe(true)
        expect(await finished.next((e) => e.taskId === 'ingest-1')).toEqual({
          taskId: 'ingest-1',
          kind: 'ingest',
          outcome: 'done',
          code: null,
        })
        const mine = progress.seen.filter((e) => e.taskId === 'ingest-1')
        expect(mine.at(-1)).toMatchObject({ kind: 'ingest', done: bytes.length, total: bytes.length })

        const again = await client.call('vault.ingest', { grant, taskId: 'ingest-2' })
        expect(again).toMatchObject({ ok: true, value: { sha256, deduplicated: true } })
      })

      it('vault.openExternally hands the system a read-only copy under its name, and never an executable', async () => {
        writeFileSync(join(files, 'scan.odt'), 'not really a document')
        const stored = await client.call('vault.ingest', {
          grant: await pick(join(files, 'scan.odt')),
          taskId: 'open-1',
        })
        if (!stored.ok) throw new Error('ingest failed')
        const result = await client.call('vault.openExternally', {
          sha256: stored.value.sha256,
          name: '../../scan.odt',
        })
        expect(result).toEqual({ ok: true, value: { opened: true } })
        const copy = underTest.opened.at(-1) ?? ''
        expect(copy).toBe(join(underTest.dataDir, 'opened', stored.value.sha256, 'scan.odt'))
        expect(readFileSync(copy, 'utf8')).toBe('not really a document')
        // Read-only for every user (root, which runs CI, could still write: check the mode).
        expect(statSync(copy).mode & 0o222).toBe(0)
        const count = underTest.opened.length
        for (const name of ['invoice.exe', 'photo.JPG.bat', 'page.html', 'run.sh']) {
          const refused = await client.call('vault.openExternally', { sha256: stored.value.sha256, name })
          expect(refused, name).toMatchObject({ ok: false, error: { code: 'forbidden' } })
        }
        expect(underTest.opened.length).toBe(count)
      })

      it('vault.ingest tells a text file and an e-mail from their bytes, whatever their names', async () => {
        writeFileSync(join(files, 'note.pdf'), 'Plain words, not a PDF at all.\n')
        writeFileSync(join(files, 'message.dat'), 'From: a@example.org\r\nSubject: refund\r\n\r\nHello\r\n')
        const text = await client.call('vault.ingest', { grant: await pick(join(files, 'note.pdf')), taskId: 't-text' })
        expect(text).toMatchObject({ ok: true, value: { detectedType: { mime: 'text/plain', ext: 'txt' } } })
        const mail = await client.call('vault.ingest', {
          grant: await pick(join(files, 'message.dat')),
          taskId: 't-mail',
        })
        expect(mail).toMatchObject({ ok: true, value: { detectedType: { mime: 'message/rfc822', ext: 'eml' } } })
      })

      it('vault.verify re-hashes a stored item, with progress when given a task id', async () => {
        const bytes = Buffer.from('evidence to verify')
        writeFileSync(join(files, 'verify.txt'), bytes)
        const ingested = await client.call('vault.ingest', {
          grant: await pick(join(files, 'verify.txt')),
          taskId: 'ingest-v',
        })
        if (!ingested.ok) throw new Error(ingested.error.message)
        const { sha256 } = ingested.value
        const verified = await client.call('vault.verify', { sha256, taskId: 'verify-1' })
        expect(verified).toEqual({
          ok: true,
          value: { sha256, ok: true, actualSha256: sha256, checkedAt: expect.any(String) },
        })
        expect(await finished.next((e) => e.taskId === 'verify-1')).toMatchObject({ kind: 'verify', outcome: 'done' })
        expect(progress.seen.some((e) => e.taskId === 'verify-1' && e.kind === 'verify')).toBe(true)
        expect(await client.call('vault.verify', { sha256 })).toMatchObject({ ok: true, value: { ok: true } })
      })

      it('vault.stat says whether an item is stored and where to play it from', async () => {
        const bytes = Buffer.from('stat me')
        const sha256 = createHash('sha256').update(bytes).digest('hex')
        expect(await client.call('vault.stat', { sha256 })).toEqual({
          ok: true,
          value: { sha256, exists: false, size: null, detectedType: null, mediaUrl: null },
        })
        writeFileSync(join(files, 'stat.txt'), bytes)
        await client.call('vault.ingest', { grant: await pick(join(files, 'stat.txt')), taskId: 'ingest-s' })
        expect(await client.call('vault.stat', { sha256 })).toEqual({
          ok: true,
          value: {
            sha256,
            exists: true,
            size: bytes.length,
            detectedType: { mime: 'text/plain', ext: 'txt' },
            mediaUrl: transport === 'ipc' ? `media://vault/${sha256}` : `/media/${sha256}`,
          },
        })
      })

      it('vault.cancel stops an ingest midway and leaves nothing behind', async () => {
        const path = join(files, 'long-recording.bin')
        writeFileSync(path, randomBytes(2 * 1024 * 1024))
        const grant = await pick(path)
        const storedBefore = readdirSync(join(vaultDir(), 'sha256'), { recursive: true }).length
        underTest.writeGate.close()
        try {
          const running = client.call('vault.ingest', { grant, taskId: 'ingest-cancel' })
          await progress.next((e) => e.taskId === 'ingest-cancel')
          expect(await client.call('vault.cancel', { taskId: 'ingest-cancel' })).toEqual({
            ok: true,
            value: { canceled: true },
          })
          underTest.writeGate.open()
          expect(await running).toMatchObject({ ok: false, error: { code: 'canceled' } })
        } finally {
          underTest.writeGate.open()
        }
        expect(await finished.next((e) => e.taskId === 'ingest-cancel')).toMatchObject({
          outcome: 'canceled',
          code: 'canceled',
        })
        expect(readdirSync(join(vaultDir(), 'tmp'))).toEqual([])
        expect(readdirSync(join(vaultDir(), 'sha256'), { recursive: true }).length).toBe(storedBefore)
        expect(await client.call('vault.cancel', { taskId: 'ingest-cancel' })).toEqual({
          ok: true,
          value: { canceled: false },
        })
      })

      it('refuses bad vault input: unknown grants, paths instead of hashes, missing items', async () => {
        expect(
          await client.call('vault.ingest', { grant: 'grant_AAAAAAAAAAAAAAAAAAAAAAAA', taskId: 'ingest-bad' }),
        ).toMatchObject({ ok: false, error: { code: 'not_found' } })
        expect(await finished.next((e) => e.taskId === 'ingest-bad')).toMatchObject({
          outcome: 'failed',
          code: 'not_found',
        })
        const bad: Array<[Parameters<ApiClient['call']>[0], unknown]> = [
          ['vault.ingest', { path: '/etc/passwd', taskId: 'x' }],
          ['vault.ingest', { grant: 'grant_AAAAAAAAAAAAAAAAAAAAAAAA', taskId: '../x' }],
          ['vault.verify', { sha256: '../../etc/passwd' }],
          ['vault.verify', { sha256: 'A'.repeat(64) }],
          ['vault.stat', { sha256: 'a'.repeat(63) }],
          ['vault.stat', { sha256: `${'a'.repeat(62)}%2e` }],
        ]
        for (const [method, input] of bad) {
          expect(await client.call(method, input as never), JSON.stringify(input)).toMatchObject({
            ok: false,
            error: { code: 'invalid_input' },
          })
        }
        expect(await client.call('vault.verify', { sha256: 'b'.repeat(64) })).toMatchObject({
          ok: false,
          error: { code: 'not_found' },
        })
      })
    })
  })
}
