import { randomBytes } from 'node:crypto'
import { appendFileSync, chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import { createVault, type TransferProgress, type Vault } from '../../../src/main/services/vault/vault'
import { nodeVaultIo, type VaultIo } from '../../../src/main/services/vault/vault-io'
import { enospc, listFiles, misplacedInStore, scratch, sha256Of } from './vault-fixtures'

const MiB = 1024 * 1024

// A whole 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  throw new Error('expected a failure')
}

describe('vault ingest', () => {
  let space: ReturnType<typeof scratch>
  let vault: Vault
  const source = (name: string, bytes: Uint8Array | string): string => {
    const path = join(space.dir, name)
    writeFileSync(path, bytes)
    return path
  }
  const storedPath = (sha256: string): string => join(space.vaultRoot, 'sha256', sha256.slice(0, 2), sha256)
  const tmpEntries = (): string[] => readdirSync(join(space.vaultRoot, 'tmp'))

  beforeEach(() => {
    space = scratch('vault')
    vault = createVault({ root: space.vaultRoot })
  })
  afterEach(() => space.remove())

  it.each([
    ['an empty file', 0],
    ['a small file, hashed inline', 100_000],
    ['a file of several chunks, hashed on a worker thread', 20 * MiB + 12_345],
  ])('stores %s under its SHA-256 in one pass, byte for byte', async (_what, size) => {
    const bytes = randomBytes(size)
    const path = source('input.bin', bytes)
    const reports: TransferProgress[] = []
    const result = await vault.ingest(path, { onProgress: (p) => reports.push(p) })

    expect(result).toEqual({ sha256: sha256Of(bytes), size, detectedType: null, deduplicated: false })
    expect(readFileSync(storedPath(result.sha256)).equals(bytes)).toBe(true)
    expect(tmpEntries()).toEqual([])
    expect(misplacedInStore(space.vaultRoot)).toEqual([])
    expect(reports[0]).toMatchObject({ done: 0, total: size })
    expect(reports.at(-1)).toMatchObject({ done: size, total: size })
    const dones = reports.map((r) => r.done)
    expect(dones).toEqual([...dones].sort((a, b) => a - b))
  })

  it('reads the source once, in large chunks', async () => {
    const bytes = randomBytes(20 * MiB)
    const write = vi.fn(nodeVaultIo.write)
    vault = createVault({ root: space.vaultRoot, io: { write } })
    await vault.ingest(source('big.bin', bytes))
    const written = write.mock.calls.reduce((sum, call) => sum + call[3], 0)
    expect(written).toBe(bytes.length)
    expect(write.mock.calls.length).toBeLessThanOrEqual(Math.ceil(bytes.length / (8 * MiB)))
  })

  it('stores the same bytes once, whatever the file names', async () => {
    const bytes = randomBytes(300_000)
    const first = await vault.ingest(source('a.mp4', bytes))
    const second = await vault.ingest(source('copy of a.mov', bytes))
    expect(first.deduplicated).toBe(false)
    expect(second).toEqual({ ...first, deduplicated: true })
    expect(listFiles(join(space.vaultRoot, 'sha256'))).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256}`])
    expect(tmpEntries()).toEqual([])
  })

  it('replaces a stored copy that lost bytes instead of trusting it', async () => {
    const bytes = randomBytes(50_000)
    const { sha256 } = await vault.ingest(source('a.bin', bytes))
    chmodSync(storedPath(sha256), 0o644)
    writeFileSync(storedPath(sha256), bytes.subarray(0, 100))
    expect((await vault.ingest(source('b.bin', bytes))).deduplicated).toBe(false)
    expect(readFileSync(storedPath(sha256)).equals(bytes)).toBe(true)
  })

  it('tells the type from the bytes, not the name', async () => {
    expect((await vault.ingest(source('photo.txt', png))).detectedType).toEqual({ mime: 'image/png', ext: 'png' })
    expect((await vault.ingest(source('scan.pdf', 'Meeting notes, 3 May.\n'))).detectedType).toEqual({
      mime: 'text/plain',
      ext: 'txt',
    })
    const email = 'Return-Path: <a@example.org>\nFrom: A <a@example.org>\nSubject: Re: claim\n\nThanks.\n'
    expect((await vault.ingest(source('mail.bin', email))).detectedType).toEqual({ mime: 'message/rfc822', ext: 'eml' })
  })

  it('makes stored items read-only', async () => {
    const { sha256 } = await vault.ingest(source('a.bin', randomBytes(10)))
    const { statSync } = await import('node:fs')
    expect(statSync(storedPath(sha256)).mode & 0o222).toBe(0)
  })

  it('cancels midway and leaves no temporary or partial file', async () => {
    const bytes = randomBytes(24 * MiB)
    const controller = new AbortController()
    let writes = 0
    vault = createVault({
      root: space.vaultRoot,
      io: {
        write: async (...args) => {
          // Cancel once the copy is well under way (the temp file exists and holds data).
          if (++writes === 2) controller.abort()
          return nodeVaultIo.write(...args)
        },
      },
    })
    expect(await codeOf(vault.ingest(source('long.bin', bytes), { signal: controller.signal }))).toBe('canceled')
    expect(tmpEntries()).toEqual([])
    expect(listFiles(join(space.vaultRoot, 'sha256'))).toEqual([])
  })

  it('cancels before starting when already aborted, and while waiting for its turn', async () => {
    expect(await codeOf(vault.ingest(source('a.bin', 'x'), { signal: AbortSignal.abort() }))).toBe('canceled')
    let release = (): void => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    vault = createVault({
      root: space.vaultRoot,
      concurrency: 1,
      io: {
        write: async (...args) => {
          await held
          return nodeVaultIo.write(...args)
        },
      },
    })
    const first = vault.ingest(source('b.bin', 'first'))
    const controller = new AbortController()
    const queued = vault.ingest(source('c.bin', 'second'), { signal: controller.signal })
    controller.abort()
    expect(await codeOf(queued)).toBe('canceled')
    release()
    await first
    expect(tmpEntries()).toEqual([])
  })

  it('refuses to start without room for the file, before writing anything', async () => {
    const write = vi.fn(nodeVaultIo.write)
    vault = createVault({ root: space.vaultRoot, io: { write, freeBytes: async () => 1000 } })
    expect(await codeOf(vault.ingest(source('a.bin', randomBytes(5000))))).toBe('disk_full')
    expect(write).not.toHaveBeenCalled()
    expect(tmpEntries()).toEqual([])
  })

  it('ends a full disk midway (ENOSPC) with disk_full and removes the temporary file', async () => {
    let writes = 0
    const io: Partial<VaultIo> = {
      write: async (...args) => {
        if (++writes === 2) throw enospc()
        return nodeVaultIo.write(...args)
      },
    }
    vault = createVault({ root: space.vaultRoot, io })
    expect(await codeOf(vault.ingest(source('big.bin', randomBytes(20 * MiB))))).toBe('disk_full')
    expect(tmpEntries()).toEqual([])
    expect(listFiles(join(space.vaultRoot, 'sha256'))).toEqual([])
  })

  it('ends with source_missing when the file has vanished', async () => {
    expect(await codeOf(vault.ingest(join(space.dir, 'gone.mp4')))).toBe('source_missing')
    expect(tmpEntries()).toEqual([])
  })

  it('ends with source_unreadable for a folder', async () => {
    mkdirSync(join(space.dir, 'folder'))
    expect(await codeOf(vault.ingest(join(space.dir, 'folder')))).toBe('source_unreadable')
  })

  it('ends with source_changed when the file grows while it is read', async () => {
    const path = source('recording.bin', randomBytes(20 * MiB))
    let writes = 0
    vault = createVault({
      root: space.vaultRoot,
      io: {
        write: async (...args) => {
          if (++writes === 1) appendFileSync(path, 'still recording')
          return nodeVaultIo.write(...args)
        },
      },
    })
    expect(await codeOf(vault.ingest(path))).toBe('source_changed')
    expect(tmpEntries()).toEqual([])
    expect(listFiles(join(space.vaultRoot, 'sha256'))).toEqual([])
  })

  it('sweeps what a crash left in tmp when it starts', async () => {
    mkdirSync(join(space.vaultRoot, 'tmp', 'odd-folder'), { recursive: true })
    writeFileSync(join(space.vaultRoot, 'tmp', 'interrupted.part'), randomBytes(1000))
    await createVault({ root: space.vaultRoot }).ready()
    expect(tmpEntries()).toEqual([])
  })
})

describe('vault verify, stat and resolveStored', () => {
  let space: ReturnType<typeof scratch>
  let vault: Vault
  let sha256: string
  const bytes = randomBytes(70_000)

  beforeEach(async () => {
    space = scratch('vault-verify')
    writeFileSync(join(space.dir, 'evidence.bin'), bytes)
    vault = createVault({ root: space.vaultRoot, now: () => new Date('2026-05-03T10:00:00.000Z') })
    ;({ sha256 } = await vault.ingest(join(space.dir, 'evidence.bin')))
  })
  afterEach(() => space.remove())

  it('verify re-hashes and confirms an intact item', async () => {
    const reports: TransferProgress[] = []
    expect(await vault.verify(sha256, { onProgress: (p) => reports.push(p) })).toEqual({
      sha256,
      ok: true,
      actualSha256: sha256,
      checkedAt: '2026-05-03T10:00:00.000Z',
    })
    expect(reports.at(-1)).toMatchObject({ done: bytes.length, total: bytes.length })
  })

  it('verify reports a single flipped byte as a failed check, not an error', async () => {
    const path = await vault.resolveStored(sha256)
    chmodSync(path, 0o644)
    const damaged = Buffer.from(bytes)
    damaged[12_345] = (damaged[12_345] ?? 0) ^ 0x01
    writeFileSync(path, damaged)
    const result = await vault.verify(sha256)
    expect(result.ok).toBe(false)
    expect(result.actualSha256).toBe(sha256Of(damaged))
  })

  it('stat tells stored from missing', async () => {
    expect(await vault.stat(sha256)).toEqual({ sha256, exists: true, size: bytes.length, detectedType: null })
    const other = 'c'.repeat(64)
    expect(await vault.stat(other)).toEqual({ sha256: other, exists: false, size: null, detectedType: null })
  })

  it('resolveStored gives the item’s place in the vault', async () => {
    expect(await vault.resolveStored(sha256)).toMatch(new RegExp(`/sha256/${sha256.slice(0, 2)}/${sha256}$`))
  })

  it.each([
    ['parent traversal', '../../../../etc/passwd'],
    ['traversal padded to 64 characters', `${'../'.repeat(21)}x`],
    ['encoded traversal', `%2e%2e%2f${'a'.repeat(55)}`],
    ['uppercase hex', 'A'.repeat(64)],
    ['63 digits', 'a'.repeat(63)],
    ['65 digits', 'a'.repeat(65)],
    ['non-hex letters', 'g'.repeat(64)],
    ['a trailing newline', `${'a'.repeat(64)}\n`],
    ['an absolute path', `/${'a'.repeat(63)}`],
    ['an empty string', ''],
  ])('resolveStored refuses %s', async (_what, name) => {
    expect(await codeOf(vault.resolveStored(name))).toBe('invalid_input')
  })

  it('resolveStored refuses a symlink in an item’s place, and a symlinked shard folder', async () => {
    const outside = join(space.dir, 'outside.txt')
    writeFileSync(outside, 'secret')
    const linked = sha256Of(Buffer.from('secret'))
    mkdirSync(join(space.vaultRoot, 'sha256', linked.slice(0, 2)), { recursive: true })
    symlinkSync(outside, join(space.vaultRoot, 'sha256', linked.slice(0, 2), linked))
    expect(await codeOf(vault.resolveStored(linked))).toBe('not_found')

    const outsideShard = join(space.dir, 'shard')
    mkdirSync(outsideShard)
    const shardName = 'ff'
    const target = `${shardName}${'0'.repeat(62)}`
    writeFileSync(join(outsideShard, target), 'planted')
    symlinkSync(outsideShard, join(space.vaultRoot, 'sha256', shardName))
    expect(await codeOf(vault.resolveStored(target))).toBe('not_found')
  })

  it('resolveStored says not_found for a well-formed hash that is not stored', async () => {
    expect(await codeOf(vault.resolveStored('d'.repeat(64)))).toBe('not_found')
    expect(await codeOf(vault.verify('d'.repeat(64)))).toBe('not_found')
  })
})
