import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/contract/errors'
import { exportPacket, type ExportPacketOptions } from '../../../src/main/services/packet/packet-export'
import { verifyPacket, type VerifyPacketOptions } from '../../../src/main/services/packet/packet-verify'
import {
  flipStoredByte,
  makeAuditLog,
  makeCaseJson,
  makeIdentity,
  makeSignedPdf,
  opensslSigner,
  opensslVerifyCms,
  readZip,
  rewriteZip,
  sh,
  sha256Of,
  standInVerifyPdf,
  trustOwn,
  type TestIdentity,
} from './packet-fixtures'

const caseRef = 'RDR-2026-0042'
let work: string
let identity: TestIdentity
let sources: ExportPacketOptions['files']
let verifyOptions: VerifyPacketOptions

/** Evidence with names in the four languages the app speaks, and one hostile name. */
const evidenceNames = [
  'Biên bản làm việc.pdf',
  'Жалоба клиента.txt',
  'Reçu de caisse – été.jpg',
  'CON.txt',
  '../../etc/passwd',
]

async function vaultFile(name: string, bytes: Uint8Array) {
  const path = join(work, 'vault', sha256Of(bytes))
  await writeFile(path, bytes)
  return { name, path, sha256: sha256Of(bytes), size: bytes.length }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'redress-packet-'))
  await mkdir(join(work, 'vault'))
  identity = await makeIdentity(work)
  const evidence = await Promise.all(
    // Decomposed (NFD) on purpose: a name typed on macOS; the packet must carry it composed.
    evidenceNames.map((name, n) => vaultFile(name.normalize('NFD'), randomBytes(1000 + n * 5000))),
  )
  const letter = await vaultFile('Réponse au client.pdf', Buffer.from('%PDF-1.7 letter'))
  sources = {
    caseJson: makeCaseJson(caseRef),
    auditLog: makeAuditLog('case-42'),
    closureRecordPdf: await makeSignedPdf(identity, 'Closure record of RDR-2026-0042'),
    letters: [letter],
    evidence,
  }
  verifyOptions = {
    verifyCms: opensslVerifyCms(work),
    verifyPdf: standInVerifyPdf(work),
    trustOf: trustOwn(identity),
    tmpDir: join(work, 'tmp'),
  }
  await mkdir(join(work, 'tmp'))
})

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

function exportTo(outputPath: string, extra: Partial<ExportPacketOptions> = {}) {
  return exportPacket({
    outputPath,
    organisation: 'Médiation Clientèle SA',
    caseRef,
    dates: { received: '2026-01-05', closed: '2026-02-20' },
    files: sources,
    signTagManifest: opensslSigner(identity),
    now: () => new Date(Date.UTC(2026, 1, 21, 10, 30)),
    ...extra,
  })
}

async function extract(zipPath: string): Promise<string> {
  const to = await mkdtemp(join(work, 'unzipped-'))
  const result = sh('unzip', ['-q', zipPath, '-d', to])
  expect(result.status, result.stderr).toBe(0)
  return join(to, caseRef)
}

async function tmpLeft(): Promise<string[]> {
  return readdir(join(work, 'tmp'))
}

describe('closure packet round trip', () => {
  let packet: string

  beforeAll(async () => {
    packet = join(work, 'packet.zip')
    await exportTo(packet)
  })

  it('verifies, naming the case and the signer in both signatures', async () => {
    const report = await verifyPacket(packet, verifyOptions)
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.caseRef).toBe(caseRef)
    expect(report.bagName).toBe(caseRef)
    expect(report.signers).toEqual([
      expect.objectContaining({ name: identity.name, fingerprint: identity.fingerprint, trust: 'own', in: 'both' }),
    ])
    expect(report.extractedTo).toBeNull()
    expect(await tmpLeft()).toEqual([])
  })

  it('passes unzip -t, and lists the French, Vietnamese and Russian names composed (NFC)', () => {
    const tested = sh('unzip', ['-t', packet])
    expect(tested.status, tested.stdout + tested.stderr).toBe(0)
    expect(tested.stdout).toContain('No errors detected')
    const listed = sh('unzip', ['-Z1', packet]).stdout
    for (const name of ['Biên bản làm việc.pdf', 'Жалоба клиента.txt', 'Reçu de caisse – été.jpg']) {
      expect(listed).toContain(name.normalize('NFC'))
      if (name.normalize('NFD') !== name) expect(listed).not.toContain(name.normalize('NFD'))
    }
    expect(listed).toContain(`${caseRef}/data/letters/Réponse au client.pdf`)
    expect(listed).toContain('_CON.txt')
    expect(listed).toContain('-_.._etc_passwd')
    expect(listed.split('\n').filter((line) => line.split('/').includes('..'))).toEqual([])
  })

  it('checks with sha256sum -c and openssl cms -verify from inside the extracted bag', async () => {
    const bag = await extract(packet)
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const checked = sh('sha256sum', ['-c', '--strict', manifest], bag)
      expect(checked.status, checked.stdout + checked.stderr).toBe(0)
    }
    const cms = sh(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s'].concat([
        '-content',
        'tagmanifest-sha256.txt',
        '-CAfile',
        identity.cert,
        '-out',
        '/dev/null',
      ]),
      bag,
    )
    expect(cms.status, cms.stderr).toBe(0)
  })

  it('writes bagit.txt word for word and a bag-info.txt whose Payload-Oxum matches the payload', async () => {
    const bag = await extract(packet)
    expect(await readFile(join(bag, 'bagit.txt'), 'utf8')).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    )
    const info = await readFile(join(bag, 'bag-info.txt'), 'utf8')
    const payload = sh('find', ['data', '-type', 'f', '-printf', '%s\\n'], bag).stdout.trim().split('\n').map(Number)
    const octets = payload.reduce((sum, size) => sum + size, 0)
    expect(payload).toHaveLength(3 + 1 + evidenceNames.length)
    expect(info).toContain(`Payload-Oxum: ${octets}.${payload.length}\n`)
    expect(info).toContain(`External-Identifier: ${caseRef}\n`)
    expect(info).toContain('Source-Organization: Médiation Clientèle SA\n')
    expect(info).toContain('Bagging-Date: 2026-02-21\n')
    expect(info).toContain('Redress-Case-Received: 2026-01-05\n')
    expect(info).toContain('Redress-Case-Closed: 2026-02-20\n')
    const manifest = await readFile(join(bag, 'manifest-sha256.txt'), 'utf8')
    const paths = manifest
      .trim()
      .split('\n')
      .map((line) => line.slice(66))
    expect(paths).toEqual([...paths].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))))
    expect(paths).toContain(`data/evidence/${sources.evidence[0]?.sha256}-Biên bản làm việc.pdf`)
  })

  it('is written through ZIP64 records when forced, and unzip -t and the verifier still accept it', async () => {
    const forced = join(work, 'forced-zip64.zip')
    await exportTo(forced, { zip64Threshold: 1 })
    const bytes = await readFile(forced)
    // The ZIP64 end of central directory record and its locator.
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true)
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true)
    const tested = sh('unzip', ['-t', forced])
    expect(tested.status, tested.stdout + tested.stderr).toBe(0)
    const report = await verifyPacket(forced, verifyOptions)
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
  })

  it('still verifies once unzipped and zipped again with zip -r (deflated, with folder entries)', async () => {
    const bag = await extract(packet)
    const rezipped = join(work, 'rezipped.zip')
    const zipped = sh('zip', ['-r', '-q', rezipped, caseRef], join(bag, '..'))
    expect(zipped.status, zipped.stderr).toBe(0)
    expect(sh('unzip', ['-v', rezipped]).stdout).toContain('Defl:N')
    const report = await verifyPacket(rezipped, verifyOptions)
    expect(report.checks.filter((check) => !check.ok)).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('cancelled while extracting, it throws canceled and leaves no temporary folder', async () => {
    const controller = new AbortController()
    const attempt = verifyPacket(packet, {
      ...verifyOptions,
      keepExtracted: true,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    await expect(attempt).rejects.toMatchObject({ code: 'canceled' })
    expect(await tmpLeft()).toEqual([])
  })

  it('keeps the extracted bag only when asked, for the import to read', async () => {
    const report = await verifyPacket(packet, { ...verifyOptions, keepExtracted: true })
    expect(report.ok).toBe(true)
    const kept = report.extractedTo as string
    expect(await readFile(join(kept, 'data', 'case.json'))).toEqual(Buffer.from(sources.caseJson))
    const evidence = sources.evidence[0]!
    const name = `${evidence.sha256}-${evidence.name.normalize('NFC')}`
    expect(sha256Of(await readFile(join(kept, 'data', 'evidence', name)))).toBe(evidence.sha256)
    await rm(kept, { recursive: true })
  })
})

describe('a changed byte is reported, naming the file', () => {
  let packet: string

  beforeAll(async () => {
    packet = join(work, 'original.zip')
    await exportTo(packet)
  })

  /** Flips a byte in the middle of the entry, or a hex digit of the first digest for manifests. */
  function flip(name: string, data: Buffer): Buffer {
    const copy = Buffer.from(data)
    // In a manifest: the first digest's first hex digit; in the .p7s: the signature value, which comes last.
    const at = name.endsWith('manifest-sha256.txt')
      ? 0
      : name.endsWith('.p7s')
        ? copy.length - 5
        : Math.floor(copy.length / 2)
    copy[at] = copy[at] === 0x61 ? 0x62 : name.endsWith('.txt') && name.includes('manifest') ? 0x61 : copy[at]! ^ 0x01
    return copy
  }

  const evidenceName = (): string => `data/evidence/${sources.evidence[1]?.sha256}-Жалоба клиента.txt`
  const cases: Array<[string, () => string, Array<[string, string, string]>, string | null]> = [
    ['evidence', evidenceName, [['payload_manifest', '$target', 'digest_mismatch']], 'manifest-sha256.txt'],
    [
      'case.json',
      () => 'data/case.json',
      [['payload_manifest', 'data/case.json', 'digest_mismatch']],
      'manifest-sha256.txt',
    ],
    [
      'the audit log',
      () => 'data/audit-log.jsonl',
      [['payload_manifest', 'data/audit-log.jsonl', 'digest_mismatch']],
      'manifest-sha256.txt',
    ],
    [
      'the closure record',
      () => 'data/closure-record.pdf',
      [['payload_manifest', 'data/closure-record.pdf', 'digest_mismatch']],
      'manifest-sha256.txt',
    ],
    [
      'the payload manifest',
      () => 'manifest-sha256.txt',
      [['tag_manifest', 'manifest-sha256.txt', 'digest_mismatch']],
      'tagmanifest-sha256.txt',
    ],
    [
      'the tag manifest',
      () => 'tagmanifest-sha256.txt',
      [['cms_signature', '$signer', 'bad_signature']],
      'tagmanifest-sha256.txt',
    ],
    [
      'bag-info.txt',
      () => 'bag-info.txt',
      [['tag_manifest', 'bag-info.txt', 'digest_mismatch']],
      'tagmanifest-sha256.txt',
    ],
    ['the signature', () => 'tagmanifest-sha256.txt.p7s', [['cms_signature', '$signer', 'bad_signature']], null],
  ]

  it.each(cases)('in %s (re-zipped with sound CRCs)', async (_what, target, expected, manifest) => {
    const tampered = join(work, `tampered-${randomBytes(4).toString('hex')}.zip`)
    await rewriteZip(packet, tampered, (name, data) => (name === `${caseRef}/${target()}` ? flip(name, data) : data))
    const report = await verifyPacket(tampered, verifyOptions)
    expect(report.ok).toBe(false)
    const failed = report.checks.filter((check) => !check.ok).map((c) => [c.check, c.subject, c.problem])
    for (const [check, subject, problem] of expected) {
      const named = subject === '$target' ? target() : subject === '$signer' ? identity.name : subject
      expect(failed).toContainEqual([check, named, problem])
    }
    // The ZIP itself is sound: only the bag's own checks caught it.
    expect(failed.filter(([check]) => check === 'zip')).toEqual([])
    expect(await tmpLeft()).toEqual([])

    // And the standard tools see it as well.
    const bag = await extract(tampered)
    if (manifest) expect(sh('sha256sum', ['-c', manifest], bag).status).not.toBe(0)
    const cms = sh(
      'openssl',
      ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'tagmanifest-sha256.txt.p7s'].concat([
        '-content',
        'tagmanifest-sha256.txt',
        '-CAfile',
        identity.cert,
        '-out',
        '/dev/null',
      ]),
      bag,
    )
    if (target().includes('tagmanifest')) expect(cms.status).not.toBe(0)
  })

  it('in the closure record, the PDF signature fails too', async () => {
    const tampered = join(work, 'tampered-pdf.zip')
    await rewriteZip(packet, tampered, (name, data) => {
      if (name !== `${caseRef}/data/closure-record.pdf`) return data
      const copy = Buffer.from(data)
      copy[12] = copy[12]! ^ 0x01
      return copy
    })
    const report = await verifyPacket(tampered, verifyOptions)
    expect(report.checks).toContainEqual({
      check: 'pdf_signature',
      subject: identity.name,
      ok: false,
      problem: 'bad_signature',
    })
  })

  it('flipped in place, the CRC catches it and names the entry', async () => {
    const raw = join(work, 'raw-flip.zip')
    await writeFile(raw, await readFile(packet))
    const name = `${caseRef}/data/case.json`
    await flipStoredByte(raw, name, 10)
    const report = await verifyPacket(raw, verifyOptions)
    expect(report.ok).toBe(false)
    expect(report.checks).toContainEqual({ check: 'zip', subject: name, ok: false, problem: 'crc_mismatch' })
    expect(sh('unzip', ['-t', raw]).status).not.toBe(0)
    expect(await tmpLeft()).toEqual([])
  })

  it('a file added to the payload is reported as unlisted, and the Payload-Oxum no longer matches', async () => {
    const entries = await readZip(packet)
    const added = join(work, 'added.zip')
    const { createZipWriter } = await import('../../../src/main/services/packet/zip-writer')
    const writer = await createZipWriter(added, { date: new Date() })
    for (const entry of entries) await writer.addBytes(entry.name, entry.data)
    await writer.addBytes(`${caseRef}/data/evidence/extra.txt`, Buffer.from('slipped in'))
    await writer.finish()
    const report = await verifyPacket(added, verifyOptions)
    const failed = report.checks.filter((check) => !check.ok).map((c) => [c.check, c.subject, c.problem])
    expect(failed).toContainEqual(['payload_manifest', 'data/evidence/extra.txt', 'unlisted_file'])
    expect(failed).toContainEqual(['bag', 'bag-info.txt', 'oxum_mismatch'])
  })
})

describe('export failures leave nothing behind', () => {
  async function outputFolder(): Promise<string> {
    const folder = await mkdtemp(join(work, 'out-'))
    return folder
  }

  it('cancel midway removes the partial file', async () => {
    const folder = await outputFolder()
    const big = await vaultFile('big.bin', randomBytes(24 * 1024 * 1024))
    const controller = new AbortController()
    const progress: number[] = []
    const attempt = exportPacket({
      outputPath: join(folder, 'packet.zip'),
      organisation: 'Org',
      caseRef,
      dates: { received: '2026-01-05', closed: '2026-02-20' },
      files: { ...sources, evidence: [big] },
      signTagManifest: opensslSigner(identity),
      signal: controller.signal,
      onProgress: (p) => progress.push(p.bytesDone),
      io: {
        async write(file, buffer, offset, length, position) {
          // Cancel once part of the large file is in the packet.
          if (length >= 1024 * 1024) controller.abort()
          await file.write(buffer, offset, length, position)
        },
      },
    })
    await expect(attempt).rejects.toMatchObject({ code: 'canceled' })
    expect(progress.length).toBeGreaterThan(0)
    expect(await readdir(folder)).toEqual([])
  })

  it('a full disk gives disk_full and removes the partial file', async () => {
    const folder = await outputFolder()
    let written = 0
    const attempt = exportTo(join(folder, 'packet.zip'), {
      io: {
        async write(file, buffer, offset, length, position) {
          written += length
          if (written > 20_000) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
          await file.write(buffer, offset, length, position)
        },
      },
    })
    await expect(attempt).rejects.toMatchObject({ code: 'disk_full' })
    expect(await readdir(folder)).toEqual([])
  })

  it('evidence that no longer matches its fingerprint stops the export and names the file', async () => {
    const folder = await outputFolder()
    const changed = await vaultFile('Ảnh chụp.png', randomBytes(5000))
    await writeFile(changed.path, randomBytes(5000))
    const attempt = exportTo(join(folder, 'packet.zip'), { files: { ...sources, evidence: [changed] } })
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    await expect(attempt).rejects.toMatchObject({ code: 'packet_evidence_changed', subject: 'Ảnh chụp.png' })
    expect(await readdir(folder)).toEqual([])
  })

  it('evidence gone from the vault gives source_missing and leaves nothing', async () => {
    const folder = await outputFolder()
    const gone = await vaultFile('gone.txt', randomBytes(100))
    await rm(gone.path)
    const attempt = exportTo(join(folder, 'packet.zip'), { files: { ...sources, evidence: [gone] } })
    await expect(attempt).rejects.toMatchObject({ code: 'source_missing', subject: 'gone.txt' })
    expect(await readdir(folder)).toEqual([])
  })
})
