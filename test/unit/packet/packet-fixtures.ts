import { execFile, spawnSync } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import yauzl from 'yauzl'
import { appendEntry } from '@shared/domain/audit-chain'
import type { AuditEntry } from '@shared/domain/audit'
import { caseSchemaName, caseSchemaVersion } from '@shared/domain/case-bundle-schema'
import type { SignTagManifest } from '../../../src/main/services/packet/packet-export'
import type { TrustOf, VerifyCms, VerifyPdf } from '../../../src/main/services/packet/packet-verify'
import { createZipWriter } from '../../../src/main/services/packet/zip-writer'

const run = promisify(execFile)

/** A signing identity made with openssl for the test: an EC key and a self-signed certificate. */
export interface TestIdentity {
  readonly dir: string
  readonly cert: string
  readonly key: string
  readonly fingerprint: string
  readonly name: string
}

export async function makeIdentity(dir: string, name = 'Lê Thị Hồng'): Promise<TestIdentity> {
  const cert = join(dir, 'cert.pem')
  const key = join(dir, 'key.pem')
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-utf8',
    '-subj',
    `/CN=${name}/O=Test Mediation Office/emailAddress=investigator@example.org`,
  ])
  const x509 = new X509Certificate(await readFile(cert))
  return { dir, cert, key, fingerprint: x509.fingerprint256, name }
}

/** The real tool a recipient would use: `openssl cms -sign`, detached, DER. */
export function opensslSigner(identity: TestIdentity): SignTagManifest {
  return async (content) => {
    const work = await mkdtemp(join(identity.dir, 'sign-'))
    try {
      const input = join(work, 'content')
      const output = join(work, 'sig.p7s')
      await writeFile(input, content)
      await run('openssl', [
        'cms',
        '-sign',
        '-binary',
        '-outform',
        'DER',
        '-md',
        'sha256',
        '-signer',
        identity.cert,
        '-inkey',
        identity.key,
        '-in',
        input,
        '-out',
        output,
      ])
      return new Uint8Array(await readFile(output))
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }
}

type CmsSigner = Awaited<ReturnType<VerifyCms>>['signers'][number]

/** `openssl cms -verify` over the detached content; throws when openssl cannot even read the signature. */
export function opensslVerifyCms(scratch: string): VerifyCms {
  return async (der, content) => {
    const work = await mkdtemp(join(scratch, 'verify-'))
    try {
      const sig = join(work, 'sig.p7s')
      const data = join(work, 'content')
      await writeFile(sig, der)
      await writeFile(data, content)
      const certs = spawnSync('openssl', ['pkcs7', '-inform', 'DER', '-in', sig, '-print_certs'], { encoding: 'utf8' })
      if (certs.status !== 0) throw new Error(`Unreadable CMS: ${certs.stderr}`)
      const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(certs.stdout)?.[0]
      if (!pem) throw new Error('No certificate in the CMS')
      const verified = spawnSync('openssl', [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        sig,
        '-content',
        data,
        '-noverify',
        '-out',
        '/dev/null',
      ])
      return { signers: [signerOf(pem, verified.status === 0)] }
    } finally {
      await rm(work, { recursive: true, force: true })
    }
  }
}

function signerOf(pem: string, valid: boolean): CmsSigner {
  const x509 = new X509Certificate(pem)
  const field = (key: string): string | null =>
    x509.subject
      .split('\n')
      .find((line) => line.startsWith(`${key}=`))
      ?.slice(key.length + 1) ?? null
  return {
    subject: { name: field('CN') ?? '', email: field('emailAddress'), organisation: field('O') },
    fingerprint: x509.fingerprint256,
    signingTime: null,
    certificateDer: new Uint8Array(x509.raw),
    valid,
    problem: valid ? null : 'signature does not match',
  }
}

const pdfSignatureMarker = '\n%%REDRESS-TEST-SIGNATURE '

/**
 * A stand-in for a signed closure record: PDF-looking bytes, then a detached CMS
 * over them on a last comment line. The real PDF signing lives elsewhere; this
 * keeps the pipeline honest (a changed byte breaks the signature).
 */
export async function makeSignedPdf(identity: TestIdentity, text: string): Promise<Uint8Array> {
  const body = Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF`, 'utf8')
  const signature = await opensslSigner(identity)(body)
  return Buffer.concat([body, Buffer.from(`${pdfSignatureMarker}${Buffer.from(signature).toString('base64')}\n`)])
}

export function standInVerifyPdf(scratch: string): VerifyPdf {
  return async (pdf) => {
    const bytes = Buffer.from(pdf)
    const at = bytes.lastIndexOf(pdfSignatureMarker)
    if (at < 0) return []
    const lineEnd = bytes.indexOf('\n', at + pdfSignatureMarker.length)
    const base64 = bytes.subarray(at + pdfSignatureMarker.length, lineEnd < 0 ? bytes.length : lineEnd).toString()
    const { signers } = await opensslVerifyCms(scratch)(Buffer.from(base64, 'base64'), bytes.subarray(0, at))
    return signers.map((signer, index) => ({
      ...signer,
      index,
      signerName: signer.subject.name,
      coversWholeDocument: lineEnd === bytes.length - 1,
    }))
  }
}

export function trustOwn(identity: TestIdentity): TrustOf {
  return async (der) => (new X509Certificate(der).fingerprint256 === identity.fingerprint ? 'own' : 'untrusted')
}

/** A case's history: a real hash chain, as the renderer's cases-repo writes it. */
export function makeAuditLog(caseId: string, count = 5): Uint8Array {
  const entries: AuditEntry[] = []
  for (let n = 0; n < count; n++) {
    entries.push(
      appendEntry(entries.at(-1) ?? null, {
        chain: caseId,
        at: new Date(Date.UTC(2026, 0, 5 + n)).toISOString(),
        by: 'Nguyễn Văn An',
        entity: 'case',
        entityId: caseId,
        action: n === 0 ? 'created' : 'updated',
        changes: [{ field: 'status', from: n === 0 ? null : 'intake', to: 'investigation' }],
      }),
    )
  }
  return Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8')
}

export function makeCaseJson(caseRef: string): Uint8Array {
  return Buffer.from(
    JSON.stringify({ schema: caseSchemaName, schemaVersion: caseSchemaVersion, case: { reference: caseRef } }),
    'utf8',
  )
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Every entry of a ZIP, read back with yauzl: name and bytes. */
export async function readZip(path: string): Promise<Array<{ name: string; data: Buffer }>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false })
  const entries: Array<{ name: string; data: Buffer }> = []
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry)
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      entries.push({ name: entry.fileName, data: Buffer.concat(chunks) })
    }
  } finally {
    zip.close()
  }
  return entries
}

/** Writes the entries again as a sound ZIP (fresh CRCs): a tampering only the bag's own checks can catch. */
export async function rewriteZip(
  from: string,
  to: string,
  change: (name: string, data: Buffer) => Buffer,
): Promise<void> {
  const entries = await readZip(from)
  const writer = await createZipWriter(to, { date: new Date(Date.UTC(2026, 1, 1)) })
  for (const entry of entries) await writer.addBytes(entry.name, change(entry.name, Buffer.from(entry.data)))
  await writer.finish()
}

/** Flips one byte of a stored entry inside the ZIP file itself: only the CRC (and the digests) can tell. */
export async function flipStoredByte(path: string, entryName: string, offsetInEntry: number): Promise<void> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false })
  let position: number | null = null
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== entryName) continue
      const header = await zip.readLocalFileHeaderPromise(entry, { minimal: true })
      position = header.fileDataStart + offsetInEntry
    }
  } finally {
    zip.close()
  }
  if (position === null) throw new Error(`No entry ${entryName}`)
  const bytes = await readFile(path)
  bytes[position] = (bytes[position] as number) ^ 0x01
  await writeFile(path, bytes)
}

/** Exit code and output of a command run in `cwd`. */
export function sh(command: string, args: string[], cwd?: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/** A small but complete packet: a signed record, a case, its history, a letter and two pieces of evidence. */
export async function exportSamplePacket(
  work: string,
  identity: TestIdentity,
  outputPath: string,
  caseRef = 'RDR-2026-0007',
): Promise<void> {
  const { exportPacket } = await import('../../../src/main/services/packet/packet-export')
  const vault = await mkdtemp(join(work, 'vault-'))
  const stored = async (name: string, text: string) => {
    const bytes = Buffer.from(text, 'utf8')
    const path = join(vault, sha256Of(bytes))
    await writeFile(path, bytes)
    return { name, path, sha256: sha256Of(bytes), size: bytes.length }
  }
  await exportPacket({
    outputPath,
    organisation: 'Служба по работе с жалобами',
    caseRef,
    dates: { received: '2026-03-01', closed: '2026-03-30' },
    files: {
      caseJson: makeCaseJson(caseRef),
      auditLog: makeAuditLog('case-7', 3),
      closureRecordPdf: await makeSignedPdf(identity, `Closure record ${caseRef}`),
      letters: [await stored('Ответ клиенту.pdf', '%PDF-1.7 reply')],
      evidence: [await stored('Chụp màn hình.png', 'png bytes'), await stored('Facture n°12.pdf', 'invoice')],
    },
    signTagManifest: opensslSigner(identity),
  })
}
