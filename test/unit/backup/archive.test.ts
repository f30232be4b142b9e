import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { restoreVaultFromArchive, verifyBackupArchive } from '../../../src/main/services/backup/archive-reader'
import { writeBackupArchive } from '../../../src/main/services/backup/archive-writer'
import { createVault, type Vault } from '../../../src/main/services/vault/vault'
import { nodeVaultIo } from '../../../src/main/services/vault/vault-io'
import { enospc, listFiles, scratch } from '../vault/vault-fixtures'
import { flipByte, readEntries, refusal, renameInPlace, sampleExport, sha256Of, writeZip } from './backup-fixtures'

describe('backup archive', () => {
  let space: ReturnType<typeof scratch>
  let vault: Vault
  let exported: ReturnType<typeof sampleExport>
  const video = randomBytes(300_000)
  const letter = Buffer.from('Dear customer, we are sorry.')
  const archive = (): string => join(space.dir, 'backups', 'backup.zip')

  const write = (overrides: Partial<Parameters<typeof writeBackupArchive>[0]> = {}) =>
    writeBackupArchive({
      targetPath: archive(),
      appVersion: '0.1.0',
      createdAt: new Date('2026-05-01T10:00:00Z'),
      database: { path: exported.path, sha256: exported.sha256, summary: exported.summary },
      vault,
      ...overrides,
    })
  const verify = (path = archive()) => verifyBackupArchive(path, { stageDatabaseTo: join(space.dir, 'staged.json') })

  beforeEach(async () => {
    space = scratch('backup')
    vault = createVault({ root: space.vaultRoot, reserveBytes: 0 })
    writeFileSync(join(space.dir, 'interview.webm'), video)
    writeFileSync(join(space.dir, 'letter.txt'), letter)
    await vault.ingest(join(space.dir, 'interview.webm'))
    await vault.ingest(join(space.dir, 'letter.txt'))
    exported = sampleExport(join(space.dir, 'export'))
    const { mkdirSync } = await import('node:fs')
    mkdirSync(join(space.dir, 'backups'))
  })
  afterEach(() => space.remove())

  it('round-trips: the archive holds the manifest, the export and every vault file, and restores them', async () => {
    const written = await write()
    expect(written.size).toBe(statSync(archive()).size)
    const entries = await readEntries(archive())
    expect(entries.map((e) => e.name).sort()).toEqual(
      ['database.json', 'manifest.json', `vault/${sha256Of(letter)}`, `vault/${sha256Of(video)}`].sort(),
    )
    // Vault files are stored as they are, not recompressed.
    expect(entries.filter((e) => e.name.startsWith('vault/')).every((e) => !e.compressed)).toBe(true)
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')?.data.toString() ?? '{}')
    expect(manifest).toMatchObject({
      format: 'redress-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      createdAt: '2026-05-01T10:00:00.000Z',
      database: { name: 'redress', version: 2, tables: exported.summary.tables },
    })
    expect(manifest.entries).toContainEqual({
      path: 'database.json',
      size: statSync(exported.path).size,
      sha256: exported.sha256,
    })
    expect(manifest.entries).toContainEqual({
      path: `vault/${sha256Of(video)}`,
      size: video.length,
      sha256: sha256Of(video),
    })
    // Nothing but the archive is left in the target folder.
    expect(readdirSync(join(space.dir, 'backups'))).toEqual(['backup.zip'])

    const verified = await verify()
    expect(verified.manifest.entries).toHaveLength(3)
    expect(readFileSync(join(space.dir, 'staged.json'))).toEqual(readFileSync(exported.path))

    // Another machine: an empty vault gets both files, and a second restore changes nothing.
    const other = createVault({ root: join(space.dir, 'other-vault'), reserveBytes: 0 })
    expect(await restoreVaultFromArchive(archive(), verified.manifest, other)).toEqual({
      restored: 2,
      alreadyPresent: 0,
    })
    expect(await restoreVaultFromArchive(archive(), verified.manifest, other)).toEqual({
      restored: 0,
      alreadyPresent: 2,
    })
    expect((await other.verify(sha256Of(video))).ok).toBe(true)
    expect(readFileSync(await other.resolveStored(sha256Of(letter)))).toEqual(letter)
  })

  it.each([
    ['manifest.json', 'manifest.json'],
    ['database.json', 'database.json'],
    ['a vault file', 'vault/'],
  ])('refuses a flipped byte in %s, naming it', async (_label, prefix) => {
    await write()
    const entry = (await readEntries(archive())).find((e) => e.name.startsWith(prefix))
    if (!entry) throw new Error('entry missing')
    flipByte(archive(), entry.dataStart + 5)
    const refused = await refusal(verify())
    expect(refused.code).toBe('backup_tampered')
    expect(refused.subject).toBe(entry.name)
  })

  it('refuses a flipped byte in the central directory', async () => {
    const { size } = await write()
    // The last central directory record sits just before the 22-byte end record; 16 bytes in is its CRC.
    const bytes = readFileSync(archive())
    const lastRecord = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    expect(lastRecord).toBeGreaterThan(0)
    flipByte(archive(), lastRecord + 16)
    expect(size).toBe(bytes.length)
    expect((await refusal(verify())).code).toMatch(/^backup_(tampered|corrupt)$/)
  })

  it('refuses a truncated archive as truncated, and a file that is no ZIP as corrupt', async () => {
    await write()
    truncateSync(archive(), Math.floor(statSync(archive()).size / 2))
    expect((await refusal(verify())).code).toBe('backup_truncated')
    writeFileSync(archive(), 'just some text, no archive')
    expect((await refusal(verify())).code).toBe('backup_corrupt')
  })

  it('refuses an extra entry, a duplicate, a missing file and a vault file whose bytes do not match its name', async () => {
    await write()
    const entries = await readEntries(archive())
    const forged = join(space.dir, 'forged.zip')

    await writeZip(forged, [...entries, { name: 'notes.txt', data: Buffer.from('hello') }])
    expect(await refusal(verify(forged))).toEqual({ code: 'backup_corrupt', subject: 'notes.txt' })

    const vaultEntry = entries.find((e) => e.name.startsWith('vault/'))
    if (!vaultEntry) throw new Error('no vault entry')
    await writeZip(forged, [...entries, vaultEntry])
    expect(await refusal(verify(forged))).toEqual({ code: 'backup_corrupt', subject: vaultEntry.name })

    await writeZip(
      forged,
      entries.filter((e) => e !== vaultEntry),
    )
    expect(await refusal(verify(forged))).toEqual({ code: 'backup_corrupt', subject: vaultEntry.name })

    // Same size, other bytes, manifest untouched: the name no longer matches the content.
    const swapped = Buffer.from(vaultEntry.data)
    swapped[0] = (swapped[0] ?? 0) ^ 1
    await writeZip(
      forged,
      entries.map((e) => (e === vaultEntry ? { ...e, data: swapped } : e)),
    )
    expect(await refusal(verify(forged))).toEqual({ code: 'backup_tampered', subject: vaultEntry.name })
  })

  it('refuses entries named with .. or an absolute path before reading anything', async () => {
    await write()
    const entries = await readEntries(archive())
    const forged = join(space.dir, 'forged.zip')
    await writeZip(forged, [...entries, { name: 'xx/evil.sh', data: Buffer.from('rm -rf') }])
    renameInPlace(forged, 'xx/evil.sh', '../evil.sh')
    expect(await refusal(verify(forged))).toEqual({ code: 'backup_corrupt', subject: '../evil.sh' })
    await writeZip(forged, [...entries, { name: 'etc/passwd', data: Buffer.from('root') }])
    renameInPlace(forged, 'etc/passwd', '/etc/passw')
    expect(await refusal(verify(forged))).toEqual({ code: 'backup_corrupt', subject: '/etc/passw' })
    expect(existsSync(join(space.dir, 'staged.json'))).toBe(false)
  })

  it('refuses a backup of a newer format', async () => {
    await write()
    const entries = await readEntries(archive())
    const forged = join(space.dir, 'forged.zip')
    await writeZip(
      forged,
      entries.map((e) =>
        e.name === 'manifest.json'
          ? { ...e, data: Buffer.from(e.data.toString().replace('"formatVersion": 1', '"formatVersion": 9')) }
          : e,
      ),
    )
    expect((await refusal(verify(forged))).code).toBe('backup_unsupported')
  })

  it('stops a vault file that no longer matches its name: vault_damaged, and no archive left behind', async () => {
    const stored = await vault.resolveStored(sha256Of(letter))
    chmodSync(stored, 0o644)
    writeFileSync(stored, Buffer.from('Dear customer, we are SORRY.'))
    expect(await refusal(write())).toEqual({ code: 'vault_damaged', subject: sha256Of(letter) })
    expect(readdirSync(join(space.dir, 'backups'))).toEqual([])
  })

  it('a cancel leaves no file, and a full disk says disk_full and leaves no file', async () => {
    const controller = new AbortController()
    // The user presses Cancel once the first bytes are on disk.
    const canceled = write({
      signal: controller.signal,
      io: {
        write: async (...args) => {
          await nodeVaultIo.write(...args)
          controller.abort()
        },
      },
    })
    expect((await refusal(canceled)).code).toBe('canceled')
    expect(readdirSync(join(space.dir, 'backups'))).toEqual([])

    let written = 0
    const full = write({
      io: {
        write: async (file, buffer, offset, length, position) => {
          written += length
          if (written > 100_000) throw enospc()
          return nodeVaultIo.write(file, buffer, offset, length, position)
        },
      },
    })
    expect((await refusal(full)).code).toBe('disk_full')
    expect(readdirSync(join(space.dir, 'backups'))).toEqual([])
    // The vault itself is untouched by a failed backup.
    expect(listFiles(join(space.vaultRoot, 'sha256'))).toHaveLength(2)
  })
})
