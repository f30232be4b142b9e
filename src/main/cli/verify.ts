import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  verifyPacket,
  type PacketCheck,
  type PacketCheckName,
  type PacketProblem,
  type PacketReport,
  type PacketSigner,
  type TrustOf,
  type VerifyCms,
  type VerifyPdf,
} from '../services/packet/packet-verify'

/** Where the CLI writes: process.stdout and process.stderr, or a buffer in tests. */
export interface CliOutput {
  write(text: string): unknown
}

export interface VerifyCliDeps {
  readonly verifyCms: VerifyCms
  readonly verifyPdf: VerifyPdf
  readonly trustOf: TrustOf
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  /** Where the packet is extracted while it is checked; the system's temp folder by default. */
  readonly tmpDir?: string
}

export const exitVerified = 0
export const exitNotVerified = 1
export const exitUsage = 2

const usage = `Usage: verify [--json] <packet.zip>

Checks a Redress closure packet: the ZIP, the BagIt bag and its manifests, the
signature over the tag manifest, the closure record's PDF signatures, the audit
log's hash chain and case.json. Exit status: 0 verified, 1 not verified, 2 usage.
`

const checkLabels: Record<PacketCheckName, string> = {
  zip: 'ZIP archive',
  bag: 'BagIt bag',
  payload_manifest: 'Payload manifest',
  tag_manifest: 'Tag manifest',
  cms_signature: 'Signature over the tag manifest',
  pdf_signature: 'Closure record signature',
  audit_chain: 'Audit log',
  case_json: 'Case data',
}

/** One plain sentence per problem, for someone who has never heard of BagIt. */
export const problemMessages: Record<PacketProblem, string> = {
  unreadable: 'the file cannot be read (check the path and your permissions).',
  not_zip: 'this is not a ZIP archive.',
  truncated: 'the archive ends early, as if it was cut off while being copied.',
  zip_damaged: 'the archive is damaged and cannot be read.',
  absolute_path: 'an entry has an absolute path, which could write anywhere on the disk.',
  parent_path: 'an entry name climbs out of its folder with "..".',
  backslash: 'an entry name contains a backslash, which Windows reads as a folder separator.',
  symlink: 'an entry is a symbolic link, which could point outside the packet.',
  not_regular_file: 'an entry is a device, pipe or other special file.',
  directory_with_data: 'a folder entry carries data, or a file is marked as a folder.',
  duplicate_name: 'two entries would be the same file on Windows or macOS (names differing only by case or accents).',
  reserved_name: 'an entry uses a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1, LPT1…).',
  stream_name: 'an entry name contains ":", which Windows reads as a hidden data stream.',
  control_char: 'an entry name contains control characters.',
  bad_name: 'an entry name is not valid on every system (empty part, trailing dot or space, or a forbidden character).',
  several_roots: 'the archive holds more than one top-level folder; a packet holds exactly one bag.',
  outside_bag_folder: 'a file lies outside the bag folder.',
  unsupported_method: 'an entry is compressed with a method other than stored or deflated.',
  encrypted: 'an entry is encrypted.',
  header_mismatch: "an entry's local header names a different file than the archive's directory.",
  size_mismatch: 'an entry is not the size the archive records.',
  crc_mismatch: "the entry's bytes do not match the archive's checksum (CRC-32): it was altered or damaged.",
  missing_file: 'a file the packet must contain is missing.',
  bad_bagit_txt: 'bagit.txt does not declare BagIt version 1.0 in UTF-8.',
  bad_bag_info: 'bag-info.txt cannot be read or lacks the Payload-Oxum.',
  oxum_mismatch:
    'the payload does not have the number of files or bytes bag-info.txt records (a file was added or removed).',
  bad_manifest_line: 'a line of the manifest is not a SHA-256 digest followed by a file of the bag.',
  digest_mismatch: "the file's SHA-256 does not match the manifest: it was changed after the packet was made.",
  unlisted_file: 'the file is not listed in the manifest: it was added after the packet was made.',
  no_signature: 'there is no signature.',
  bad_signature: 'the signature does not match what it signs, or cannot be read.',
  not_whole_document: 'content was added to the PDF after its last signature.',
  bad_json: 'the file is not valid JSON of the expected form.',
  chain_broken: 'the hash chain of the audit log is broken: an entry was changed, removed or reordered.',
  empty_log: 'the audit log is empty.',
  unknown_schema: 'case.json is not Redress case data.',
  unsupported_version: 'case.json was written by a newer version of Redress.',
  too_large: 'the file is too large to check.',
}

const trustLabels: Record<PacketSigner['trust'], string> = {
  own: 'your own certificate',
  organisation: 'trusted by your organisation',
  untrusted: 'NOT a certificate you trust',
}

const whereLabels: Record<PacketSigner['in'], string> = {
  cms: 'signed the tag manifest',
  pdf: 'signed the closure record',
  both: 'signed the tag manifest and the closure record',
}

/**
 * `verify <packet.zip>`: checks a closure packet and prints one line per check,
 * the signers, and a verdict. Never throws and never prints a stack trace.
 */
export async function runVerifyCli(args: readonly string[], deps: VerifyCliDeps): Promise<number> {
  const { stdout, stderr } = deps
  try {
    const json = args.includes('--json')
    const rest = args.filter((arg) => arg !== '--json')
    if (rest.includes('--help') || rest.includes('-h')) {
      stdout.write(usage)
      return exitVerified
    }
    const unknown = rest.filter((arg) => arg.startsWith('-'))
    if (unknown.length > 0 || rest.length !== 1) {
      stderr.write(unknown.length > 0 ? `Unknown option: ${unknown.join(' ')}\n\n${usage}` : usage)
      return exitUsage
    }
    const path = rest[0] as string
    const problem = await unusablePath(path)
    if (problem) {
      stderr.write(`Cannot verify ${path}: ${problem}\n`)
      return exitUsage
    }

    const report = await verifyPacket(path, {
      verifyCms: deps.verifyCms,
      verifyPdf: deps.verifyPdf,
      trustOf: deps.trustOf,
      ...(deps.tmpDir && { tmpDir: deps.tmpDir }),
    })
    if (json) stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else stdout.write(describeReport(basename(path), report))
    return report.ok ? exitVerified : exitNotVerified
  } catch (error) {
    stderr.write(`Error: ${error instanceof Error ? error.message : String(error)}\n`)
    return exitNotVerified
  }
}

/** Why a path cannot be verified at all (a usage error), or null. */
async function unusablePath(path: string): Promise<string | null> {
  try {
    const info = await stat(path)
    return info.isFile() ? null : 'it is not a file.'
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') return 'no such file.'
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied.'
    return error instanceof Error ? error.message : String(error)
  }
}

/** The report as plain lines: every check, the signers, then the verdict last. */
export function describeReport(fileName: string, report: PacketReport): string {
  const lines = [`Verifying ${fileName}`]
  for (const check of report.checks) lines.push(describeCheck(check))
  if (report.signers.length > 0) {
    lines.push('Signers:')
    for (const signer of report.signers) {
      const details = [signer.email, signer.organisation].filter((part) => part).join(', ')
      lines.push(
        `  ${signer.name}${details ? ` (${details})` : ''}: ${whereLabels[signer.in]}; ${trustLabels[signer.trust]}`,
        `    SHA-256 fingerprint ${signer.fingerprint}${signer.signingTime ? `, signed ${signer.signingTime}` : ''}`,
      )
    }
  }
  const failures = report.checks.filter((check) => !check.ok).length
  lines.push(
    report.ok
      ? `Packet verified: ${report.caseRef ?? report.bagName ?? fileName}`
      : `Packet NOT verified: ${failures} ${failures === 1 ? 'problem' : 'problems'}`,
  )
  return `${lines.join('\n')}\n`
}

function describeCheck(check: PacketCheck): string {
  const label = checkLabels[check.check]
  const subject = check.subject ? `: ${check.subject}` : ''
  if (check.ok) return `PASS  ${label}${subject}`
  return `FAIL  ${label}${subject}: ${check.problem ? problemMessages[check.problem] : 'failed.'}`
}
