import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * The checks a third party runs on an extracted closure packet with Debian's
 * tools (README, "The closure packet"): each says whether the tool accepted it.
 */

export const run = (cmd: string, args: string[], cwd?: string) => spawnSync(cmd, args, { cwd, encoding: 'utf8' })

export const missingTools = (): string[] =>
  ['unzip', 'zip', 'sha256sum', 'openssl', 'pdfsig'].filter((tool) => spawnSync('which', [tool]).status !== 0)

/** `sha256sum -c --strict <manifest>` from inside the bag. */
export function sha256sumAccepts(bag: string, manifest: 'manifest-sha256.txt' | 'tagmanifest-sha256.txt'): boolean {
  return run('sha256sum', ['-c', '--strict', manifest], bag).status === 0
}

/** Writes the certificates embedded in the packet's CMS signature to `out` (PEM), as a recipient would be given them. */
export function extractSignerCertificates(bag: string, out: string): void {
  run('openssl', [
    'pkcs7',
    '-inform',
    'DER',
    '-in',
    join(bag, 'tagmanifest-sha256.txt.p7s'),
    '-print_certs',
    '-out',
    out,
  ])
}

/** `openssl cms -verify` of the tag manifest's detached signature against the signers' certificates. */
export function opensslAccepts(bag: string, caFile: string): { ok: boolean; stderr: string } {
  const result = run(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-content',
      'tagmanifest-sha256.txt',
      '-in',
      'tagmanifest-sha256.txt.p7s',
      '-CAfile',
      caFile,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ],
    bag,
  )
  return { ok: result.status === 0 && /Verification successful/.test(result.stderr), stderr: result.stderr }
}

/** poppler's pdfsig output: it exits 0 even on a digest mismatch, so the text is what counts. */
export function pdfsigReport(pdf: string): { valid: number; totalDocumentSigned: boolean; text: string } {
  const text = run('pdfsig', [pdf]).stdout
  return {
    valid: (text.match(/Signature is Valid/g) ?? []).length,
    totalDocumentSigned: text.includes('Total document signed'),
    text,
  }
}
