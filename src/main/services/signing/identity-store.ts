import { createPrivateKey, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/contract/errors'
import { writeFileAtomically } from '../files/atomic-file'
import {
  certificateToPem,
  createSelfSignedIdentity,
  describeCertificate,
  importPkcs12,
  parseCertificate,
  pemToDer,
  safeVerify,
  type CertificateDescription,
  type KeyAlgorithm,
  type NewKeyAlgorithm,
} from './certificates'
import { unlockIdentity, type UnlockedSigner } from './cms'
import { assertPassphrase, type KeyProtector, type SealedKey } from './key-protection'

export type { UnlockedSigner } from './cms'

/** An identity as saved in `<dir>/identities/<id>.json`. */
interface StoredIdentity {
  /** Format version of this file. */
  readonly version: 1
  /** `id_` + random, also the file name. */
  readonly id: string
  /** The person's name, as in the certificate. */
  readonly name: string
  /** E-mail address from the certificate ('' when none). */
  readonly email: string
  /** Organisation from the certificate ('' when none). */
  readonly organisation: string
  /** The signing certificate. */
  readonly certificatePem: string
  /** The issuing organisation's certificates, when imported from a PKCS#12 file. */
  readonly chainPem: readonly string[]
  /** SHA-256 fingerprint of the certificate. */
  readonly fingerprint: string
  /** Key type. */
  readonly keyAlgorithm: KeyAlgorithm
  /** The private key, encrypted. */
  readonly sealedKey: SealedKey
  /** When it was created or imported, ISO 8601. */
  readonly createdAt: string
  /** Made here (self-signed) or imported from an organisation's PKCS#12 file. */
  readonly source: 'created' | 'imported'
}

/** What the interface shows of an identity: never key material. */
export interface IdentitySummary {
  /** Identity id (`id_…`). */
  readonly id: string
  /** Who the certificate names. */
  readonly subject: CertificateDescription['subject']
  /** Who issued it (the person themself when self-signed). */
  readonly issuerName: string
  /** Issued by itself. */
  readonly selfSigned: boolean
  /** SHA-256 fingerprint, to read out to someone checking a signature. */
  readonly fingerprint: string
  /** Validity start, ISO 8601. */
  readonly notBefore: string
  /** Validity end, ISO 8601. */
  readonly notAfter: string
  /** Made here or imported. */
  readonly source: 'created' | 'imported'
  /** Key type. */
  readonly keyAlgorithm: KeyAlgorithm
  /** How the key is protected: OS keychain or a passphrase to type when signing. */
  readonly protection: 'os' | 'passphrase'
  /** When it was created or imported, ISO 8601. */
  readonly createdAt: string
}

/** An organisation certificate trusted to vouch for signers it issued. */
export type TrustedCertificateSummary = CertificateDescription

/** How far a signer's certificate is trusted here. */
export type Trust = 'own' | 'organisation' | 'untrusted'

export interface IdentityStore {
  list(): Promise<IdentitySummary[]>
  create(input: {
    readonly name: string
    readonly email?: string
    readonly organisation?: string
    readonly algorithm: NewKeyAlgorithm
    readonly passphrase: string | null
  }): Promise<IdentitySummary>
  importPkcs12(input: {
    readonly bytes: Uint8Array
    readonly password: string
    readonly passphrase: string | null
  }): Promise<IdentitySummary>
  remove(id: string): Promise<void>
  unlock(id: string, passphrase: string | null): Promise<UnlockedSigner>
  listTrusted(): Promise<TrustedCertificateSummary[]>
  importTrusted(bytes: Uint8Array): Promise<TrustedCertificateSummary>
  removeTrusted(fingerprint: string): Promise<void>
  trustOf(certificateDer: Uint8Array, chainDer?: readonly Uint8Array[]): Promise<Trust>
}

const idPattern = /^id_[A-Za-z0-9_-]{16,64}$/
const fingerprintHex = (fingerprint: string): string => fingerprint.replace(/:/g, '').toLowerCase()

function isStoredIdentity(value: unknown): value is StoredIdentity {
  const v = value as Partial<StoredIdentity> | null
  return (
    !!v &&
    v.version === 1 &&
    typeof v.id === 'string' &&
    idPattern.test(v.id) &&
    typeof v.certificatePem === 'string' &&
    Array.isArray(v.chainPem) &&
    v.chainPem.every((pem) => typeof pem === 'string') &&
    typeof v.sealedKey === 'object' &&
    v.sealedKey !== null &&
    (v.sealedKey.kind === 'os' || v.sealedKey.kind === 'passphrase') &&
    typeof v.createdAt === 'string' &&
    (v.source === 'created' || v.source === 'imported')
  )
}

/** The opened key is the certificate's (a swapped or damaged file must not sign in someone's name). */
function keyMatches(certificate: ReturnType<typeof parseCertificate>, pkcs8: Uint8Array): boolean {
  try {
    return !!certificate?.checkPrivateKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }))
  } catch {
    return false
  }
}

/**
 * Signing identities (certificate + sealed private key) and trusted organisation
 * certificates, kept as small files under `dir`. Keys are sealed by `protector`
 * before they touch the disk and only ever leave as an UnlockedSigner in main.
 */
export function createIdentityStore(options: {
  readonly dir: string
  readonly protector: KeyProtector
  readonly now?: () => Date
}): IdentityStore {
  const identitiesDir = join(options.dir, 'identities')
  const trustedDir = join(options.dir, 'trusted-certificates')
  const now = options.now ?? (() => new Date())
  const pathOf = (id: string): string => {
    if (!idPattern.test(id)) throw new AppError('not_found', 'No such signing identity')
    return join(identitiesDir, `${id}.json`)
  }

  function summarise(stored: StoredIdentity): IdentitySummary {
    const described = describeCertificate(pemToDer(stored.certificatePem))
    return {
      id: stored.id,
      subject: described.subject,
      issuerName: described.issuerName,
      selfSigned: described.selfSigned,
      fingerprint: described.fingerprint,
      notBefore: described.notBefore,
      notAfter: described.notAfter,
      source: stored.source,
      keyAlgorithm: described.keyAlgorithm,
      protection: stored.sealedKey.kind,
      createdAt: stored.createdAt,
    }
  }

  async function readStored(id: string): Promise<StoredIdentity> {
    const path = pathOf(id)
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new AppError('not_found', 'No such signing identity')
      throw new AppError('identity_unreadable', `The identity file cannot be read: ${String(error)}`)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new AppError('identity_unreadable', 'The identity file is not valid JSON')
    }
    if (!isStoredIdentity(parsed) || parsed.id !== id)
      throw new AppError('identity_unreadable', 'The identity file is incomplete')
    return parsed
  }

  async function readAll(): Promise<StoredIdentity[]> {
    let names: string[]
    try {
      names = await readdir(identitiesDir)
    } catch {
      return []
    }
    const stored: StoredIdentity[] = []
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      // A damaged file must not hide the others; unlock() reports it by id.
      const identity = await readStored(name.slice(0, -'.json'.length)).catch(() => null)
      if (identity) {
        try {
          summarise(identity)
          stored.push(identity)
        } catch {
          // the certificate inside is unreadable: skipped like a corrupt file
        }
      }
    }
    return stored
  }

  async function save(
    certificateDer: Uint8Array,
    chainDer: readonly Uint8Array[],
    pkcs8: Uint8Array,
    passphrase: string | null,
    source: StoredIdentity['source'],
  ): Promise<IdentitySummary> {
    const described = describeCertificate(certificateDer)
    const sealedKey = await options.protector.seal(pkcs8, passphrase)
    const stored: StoredIdentity = {
      version: 1,
      id: `id_${randomBytes(12).toString('base64url')}`,
      name: described.subject.name,
      email: described.subject.email,
      organisation: described.subject.organisation,
      certificatePem: certificateToPem(certificateDer),
      chainPem: chainDer.map(certificateToPem),
      fingerprint: described.fingerprint,
      keyAlgorithm: described.keyAlgorithm,
      sealedKey,
      createdAt: now().toISOString(),
      source,
    }
    await mkdir(identitiesDir, { recursive: true })
    await writeFileAtomically(pathOf(stored.id), `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
    return summarise(stored)
  }

  async function readTrusted(): Promise<Uint8Array[]> {
    let names: string[]
    try {
      names = await readdir(trustedDir)
    } catch {
      return []
    }
    const certificates: Uint8Array[] = []
    for (const name of names.filter((n) => n.endsWith('.pem')).sort()) {
      try {
        certificates.push(pemToDer(await readFile(join(trustedDir, name), 'utf8')))
      } catch {
        // an unreadable file trusts nobody
      }
    }
    return certificates
  }

  /** Valid now, by its dates. */
  const inValidity = (der: Uint8Array, at: Date): boolean => {
    const { notBefore, notAfter } = describeCertificate(der)
    return new Date(notBefore) <= at && at <= new Date(notAfter)
  }

  /** `child` was issued by `issuer`: names chain, the issuer may sign certificates, the signature holds. */
  const issuedBy = (child: Uint8Array, issuer: Uint8Array): boolean => {
    const c = parseCertificate(child)
    const i = parseCertificate(issuer)
    return !!c && !!i && c.checkIssued(i) && safeVerify(c, i.publicKey)
  }

  return {
    async list() {
      return (await readAll()).map(summarise)
    },

    async create(input) {
      if (options.protector.kind === 'passphrase') assertPassphrase(input.passphrase)
      const identity = await createSelfSignedIdentity({
        name: input.name,
        email: input.email,
        organisation: input.organisation,
        algorithm: input.algorithm,
        now: now(),
      })
      return save(identity.certificateDer, [], identity.privateKeyPkcs8, input.passphrase, 'created')
    },

    async importPkcs12(input) {
      if (options.protector.kind === 'passphrase') assertPassphrase(input.passphrase)
      const opened = importPkcs12(input.bytes, input.password)
      const fingerprint = describeCertificate(opened.certificateDer).fingerprint
      const existing = (await readAll()).find((stored) => stored.fingerprint === fingerprint)
      if (existing) return summarise(existing)
      return save(opened.certificateDer, opened.chainDer, opened.privateKeyPkcs8, input.passphrase, 'imported')
    },

    async remove(id) {
      const path = pathOf(id)
      try {
        await rm(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new AppError('not_found', 'No such signing identity')
        throw error
      }
    },

    async unlock(id, passphrase) {
      const stored = await readStored(id)
      let certificateDer: Uint8Array
      let chainDer: Uint8Array[]
      try {
        certificateDer = pemToDer(stored.certificatePem)
        chainDer = stored.chainPem.map((pem) => pemToDer(pem))
      } catch {
        throw new AppError('identity_unreadable', 'The certificate of this identity is damaged')
      }
      const pkcs8 = await options.protector.open(stored.sealedKey, passphrase)
      const certificate = parseCertificate(certificateDer)
      if (!keyMatches(certificate, pkcs8))
        throw new AppError('identity_unreadable', 'The stored key does not belong to the certificate')
      return unlockIdentity({ certificateDer, privateKeyPkcs8: pkcs8 }, chainDer)
    },

    async listTrusted() {
      return (await readTrusted()).map(describeCertificate)
    },

    async importTrusted(bytes) {
      const der = pemToDer(bytes)
      const described = describeCertificate(der)
      await mkdir(trustedDir, { recursive: true })
      await writeFileAtomically(join(trustedDir, `${fingerprintHex(described.fingerprint)}.pem`), certificateToPem(der))
      return described
    },

    async removeTrusted(fingerprint) {
      const hex = fingerprintHex(fingerprint)
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new AppError('not_found', 'No such trusted certificate')
      try {
        await rm(join(trustedDir, `${hex}.pem`))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new AppError('not_found', 'No such trusted certificate')
        throw error
      }
    },

    async trustOf(certificateDer, chainDer = []) {
      let fingerprint: string
      try {
        fingerprint = describeCertificate(certificateDer).fingerprint
      } catch {
        return 'untrusted'
      }
      if ((await readAll()).some((stored) => stored.fingerprint === fingerprint)) return 'own'
      const trusted = await readTrusted()
      const at = now()
      const isTrusted = (der: Uint8Array): boolean =>
        trusted.some((anchor) => Buffer.from(anchor).equals(Buffer.from(der)))
      // Walk up through the chain the signature carried, at most a few links, to a trusted certificate.
      let current = certificateDer
      for (let depth = 0; depth < 5; depth++) {
        if (!inValidity(current, at)) return 'untrusted'
        if (isTrusted(current)) return 'organisation'
        const anchor = trusted.find((candidate) => issuedBy(current, candidate) && inValidity(candidate, at))
        if (anchor) return 'organisation'
        const next = chainDer.find((candidate) => candidate !== current && issuedBy(current, candidate))
        if (!next) return 'untrusted'
        current = next
      }
      return 'untrusted'
    },
  }
}
