import { createHash, randomBytes } from 'node:crypto'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '@shared/contract/errors'
import { syncFolder } from '../files/atomic-file'
import { TransferError } from '../vault/copy-and-hash'
import type { VaultIo } from '../vault/vault-io'
import {
  bagInfoName,
  bagitTxt,
  bagitTxtName,
  buildBagInfo,
  buildManifest,
  collisionKey,
  payloadManifestName,
  payloadOxum,
  safePayloadName,
  signatureName,
  tagManifestName,
  type ManifestLine,
} from './bag'
import { createZipWriter, type ZipWriter } from './zip-writer'

/** Signs the tag manifest's bytes; returns a detached CMS SignedData in DER (the `.p7s`). */
export type SignTagManifest = (tagManifest: Uint8Array) => Promise<Uint8Array>

/** A file the vault holds, named by the SHA-256 it was stored under. */
export interface PacketFile {
  /** The name the user knows it by; made safe for every system before it goes in the bag. */
  readonly name: string
  readonly path: string
  readonly sha256: string
  readonly size: number
}

export interface PacketProgress {
  readonly bytesDone: number
  readonly bytesTotal: number
  /** The bag path of the file being written. */
  readonly file: string
}

export interface ExportPacketOptions {
  /** Where the finished packet goes; it appears there only once complete and flushed. */
  readonly outputPath: string
  /** The bag's folder inside the ZIP; the case reference when omitted. Made safe like a payload name. */
  readonly bagName?: string
  readonly organisation: string
  readonly caseRef: string
  /** When the complaint was received and the case closed (ISO 8601), recorded in bag-info.txt. */
  readonly dates: { readonly received: string; readonly closed: string }
  readonly files: {
    readonly caseJson: Uint8Array
    /** JSON Lines, one audit entry a line. */
    readonly auditLog: Uint8Array
    readonly closureRecordPdf: Uint8Array | Omit<PacketFile, 'name'>
    readonly letters: readonly PacketFile[]
    readonly evidence: readonly PacketFile[]
  }
  readonly signTagManifest: SignTagManifest
  /** Recorded as Bag-Software-Agent, e.g. `Redress 0.1.0`. */
  readonly softwareAgent?: string
  readonly signal?: AbortSignal | undefined
  /** At most about ten times a second, and once at the end. */
  readonly onProgress?: ((progress: PacketProgress) => void) | undefined
  /** The time recorded as the bagging date and on every entry. */
  readonly now?: () => Date
  /** File writes, swappable in tests to fake a full disk. */
  readonly io?: Pick<VaultIo, 'write'>
  /** Tests only: use ZIP64 records from this size or offset on. */
  readonly zip64Threshold?: number
}

export interface ExportedPacket {
  readonly path: string
  /** Size of the ZIP file. */
  readonly bytes: number
  readonly payloadOxum: string
  /** Every file of the packet, by its path inside the ZIP. */
  readonly entries: ReadonlyArray<{ readonly name: string; readonly size: number; readonly sha256: string }>
}

const progressIntervalMs = 100
const fullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG'])
const sha256Pattern = /^[0-9a-f]{64}$/

/** A payload file before it is written: from memory or from the vault. */
type PayloadItem =
  { readonly bagPath: string; readonly bytes: Uint8Array } | { readonly bagPath: string; readonly source: PacketFile }

/**
 * Writes a case's closure packet (DESIGN §4): one ZIP holding one BagIt bag,
 * its tag manifest signed. The ZIP is written under a temporary name beside
 * the target, flushed and renamed into place, so the target never holds half a
 * packet; on error or cancel the temporary file is removed. Vault files are read
 * once, each chunk hashed, CRC'd and written together; a file that no longer
 * hashes to the name the vault gave it stops the export (packet_evidence_changed)
 * rather than going into a signed packet.
 */
export async function exportPacket(options: ExportPacketOptions): Promise<ExportedPacket> {
  const { signal, files } = options
  if (signal?.aborted) throw new AppError('canceled', 'Canceled')
  const now = (options.now ?? (() => new Date()))()
  const root = safePayloadName(options.bagName ?? options.caseRef)
  const payload = planPayload(files)
  const octets = payload.reduce((sum, item) => sum + sizeOf(item), 0)
  const oxum = payloadOxum(octets, payload.length)

  const partial = join(
    dirname(options.outputPath),
    `${basename(options.outputPath)}.${randomBytes(6).toString('hex')}.partial`,
  )
  const progress = throttledProgress(octets, options.onProgress)
  let zip: ZipWriter | null = null
  try {
    zip = await createZipWriter(partial, { date: now, io: options.io, zip64Threshold: options.zip64Threshold })
    const entries: Array<{ name: string; size: number; sha256: string }> = []
    const add = async (bagPath: string, bytes: Uint8Array): Promise<void> => {
      const written = await (zip as ZipWriter).addBytes(`${root}/${bagPath}`, bytes)
      entries.push({ name: written.name, size: written.size, sha256: written.sha256 })
    }

    await add(bagitTxtName, Buffer.from(bagitTxt, 'utf8'))
    const manifest: ManifestLine[] = []
    let done = 0
    for (const item of payload) {
      if (signal?.aborted) throw new AppError('canceled', 'Canceled')
      const name = `${root}/${item.bagPath}`
      progress(done, name)
      let written
      if ('bytes' in item) {
        written = await zip.addBytes(name, item.bytes)
      } else {
        const before = done
        written = await zip
          .addFile(name, item.source.path, {
            expectedSize: item.source.size,
            signal,
            onProgress: (bytes) => progress(before + bytes, name),
          })
          .catch((error: unknown) => {
            throw explain(error, item.source.name)
          })
        if (written.sha256 !== item.source.sha256 || written.size !== item.source.size) {
          throw new AppError(
            'packet_evidence_changed',
            `${item.bagPath} no longer matches the fingerprint the vault stored it under`,
            item.source.name,
          )
        }
      }
      done += written.size
      entries.push({ name: written.name, size: written.size, sha256: written.sha256 })
      manifest.push({ sha256: written.sha256, path: item.bagPath })
    }

    const bagInfo = buildBagInfo({
      organisation: options.organisation,
      caseRef: options.caseRef,
      baggingDate: now,
      payloadOctets: octets,
      payloadCount: payload.length,
      softwareAgent: options.softwareAgent ?? 'Redress',
      received: options.dates.received,
      closed: options.dates.closed,
    })
    const tagFiles: Array<[string, Uint8Array]> = [
      [bagInfoName, Buffer.from(bagInfo, 'utf8')],
      [payloadManifestName, Buffer.from(buildManifest(manifest), 'utf8')],
    ]
    for (const [name, bytes] of tagFiles) await add(name, bytes)
    const tagManifestLines = [[bagitTxtName, Buffer.from(bagitTxt, 'utf8')] as const, ...tagFiles].map(
      ([path, bytes]) => ({ path, sha256: sha256Hex(bytes) }),
    )
    const tagManifest = Buffer.from(buildManifest(tagManifestLines), 'utf8')
    await add(tagManifestName, tagManifest)
    if (signal?.aborted) throw new AppError('canceled', 'Canceled')
    await add(signatureName, await options.signTagManifest(tagManifest))

    if (signal?.aborted) throw new AppError('canceled', 'Canceled')
    const bytes = await zip.finish()
    await rename(partial, options.outputPath)
    await syncFolder(dirname(options.outputPath))
    progress(done, `${root}/${signatureName}`, true)
    return { path: options.outputPath, bytes, payloadOxum: oxum, entries }
  } catch (error) {
    await zip?.close().catch(() => {})
    await rm(partial, { force: true }).catch(() => {})
    throw explain(error, null)
  }
}

/** Where each payload file goes in the bag, with letters' names made unique (evidence names carry their hash). */
function planPayload(files: ExportPacketOptions['files']): PayloadItem[] {
  const items: PayloadItem[] = []
  const pdf = files.closureRecordPdf
  if (pdf instanceof Uint8Array) items.push({ bagPath: 'data/closure-record.pdf', bytes: pdf })
  else items.push({ bagPath: 'data/closure-record.pdf', source: { ...checked(pdf, 'closure-record.pdf') } })
  items.push({ bagPath: 'data/case.json', bytes: files.caseJson })
  items.push({ bagPath: 'data/audit-log.jsonl', bytes: files.auditLog })

  const taken = new Set(items.map((item) => collisionKey(item.bagPath)))
  const claim = (bagPath: string): string => {
    const dot = bagPath.lastIndexOf('.')
    const slash = bagPath.lastIndexOf('/')
    const [stem, extension] = dot > slash + 1 ? [bagPath.slice(0, dot), bagPath.slice(dot)] : [bagPath, '']
    let candidate = bagPath
    for (let n = 2; taken.has(collisionKey(candidate)); n++) candidate = `${stem} (${n})${extension}`
    taken.add(collisionKey(candidate))
    return candidate
  }
  for (const letter of files.letters) {
    items.push({ bagPath: claim(`data/letters/${safePayloadName(letter.name)}`), source: checked(letter, letter.name) })
  }
  for (const evidence of files.evidence) {
    const bagPath = `data/evidence/${evidence.sha256}-${safePayloadName(evidence.name)}`
    // The same file attached twice under the same name is one file in the bag.
    if (taken.has(collisionKey(bagPath))) continue
    items.push({ bagPath: claim(bagPath), source: checked(evidence, evidence.name) })
  }
  return items
}

function checked(file: Omit<PacketFile, 'name'>, name: string): PacketFile {
  if (!sha256Pattern.test(file.sha256) || !Number.isSafeInteger(file.size) || file.size < 0) {
    throw new AppError('invalid_input', `${name} has no valid fingerprint or size`, name)
  }
  return { ...file, name }
}

function sizeOf(item: PayloadItem): number {
  return 'bytes' in item ? item.bytes.length : item.source.size
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Reports at most every progressIntervalMs, and always when `final`. */
function throttledProgress(
  total: number,
  listener: ExportPacketOptions['onProgress'],
): (done: number, file: string, final?: boolean) => void {
  let last = -Infinity
  return (done, file, final = false) => {
    if (!listener) return
    const at = performance.now()
    if (!final && at - last < progressIntervalMs) return
    last = at
    listener({ bytesDone: done, bytesTotal: total, file })
  }
}

/** The code the user sees: a full disk, a vault file gone or unreadable, or the error as it is. */
function explain(error: unknown, sourceName: string | null): unknown {
  if (error instanceof AppError) return error
  const stage = error instanceof TransferError ? error.stage : null
  const cause = error instanceof TransferError ? error.cause : error
  const code = (cause as { code?: unknown } | null)?.code
  if (typeof code === 'string' && fullCodes.has(code) && stage !== 'read') {
    return new AppError('disk_full', `The packet's disk is full (${code})`)
  }
  if (sourceName !== null && (stage === 'read' || (stage === null && isOpenError(cause)))) {
    return code === 'ENOENT'
      ? new AppError('source_missing', `${sourceName} is missing from the vault`, sourceName)
      : new AppError('source_unreadable', `${sourceName} cannot be read: ${messageOf(cause)}`, sourceName)
  }
  return error
}

function isOpenError(error: unknown): boolean {
  return (error as { syscall?: unknown } | null)?.syscall === 'open'
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
