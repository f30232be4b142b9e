import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Transform, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { AppError } from '@shared/contract/errors'
import type { AuditEntry } from '@shared/domain/audit'
import { verifyChain } from '@shared/domain/audit-chain'
import { caseSchemaName, caseSchemaVersion } from '@shared/domain/case-bundle-schema'
import { TransferError } from '../vault/copy-and-hash'
import {
  bagInfoName,
  bagitTxtName,
  collisionKey,
  isWindowsReservedName,
  parseManifest,
  parseTagFile,
  payloadManifestName,
  payloadOxum,
  signatureName,
  tagManifestName,
} from './bag'
import { createPumpResources, pumpChunks, type PumpResources } from './chunk-pump'

/** The subject of a signing certificate, as a person reads it. */
export interface CertificateSubject {
  readonly name: string
  readonly email: string | null
  readonly organisation: string | null
}

/** Checks a detached CMS signature (DER) over `content`. Throws only when the DER cannot be parsed at all. */
export type VerifyCms = (
  der: Uint8Array,
  content: Uint8Array,
) => Promise<{
  signers: Array<{
    subject: CertificateSubject
    /** SHA-256 of the certificate, hex. */
    fingerprint: string
    signingTime: string | null
    certificateDer: Uint8Array
    valid: boolean
    problem: string | null
  }>
}>

/** Checks every signature inside a PDF, in the order they were applied. */
export type VerifyPdf = (pdf: Uint8Array) => Promise<
  Array<{
    index: number
    signerName: string | null
    subject: CertificateSubject
    fingerprint: string
    signingTime: string | null
    certificateDer: Uint8Array
    valid: boolean
    /** The signature's byte range covers the whole file: nothing was appended after it. */
    coversWholeDocument: boolean
    problem: string | null
  }>
>

/** Whose certificate this is: the user's own, one their organisation trusts, or neither. */
export type TrustOf = (certificateDer: Uint8Array) => Promise<'own' | 'organisation' | 'untrusted'>

export type PacketCheckName =
  'zip' | 'bag' | 'payload_manifest' | 'tag_manifest' | 'cms_signature' | 'pdf_signature' | 'audit_chain' | 'case_json'

/** Stable reasons a check fails; the CLI and the UI explain each in plain words. */
export const packetProblems = [
  'unreadable',
  'not_zip',
  'truncated',
  'zip_damaged',
  'absolute_path',
  'parent_path',
  'backslash',
  'symlink',
  'not_regular_file',
  'directory_with_data',
  'duplicate_name',
  'reserved_name',
  'stream_name',
  'control_char',
  'bad_name',
  'several_roots',
  'outside_bag_folder',
  'unsupported_method',
  'encrypted',
  'header_mismatch',
  'size_mismatch',
  'crc_mismatch',
  'missing_file',
  'bad_bagit_txt',
  'bad_bag_info',
  'oxum_mismatch',
  'bad_manifest_line',
  'digest_mismatch',
  'unlisted_file',
  'no_signature',
  'bad_signature',
  'not_whole_document',
  'bad_json',
  'chain_broken',
  'empty_log',
  'unknown_schema',
  'unsupported_version',
  'too_large',
] as const
export type PacketProblem = (typeof packetProblems)[number]

export interface PacketCheck {
  readonly check: PacketCheckName
  /** The file (path inside the bag, or inside the ZIP for ZIP checks) or signer the check is about. */
  readonly subject: string | null
  readonly ok: boolean
  readonly problem: PacketProblem | null
}

export interface PacketSigner {
  readonly name: string
  readonly email: string | null
  readonly organisation: string | null
  readonly fingerprint: string
  readonly signingTime: string | null
  readonly trust: 'own' | 'organisation' | 'untrusted'
  /** Which signatures this certificate made: the tag manifest's, the PDF's, or both. */
  readonly in: 'cms' | 'pdf' | 'both'
}

export interface PacketReport {
  /** Every check passed. */
  readonly ok: boolean
  /** External-Identifier from bag-info.txt. */
  readonly caseRef: string | null
  /** The bag's folder inside the ZIP. */
  readonly bagName: string | null
  readonly checks: readonly PacketCheck[]
  readonly signers: readonly PacketSigner[]
  /** The extracted bag folder, for a verified packet when keepExtracted was asked; the caller removes it. */
  readonly extractedTo: string | null
}

export interface VerifyPacketProgress {
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly file: string
}

export interface VerifyPacketOptions {
  readonly verifyCms: VerifyCms
  readonly verifyPdf: VerifyPdf
  readonly trustOf: TrustOf
  readonly signal?: AbortSignal | undefined
  /** At most about ten times a second, and once at the end of extraction. */
  readonly onProgress?: ((progress: VerifyPacketProgress) => void) | undefined
  /** Keep the extracted bag of a verified packet (the import reads it, then removes it). */
  readonly keepExtracted?: boolean
  /** Where the temporary folder goes; the system's temp folder by default. */
  readonly tmpDir?: string
}

/** What each extracted file turned out to be. */
interface Extracted {
  readonly sha256: string
  readonly size: number
  /** Where it was extracted; null for payload bytes that were only hashed (nothing reads them back). */
  readonly diskPath: string | null
}

interface ScannedEntry {
  readonly entry: Entry
  /** Full name inside the ZIP. */
  readonly name: string
  /** Path inside the bag folder (without it), `/`-separated. */
  readonly relative: string
  readonly isDirectory: boolean
}

const payloadPdf = 'data/closure-record.pdf'
const payloadCase = 'data/case.json'
const payloadAudit = 'data/audit-log.jsonl'
/** The payload files the checks read back once extracted. */
const readBack = new Set([payloadPdf, payloadCase, payloadAudit])
/** Files read whole into memory for their checks; a larger one is refused rather than exhausting memory. */
const maxInMemoryBytes = 512 * 1024 * 1024
const progressIntervalMs = 100
const fullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])

/**
 * Checks a closure packet the way DESIGN §4 promises anyone can: the ZIP is
 * sound and holds nothing that could write outside a folder or collide on
 * Windows or macOS (refused before a single byte is extracted); then every
 * entry is extracted to a fresh temporary folder with its CRC-32 and SHA-256
 * computed on the way; then the bag (bagit.txt, Payload-Oxum, both manifests),
 * the CMS signature over the tag manifest, the PDF's own signatures, the audit
 * log's hash chains and case.json's schema. Every failing file is reported, not
 * only the first. A bad packet never throws: it gives a report with ok=false.
 * Cancel throws AppError('canceled'), and a full temporary disk 'disk_full';
 * either way the temporary folder is removed.
 */
export async function verifyPacket(zipPath: string, options: VerifyPacketOptions): Promise<PacketReport> {
  const { signal } = options
  if (signal?.aborted) throw new AppError('canceled', 'Canceled')
  const checks: PacketCheck[] = []
  const fail = (check: PacketCheckName, subject: string | null, problem: PacketProblem): void => {
    checks.push({ check, subject, ok: false, problem })
  }
  const pass = (check: PacketCheckName, subject: string | null = null): void => {
    checks.push({ check, subject, ok: true, problem: null })
  }
  const refused = (bagName: string | null = null): PacketReport => ({
    ok: false,
    caseRef: null,
    bagName,
    checks,
    signers: [],
    extractedTo: null,
  })

  const opened = await openZip(zipPath)
  if (!opened.ok) {
    fail('zip', null, opened.problem)
    return refused()
  }
  const zip = opened.zip
  let folder: string | null = null
  let keep = false
  let reader: FileHandle | null = null
  const resources = createPumpResources()
  try {
    const scan = await scanEntries(zip)
    for (const problem of scan.problems) fail('zip', problem.subject, problem.problem)
    if (scan.problems.length > 0) return refused(scan.root)
    const root = scan.root as string

    folder = await mkdtemp(join(options.tmpDir ?? tmpdir(), 'redress-verify-'))
    reader = await open(zipPath, 'r')
    const extracted = await extractAll(zip, reader, resources, scan.entries, folder, options, fail)
    if (!checks.some((check) => check.check === 'zip')) pass('zip')

    const caseRef = await checkBag(extracted, fail, pass)
    await checkPayloadManifest(extracted, fail, pass)
    await checkTagManifest(extracted, fail, pass)
    const cmsSigners = await checkCms(extracted, options, fail, pass)
    const pdfSigners = await checkPdf(extracted, options, fail, pass)
    await checkAuditLog(extracted, fail, pass)
    await checkCaseJson(extracted, fail, pass)
    const signers = await mergeSigners(cmsSigners, pdfSigners, options.trustOf)

    const ok = checks.every((check) => check.ok)
    keep = ok && options.keepExtracted === true
    return { ok, caseRef, bagName: root, checks, signers, extractedTo: keep ? folder : null }
  } finally {
    zip.close()
    await resources.close()
    await reader?.close().catch(() => {})
    if (folder && !keep) await rm(folder, { recursive: true, force: true })
  }
}

type Opened = { ok: true; zip: ZipFile } | { ok: false; problem: PacketProblem }

async function openZip(path: string): Promise<Opened> {
  try {
    const zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      // Names are judged here, not by yauzl, so the report can say which entry is wrong and why.
      decodeStrings: false,
      validateEntrySizes: true,
    })
    return { ok: true, zip }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return { ok: false, problem: 'unreadable' }
    return { ok: false, problem: (await startsLikeZip(path)) ? 'truncated' : 'not_zip' }
  }
}

interface Scan {
  readonly entries: ScannedEntry[]
  readonly root: string | null
  readonly problems: Array<{ subject: string | null; problem: PacketProblem }>
}

/** Reads the whole central directory and judges every name before anything is extracted. */
async function scanEntries(zip: ZipFile): Promise<Scan> {
  const problems: Array<{ subject: string | null; problem: PacketProblem }> = []
  const entries: ScannedEntry[] = []
  const add = (subject: string | null, problem: PacketProblem): void => {
    if (!problems.some((p) => p.subject === subject && p.problem === problem)) problems.push({ subject, problem })
  }
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileName as unknown as Buffer
      const name = decodeName(raw)
      if (name === null) {
        add(printable(raw.toString('latin1')), 'bad_name')
        continue
      }
      const shown = printable(name)
      const isDirectory = name.endsWith('/')
      for (const problem of nameProblems(name)) add(shown, problem)
      const mode = (entry.externalFileAttributes >>> 16) & 0xffff
      const type = mode & 0o170000
      const dosDirectory = (entry.externalFileAttributes & 0x10) !== 0
      if (type === 0o120000) add(shown, 'symlink')
      else if (type !== 0 && type !== 0o100000 && type !== 0o040000) add(shown, 'not_regular_file')
      if (isDirectory && (entry.uncompressedSize > 0 || entry.compressedSize > 2)) add(shown, 'directory_with_data')
      if (!isDirectory && (type === 0o040000 || dosDirectory)) add(shown, 'directory_with_data')
      if (entry.isEncrypted()) add(shown, 'encrypted')
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) add(shown, 'unsupported_method')
      const slash = name.indexOf('/')
      entries.push({
        entry,
        name,
        relative: slash < 0 ? '' : name.slice(slash + 1).replace(/\/$/, ''),
        isDirectory,
      })
    }
  } catch (error) {
    add(null, /size mismatch/.test(messageOf(error)) ? 'size_mismatch' : 'zip_damaged')
    return { entries, root: null, problems }
  }

  // One folder holds the whole bag; anything beside it would be extracted outside the bag.
  const roots = new Set<string>()
  for (const scanned of entries) {
    const slash = scanned.name.indexOf('/')
    if (slash < 0) add(printable(scanned.name), 'outside_bag_folder')
    else roots.add(scanned.name.slice(0, slash))
  }
  if (roots.size > 1) add([...roots].map(printable).join(', '), 'several_roots')
  if (roots.size === 0) add(null, 'outside_bag_folder')

  // Two names one file system would take for the same file (case, normalisation), or a file where a folder must go.
  const files = new Map<string, string>()
  const folders = new Set<string>()
  for (const scanned of entries) {
    const key = collisionKey(scanned.name.replace(/\/$/, ''))
    const segments = key.split('/')
    for (let n = 1; n < segments.length; n++) folders.add(segments.slice(0, n).join('/'))
    if (scanned.isDirectory) {
      folders.add(key)
      continue
    }
    if (files.has(key)) add(printable(scanned.name), 'duplicate_name')
    files.set(key, scanned.name)
  }
  for (const [key, name] of files) if (folders.has(key)) add(printable(name), 'duplicate_name')

  return { entries, root: roots.size === 1 ? ([...roots][0] as string) : null, problems }
}

/** UTF-8 (flagged or not: plain ASCII is both); null when the bytes are not valid UTF-8. */
function decodeName(raw: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    return null
  }
}

/** Everything about a name that could write outside the folder or fail on some system. */
export function nameProblems(name: string): PacketProblem[] {
  const problems: PacketProblem[] = []
  if (/\p{Cc}/u.test(name)) problems.push('control_char')
  if (name.includes('\\')) problems.push('backslash')
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) problems.push('absolute_path')
  const segments = name.replace(/\/$/, '').split('/')
  if (segments.includes('..')) problems.push('parent_path')
  const windowsDrive = /^[A-Za-z]:/.test(name)
  if (segments.some((segment, index) => segment.includes(':') && !(index === 0 && windowsDrive))) {
    problems.push('stream_name')
  }
  if (segments.some((segment) => isWindowsReservedName(segment))) problems.push('reserved_name')
  const oddSegment = (segment: string, index: number): boolean =>
    (segment === '' && !(index === 0 && name.startsWith('/'))) ||
    segment === '.' ||
    (segment !== '..' && /[. ]$/.test(segment)) ||
    /[*?"<>|]/.test(segment)
  if (segments.some(oddSegment)) problems.push('bad_name')
  return problems
}

/**
 * Extracts every file into `folder` (the bag folder's content), hashing and
 * CRC'ing on the way; an entry that cannot be read is reported and left out.
 */
async function extractAll(
  zip: ZipFile,
  reader: FileHandle,
  resources: PumpResources,
  entries: readonly ScannedEntry[],
  folder: string,
  options: VerifyPacketOptions,
  fail: (check: PacketCheckName, subject: string | null, problem: PacketProblem) => void,
): Promise<Map<string, Extracted>> {
  const { signal } = options
  const files = entries.filter((scanned) => !scanned.isDirectory)
  const total = files.reduce((sum, scanned) => sum + scanned.entry.uncompressedSize, 0)
  let done = 0
  let lastReport = -Infinity
  const report = (file: string, final = false): void => {
    const at = performance.now()
    if (!options.onProgress || (!final && at - lastReport < progressIntervalMs)) return
    lastReport = at
    options.onProgress({ bytesDone: done, bytesTotal: total, file })
  }

  const extracted = new Map<string, Extracted>()
  for (const scanned of files) {
    if (signal?.aborted) throw new AppError('canceled', 'Canceled')
    const { entry, relative } = scanned
    const subject = printable(scanned.name)
    const diskPath = join(folder, ...relative.split('/'))
    report(relative)

    let fileDataStart: number
    try {
      const header = await zip.readLocalFileHeaderPromise(entry)
      if (!header.fileName.equals(entry.fileName as unknown as Buffer)) {
        fail('zip', subject, 'header_mismatch')
        continue
      }
      fileDataStart = header.fileDataStart
    } catch {
      fail('zip', subject, 'truncated')
      continue
    }

    // Without keepExtracted, evidence and letters are only hashed: no check reads them back, and
    // writing a gigabyte to disk only to delete it would halve the speed of a plain verification.
    const store = options.keepExtracted === true || !relative.startsWith('data/') || readBack.has(relative)
    if (store) await mkdir(dirname(diskPath), { recursive: true })
    const target = store ? await open(diskPath, 'wx', 0o600) : null
    const before = done
    let result: { sha256: string; crc32: number; bytes: number }
    try {
      if (entry.compressionMethod === 0) {
        result = await pumpChunks({
          resources,
          read: async (buffer, at, length, position) =>
            (await reader.read(buffer, at, length, fileDataStart + position)).bytesRead,
          write: target
            ? async (buffer, at, length, position) => {
                let written = 0
                while (written < length) {
                  const { bytesWritten } = await target.write(
                    buffer,
                    at + written,
                    length - written,
                    position + written,
                  )
                  written += bytesWritten
                }
              }
            : null,
          writeAt: 0,
          expectedSize: entry.uncompressedSize,
          limit: entry.compressedSize,
          signal,
          onProgress: (bytes) => {
            done = before + bytes
            report(relative)
          },
        })
      } else {
        result = await inflateEntry(zip, entry, target, signal, (bytes) => {
          done = before + bytes
          report(relative)
        })
      }
    } catch (error) {
      await target?.close()
      if (error instanceof AppError) throw error
      const stage = error instanceof TransferError ? error.stage : 'read'
      const cause = error instanceof TransferError ? error.cause : error
      const code = (cause as { code?: unknown } | null)?.code
      if (stage === 'write' && typeof code === 'string' && fullCodes.has(code)) {
        throw new AppError('disk_full', `No space left to extract the packet (${code})`)
      }
      if (stage === 'write') throw cause
      // The archive's bytes could not be read or inflated: damaged, or cut short.
      fail('zip', subject, /size|EOF|end of/i.test(messageOf(cause)) ? 'size_mismatch' : 'zip_damaged')
      continue
    }
    await target?.close()
    done = before + entry.uncompressedSize
    if (result.bytes !== entry.uncompressedSize) {
      fail('zip', subject, 'size_mismatch')
      continue
    }
    if (result.crc32 !== entry.crc32 >>> 0) fail('zip', subject, 'crc_mismatch')
    extracted.set(relative.normalize('NFC'), {
      sha256: result.sha256,
      size: result.bytes,
      diskPath: store ? diskPath : null,
    })
  }
  report('', true)
  return extracted
}

/** A deflated entry (not what Redress writes, but what re-zipping a bag with other tools gives). */
async function inflateEntry(
  zip: ZipFile,
  entry: Entry,
  target: FileHandle | null,
  signal: AbortSignal | undefined,
  onProgress: (bytes: number) => void,
): Promise<{ sha256: string; crc32: number; bytes: number }> {
  const stream = await zip.openReadStreamPromise(entry)
  const hash = createHash('sha256')
  let crc = 0
  let bytes = 0
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      crc = crc32(chunk, crc)
      bytes += chunk.length
      onProgress(bytes)
      callback(null, chunk)
    },
  })
  let written = 0
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!target) return callback()
      writeAll(target, chunk, written).then(
        () => {
          written += chunk.length
          callback()
        },
        (error: unknown) => callback(new TransferError('write', error)),
      )
    },
  })
  try {
    await pipeline(stream, measure, sink, signal ? { signal } : {})
  } catch (error) {
    if (signal?.aborted) throw new AppError('canceled', 'Canceled')
    if (error instanceof TransferError) throw error
    throw new TransferError('read', error)
  }
  return { sha256: hash.digest('hex'), crc32: crc >>> 0, bytes }
}

/** Writes all of `bytes` at `position` (POSIX allows short writes). */
async function writeAll(target: FileHandle, bytes: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesWritten } = await target.write(bytes, done, bytes.length - done, position + done)
    if (bytesWritten === 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' })
    done += bytesWritten
  }
}

type Fail = (check: PacketCheckName, subject: string | null, problem: PacketProblem) => void
type Pass = (check: PacketCheckName, subject?: string | null) => void

/** bagit.txt as RFC 8493 §2.1.1 has it, and Payload-Oxum against the payload; returns External-Identifier. */
async function checkBag(extracted: Map<string, Extracted>, fail: Fail, pass: Pass): Promise<string | null> {
  let failed = false
  const bagitRead = await readText(extracted, bagitTxtName)
  if ('problem' in bagitRead) {
    fail('bag', bagitTxtName, bagitRead.problem)
    failed = true
  } else {
    const bagit = bagitRead.text
    const parsed = parseTagFile(bagit)
    const labels = parsed.ok ? parsed.elements.map(([label]) => label) : []
    const version = parsed.ok ? parsed.elements.find(([label]) => label === 'BagIt-Version')?.[1] : undefined
    const encoding = parsed.ok
      ? parsed.elements.find(([label]) => label === 'Tag-File-Character-Encoding')?.[1]
      : undefined
    if (
      labels.length !== 2 ||
      !(version === '1.0' || version === '0.97') ||
      !/^utf-8$/i.test(encoding ?? '') ||
      bagit.charCodeAt(0) === 0xfeff
    ) {
      fail('bag', bagitTxtName, 'bad_bagit_txt')
      failed = true
    }
  }

  let caseRef: string | null = null
  const infoRead = await readText(extracted, bagInfoName)
  if ('problem' in infoRead) {
    fail('bag', bagInfoName, infoRead.problem)
    failed = true
  } else {
    const parsed = parseTagFile(infoRead.text)
    if (!parsed.ok) {
      fail('bag', bagInfoName, 'bad_bag_info')
      failed = true
    } else {
      const value = (label: string): string | null =>
        parsed.elements.find(([found]) => found.toLowerCase() === label.toLowerCase())?.[1] ?? null
      caseRef = value('External-Identifier')
      const oxum = value('Payload-Oxum')
      const payload = [...extracted].filter(([path]) => path.startsWith('data/'))
      const actual = payloadOxum(
        payload.reduce((sum, [, file]) => sum + file.size, 0),
        payload.length,
      )
      if (oxum === null) {
        fail('bag', bagInfoName, 'bad_bag_info')
        failed = true
      } else if (oxum !== actual) {
        fail('bag', bagInfoName, 'oxum_mismatch')
        failed = true
      }
    }
  }
  if (!failed) pass('bag')
  return caseRef
}

/** Every payload file listed once with its SHA-256, and nothing in data/ that is not listed. */
async function checkPayloadManifest(extracted: Map<string, Extracted>, fail: Fail, pass: Pass): Promise<void> {
  await checkManifest(
    'payload_manifest',
    payloadManifestName,
    extracted,
    (path) => path.startsWith('data/'),
    new Set(),
    fail,
    pass,
  )
}

/** Every tag file listed (but the tag manifest itself and its signature, which cannot be) with its SHA-256. */
async function checkTagManifest(extracted: Map<string, Extracted>, fail: Fail, pass: Pass): Promise<void> {
  await checkManifest(
    'tag_manifest',
    tagManifestName,
    extracted,
    (path) => !path.startsWith('data/'),
    new Set([tagManifestName, signatureName]),
    fail,
    pass,
  )
}

async function checkManifest(
  check: PacketCheckName,
  manifestName: string,
  extracted: Map<string, Extracted>,
  covers: (path: string) => boolean,
  exempt: ReadonlySet<string>,
  fail: Fail,
  pass: Pass,
): Promise<void> {
  const manifestFile = extracted.get(manifestName)
  if (!manifestFile) {
    fail(check, manifestName, 'missing_file')
    return
  }
  let failed = false
  const textRead = await readText(extracted, manifestName)
  if ('problem' in textRead) {
    fail(check, manifestName, textRead.problem === 'too_large' ? 'too_large' : 'bad_manifest_line')
    return
  }
  const text = textRead.text
  const { lines, badLines } = parseManifest(text)
  for (const line of badLines) {
    fail(check, `${manifestName} line ${line}`, 'bad_manifest_line')
    failed = true
  }
  const listed = new Set<string>()
  for (const line of lines) {
    const path = line.path.normalize('NFC')
    if (!covers(path) || exempt.has(path) || nameProblems(path).length > 0) {
      fail(check, printable(line.path), 'bad_manifest_line')
      failed = true
      continue
    }
    if (listed.has(path)) {
      fail(check, printable(path), 'duplicate_name')
      failed = true
      continue
    }
    listed.add(path)
    const file = extracted.get(path)
    if (!file) {
      fail(check, printable(path), 'missing_file')
      failed = true
    } else if (file.sha256 !== line.sha256) {
      fail(check, printable(path), 'digest_mismatch')
      failed = true
    }
  }
  for (const path of extracted.keys()) {
    if (covers(path) && !exempt.has(path) && !listed.has(path)) {
      fail(check, printable(path), 'unlisted_file')
      failed = true
    }
  }
  if (!failed) pass(check, manifestName)
}

interface FoundSigner {
  readonly subject: CertificateSubject
  readonly fingerprint: string
  readonly signingTime: string | null
  readonly certificateDer: Uint8Array
}

/** The detached CMS signature over the tag manifest: present, and every signer's signature valid. */
async function checkCms(
  extracted: Map<string, Extracted>,
  options: VerifyPacketOptions,
  fail: Fail,
  pass: Pass,
): Promise<FoundSigner[]> {
  const signature = extracted.get(signatureName)
  const manifest = extracted.get(tagManifestName)
  if (!signature) {
    fail('cms_signature', signatureName, 'no_signature')
    return []
  }
  if (!manifest) {
    fail('cms_signature', tagManifestName, 'missing_file')
    return []
  }
  const der = await readBytes(signature)
  const content = await readBytes(manifest)
  if (typeof der === 'string' || typeof content === 'string') {
    fail('cms_signature', signatureName, 'too_large')
    return []
  }
  let result: Awaited<ReturnType<VerifyCms>>
  try {
    result = await options.verifyCms(der, content)
  } catch {
    fail('cms_signature', signatureName, 'bad_signature')
    return []
  }
  if (result.signers.length === 0) {
    fail('cms_signature', signatureName, 'no_signature')
    return []
  }
  for (const signer of result.signers) {
    // A signature that cannot even be read names no signer: name the file instead.
    const subject = signer.subject.name || signatureName
    if (signer.valid) pass('cms_signature', subject)
    else fail('cms_signature', subject, 'bad_signature')
  }
  return result.signers
}

/** The closure record's own signatures: at least one, all valid, the last covering the whole file. */
async function checkPdf(
  extracted: Map<string, Extracted>,
  options: VerifyPacketOptions,
  fail: Fail,
  pass: Pass,
): Promise<FoundSigner[]> {
  const file = extracted.get(payloadPdf)
  if (!file) {
    fail('pdf_signature', payloadPdf, 'missing_file')
    return []
  }
  const pdf = await readBytes(file)
  if (typeof pdf === 'string') {
    fail('pdf_signature', payloadPdf, pdf)
    return []
  }
  let signatures: Awaited<ReturnType<VerifyPdf>>
  try {
    signatures = await options.verifyPdf(pdf)
  } catch {
    fail('pdf_signature', payloadPdf, 'bad_signature')
    return []
  }
  if (signatures.length === 0) {
    fail('pdf_signature', payloadPdf, 'no_signature')
    return []
  }
  const ordered = [...signatures].sort((a, b) => a.index - b.index)
  for (const signature of ordered) {
    const who = signature.signerName ?? signature.subject.name
    if (!signature.valid) fail('pdf_signature', who, 'bad_signature')
    else if (signature === ordered.at(-1) && !signature.coversWholeDocument) {
      fail('pdf_signature', who, 'not_whole_document')
    } else pass('pdf_signature', who)
  }
  return ordered
}

/** One AuditEntry a line; every chain in the log unbroken from its first entry. */
async function checkAuditLog(extracted: Map<string, Extracted>, fail: Fail, pass: Pass): Promise<void> {
  const textRead = await readText(extracted, payloadAudit)
  if ('problem' in textRead) {
    fail('audit_chain', payloadAudit, textRead.problem)
    return
  }
  const text = textRead.text
  const chains = new Map<string, AuditEntry[]>()
  let failed = false
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const [index, line] of lines.entries()) {
    let entry: unknown
    try {
      entry = JSON.parse(line)
    } catch {
      entry = null
    }
    if (!isAuditEntry(entry)) {
      fail('audit_chain', `${payloadAudit} line ${index + 1}`, 'bad_json')
      failed = true
      continue
    }
    const chain = chains.get(entry.chain) ?? []
    chain.push(entry)
    chains.set(entry.chain, chain)
  }
  if (lines.length === 0) {
    fail('audit_chain', payloadAudit, 'empty_log')
    return
  }
  for (const [chain, entries] of chains) {
    const verdict = verifyChain(entries)
    if (!verdict.ok) {
      fail('audit_chain', `${payloadAudit}: chain ${printable(chain)}, entry ${verdict.firstBroken}`, 'chain_broken')
      failed = true
    }
  }
  if (!failed) pass('audit_chain', payloadAudit)
}

function isAuditEntry(value: unknown): value is AuditEntry {
  if (value === null || typeof value !== 'object') return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.chain === 'string' &&
    typeof entry.seq === 'number' &&
    typeof entry.at === 'string' &&
    typeof entry.by === 'string' &&
    typeof entry.entity === 'string' &&
    typeof entry.entityId === 'string' &&
    typeof entry.action === 'string' &&
    Array.isArray(entry.changes) &&
    typeof entry.prevHash === 'string' &&
    typeof entry.hash === 'string'
  )
}

/** case.json names the Redress case schema, in a version this build can read. */
async function checkCaseJson(extracted: Map<string, Extracted>, fail: Fail, pass: Pass): Promise<void> {
  const textRead = await readText(extracted, payloadCase)
  if ('problem' in textRead) {
    fail('case_json', payloadCase, textRead.problem)
    return
  }
  const text = textRead.text
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    fail('case_json', payloadCase, 'bad_json')
    return
  }
  const head =
    json !== null && typeof json === 'object' ? (json as { schema?: unknown; schemaVersion?: unknown }) : null
  if (head?.schema !== caseSchemaName) {
    fail('case_json', payloadCase, 'unknown_schema')
    return
  }
  const version = head.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > caseSchemaVersion) {
    fail('case_json', payloadCase, 'unsupported_version')
    return
  }
  pass('case_json', payloadCase)
}

/** One entry per certificate, whether it signed the tag manifest, the PDF or both, with its trust. */
async function mergeSigners(cms: FoundSigner[], pdf: FoundSigner[], trustOf: TrustOf): Promise<PacketSigner[]> {
  const merged = new Map<string, { signer: FoundSigner; in: Set<'cms' | 'pdf'> }>()
  for (const [source, signers] of [
    ['cms', cms],
    ['pdf', pdf],
  ] as const) {
    for (const signer of signers) {
      const key = signer.fingerprint.toLowerCase().replace(/[^0-9a-f]/g, '')
      const found = merged.get(key) ?? { signer, in: new Set() }
      found.in.add(source)
      merged.set(key, found)
    }
  }
  const result: PacketSigner[] = []
  for (const { signer, in: where } of merged.values()) {
    let trust: PacketSigner['trust']
    try {
      trust = await trustOf(signer.certificateDer)
    } catch {
      trust = 'untrusted'
    }
    result.push({
      name: signer.subject.name,
      email: signer.subject.email,
      organisation: signer.subject.organisation,
      fingerprint: signer.fingerprint,
      signingTime: signer.signingTime,
      trust,
      in: where.size === 2 ? 'both' : where.has('cms') ? 'cms' : 'pdf',
    })
  }
  return result
}

async function readBytes(file: Extracted): Promise<Uint8Array | 'too_large'> {
  if (file.size > maxInMemoryBytes) return 'too_large'
  if (file.diskPath === null) throw new Error('Only files that were extracted can be read back')
  return readFile(file.diskPath)
}

/** A file of the bag as UTF-8 text, or why it cannot be had. */
async function readText(
  extracted: Map<string, Extracted>,
  path: string,
): Promise<{ text: string } | { problem: 'missing_file' | 'too_large' | 'bad_json' }> {
  const file = extracted.get(path)
  if (!file) return { problem: 'missing_file' }
  const bytes = await readBytes(file)
  if (typeof bytes === 'string') return { problem: bytes }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { problem: 'bad_json' }
  }
}

/** A name safe to print in a report: control characters shown as `?`, at most 200 characters. */
function printable(name: string): string {
  const clean = name.replace(/[\p{Cc}\u2028\u2029]/gu, '?')
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean
}

/** A local file header signature at the start: a ZIP whose end is missing, rather than another kind of file. */
async function startsLikeZip(path: string): Promise<boolean> {
  try {
    const file = await open(path, 'r')
    try {
      const head = Buffer.alloc(4)
      const { bytesRead } = await file.read(head, 0, 4, 0)
      return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50
    } finally {
      await file.close()
    }
  } catch {
    return false
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
