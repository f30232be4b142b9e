import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createZipWriter, dosDateTime } from '../../../src/main/services/packet/zip-writer'
import { readZip, sh, sha256Of } from './packet-fixtures'

let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'redress-zip-'))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

describe('zip writer', () => {
  it('stores a large file through ZIP64 fields when sizes pass the threshold, and unzip -t accepts it', async () => {
    const source = join(work, 'large.bin')
    const bytes = randomBytes(20 * 1024 * 1024 + 123)
    await writeFile(source, bytes)
    const path = join(work, 'zip64.zip')
    const writer = await createZipWriter(path, { date: new Date(2026, 1, 21, 10, 30, 14), zip64Threshold: 1024 * 1024 })
    await writer.addBytes('bag/small.txt', Buffer.from('small'))
    const stored = await writer.addFile('bag/data/large.bin', source)
    await writer.addBytes('bag/after.txt', Buffer.from('written at an offset past the threshold'))
    const size = await writer.finish()

    expect(stored.sha256).toBe(sha256Of(bytes))
    expect(stored.size).toBe(bytes.length)
    expect((await readFile(path)).length).toBe(size)
    const tested = sh('unzip', ['-t', path])
    expect(tested.status, tested.stdout + tested.stderr).toBe(0)
    const entries = await readZip(path)
    expect(entries.map((entry) => entry.name)).toEqual(['bag/small.txt', 'bag/data/large.bin', 'bag/after.txt'])
    expect(sha256Of(entries[1]!.data)).toBe(sha256Of(bytes))
    // Stored, never deflated: the archive is the files plus headers.
    expect(size).toBeLessThan(bytes.length + 1024)
  })

  it('marks names as UTF-8, files as Unix rw-r--r--, and records the given time', async () => {
    const path = join(work, 'attributes.zip')
    const writer = await createZipWriter(path, { date: new Date(2026, 1, 21, 10, 30, 14) })
    await writer.addBytes('bag/Жалоба.txt', Buffer.from('текст'))
    await writer.finish()
    const raw = await readFile(path)
    expect(raw.readUInt16LE(6) & 0x0800).toBe(0x0800)
    const info = sh('zipinfo', ['-l', path]).stdout
    expect(info).toMatch(/-rw-r--r--\s+6\.3\s+unx\s+10\s+bx\s+10\s+stor\s+26-Feb-21 10:30\s+bag\/Жалоба\.txt/)
    expect(sh('unzip', ['-t', path]).status).toBe(0)
  })

  it('refuses names that would escape the folder or repeat', async () => {
    const writer = await createZipWriter(join(work, 'names.zip'), { date: new Date() })
    await writer.addBytes('bag/a.txt', Buffer.from('a'))
    await expect(writer.addBytes('bag/a.txt', Buffer.from('b'))).rejects.toThrow(/already/)
    await expect(writer.addBytes('../evil', Buffer.from('b'))).rejects.toThrow(/relative/)
    await expect(writer.addBytes('/abs', Buffer.from('b'))).rejects.toThrow(/relative/)
    await writer.close()
  })

  it('encodes DOS dates from 1980, clamping earlier ones', () => {
    expect(dosDateTime(new Date(2026, 1, 21, 10, 30, 15))).toEqual({
      time: (10 << 11) | (30 << 5) | 7,
      date: ((2026 - 1980) << 9) | (2 << 5) | 21,
    })
    expect(dosDateTime(new Date(1970, 0, 1))).toEqual({ time: 0, date: (1 << 5) | 1 })
  })
})
