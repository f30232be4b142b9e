import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import { certificateToPem } from '../../../src/main/services/signing/certificates'
import { signDetached, verifyDetached } from '../../../src/main/services/signing/cms'
import { createIdentityStore, type IdentityStore } from '../../../src/main/services/signing/identity-store'
import { createOsProtector, createPassphraseProtector } from '../../../src/main/services/signing/key-protection'
import { cachedIdentity, hasTool, makeOrganisation, makePkcs12, scratchDir } from './signing-fixtures'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  throw new Error('expected a failure')
}

const passphrase = 'une phrase secrète'
const content = new TextEncoder().encode('tag manifest')

describe('identity store', () => {
  let space: ReturnType<typeof scratchDir>
  let store: IdentityStore
  beforeEach(() => {
    space = scratchDir('identities')
    store = createIdentityStore({
      dir: space.dir,
      protector: createPassphraseProtector(),
      now: () => new Date('2026-11-26T09:00:00Z'),
    })
  })
  afterEach(() => space.remove())

  it('creates an identity, lists it without key material, signs with it once unlocked, removes it', async () => {
    const created = await store.create({
      name: 'Claire Martin',
      email: 'claire@example.fr',
      organisation: 'Redress SA',
      algorithm: 'ecdsa-p256',
      passphrase,
    })
    expect(created).toMatchObject({
      subject: { name: 'Claire Martin', email: 'claire@example.fr', organisation: 'Redress SA' },
      selfSigned: true,
      source: 'created',
      keyAlgorithm: 'ecdsa-p256',
      protection: 'passphrase',
      createdAt: '2026-11-26T09:00:00.000Z',
      notBefore: '2026-11-26T09:00:00.000Z',
      notAfter: '2031-11-26T09:00:00.000Z',
    })
    expect(created.id).toMatch(/^id_/)
    expect(await store.list()).toEqual([created])
    expect(JSON.stringify(await store.list())).not.toMatch(/PRIVATE|sealed|ciphertext/i)

    const file = join(space.dir, 'identities', `${created.id}.json`)
    expect(statSync(file).mode & 0o077).toBe(0)
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    expect(saved).toMatchObject({
      id: created.id,
      name: 'Claire Martin',
      source: 'created',
      fingerprint: created.fingerprint,
    })
    expect(saved.certificatePem).toContain('BEGIN CERTIFICATE')
    expect(saved.sealedKey.kind).toBe('passphrase')

    const signer = await store.unlock(created.id, passphrase)
    expect(signer.fingerprint).toBe(created.fingerprint)
    const signature = await signDetached(content, [signer], { signingTime: new Date() })
    expect(verifyDetached(signature, content).signers[0]).toMatchObject({
      valid: true,
      fingerprint: created.fingerprint,
    })
    expect(await codeOf(store.unlock(created.id, 'not the phrase'))).toBe('identity_wrong_passphrase')

    await store.remove(created.id)
    expect(await store.list()).toEqual([])
    expect(await codeOf(store.unlock(created.id, passphrase))).toBe('not_found')
    expect(await codeOf(store.remove(created.id))).toBe('not_found')
    expect(await codeOf(store.unlock('../../etc/passwd', passphrase))).toBe('not_found')
  })

  it('refuses a short passphrase before spending time on a key', async () => {
    expect(await codeOf(store.create({ name: 'A', algorithm: 'rsa-3072', passphrase: '1234567' }))).toBe(
      'identity_passphrase_too_short',
    )
    expect(readdirSync(space.dir)).toEqual([])
  })

  it('skips a corrupt identity file in the list and reports it on unlock, never crashing', async () => {
    const good = await store.create({ name: 'Good', algorithm: 'ecdsa-p256', passphrase })
    const bad = await store.create({ name: 'Bad', algorithm: 'ecdsa-p256', passphrase })
    const badFile = join(space.dir, 'identities', `${bad.id}.json`)
    writeFileSync(badFile, readFileSync(badFile, 'utf8').slice(0, 200))
    expect((await store.list()).map((i) => i.subject.name)).toEqual(['Good'])
    expect(await codeOf(store.unlock(bad.id, passphrase))).toBe('identity_unreadable')
    // a certificate swapped for someone else's must not sign with this key
    const goodFile = join(space.dir, 'identities', `${good.id}.json`)
    const other = await cachedIdentity('ecdsa-p256', 'Impostor')
    const saved = JSON.parse(readFileSync(goodFile, 'utf8'))
    writeFileSync(goodFile, JSON.stringify({ ...saved, certificatePem: certificateToPem(other.certificateDer) }))
    expect(await codeOf(store.unlock(good.id, passphrase))).toBe('identity_unreadable')
  })

  it('works with the operating system protector, no passphrase asked', async () => {
    const osStore = createIdentityStore({
      dir: space.dir,
      protector: createOsProtector({
        isEncryptionAvailable: () => true,
        encryptString: (text) => Buffer.from(text).reverse(),
        decryptString: (data) => Buffer.from(data).reverse().toString(),
      }),
    })
    const created = await osStore.create({ name: 'Ivan', algorithm: 'ecdsa-p256', passphrase: null })
    expect(created.protection).toBe('os')
    await expect(osStore.unlock(created.id, null)).resolves.toMatchObject({ fingerprint: created.fingerprint })
  })

  it.skipIf(!hasTool('openssl'))('imports an organisation p12, re-sealed with our passphrase, once', async () => {
    const org = await makeOrganisation('Jean Dupont')
    const p12 = makePkcs12(space.dir, 'jean', org.leaf, 'it-department', { chain: [org.rootDer] })
    expect(await codeOf(store.importPkcs12({ bytes: p12, password: 'wrong', passphrase }))).toBe(
      'pkcs12_wrong_password',
    )
    const imported = await store.importPkcs12({ bytes: p12, password: 'it-department', passphrase })
    expect(imported).toMatchObject({ source: 'imported', issuerName: 'Acme Root CA', selfSigned: false })
    expect(await store.importPkcs12({ bytes: p12, password: 'it-department', passphrase })).toEqual(imported)
    expect(await store.list()).toHaveLength(1)
    const signer = await store.unlock(imported.id, passphrase)
    expect(signer.chainDer).toEqual([org.rootDer])
    expect(await codeOf(store.unlock(imported.id, 'it-department'))).toBe('identity_wrong_passphrase')
  })

  it('tells own, organisation and untrusted certificates apart', async () => {
    const mine = await store.create({ name: 'Claire Martin', algorithm: 'ecdsa-p256', passphrase })
    const own = await store.unlock(mine.id, passphrase)
    const acme = await makeOrganisation('Jean Dupont')
    const otherOrg = await makeOrganisation('Mallory')
    const stranger = await cachedIdentity('ecdsa-p256', 'Stranger')
    expect(await store.trustOf(own.certificateDer)).toBe('own')
    expect(await store.trustOf(acme.leaf.certificateDer)).toBe('untrusted')

    expect(await codeOf(store.importTrusted(new TextEncoder().encode('garbage')))).toBe('certificate_unreadable')
    const root = await store.importTrusted(new TextEncoder().encode(certificateToPem(acme.rootDer)))
    expect(root.subject.name).toBe('Acme Root CA')
    expect((await store.listTrusted()).map((t) => t.fingerprint)).toEqual([root.fingerprint])
    expect(await store.trustOf(acme.leaf.certificateDer)).toBe('organisation')
    expect(await store.trustOf(acme.rootDer)).toBe('organisation')
    // same names, different key: the signature check, not the issuer's name, decides
    expect(await store.trustOf(otherOrg.leaf.certificateDer)).toBe('untrusted')
    expect(await store.trustOf(stranger.certificateDer)).toBe('untrusted')
    expect(await store.trustOf(new Uint8Array([1, 2, 3]))).toBe('untrusted')

    const expired = await makeOrganisation('Old Manager', {
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    })
    await store.importTrusted(expired.rootDer)
    expect(await store.trustOf(expired.leaf.certificateDer)).toBe('untrusted')

    await store.removeTrusted(root.fingerprint)
    expect(await store.trustOf(acme.leaf.certificateDer)).toBe('untrusted')
    expect(await codeOf(store.removeTrusted(root.fingerprint))).toBe('not_found')
  })
})
