import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import {
  createOsProtector,
  createPassphraseProtector,
  type OsEncryption,
} from '../../../src/main/services/signing/key-protection'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  throw new Error('expected a failure')
}

/** Stands in for Electron's safeStorage: a reversible scrambling tied to this "machine". */
function fakeSafeStorage(available = true, machine = 'laptop-1'): OsEncryption {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`${machine}:${Buffer.from(text).toString('hex')}`),
    decryptString: (data) => {
      const [owner, hex] = data.toString().split(':')
      if (owner !== machine)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(hex ?? '', 'hex').toString()
    },
  }
}

const key = new Uint8Array(randomBytes(138))

describe('passphrase protection', () => {
  const protector = createPassphraseProtector()

  it('opens with the same passphrase, and the sealed form hides the key', async () => {
    const started = performance.now()
    const sealed = await protector.seal(key, 'correct horse battery')
    console.info(`scrypt N=2^15 seal took ${Math.round(performance.now() - started)} ms`)
    const json = JSON.stringify(sealed)
    expect(json).not.toContain(Buffer.from(key).toString('base64'))
    expect(JSON.parse(json)).toMatchObject({ kind: 'passphrase', scrypt: { N: 32768, r: 8, p: 1 } })
    expect(Buffer.from(await protector.open(JSON.parse(json), 'correct horse battery')).equals(key)).toBe(true)
  })

  it('refuses a wrong passphrase and a changed byte, saying it is the passphrase', async () => {
    const sealed = await protector.seal(key, 'mật khẩu dài')
    expect(await codeOf(protector.open(sealed, 'mat khau dai'))).toBe('identity_wrong_passphrase')
    expect(await codeOf(protector.open(sealed, null))).toBe('identity_wrong_passphrase')
    const damaged = { ...sealed, ciphertext: Buffer.from('x'.repeat(138)).toString('base64') }
    expect(await codeOf(protector.open(damaged, 'mật khẩu dài'))).toBe('identity_wrong_passphrase')
  })

  it('accepts the same passphrase typed in another Unicode normal form', async () => {
    const sealed = await protector.seal(key, 'Mot de passe fiable: é'.normalize('NFD'))
    expect(Buffer.from(await protector.open(sealed, 'Mot de passe fiable: é'.normalize('NFC'))).equals(key)).toBe(true)
  })

  it('refuses a passphrase under 8 characters, counting characters rather than bytes', async () => {
    expect(await codeOf(protector.seal(key, 'short'))).toBe('identity_passphrase_too_short')
    expect(await codeOf(protector.seal(key, null))).toBe('identity_passphrase_too_short')
    await expect(protector.seal(key, 'Пароль12')).resolves.toMatchObject({ kind: 'passphrase' })
  })

  it('says a key sealed another way is unreadable rather than crashing', async () => {
    expect(await codeOf(protector.open({ kind: 'os', version: 1, ciphertext: '' }, 'whatever1'))).toBe(
      'identity_unreadable',
    )
  })
})

describe('operating-system protection', () => {
  it('round-trips through safeStorage without a passphrase', async () => {
    const protector = createOsProtector(fakeSafeStorage())
    const sealed = await protector.seal(key, null)
    expect(sealed.kind).toBe('os')
    expect(Buffer.from(await protector.open(sealed, null)).equals(key)).toBe(true)
  })

  it('says when the system cannot protect keys, and when another machine sealed it', async () => {
    expect(await codeOf(createOsProtector(fakeSafeStorage(false)).seal(key, null))).toBe(
      'identity_protection_unavailable',
    )
    const sealed = await createOsProtector(fakeSafeStorage(true, 'laptop-1')).seal(key, null)
    expect(await codeOf(createOsProtector(fakeSafeStorage(true, 'laptop-2')).open(sealed, null))).toBe(
      'identity_unreadable',
    )
  })
})
