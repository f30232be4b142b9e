import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { certificateToPem, describeCertificate } from '../../../src/main/services/signing/certificates'
import {
  addSigner,
  signDetached,
  unlockIdentity,
  verifyDetached,
  type UnlockedSigner,
} from '../../../src/main/services/signing/cms'
import { cachedIdentity, flipByte, hasTool, makeOrganisation, run, scratchDir } from './signing-fixtures'

const space = scratchDir('cms')
afterAll(() => space.remove())
const haveOpenssl = hasTool('openssl')
if (!haveOpenssl) console.warn('openssl is not installed: the checks with openssl cms -verify are skipped')

const manifest = new TextEncoder().encode(
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/case.json\n' +
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  data/letters/lettre-réponse.pdf\n',
)
const signingTime = new Date('2026-11-26T10:15:00Z')

let hoa: UnlockedSigner
let ivan: UnlockedSigner
beforeAll(async () => {
  hoa = await unlockIdentity(await cachedIdentity('ecdsa-p256', 'Nguyễn Thị Hoa'))
  ivan = await unlockIdentity(await cachedIdentity('rsa-3072', 'Иван Петров'))
})

/** Runs openssl cms -verify the way the closure packet's README tells a recipient to. */
function opensslVerify(label: string, signature: Uint8Array, content: Uint8Array, trusted: UnlockedSigner[]) {
  const contentPath = join(space.dir, `${label}.txt`)
  const signaturePath = join(space.dir, `${label}.txt.p7s`)
  const caPath = join(space.dir, `${label}.ca.pem`)
  writeFileSync(contentPath, content)
  writeFileSync(signaturePath, signature)
  writeFileSync(caPath, trusted.map((signer) => certificateToPem(signer.certificateDer)).join(''))
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', signaturePath, '-content', contentPath]
  return run('openssl', [...args, '-CAfile', caPath, '-purpose', 'any', '-out', '/dev/null'])
}

describe('detached CMS signatures', () => {
  it('signs with two people (EC and RSA) and verifies both, naming them', async () => {
    const signature = await signDetached(manifest, [hoa, ivan], { signingTime })
    const result = verifyDetached(signature, manifest)
    expect(result.signers.map((s) => [s.subject.name, s.valid, s.problem, s.signingTime])).toEqual([
      ['Nguyễn Thị Hoa', true, null, '2026-11-26T10:15:00.000Z'],
      ['Иван Петров', true, null, '2026-11-26T10:15:00.000Z'],
    ])
    expect(result.signers[0]!.fingerprint).toBe(hoa.fingerprint)
    expect(result.signers[1]!.certificateDer).toEqual(ivan.certificateDer)
  })

  it('reports a changed byte of the content as a digest mismatch for every signer', async () => {
    const signature = await signDetached(manifest, [hoa, ivan], { signingTime })
    const tampered = flipByte(manifest, 10)
    expect(verifyDetached(signature, tampered).signers.map((s) => [s.valid, s.problem])).toEqual([
      [false, 'digest_mismatch'],
      [false, 'digest_mismatch'],
    ])
  })

  it('reports a forged signature value, and garbage, without throwing', async () => {
    const signature = await signDetached(manifest, [ivan], { signingTime })
    const forged = flipByte(signature, signature.length - 5, 0xff) // inside the RSA signature value, the last field
    expect(verifyDetached(forged, manifest).signers[0]!.problem).toBe('bad_signature')
    expect(verifyDetached(new TextEncoder().encode('garbage'), manifest).signers).toEqual([
      expect.objectContaining({ valid: false, problem: 'malformed' }),
    ])
    expect(verifyDetached(signature.subarray(0, 200), manifest).signers[0]!.problem).toBe('malformed')
  })

  it('adds a countersigner to an existing signature, keeping the first valid', async () => {
    const first = await signDetached(manifest, [ivan], { signingTime })
    const both = await addSigner(first, manifest, hoa, { signingTime: new Date('2026-11-27T08:00:00Z') })
    expect(verifyDetached(both, manifest).signers.map((s) => [s.subject.name, s.valid, s.signingTime])).toEqual([
      ['Иван Петров', true, '2026-11-26T10:15:00.000Z'],
      ['Nguyễn Thị Hoa', true, '2026-11-27T08:00:00.000Z'],
    ])
  })

  it('embeds the organisation chain of an imported identity', async () => {
    const org = await makeOrganisation('Jean Dupont')
    const manager = await unlockIdentity(org.leaf, [org.rootDer])
    const signature = await signDetached(manifest, [manager], { signingTime })
    const [report] = verifyDetached(signature, manifest).signers
    expect(report).toMatchObject({ valid: true, subject: { name: 'Jean Dupont', organisation: 'Acme' } })
    expect(describeCertificate(report!.certificateDer).issuerName).toBe('Acme Root CA')
  })
})

describe.skipIf(!haveOpenssl)('openssl cms -verify agrees', () => {
  it.each([
    ['EC P-256', () => [hoa]],
    ['RSA 3072', () => [ivan]],
    ['both', () => [hoa, ivan]],
  ] as const)('accepts a signature by %s and refuses it once the content changes', async (label, signers) => {
    const signature = await signDetached(manifest, signers(), { signingTime })
    const accepted = opensslVerify(`ok-${label}`, signature, manifest, signers())
    expect(accepted.out).toContain('Verification successful')
    expect(accepted.status).toBe(0)
    const tampered = flipByte(manifest, manifest.length - 3, 0x20)
    const refused = opensslVerify(`bad-${label}`, signature, tampered, signers())
    expect(refused.status).not.toBe(0)
    expect(refused.out).toMatch(/digest failure|Verification failure/)
  })

  it('accepts a signature countersigned later, with both certificates trusted', async () => {
    const first = await signDetached(manifest, [ivan], { signingTime })
    const both = await addSigner(first, manifest, hoa, { signingTime })
    expect(opensslVerify('countersigned', both, manifest, [ivan, hoa]).status).toBe(0)
    // trusting only one of them is not enough: every signer is checked
    expect(opensslVerify('countersigned-one', both, manifest, [ivan]).status).not.toBe(0)
  })
})
