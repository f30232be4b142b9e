import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendEntry } from '../../../src/shared/domain/audit-chain'
import type { AuditEntry } from '../../../src/shared/domain/audit'
import type { CaseBundle } from '../../../src/shared/domain/case-bundle'
import type { Closure, Letter } from '../../../src/shared/domain/closure'
import { runVerifyCli } from '../../../src/main/cli/verify'
import { packetCrypto } from '../../../src/main/services/closure/closure-mapping'
import { createClosureService, type ClosureService } from '../../../src/main/services/closure/closure-service'
import { createFileGrants, type FileGrants } from '../../../src/main/services/dialogs/file-grants'
import { createEventBus } from '../../../src/main/services/events'
import { verifyDetached } from '../../../src/main/services/signing/cms'
import { createIdentityStore } from '../../../src/main/services/signing/identity-store'
import { createPassphraseProtector } from '../../../src/main/services/signing/key-protection'
import { verifyPdfSignatures } from '../../../src/main/services/signing/pdf-signature'
import { createVault, type Vault } from '../../../src/main/services/vault/vault'
import { fontsDir, richBundle } from '../documents/fixtures'
import {
  extractSignerCertificates,
  missingTools,
  opensslAccepts,
  pdfsigReport,
  run,
  sha256sumAccepts,
} from '../../support/third-party-tools'

/**
 * The closure packet as a third party receives it (DESIGN section 4, issue 6):
 * made by the real services (two identities, the record signed and countersigned,
 * the letter, the evidence), then checked with unzip, sha256sum, openssl and
 * poppler's pdfsig, and with our own verifier; then one byte changed in each kind
 * of file, and every tool refuses it.
 */

const tools = missingTools()

const passphrase = 'lanterne-de-lyon'
let dir: string
let vault: Vault
let grants: FileGrants
let service: ClosureService
let packet: string
let bagName: string
let ids: { handler: string; manager: string }

function chainFor(caseId: string, count: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let i = 0; i < count; i++) {
    entries.push(
      appendEntry(entries.at(-1) ?? null, {
        chain: caseId,
        at: new Date(Date.UTC(2026, 2, 4 + i, 9)).toISOString(),
        by: 'Дмитрий Иванович Соколов',
        entity: 'case',
        entityId: caseId,
        action: i === 0 ? 'created' : 'updated',
        changes: [{ field: 'step', from: i, to: i + 1 }],
      }),
    )
  }
  return entries
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redress-closure-packet-'))
  vault = createVault({ root: join(dir, 'vault') })
  await vault.ready()
  grants = createFileGrants()
  const identities = createIdentityStore({ dir, protector: createPassphraseProtector() })
  service = createClosureService({
    vault,
    grants,
    bus: createEventBus(),
    identities,
    protection: 'passphrase',
    fontsDir,
    appVersion: '0.0.0-test',
    tmpDir: dir,
  })
  const handler = await service['identity.create']({
    name: 'Claire Dubois',
    email: 'claire.dubois@example.fr',
    organisation: 'Maison Lumière',
    algorithm: 'rsa-3072',
    passphrase,
  })
  const manager = await service['identity.create']({
    name: 'Марк Лефевр',
    email: null,
    organisation: 'Maison Lumière',
    algorithm: 'ecdsa-p256',
    passphrase,
  })
  ids = { handler: handler.id, manager: manager.id }

  // The evidence: a photo-like binary file and a Vietnamese-named delivery note.
  const sources = join(dir, 'sources')
  mkdirSync(sources)
  const photo = join(sources, 'photo.jpg')
  writeFileSync(photo, Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256)))
  const note = join(sources, 'Biên bản giao hàng.txt')
  writeFileSync(note, 'Khách hàng ký nhận lúc 14 giờ 05, thùng hàng bị ướt.\n')
  const stored = [await vault.ingest(photo), await vault.ingest(note)]
  const base = richBundle()
  const evidence = base.evidence.map((item, i) => ({
    ...item,
    sha256: stored[i]!.sha256,
    size: stored[i]!.size,
    name: i === 0 ? 'photo.jpg' : 'Biên bản giao hàng.txt',
  }))

  const letterPdf = await service['letter.render']({
    language: 'ru',
    organisation: 'Maison Lumière',
    recipient: { name: 'Nguyễn Thị Hằng', address: '12 Phố Huế\nHà Nội' },
    reference: base.case.ref,
    subject: 'Решение по вашему обращению',
    body: 'Уважаемая Нгуен ТхиХанг!\n\nМы возместим стоимость доставки.',
    signatureName: 'Claire Dubois',
    date: '2026-04-01',
  })
  const letter: Letter = {
    ...(base.letters[0] as Letter),
    language: 'ru',
    pdfSha256: letterPdf.sha256,
    pdfSize: letterPdf.size,
    status: 'sent',
  }
  const closure: Closure = { ...(base.closure as Closure), signOffs: [], recordSha256: null, recordSize: null }
  const bundle: CaseBundle = { ...base, evidence, letters: [letter], closure }

  const first = await service['closure.sign']({
    bundleJson: JSON.stringify(bundle),
    language: 'fr',
    role: 'handler',
    identityId: ids.handler,
    passphrase,
    recordSha256: null,
  })
  const second = await service['closure.sign']({
    bundleJson: JSON.stringify(bundle),
    language: 'fr',
    role: 'manager',
    identityId: ids.manager,
    passphrase,
    recordSha256: first.recordSha256,
  })
  const signedBundle: CaseBundle = {
    ...bundle,
    closure: { ...closure, recordSha256: second.recordSha256, recordSize: second.size },
  }
  const audit = chainFor(bundle.case.id, 6)
  packet = join(dir, 'LYON-2026-0042 closure.zip')
  const written = await service['packet.export']({
    bundleJson: JSON.stringify(signedBundle),
    auditJsonl: audit.map((e) => JSON.stringify(e)).join('\n') + '\n',
    grant: grants.issue(packet, 'write'),
    taskId: 'export-1',
    seals: [
      { identityId: ids.handler, passphrase },
      { identityId: ids.manager, passphrase },
    ],
  })
  expect(written.bytes).toBeGreaterThan(300_000)
  const listing = run('unzip', ['-Z1', packet]).stdout.trim().split('\n')
  bagName = listing[0]!.split('/')[0]!
}, 120_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Extracts the packet with unzip, as a third party would. */
function extract(zip: string): string {
  const out = mkdtempSync(join(dir, 'x-'))
  execFileSync('unzip', ['-q', zip, '-d', out])
  return join(out, bagName)
}

describe.skipIf(tools.length > 0)(
  `a closure packet checked with standard tools${tools.length ? ` (missing: ${tools.join(', ')})` : ''}`,
  () => {
    it('passes unzip -t, sha256sum -c on both manifests, openssl cms -verify and pdfsig', () => {
      expect(run('unzip', ['-t', packet]).status).toBe(0)
      const bag = extract(packet)
      expect(readdirSync(bag).sort()).toEqual([
        'bag-info.txt',
        'bagit.txt',
        'data',
        'manifest-sha256.txt',
        'tagmanifest-sha256.txt',
        'tagmanifest-sha256.txt.p7s',
      ])
      expect(readdirSync(join(bag, 'data')).sort()).toEqual([
        'audit-log.jsonl',
        'case.json',
        'closure-record.pdf',
        'evidence',
        'letters',
      ])
      expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toMatch(/Payload-Oxum: \d+\.6\n/)
      expect(sha256sumAccepts(bag, 'manifest-sha256.txt')).toBe(true)
      expect(sha256sumAccepts(bag, 'tagmanifest-sha256.txt')).toBe(true)

      // The signers' certificates, as a third party would have been given them.
      const certs = join(dir, 'signers.pem')
      extractSignerCertificates(bag, certs)
      const cms = opensslAccepts(bag, certs)
      expect(cms.ok, cms.stderr).toBe(true)

      const pdfsig = pdfsigReport(join(bag, 'data', 'closure-record.pdf'))
      expect(pdfsig.valid).toBe(2)
      expect(pdfsig.text).toMatch(/Signer Certificate Common Name: Claire Dubois/)
      expect(pdfsig.totalDocumentSigned).toBe(true)
    })

    it('verifies in our checker, naming both signers as identities of this installation', async () => {
      const report = await service['packet.verify']({ grant: grants.issue(packet, 'read'), taskId: 'verify-1' })
      expect(report.checks.filter((c) => !c.ok)).toEqual([])
      expect(report.ok).toBe(true)
      expect(report.signers.map((s) => [s.name, s.trust, s.in]).sort()).toEqual([
        ['Claire Dubois', 'own', 'both'],
        ['Марк Лефевр', 'own', 'both'],
      ])
    })

    it('imports a verified packet: the case comes back whole and its files join the vault', async () => {
      const other = createVault({ root: join(dir, 'vault-2') })
      await other.ready()
      const receiving = createClosureService({
        vault: other,
        grants,
        bus: createEventBus(),
        identities: createIdentityStore({ dir: join(dir, 'other'), protector: createPassphraseProtector() }),
        protection: 'passphrase',
        fontsDir,
        appVersion: '0.0.0-test',
        tmpDir: dir,
      })
      const imported = await receiving['packet.import']({ grant: grants.issue(packet, 'read'), taskId: 'import-1' })
      expect(imported.report.ok).toBe(true)
      // Another installation does not know these signers.
      expect(imported.report.signers.every((s) => s.trust === 'untrusted')).toBe(true)
      const bundle = JSON.parse(imported.bundleJson ?? 'null') as CaseBundle
      expect(bundle.case.customer.name).toBe('Nguyễn Thị Hằng')
      expect(imported.auditJsonl?.trim().split('\n')).toHaveLength(6)
      for (const item of bundle.evidence) expect((await other.stat(item.sha256)).exists).toBe(true)
      expect((await other.stat(bundle.closure!.recordSha256!)).exists).toBe(true)
      expect((await other.stat(bundle.letters[0]!.pdfSha256!)).exists).toBe(true)
    })

    const payloadCheck = (bag: string): boolean => !sha256sumAccepts(bag, 'manifest-sha256.txt')
    const tagCheck = (bag: string): boolean => !sha256sumAccepts(bag, 'tagmanifest-sha256.txt')
    const cmsCheck = (bag: string): boolean => !opensslAccepts(bag, join(dir, 'signers.pem')).ok
    const kinds: Array<{ file: string; caughtBy: (bag: string, file: string) => boolean }> = [
      { file: 'data/evidence/', caughtBy: payloadCheck },
      { file: 'data/letters/', caughtBy: payloadCheck },
      { file: 'data/case.json', caughtBy: payloadCheck },
      { file: 'data/audit-log.jsonl', caughtBy: payloadCheck },
      { file: 'data/closure-record.pdf', caughtBy: (bag, file) => pdfsigReport(join(bag, file)).valid < 2 },
      { file: 'manifest-sha256.txt', caughtBy: tagCheck },
      { file: 'bag-info.txt', caughtBy: tagCheck },
      { file: 'tagmanifest-sha256.txt', caughtBy: cmsCheck },
      { file: 'tagmanifest-sha256.txt.p7s', caughtBy: cmsCheck },
    ]

    it.each(kinds)(
      'refuses a packet with one byte changed in $file, and so do the standard tools',
      async ({ file, caughtBy }) => {
        const bag = extract(packet)
        const target = file.endsWith('/') ? join(file, readdirSync(join(bag, file)).sort()[0]!) : file
        const path = join(bag, target)
        const bytes = readFileSync(path)
        // A byte in the middle: inside the signed content of the PDF, inside a line of a text file.
        // In the .p7s, a byte of the last signer's signature value (at its end), not of a certificate.
        const at = file.endsWith('.p7s') ? bytes.length - 8 : Math.floor(bytes.length / 2)
        bytes[at] = bytes[at]! ^ 0x01
        writeFileSync(path, bytes)
        expect(caughtBy(bag, target)).toBe(true)

        // Re-zipped properly (correct CRCs), so only the bag's own checks can catch it.
        const rezipped = join(dir, `tampered-${target.replace(/[^a-z0-9]+/gi, '-')}.zip`)
        const parent = join(bag, '..')
        execFileSync('zip', ['-q', '-0', '-r', rezipped, bagName], { cwd: parent })
        expect(run('unzip', ['-t', rezipped]).status).toBe(0)
        const report = await service['packet.verify']({
          grant: grants.issue(rezipped, 'read'),
          taskId: `verify-${kinds.findIndex((k) => k.file === file)}`,
        })
        expect(report.ok).toBe(false)
        const failed = report.checks.filter((c) => !c.ok)
        expect(failed.length).toBeGreaterThan(0)
        // The failure names the changed file (or, for the signature file itself, the signature check).
        const named = (c: { check: string; subject: string | null }): boolean =>
          Boolean(c.subject?.includes(target.split('/').pop()!)) ||
          (file.endsWith('.p7s') && c.check === 'cms_signature')
        expect(failed.some(named)).toBe(true)

        // And the command-line checker says so, with a non-zero exit and no stack trace.
        const out: string[] = []
        const code = await runVerifyCli([rezipped], {
          ...packetCrypto({ verifyDetached, verifyPdfSignatures, trustOf: async () => 'untrusted' }),
          stdout: { write: (s: string) => out.push(s) },
          stderr: { write: (s: string) => out.push(s) },
          tmpDir: dir,
        })
        expect(code).toBe(1)
        expect(out.join('')).toMatch(/Packet NOT verified/)
        expect(out.join('')).not.toMatch(/\n\s+at /)
      },
    )

    it('refuses a raw byte flip in the ZIP: unzip -t and our CRC check both catch it', async () => {
      const bytes = readFileSync(packet)
      const at = Math.floor(bytes.length / 3)
      bytes[at] = bytes[at]! ^ 0x01
      const broken = join(dir, 'raw-flip.zip')
      writeFileSync(broken, bytes)
      expect(run('unzip', ['-t', broken]).status).not.toBe(0)
      const report = await service['packet.verify']({ grant: grants.issue(broken, 'read'), taskId: 'verify-raw' })
      expect(report.ok).toBe(false)
      expect(existsSync(join(dir, 'raw-flip.zip'))).toBe(true)
    })
  },
)
