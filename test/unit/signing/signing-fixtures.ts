import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { webcrypto } from 'node:crypto'
import {
  certificateToPem,
  createSelfSignedIdentity,
  generateKeyPair,
  issueCertificate,
  type Identity,
  type NewKeyAlgorithm,
} from '../../../src/main/services/signing/certificates'

/** Whether a command-line tool is installed (tests that need it are skipped otherwise, saying so). */
export function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Runs a tool; returns its exit status and both outputs (openssl reports success on stderr). */
export function run(command: string, args: string[]): { status: number; out: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return { status: result.status ?? 1, out: `${result.stdout ?? ''}${result.stderr ?? ''}` }
}

/** A copy with one byte changed, as damage or tampering would leave it. */
export function flipByte(bytes: Uint8Array, index: number, mask = 0x01): Uint8Array {
  const copy = bytes.slice()
  copy[index] = copy[index]! ^ mask
  return copy
}

export function scratchDir(label: string): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `redress-${label}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

const identities = new Map<string, Promise<Identity>>()

/** One identity per algorithm and name for the whole test file: RSA 3072 takes seconds to generate. */
export function cachedIdentity(algorithm: NewKeyAlgorithm, name = `Test ${algorithm}`): Promise<Identity> {
  const key = `${algorithm}:${name}`
  let identity = identities.get(key)
  if (!identity) {
    identity = createSelfSignedIdentity({ name, email: 'signer@example.org', organisation: 'Redress QA', algorithm })
    identities.set(key, identity)
  }
  return identity
}

export function keyToPem(pkcs8: Uint8Array): string {
  const lines =
    Buffer.from(pkcs8)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`
}

/** Packs a key and certificates into a .p12 with openssl, as an organisation's IT would hand one out. */
export function makePkcs12(
  dir: string,
  label: string,
  identity: Identity,
  password: string,
  options: { legacy?: boolean; chain?: Uint8Array[]; withoutKey?: boolean; keyOf?: Identity } = {},
): Uint8Array {
  const keyPath = join(dir, `${label}.key.pem`)
  const certPath = join(dir, `${label}.cert.pem`)
  const chainPath = join(dir, `${label}.chain.pem`)
  const out = join(dir, `${label}.p12`)
  writeFileSync(keyPath, keyToPem((options.keyOf ?? identity).privateKeyPkcs8))
  writeFileSync(certPath, certificateToPem(identity.certificateDer))
  const args = ['pkcs12', '-export', '-in', certPath, '-out', out, '-passout', `pass:${password}`]
  if (options.withoutKey) args.push('-nokeys')
  else args.push('-inkey', keyPath)
  if (options.chain?.length) {
    writeFileSync(chainPath, options.chain.map(certificateToPem).join(''))
    args.push('-certfile', chainPath)
  }
  if (options.legacy) args.push('-legacy')
  const result = run('openssl', args)
  if (result.status !== 0) throw new Error(`openssl pkcs12 failed: ${result.out}`)
  return new Uint8Array(readFileSync(out))
}

/** A tiny organisation: a root CA and a leaf certificate (with its key) issued by it. */
export async function makeOrganisation(
  leafName: string,
  options: { notBefore?: Date; notAfter?: Date } = {},
): Promise<{ rootDer: Uint8Array; leaf: Identity }> {
  const day = 86_400_000
  const now = Date.now()
  const rootKeys = await generateKeyPair('ecdsa-p256')
  const rootDer = await issueCertificate({
    subject: { name: 'Acme Root CA', organisation: 'Acme' },
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    notBefore: new Date(now - day),
    notAfter: new Date(now + 3650 * day),
    authority: true,
  })
  const leafKeys = await generateKeyPair('ecdsa-p256')
  const leafDer = await issueCertificate({
    subject: { name: leafName, email: 'manager@acme.example', organisation: 'Acme' },
    publicKey: leafKeys.publicKey,
    signingKey: rootKeys.privateKey,
    issuer: { certificateDer: rootDer },
    notBefore: options.notBefore ?? new Date(now - day),
    notAfter: options.notAfter ?? new Date(now + 730 * day),
  })
  return {
    rootDer,
    leaf: {
      certificateDer: leafDer,
      privateKeyPkcs8: new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey)),
    },
  }
}
