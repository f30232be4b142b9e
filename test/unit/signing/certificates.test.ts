import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import forge from 'node-forge'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import {
  certificateToPem,
  describeCertificate,
  importPkcs12,
  pemToDer,
} from '../../../src/main/services/signing/certificates'
import { cachedIdentity, hasTool, makeOrganisation, makePkcs12, run, scratchDir } from './signing-fixtures'

function codeOf(action: () => unknown): string {
  try {
    action()
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  throw new Error('expected a failure')
}

const space = scratchDir('certificates')
afterAll(() => space.remove())
const haveOpenssl = hasTool('openssl')

describe('self-signed identities', () => {
  it.each(['ecdsa-p256', 'rsa-3072'] as const)(
    'creates a %s certificate naming the person, valid 5 years',
    async (algorithm) => {
      const started = performance.now()
      const now = new Date('2026-03-01T09:00:00Z')
      const { createSelfSignedIdentity } = await import('../../../src/main/services/signing/certificates')
      const identity = await createSelfSignedIdentity({
        name: 'Nguyễn Thị Hoa',
        email: 'hoa@example.vn',
        organisation: 'Công ty Redress',
        algorithm,
        now,
      })
      console.info(`${algorithm} identity generated in ${Math.round(performance.now() - started)} ms`)
      const described = describeCertificate(identity.certificateDer)
      expect(described.subject).toEqual({
        name: 'Nguyễn Thị Hoa',
        email: 'hoa@example.vn',
        organisation: 'Công ty Redress',
      })
      expect(described.issuerName).toBe('Nguyễn Thị Hoa')
      expect(described.selfSigned).toBe(true)
      expect(described.keyAlgorithm).toBe(algorithm)
      expect(described.notBefore).toBe('2026-03-01T09:00:00.000Z')
      expect(described.notAfter).toBe('2031-03-01T09:00:00.000Z')
      expect(described.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
      expect(described.serialHex).toMatch(/^[0-9a-f]+$/)
      expect(Number.parseInt(described.serialHex.slice(0, 2), 16)).toBeLessThan(0x80)
    },
  )

  it.skipIf(!haveOpenssl)('is a certificate openssl reads, with the key usages a signer needs', async () => {
    const identity = await cachedIdentity('ecdsa-p256')
    const path = join(space.dir, 'self.pem')
    writeFileSync(path, certificateToPem(identity.certificateDer))
    const text = run('openssl', ['x509', '-in', path, '-noout', '-text'])
    expect(text.status).toBe(0)
    expect(text.out).toContain('Digital Signature, Non Repudiation')
    expect(text.out).toContain('E-mail Protection')
    expect(text.out).toContain('email:signer@example.org')
    expect(text.out).toContain('Subject Key Identifier')
    // one attribute per RDN: readers print "CN = …, O = …", not a multi-valued "CN=…+O=…"
    expect(text.out).toContain('Subject: CN = Test ecdsa-p256, O = Redress QA, emailAddress = signer@example.org')
    const fingerprint = run('openssl', ['x509', '-in', path, '-noout', '-fingerprint', '-sha256'])
    expect(fingerprint.out.trim()).toBe(
      `sha256 Fingerprint=${describeCertificate(identity.certificateDer).fingerprint}`,
    )
  })

  it('reads certificates as PEM or DER, refusing anything else', async () => {
    const { certificateDer } = await cachedIdentity('ecdsa-p256')
    const pem = certificateToPem(certificateDer)
    expect(pemToDer(pem)).toEqual(certificateDer)
    expect(pemToDer(new TextEncoder().encode(`Bag Attributes\n${pem}`))).toEqual(certificateDer)
    expect(pemToDer(certificateDer)).toEqual(certificateDer)
    expect(codeOf(() => pemToDer('hello'))).toBe('certificate_unreadable')
    expect(codeOf(() => pemToDer(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])))).toBe('certificate_unreadable')
    expect(codeOf(() => describeCertificate(new Uint8Array([1, 2, 3])))).toBe('certificate_unreadable')
  })
})

describe.skipIf(!haveOpenssl)('PKCS#12 import', () => {
  it.each([
    ['modern (AES-256, PBKDF2-SHA256)', 'rsa-3072', false],
    ['legacy (RC2/3DES)', 'rsa-3072', true],
    ['modern', 'ecdsa-p256', false],
    ['legacy', 'ecdsa-p256', true],
  ] as const)('opens a %s file holding a %s key, with a non-ASCII password', async (_label, algorithm, legacy) => {
    const identity = await cachedIdentity(algorithm)
    const bytes = makePkcs12(space.dir, `${algorithm}-${legacy}`, identity, 'Mật khẩu 1!', { legacy })
    const opened = importPkcs12(bytes, 'Mật khẩu 1!')
    expect(opened.certificateDer).toEqual(identity.certificateDer)
    expect(opened.chainDer).toEqual([])
    expect(Buffer.from(opened.privateKeyPkcs8).equals(Buffer.from(identity.privateKeyPkcs8))).toBe(true)
  })

  it('returns the organisation chain beside the person’s certificate', async () => {
    const org = await makeOrganisation('Jean Dupont')
    const bytes = makePkcs12(space.dir, 'org', org.leaf, 'secret-pass', { chain: [org.rootDer] })
    const opened = importPkcs12(bytes, 'secret-pass')
    expect(opened.certificateDer).toEqual(org.leaf.certificateDer)
    expect(opened.chainDer).toEqual([org.rootDer])
    expect(describeCertificate(opened.certificateDer).issuerName).toBe('Acme Root CA')
  })

  it('says which problem a file has: wrong password, not a p12, no key, key of someone else', async () => {
    const identity = await cachedIdentity('ecdsa-p256')
    const modern = makePkcs12(space.dir, 'wrong-modern', identity, 'right-password')
    const legacy = makePkcs12(space.dir, 'wrong-legacy', identity, 'right-password', { legacy: true })
    expect(codeOf(() => importPkcs12(modern, 'wrong-password'))).toBe('pkcs12_wrong_password')
    expect(codeOf(() => importPkcs12(legacy, 'wrong-password'))).toBe('pkcs12_wrong_password')
    expect(codeOf(() => importPkcs12(new TextEncoder().encode('not a p12 at all'), 'x'))).toBe('pkcs12_unreadable')
    expect(codeOf(() => importPkcs12(modern.subarray(0, modern.length / 2), 'right-password'))).toBe(
      'pkcs12_unreadable',
    )
    const certOnly = makePkcs12(space.dir, 'cert-only', identity, 'right-password', { withoutKey: true })
    expect(codeOf(() => importPkcs12(certOnly, 'right-password'))).toBe('pkcs12_no_key')
    // openssl refuses to pack a key with a certificate it does not match; forge does not check
    const rsa = await cachedIdentity('rsa-3072')
    const stranger = await cachedIdentity('rsa-3072', 'Somebody Else')
    const forgeKey = forge.pki.privateKeyFromAsn1(
      forge.asn1.fromDer(Buffer.from(rsa.privateKeyPkcs8).toString('binary')),
    )
    const strangerCert = forge.pki.certificateFromAsn1(
      forge.asn1.fromDer(Buffer.from(stranger.certificateDer).toString('binary')),
    )
    const mismatched = forge.pkcs12.toPkcs12Asn1(forgeKey, [strangerCert], 'right-password', { algorithm: '3des' })
    const mixed = new Uint8Array(Buffer.from(forge.asn1.toDer(mismatched).getBytes(), 'binary'))
    expect(codeOf(() => importPkcs12(mixed, 'right-password'))).toBe('pkcs12_key_mismatch')
  })
})
