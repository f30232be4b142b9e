import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../../src/shared/contract'
import { createDispatch, type Handlers } from '../../src/main/dispatch'
import { createFileGrants } from '../../src/main/services/dialogs/file-grants'

const info = {
  name: 'Redress',
  version: '1.0.0',
  transport: 'ipc' as const,
  platform: 'linux',
  dataDir: '/data',
  versions: { node: '20', electron: null, chrome: null },
}

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': async () => info,
    'dialog.openFile': async () => ({ canceled: true }),
    'dialog.saveFile': async () => ({ canceled: true }),
    'vault.ingest': async () => {
      throw new AppError('not_found', 'no vault in this test')
    },
    'vault.cancel': async () => ({ canceled: false }),
    'vault.verify': async () => {
      throw new AppError('not_found', 'no vault in this test')
    },
    'vault.stat': async ({ sha256 }) => ({ sha256, exists: false, size: null, detectedType: null, mediaUrl: null }),
    'vault.openExternally': async () => ({ opened: true }),
    'dialog.grantDropped': async () => ({ files: [] }),
    'dialog.openFolder': async () => ({ canceled: true }),
    ...Object.fromEntries(
      [
        'backup.status',
        'backup.configure',
        'backup.recordCaseCount',
        'backup.begin',
        'backup.appendDatabase',
        'backup.write',
        'backup.open',
        'backup.restoreVault',
        'backup.readDatabase',
        'backup.close',
        'backup.cancel',
      ].map((name) => [
        name,
        async () => {
          throw new AppError('not_found', 'no backups in this test')
        },
      ]),
    ),
    'file.writeText': async () => ({ name: 'export.csv', bytes: 0 }),
    ...overrides,
  } as Handlers
}

describe('dispatch', () => {
  const quiet = { error: vi.fn() }

  it('passes the parsed input to the handler and returns its value', async () => {
    const dispatch = createDispatch(handlers(), quiet)
    expect(await dispatch('app.info', {}, { transport: 'ipc' })).toEqual({ ok: true, value: info })
  })

  it('turns a service’s AppError into its code', async () => {
    const dispatch = createDispatch(
      handlers({
        'dialog.openFile': async () => {
          throw new AppError('not_found', 'gone')
        },
      }),
      quiet,
    )
    expect(await dispatch('dialog.openFile', {}, { transport: 'ipc' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'gone' },
    })
  })

  it('carries the subject of an error (the backup entry at fault) to the renderer', async () => {
    const dispatch = createDispatch(
      handlers({
        'backup.close': async () => {
          throw new AppError('backup_tampered', 'Entry vault/ab does not match', 'vault/ab')
        },
      }),
      quiet,
    )
    const result = await dispatch('backup.close', { id: 'backup_0123456789abcdefghij' }, { transport: 'http' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'backup_tampered', message: 'Entry vault/ab does not match', subject: 'vault/ab' },
    })
  })

  it('hides internal failures (paths, stacks) from the renderer but logs them', async () => {
    const log = { error: vi.fn() }
    const dispatch = createDispatch(
      handlers({
        'app.info': async () => {
          throw new Error('EACCES: /home/investigator/secret')
        },
      }),
      log,
    )
    const result = await dispatch('app.info', {}, { transport: 'http' })
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('/home/investigator')
    expect(log.error).toHaveBeenCalled()
  })

  it('refuses a handler result outside the contract', async () => {
    const dispatch = createDispatch(
      handlers({ 'app.info': async () => ({ ...info, transport: 'carrier-pigeon' as 'ipc' }) }),
      quiet,
    )
    expect(await dispatch('app.info', {}, { transport: 'ipc' })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
  })

  it.each([
    undefined,
    null,
    42,
    'x',
    ['app.info'],
    { toString: 'app.info' },
    '__proto__',
    'constructor',
    'hasOwnProperty',
  ])('refuses %j as a method name', async (method) => {
    const dispatch = createDispatch(handlers(), quiet)
    expect(await dispatch(method, {}, { transport: 'http' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    })
  })
})

describe('file grants', () => {
  it('resolve only with the mode they were issued for, and expire', () => {
    let now = 0
    const grants = createFileGrants({ ttlMs: 1000, now: () => now })
    const id = grants.issue('/tmp/a.pdf', 'read')
    expect(id).toMatch(/^grant_[A-Za-z0-9_-]{20,}$/)
    expect(grants.resolve(id, 'read')).toBe('/tmp/a.pdf')
    expect(() => grants.resolve(id, 'write')).toThrow(AppError)
    now = 2000
    expect(() => grants.resolve(id, 'read')).toThrow(/expired/)
  })
  it('cannot be guessed or forged', () => {
    const grants = createFileGrants()
    const a = grants.issue('/tmp/a', 'read')
    const b = grants.issue('/tmp/a', 'read')
    expect(a).not.toBe(b)
    expect(() => grants.resolve('grant_/etc/passwd', 'read')).toThrow()
    grants.revoke(a)
    expect(() => grants.resolve(a, 'read')).toThrow()
  })
})
