import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto'
import { AppError } from '../../../shared/contract/errors'

/** A private key as stored on disk: encrypted, JSON-able, saying how to open it. */
export type SealedKey =
  | {
      /** Encrypted with a key derived from a passphrase only the person knows. */
      readonly kind: 'passphrase'
      /** Format version, for a future change of parameters. */
      readonly version: 1
      /** scrypt cost parameters used to derive the AES key. */
      readonly scrypt: { readonly N: number; readonly r: number; readonly p: number }
      /** scrypt salt, base64. */
      readonly salt: string
      /** AES-256-GCM nonce, base64. */
      readonly iv: string
      /** The encrypted PKCS#8, base64. */
      readonly ciphertext: string
      /** AES-GCM authentication tag, base64: a wrong passphrase or a changed byte fails it. */
      readonly tag: string
    }
  | {
      /** Encrypted by the operating system's keychain (Electron safeStorage). */
      readonly kind: 'os'
      /** Format version. */
      readonly version: 1
      /** What safeStorage returned, base64. */
      readonly ciphertext: string
    }

/** Seals private keys for storage and opens them again. */
export interface KeyProtector {
  /** Whether the person types a passphrase ('passphrase') or the OS account guards the key ('os'). */
  readonly kind: 'os' | 'passphrase'
  seal(pkcs8: Uint8Array, passphrase: string | null): Promise<SealedKey>
  open(sealed: SealedKey, passphrase: string | null): Promise<Uint8Array>
}

/** What the Electron glue passes in: `safeStorage` has exactly these methods. */
export interface OsEncryption {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export const MIN_PASSPHRASE_LENGTH = 8
/** 2^15 (32 MiB of memory, ~0.2 s here): slows a guessing attack on a stolen file without making signing wait. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const
const ASSOCIATED_DATA = Buffer.from('redress sealed signing key v1')

function deriveKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 }
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** Refuses a passphrase too short to protect a signing key (counted in characters, not bytes). */
export function assertPassphrase(passphrase: string | null): asserts passphrase is string {
  if (passphrase === null || [...passphrase].length < MIN_PASSPHRASE_LENGTH)
    throw new AppError('identity_passphrase_too_short', `A passphrase needs ${MIN_PASSPHRASE_LENGTH} characters`)
}

function isPassphraseSealed(sealed: unknown): sealed is Extract<SealedKey, { kind: 'passphrase' }> {
  const s = sealed as Partial<Extract<SealedKey, { kind: 'passphrase' }>> | null
  return (
    !!s &&
    s.kind === 'passphrase' &&
    s.version === 1 &&
    !!s.scrypt &&
    [s.scrypt.N, s.scrypt.r, s.scrypt.p].every((n) => Number.isSafeInteger(n) && n > 0) &&
    s.scrypt.N <= 2 ** 20 &&
    s.scrypt.r <= 32 &&
    s.scrypt.p <= 16 &&
    [s.salt, s.iv, s.ciphertext, s.tag].every((part) => typeof part === 'string')
  )
}

/** Keys sealed with scrypt (N=2^15, r=8, p=1, 16-byte salt) and AES-256-GCM. */
export function createPassphraseProtector(): KeyProtector {
  return {
    kind: 'passphrase',
    async seal(pkcs8, passphrase) {
      assertPassphrase(passphrase)
      const salt = randomBytes(16)
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, SCRYPT), iv)
      cipher.setAAD(ASSOCIATED_DATA)
      const ciphertext = Buffer.concat([cipher.update(pkcs8), cipher.final()])
      return {
        kind: 'passphrase',
        version: 1,
        scrypt: { ...SCRYPT },
        salt: salt.toString('base64'),
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      }
    },
    async open(sealed, passphrase) {
      if (!isPassphraseSealed(sealed)) throw new AppError('identity_unreadable', 'Not a passphrase-sealed key')
      if (passphrase === null || passphrase === '')
        throw new AppError('identity_wrong_passphrase', 'A passphrase is needed to open this key')
      const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed.scrypt)
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
        decipher.setAAD(ASSOCIATED_DATA)
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
        return new Uint8Array(
          Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]),
        )
      } catch {
        // GCM cannot tell a wrong passphrase from a damaged file; the passphrase is by far the likelier
        throw new AppError('identity_wrong_passphrase', 'The passphrase does not open this key')
      }
    },
  }
}

/** Keys sealed by the operating system (Electron safeStorage: Keychain, DPAPI, libsecret). */
export function createOsProtector(adapter: OsEncryption): KeyProtector {
  const requireAvailable = (): void => {
    if (!adapter.isEncryptionAvailable())
      throw new AppError('identity_protection_unavailable', 'The operating system cannot encrypt keys here')
  }
  return {
    kind: 'os',
    async seal(pkcs8) {
      requireAvailable()
      const ciphertext = adapter.encryptString(Buffer.from(pkcs8).toString('base64'))
      return { kind: 'os', version: 1, ciphertext: Buffer.from(ciphertext).toString('base64') }
    },
    async open(sealed) {
      const s = sealed as Partial<Extract<SealedKey, { kind: 'os' }>> | null
      if (!s || s.kind !== 'os' || s.version !== 1 || typeof s.ciphertext !== 'string')
        throw new AppError('identity_unreadable', 'Not an OS-sealed key')
      requireAvailable()
      let text: string
      try {
        text = adapter.decryptString(Buffer.from(s.ciphertext, 'base64'))
      } catch {
        throw new AppError('identity_unreadable', 'The operating system could not decrypt this key')
      }
      return new Uint8Array(Buffer.from(text, 'base64'))
    },
  }
}
