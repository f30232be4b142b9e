import { execFile, spawn } from 'node:child_process'
import { createHash, randomFillSync } from 'node:crypto'
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PDFDocument } from 'pdf-lib'
import { appendEntry } from '@shared/domain/audit-chain'
import { packetCrypto } from '../closure/closure-mapping'
import { createSelfSignedIdentity } from '../signing/certificates'
import { signDetached, unlockIdentity, verifyDetached } from '../signing/cms'
import { signPdf, verifyPdfSignatures } from '../signing/pdf-signature'
import { exportPacket, type PacketFile, type SignTagManifest } from './packet-export'
import { verifyPacket, type TrustOf, type VerifyCms, type VerifyPdf } from './packet-verify'

/**
 * Benchmarks of the closure packet against the tools people trust, on the same
 * files and disk (scripts/bench-export.mjs, scripts/bench-verify.mjs). Not used
 * by the app. Signatures are made and checked by the app's own signing code (a
 * throwaway P-256 identity): their cost is negligible next to gigabytes of evidence.
 */

const run = promisify(execFile)
const mib = 1024 * 1024

export interface BenchCrypto {
  readonly sign: SignTagManifest
  readonly verifyCms: VerifyCms
  readonly verifyPdf: VerifyPdf
  readonly trustOf: TrustOf
  /** A real closure record: a one-page PDF signed the way the app signs it. */
  readonly closureRecord: Uint8Array
}

/** A throwaway identity, and the app's CMS and PDF signing and checking with it. */
export async function createBenchCrypto(dir: string): Promise<BenchCrypto> {
  await mkdir(dir, { recursive: true })
  const identity = await createSelfSignedIdentity({
    name: 'Benchmark',
    organisation: 'Redress',
    algorithm: 'ecdsa-p256',
  })
  const signer = await unlockIdentity(identity)
  const sign: SignTagManifest = (content) => signDetached(content, [signer], { signingTime: new Date() })
  const pdf = await PDFDocument.create()
  pdf.addPage().drawText('Closure record (benchmark)', { x: 50, y: 700 })
  const unsigned = await pdf.save({ useObjectStreams: false })
  const closureRecord = await signPdf(unsigned, signer, {
    name: 'Benchmark',
    reason: 'Benchmark',
    signingTime: new Date(),
  })
  const crypto = packetCrypto({ verifyDetached, verifyPdfSignatures, trustOf: async () => 'own' })
  return { sign, ...crypto, closureRecord }
}

/** Random evidence files, made once: `files` files sharing `bytes` between them, hashed as they are written. */
export async function createBenchEvidence(dir: string, bytes: number, files: number): Promise<PacketFile[]> {
  await mkdir(dir, { recursive: true })
  const listing = join(dir, `evidence-${bytes}-${files}.json`)
  const existing = await readFile(listing, 'utf8').then(
    (text) => JSON.parse(text) as PacketFile[],
    () => null,
  )
  if (existing) return existing
  const evidence: PacketFile[] = []
  const chunk = Buffer.alloc(8 * mib)
  for (let n = 0; n < files; n++) {
    const size = Math.floor(bytes / files) + (n === files - 1 ? bytes % files : 0)
    const path = join(dir, `evidence-${n + 1}.bin`)
    const hash = createHash('sha256')
    const file = await open(path, 'w')
    try {
      for (let done = 0; done < size;) {
        const length = Math.min(chunk.length, size - done)
        randomFillSync(chunk, 0, length)
        hash.update(chunk.subarray(0, length))
        await file.write(chunk, 0, length, done)
        done += length
      }
    } finally {
      await file.close()
    }
    evidence.push({ name: `Pièce ${n + 1} – enregistrement.bin`, path, sha256: hash.digest('hex'), size })
  }
  await writeFile(listing, JSON.stringify(evidence))
  return evidence
}

const benchAuditEntry = appendEntry(null, {
  chain: 'bench-case',
  at: '2026-01-05T09:00:00.000Z',
  by: 'Benchmark',
  entity: 'case',
  entityId: 'bench-case',
  action: 'created',
  changes: [],
})

export interface ExportTiming {
  readonly seconds: number
  /** Size of the packet. */
  readonly bytes: number
  /** Peak resident memory of this process so far, in MiB. */
  readonly peakRssMB: number
}

/** Times one export of the evidence into `outputPath`, signing included, in this process. */
export async function timeExport(options: {
  readonly evidence: readonly PacketFile[]
  readonly outputPath: string
  readonly crypto: BenchCrypto
}): Promise<ExportTiming> {
  const { crypto } = options
  await rm(options.outputPath, { force: true })
  const peak = await peakMeter()
  const started = performance.now()
  const result = await exportPacket({
    outputPath: options.outputPath,
    organisation: 'Redress benchmark',
    caseRef: 'BENCH-0001',
    dates: { received: '2026-01-05', closed: '2026-02-20' },
    files: {
      caseJson: Buffer.from('{"schema":"redress.case","schemaVersion":1}'),
      auditLog: Buffer.from(`${JSON.stringify(benchAuditEntry)}\n`),
      closureRecordPdf: crypto.closureRecord,
      letters: [],
      evidence: options.evidence,
    },
    signTagManifest: crypto.sign,
  })
  const seconds = (performance.now() - started) / 1000
  return { seconds, bytes: result.bytes, peakRssMB: await peak() }
}

/**
 * The peak resident memory of what runs from now on, in MiB. On Linux the kernel's
 * high-water mark is reset first (/proc/self/clear_refs, "5"), so setting up the
 * signing identity and test PDF does not count against the export; elsewhere it is
 * the process's peak so far (an overestimate).
 */
async function peakMeter(): Promise<() => Promise<number>> {
  const reset = await writeFile('/proc/self/clear_refs', '5').then(
    () => true,
    () => false,
  )
  return async () => {
    if (reset) {
      const status = await readFile('/proc/self/status', 'utf8')
      const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]
      if (hwm) return Number(hwm) / 1024
    }
    return process.resourceUsage().maxRSS / 1024
  }
}

export interface VerifyTiming {
  readonly seconds: number
  /** The packet verified; false means the benchmark measured a failing run. */
  readonly ok: boolean
  readonly failed: string[]
  readonly peakRssMB: number
}

/** Times one verification of a packet, extraction to `tmpDir` included, in this process. */
export async function timeVerify(options: {
  readonly zipPath: string
  readonly tmpDir: string
  readonly crypto: BenchCrypto
  /** Extract every file, as the import does, rather than only hashing the payload. */
  readonly keepExtracted?: boolean
}): Promise<VerifyTiming> {
  const { crypto } = options
  const peak = await peakMeter()
  const started = performance.now()
  const report = await verifyPacket(options.zipPath, {
    verifyCms: crypto.verifyCms,
    verifyPdf: crypto.verifyPdf,
    trustOf: crypto.trustOf,
    tmpDir: options.tmpDir,
    keepExtracted: options.keepExtracted === true,
  })
  const seconds = (performance.now() - started) / 1000
  if (report.extractedTo) await rm(report.extractedTo, { recursive: true, force: true })
  return {
    seconds,
    ok: report.ok,
    failed: report.checks.filter((check) => !check.ok).map((c) => `${c.check} ${c.subject ?? ''} ${c.problem ?? ''}`),
    peakRssMB: await peak(),
  }
}

export interface BenchOptions {
  /** Working folder: evidence is made there once and reused. */
  readonly dir: string
  /** Evidence in GiB (fractions allowed). */
  readonly gib: number
  /** How many files the evidence is split into. */
  readonly files?: number
  /** Runs of each side; the medians are reported. */
  readonly runs?: number
  /**
   * Runs our side in a child process (`node <driver> <mode> <json>`), so its peak
   * memory is its own; in this process when absent (tests).
   */
  readonly driver?: string
  readonly log?: (line: string) => void
}

export interface ExportBenchResult {
  readonly bytes: number
  readonly exportMBps: number
  readonly zipMBps: number
  /** zip -0 followed by sync, since the export flushes its file to disk and zip does not. */
  readonly zipSyncMBps: number
  readonly ratio: number
  readonly ratioWithSync: number
  readonly peakRssMB: number
}

/** Export throughput against `zip -0 -r -q` over the same files (see bench-export.mjs); medians of `runs`. */
export async function runExportBench(options: BenchOptions): Promise<ExportBenchResult> {
  const log = options.log ?? (() => {})
  const bytes = Math.round(options.gib * 1024 * mib)
  const runs = options.runs ?? 1
  const evidenceDir = join(options.dir, 'evidence')
  log(`Evidence: ${mb(bytes)} MB in ${options.files ?? 8} files under ${evidenceDir} …`)
  const evidence = await createBenchEvidence(evidenceDir, bytes, options.files ?? 8)
  const packet = join(options.dir, 'packet.zip')
  const zipOut = join(options.dir, 'zip-0.zip')
  const ours: ExportTiming[] = []
  const zips: Array<{ zip: number; sync: number }> = []
  // Alternated, so both sides share whatever else the machine is doing.
  for (let n = 0; n < runs; n++) {
    await run('sync')
    const timing = await inChild<ExportTiming>(options, 'export', { dir: options.dir, evidence, outputPath: packet })
    ours.push(timing)
    log(
      `exportPacket: ${timing.seconds.toFixed(2)} s, ${mbps(bytes, timing.seconds)} MB/s, peak RSS ${timing.peakRssMB.toFixed(0)} MB`,
    )
    await rm(packet, { force: true })
    await run('sync')
    const zip = await timed('zip', ['-0', '-r', '-q', zipOut, 'evidence', '-i', '*.bin'], options.dir)
    const sync = await timed('sync', [], options.dir)
    zips.push({ zip, sync })
    log(`zip -0 -r -q: ${zip.toFixed(2)} s, ${mbps(bytes, zip)} MB/s (${sync.toFixed(2)} s more to sync)`)
    await rm(zipOut, { force: true })
  }
  const exportSeconds = median(ours.map((timing) => timing.seconds))
  const zipSeconds = median(zips.map((timing) => timing.zip))
  const zipSyncSeconds = median(zips.map((timing) => timing.zip + timing.sync))
  return {
    bytes,
    exportMBps: mbps(bytes, exportSeconds),
    zipMBps: mbps(bytes, zipSeconds),
    zipSyncMBps: mbps(bytes, zipSyncSeconds),
    ratio: round(zipSeconds / exportSeconds, 2),
    ratioWithSync: round(zipSyncSeconds / exportSeconds, 2),
    peakRssMB: Math.round(Math.max(...ours.map((timing) => timing.peakRssMB))),
  }
}

export interface VerifyBenchResult {
  readonly bytes: number
  readonly verifyMBps: number
  readonly sha256sumMBps: number
  readonly ratio: number
  readonly peakRssMB: number
  readonly verified: boolean
  /** Verification that also extracts every file to disk, as the import does. */
  readonly verifyExtractMBps: number
  readonly ratioExtract: number
}

/**
 * Verification throughput against `sha256sum -c manifest-sha256.txt` inside the
 * extracted bag (bench-verify.mjs); medians of `runs`.
 */
export async function runVerifyBench(options: BenchOptions): Promise<VerifyBenchResult> {
  const log = options.log ?? (() => {})
  const bytes = Math.round(options.gib * 1024 * mib)
  const runs = options.runs ?? 1
  const evidence = await createBenchEvidence(join(options.dir, 'evidence'), bytes, options.files ?? 8)
  const packet = join(options.dir, 'packet.zip')
  log('Exporting the packet to verify …')
  await rm(packet, { force: true })
  await inChild<ExportTiming>(options, 'export', { dir: options.dir, evidence, outputPath: packet })
  const tmpDir = join(options.dir, 'verify-tmp')
  await mkdir(tmpDir, { recursive: true })
  const extracted = join(options.dir, 'extracted')
  await rm(extracted, { recursive: true, force: true })
  await run('unzip', ['-q', packet, '-d', extracted])
  const bag = join(extracted, 'BENCH-0001')
  await run('sync')

  const ours: VerifyTiming[] = []
  const keeping: VerifyTiming[] = []
  const sha: number[] = []
  for (let n = 0; n < runs; n++) {
    const verified = await inChild<VerifyTiming>(options, 'verify', { dir: options.dir, zipPath: packet, tmpDir })
    ours.push(verified)
    log(
      `verifyPacket: ${verified.seconds.toFixed(2)} s, ${mbps(bytes, verified.seconds)} MB/s, peak RSS ${verified.peakRssMB.toFixed(0)} MB`,
    )
    if (verified.failed.length > 0) log(`  failed checks: ${verified.failed.join('; ')}`)
    const kept = await inChild<VerifyTiming>(options, 'verify', {
      dir: options.dir,
      zipPath: packet,
      tmpDir,
      keepExtracted: true,
    })
    keeping.push(kept)
    log(`verifyPacket extracting every file (import): ${kept.seconds.toFixed(2)} s, ${mbps(bytes, kept.seconds)} MB/s`)
    const seconds = await timed('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], bag)
    sha.push(seconds)
    log(`sha256sum -c: ${seconds.toFixed(2)} s, ${mbps(bytes, seconds)} MB/s`)
  }
  await rm(extracted, { recursive: true, force: true })

  const verifySeconds = median(ours.map((timing) => timing.seconds))
  const keepSeconds = median(keeping.map((timing) => timing.seconds))
  const shaSeconds = median(sha)
  return {
    bytes,
    verifyMBps: mbps(bytes, verifySeconds),
    sha256sumMBps: mbps(bytes, shaSeconds),
    ratio: round(shaSeconds / verifySeconds, 2),
    peakRssMB: Math.round(Math.max(...ours.map((t) => t.peakRssMB), ...keeping.map((t) => t.peakRssMB))),
    verified: [...ours, ...keeping].every((timing) => timing.ok),
    verifyExtractMBps: mbps(bytes, keepSeconds),
    ratioExtract: round(shaSeconds / keepSeconds, 2),
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

interface ChildInput {
  readonly dir: string
  readonly evidence?: PacketFile[]
  readonly outputPath?: string
  readonly zipPath?: string
  readonly tmpDir?: string
  readonly keepExtracted?: boolean
}

/** The child side of the benchmarks: `export` or `verify` with JSON options; prints one JSON line. */
export async function runBenchChild(mode: string, json: string): Promise<void> {
  const result = await runMode(mode, JSON.parse(json) as ChildInput)
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

async function runMode(mode: string, input: ChildInput): Promise<ExportTiming | VerifyTiming> {
  const crypto = await createBenchCrypto(join(input.dir, 'crypto'))
  if (mode === 'export') {
    return timeExport({ evidence: input.evidence ?? [], outputPath: input.outputPath ?? '', crypto })
  }
  return timeVerify({
    zipPath: input.zipPath ?? '',
    tmpDir: input.tmpDir ?? input.dir,
    crypto,
    keepExtracted: input.keepExtracted === true,
  })
}

async function inChild<T>(options: BenchOptions, mode: 'export' | 'verify', input: ChildInput): Promise<T> {
  if (!options.driver) return (await runMode(mode, input)) as T
  const driver = options.driver
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [driver, mode, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let text = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`${mode} child exited with ${code}`))))
  })
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as T
}

async function timed(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now()
  await run(command, args, { cwd, maxBuffer: 64 * mib })
  return (performance.now() - started) / 1000
}

function mbps(bytes: number, seconds: number): number {
  return round(bytes / 1e6 / seconds, 0)
}

function mb(bytes: number): number {
  return round(bytes / 1e6, 0)
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
