import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPacket, type VerifyPacketOptions } from '../../../src/main/services/packet/packet-verify'

interface RawEntry {
  readonly name: string | Buffer
  readonly data?: Buffer
  /** External attributes (Unix mode in the high 16 bits). */
  readonly attributes?: number
  readonly method?: number
}

/**
 * A deliberately naive ZIP writer: it writes whatever name and mode it is given,
 * as an attacker's tool would.
 */
function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8')
    const data = entry.data ?? Buffer.alloc(0)
    const crc = crc32(data) >>> 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(entry.method ?? 0, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(entry.method ?? 0, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(entry.attributes ?? (0o100644 << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

let work: string
let tmp: string
let options: VerifyPacketOptions
let calls = 0

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'redress-hostile-'))
  tmp = join(work, 'tmp')
  await mkdir(tmp)
  // Never reached for a refused archive: a call would mean something was extracted and checked.
  const never = async (): Promise<never> => {
    calls++
    throw new Error('not expected')
  }
  options = { verifyCms: never, verifyPdf: never, trustOf: never, tmpDir: tmp }
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

const ok = (name: string): RawEntry => ({ name, data: Buffer.from('fine') })

describe('a hostile ZIP is refused before anything is extracted', () => {
  it.each<[string, RawEntry[], string, string]>([
    ['a parent path', [ok('bag/bagit.txt'), ok('bag/../../evil.txt')], 'bag/../../evil.txt', 'parent_path'],
    ['an absolute path', [ok('bag/bagit.txt'), ok('/tmp/evil.txt')], '/tmp/evil.txt', 'absolute_path'],
    ['a drive letter', [ok('bag/bagit.txt'), ok('C:/evil.txt')], 'C:/evil.txt', 'absolute_path'],
    ['a backslash', [ok('bag/bagit.txt'), ok('bag/..\\evil.txt')], 'bag/..\\evil.txt', 'backslash'],
    [
      'a symbolic link',
      [
        ok('bag/bagit.txt'),
        { name: 'bag/data/link', data: Buffer.from('/etc/passwd'), attributes: (0o120777 << 16) >>> 0 },
      ],
      'bag/data/link',
      'symlink',
    ],
    [
      'names differing only by case',
      [ok('bag/data/Letter.pdf'), ok('bag/data/LETTER.PDF')],
      'bag/data/LETTER.PDF',
      'duplicate_name',
    ],
    [
      'names differing only by normalisation',
      [ok('bag/data/Biên bản.pdf'.normalize('NFC')), ok('bag/data/Biên bản.pdf'.normalize('NFD'))],
      'bag/data/Biên bản.pdf'.normalize('NFD'),
      'duplicate_name',
    ],
    ['the same name twice', [ok('bag/a.txt'), ok('bag/a.txt')], 'bag/a.txt', 'duplicate_name'],
    ['a file where a folder must be', [ok('bag/data'), ok('bag/data/a.txt')], 'bag/data', 'duplicate_name'],
    ['a Windows device name', [ok('bag/bagit.txt'), ok('bag/data/CON.txt')], 'bag/data/CON.txt', 'reserved_name'],
    ['a device name in a folder', [ok('bag/bagit.txt'), ok('bag/lpt1/a.txt')], 'bag/lpt1/a.txt', 'reserved_name'],
    ['an NTFS stream', [ok('bag/bagit.txt'), ok('bag/data/a.txt:hidden')], 'bag/data/a.txt:hidden', 'stream_name'],
    ['a control character', [ok('bag/bagit.txt'), ok('bag/data/a\u0007.txt')], 'bag/data/a?.txt', 'control_char'],
    ['a trailing dot', [ok('bag/bagit.txt'), ok('bag/data/a.txt.')], 'bag/data/a.txt.', 'bad_name'],
    ['two top-level folders', [ok('bag/bagit.txt'), ok('other/bagit.txt')], 'bag, other', 'several_roots'],
    ['a file beside the bag folder', [ok('bag/bagit.txt'), ok('README.txt')], 'README.txt', 'outside_bag_folder'],
    [
      'a folder entry with data',
      [ok('bag/bagit.txt'), { name: 'bag/data/', data: Buffer.from('hidden') }],
      'bag/data/',
      'directory_with_data',
    ],
    [
      'a compression method other than stored or deflated',
      [ok('bag/bagit.txt'), { name: 'bag/data/a.bin', data: Buffer.from('xx'), method: 12 }],
      'bag/data/a.bin',
      'unsupported_method',
    ],
    [
      'a name that is not UTF-8',
      [ok('bag/bagit.txt'), { name: Buffer.from([0x62, 0x61, 0x67, 0x2f, 0xff, 0xfe]), data: Buffer.from('x') }],
      'bag/\u00ff\u00fe',
      'bad_name',
    ],
  ])('%s', async (_what, entries, subject, problem) => {
    const path = join(work, 'hostile.zip')
    await writeFile(path, rawZip(entries))
    const report = await verifyPacket(path, options)
    expect(report.ok).toBe(false)
    expect(report.checks).toContainEqual({ check: 'zip', subject, ok: false, problem })
    // Only ZIP checks ran: nothing was extracted, so nothing else could be checked.
    expect(report.checks.every((check) => check.check === 'zip')).toBe(true)
    expect(await readdir(tmp)).toEqual([])
    expect(await readdir(work)).toEqual(['hostile.zip', 'tmp'].sort())
    expect(calls).toBe(0)
  })

  it('reports a file that is not a ZIP, one cut short, and one that cannot be read', async () => {
    const notZip = join(work, 'not.zip')
    await writeFile(notZip, 'just some text, long enough to look for an end record in it')
    expect((await verifyPacket(notZip, options)).checks).toEqual([
      { check: 'zip', subject: null, ok: false, problem: 'not_zip' },
    ])
    const whole = rawZip([ok('bag/bagit.txt'), ok('bag/data/a.txt')])
    const cut = join(work, 'cut.zip')
    await writeFile(cut, whole.subarray(0, whole.length - 30))
    expect((await verifyPacket(cut, options)).checks).toEqual([
      { check: 'zip', subject: null, ok: false, problem: 'truncated' },
    ])
    expect((await verifyPacket(join(work, 'absent.zip'), options)).checks).toEqual([
      { check: 'zip', subject: null, ok: false, problem: 'unreadable' },
    ])
    await rm(notZip)
    await rm(cut)
    expect(await readdir(tmp)).toEqual([])
  })

  it('a sound ZIP that is not a bag extracts, fails the bag checks, and leaves no temporary folder', async () => {
    const path = join(work, 'not-a-bag.zip')
    await writeFile(path, rawZip([ok('bag/readme.txt')]))
    const report = await verifyPacket(path, options)
    await rm(path)
    expect(report.ok).toBe(false)
    expect(report.checks).toContainEqual({ check: 'zip', subject: null, ok: true, problem: null })
    expect(report.checks).toContainEqual({ check: 'bag', subject: 'bagit.txt', ok: false, problem: 'missing_file' })
    expect(report.checks).toContainEqual({
      check: 'cms_signature',
      subject: 'tagmanifest-sha256.txt.p7s',
      ok: false,
      problem: 'no_signature',
    })
    expect(report.checks).toContainEqual({
      check: 'pdf_signature',
      subject: 'data/closure-record.pdf',
      ok: false,
      problem: 'missing_file',
    })
    expect(await readdir(tmp)).toEqual([])
    expect(await readFile(join(work, 'hostile.zip')).catch(() => null)).not.toBeNull()
  })
})
