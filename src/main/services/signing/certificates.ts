import {
  createHash,
  createPrivateKey,
  randomBytes,
  webcrypto,
  X509Certificate as NodeCertificate,
  type KeyObject,
} from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import forge from 'node-forge'
import { AppError } from '../../../shared/contract/errors'

/** Key types a new self-signed identity can have; pdfsig and openssl verify both (RSA is the most widely supported). */
export type NewKeyAlgorithm = 'ecdsa-p256' | 'rsa-3072'

/** A key type as read from any certificate. */
export type KeyAlgorithm = 'ecdsa-p256' | `rsa-${number}` | 'other'

/** A certificate and its private key, as the signing code and the identity store hold them. */
export interface Identity {
  /** The X.509 certificate, DER. */
  readonly certificateDer: Uint8Array
  /** The private key, unencrypted PKCS#8 DER; only ever kept in main's memory or sealed. */
  readonly privateKeyPkcs8: Uint8Array
}

/** What a PKCS#12 file held once opened. */
export interface Pkcs12Contents extends Identity {
  /** The other certificates in the file (intermediate and root CAs), DER. */
  readonly chainDer: Uint8Array[]
}

/** The readable facts of a certificate, for lists and verification reports. */
export interface CertificateDescription {
  /** Who the certificate names (empty strings when a field is absent). */
  readonly subject: { readonly name: string; readonly email: string; readonly organisation: string }
  /** Common name (or full distinguished name when there is none) of the issuer. */
  readonly issuerName: string
  /** Serial number, lowercase hex. */
  readonly serialHex: string
  /** Start of validity, ISO 8601. */
  readonly notBefore: string
  /** End of validity, ISO 8601. */
  readonly notAfter: string
  /** SHA-256 of the DER, uppercase hex pairs joined with ':' (as openssl and OS viewers print it). */
  readonly fingerprint: string
  /** Key type. */
  readonly keyAlgorithm: KeyAlgorithm
  /** Issued by itself and signed by its own key. */
  readonly selfSigned: boolean
}

/** pkijs's crypto, backed by Node's WebCrypto (main has no window.crypto). */
export const cryptoEngine = new pkijs.CryptoEngine({
  name: 'node',
  crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
})

/** A copy backed by a plain ArrayBuffer, the only kind pkijs's and WebCrypto's types accept. */
export const plainBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(bytes)
const subtle = webcrypto.subtle

const OID_EMAIL = '1.2.840.113549.1.9.1'
const OID_CN = '2.5.4.3'
const OID_O = '2.5.4.10'
const OID_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4'
/** id-kp-documentSigning (RFC 9336): the purpose closest to signing a closure record. */
const OID_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36'
const VALIDITY_YEARS = 5

/** WebCrypto parameters for importing a signing key of either supported kind. */
export function importParamsFor(
  algorithm: KeyAlgorithm,
): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  return algorithm === 'ecdsa-p256'
    ? { name: 'ECDSA', namedCurve: 'P-256' }
    : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
}

/** A positive serial of 16 random bytes (RFC 5280 allows up to 20). */
export function randomSerialHex(): string {
  const bytes = randomBytes(16)
  bytes[0] = (bytes[0]! & 0x7f) | 0x01
  return bytes.toString('hex')
}

/** Who a certificate names; absent fields are left out of the distinguished name. */
export interface NameFields {
  readonly name: string
  readonly email?: string
  readonly organisation?: string
}

function relativeDistinguishedNames(fields: NameFields): pkijs.RelativeDistinguishedNames {
  const attribute = (type: string, value: asn1js.BaseStringBlock | asn1js.IA5String): pkijs.AttributeTypeAndValue =>
    new pkijs.AttributeTypeAndValue({ type, value })
  const typesAndValues = [attribute(OID_CN, new asn1js.Utf8String({ value: fields.name }))]
  if (fields.organisation) typesAndValues.push(attribute(OID_O, new asn1js.Utf8String({ value: fields.organisation })))
  if (fields.email) typesAndValues.push(attribute(OID_EMAIL, new asn1js.IA5String({ value: fields.email })))
  // pkijs would put every attribute in one multi-valued RDN ("CN=…+O=…"); one RDN each is the norm
  const name = new asn1js.Sequence({
    value: typesAndValues.map((item) => new asn1js.Set({ value: [item.toSchema()] })),
  })
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER(false))
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) })
}

/** Chooses UTCTime before 2050 and GeneralizedTime after, as RFC 5280 requires. */
const timeOf = (date: Date): pkijs.Time => new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date })

/**
 * Issues an X.509 v3 certificate: self-signed when no issuer is given, else signed by
 * the issuer's key (organisation CAs in tests). Keys are WebCrypto keys.
 */
export async function issueCertificate(options: {
  readonly subject: NameFields
  readonly publicKey: webcrypto.CryptoKey
  readonly signingKey: webcrypto.CryptoKey
  readonly issuer?: { readonly certificateDer: Uint8Array }
  readonly notBefore: Date
  readonly notAfter: Date
  /** A certificate authority (may issue certificates) rather than a person's signing certificate. */
  readonly authority?: boolean
}): Promise<Uint8Array> {
  const certificate = new pkijs.Certificate()
  certificate.version = 2
  certificate.serialNumber = new asn1js.Integer({ valueHex: Buffer.from(randomSerialHex(), 'hex') })
  certificate.subject = relativeDistinguishedNames(options.subject)
  const issuer = options.issuer ? pkijs.Certificate.fromBER(plainBytes(options.issuer.certificateDer)) : null
  certificate.issuer = issuer ? issuer.subject : relativeDistinguishedNames(options.subject)
  certificate.notBefore = timeOf(options.notBefore)
  certificate.notAfter = timeOf(options.notAfter)
  await certificate.subjectPublicKeyInfo.importKey(options.publicKey, cryptoEngine)
  const keyId = createHash('sha1')
    .update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
    .digest()
  // digitalSignature (bit 0) + nonRepudiation (bit 1) for people; keyCertSign (5) + cRLSign (6) for CAs
  const usage = options.authority
    ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]), unusedBits: 1 })
    : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]), unusedBits: 6 })
  const extensions = [
    extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: options.authority ?? false }).toSchema()),
    extension('2.5.29.15', true, usage),
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: keyId })),
  ]
  if (!options.authority) {
    extensions.push(
      extension(
        '2.5.29.37',
        false,
        new pkijs.ExtKeyUsage({ keyPurposes: [OID_EMAIL_PROTECTION, OID_DOCUMENT_SIGNING] }).toSchema(),
      ),
    )
    if (options.subject.email)
      extensions.push(
        extension(
          '2.5.29.17',
          false,
          new pkijs.AltName({
            altNames: [new pkijs.GeneralName({ type: 1, value: options.subject.email })],
          }).toSchema(),
        ),
      )
  }
  if (issuer) {
    const issuerKeyId = createHash('sha1')
      .update(issuer.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)
      .digest()
    extensions.push(
      extension(
        '2.5.29.35',
        false,
        new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: issuerKeyId }),
        }).toSchema(),
      ),
    )
  }
  certificate.extensions = extensions
  await certificate.sign(options.signingKey, 'SHA-256', cryptoEngine)
  return new Uint8Array(certificate.toSchema(true).toBER(false))
}

/** Makes a WebCrypto key pair of a supported kind. */
export async function generateKeyPair(algorithm: NewKeyAlgorithm): Promise<webcrypto.CryptoKeyPair> {
  const params: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams =
    algorithm === 'ecdsa-p256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
  return (await subtle.generateKey(params, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair
}

/**
 * Makes a new key pair and a self-signed X.509 v3 certificate for it: what a person
 * without an organisation certificate signs with.
 */
export async function createSelfSignedIdentity(options: {
  readonly name: string
  readonly email?: string
  readonly organisation?: string
  readonly algorithm: NewKeyAlgorithm
  readonly now?: Date
}): Promise<Identity> {
  const name = options.name.trim()
  if (!name) throw new AppError('invalid_input', 'A signing identity needs a name')
  const keys = await generateKeyPair(options.algorithm)
  const notBefore = options.now ?? new Date()
  const notAfter = new Date(notBefore)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS)
  const certificateDer = await issueCertificate({
    subject: {
      name,
      email: options.email?.trim() || undefined,
      organisation: options.organisation?.trim() || undefined,
    },
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    notBefore,
    notAfter,
  })
  const privateKeyPkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', keys.privateKey))
  return { certificateDer, privateKeyPkcs8 }
}

/** Reads a certificate given as PEM text or DER bytes; anything else is `certificate_unreadable`. */
export function pemToDer(input: string | Uint8Array): Uint8Array {
  let der: Uint8Array | null = null
  if (typeof input !== 'string' && input[0] === 0x30) der = input
  else {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1')
    const match =
      /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/.exec(text)
    if (match) der = new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'))
  }
  if (!der || !parseCertificate(der)) throw new AppError('certificate_unreadable', 'Not a PEM or DER X.509 certificate')
  return der
}

/** A certificate as PEM text, the form openssl and certificate viewers read. */
export function certificateToPem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64')
  const lines = base64.match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/** Node's parsed certificate, or null when the bytes are not one. */
export function parseCertificate(der: Uint8Array): NodeCertificate | null {
  try {
    return new NodeCertificate(der)
  } catch {
    return null
  }
}

/** The first value of an attribute in a distinguished name, '' when absent. */
function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string {
  const found = name.typesAndValues.find((item) => item.type === oid)
  const value = (found?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value
  return typeof value === 'string' ? value : ''
}

/** The e-mail address in a certificate's subject alternative names, '' when none. */
function alternativeEmail(certificate: pkijs.Certificate): string {
  const san = certificate.extensions?.find((item) => item.extnID === '2.5.29.17')?.parsedValue as
    pkijs.AltName | undefined
  const email = san?.altNames.find((item) => item.type === 1)?.value as unknown
  return typeof email === 'string' ? email : ''
}

/** Describes a certificate; throws `certificate_unreadable` when the bytes are not one. */
export function describeCertificate(der: Uint8Array): CertificateDescription {
  const node = parseCertificate(der)
  let certificate: pkijs.Certificate
  try {
    if (!node) throw new Error('unparsable')
    certificate = pkijs.Certificate.fromBER(plainBytes(der))
  } catch {
    throw new AppError('certificate_unreadable', 'Not an X.509 certificate')
  }
  return {
    subject: {
      name: nameField(certificate.subject, OID_CN),
      email: nameField(certificate.subject, OID_EMAIL) || alternativeEmail(certificate),
      organisation: nameField(certificate.subject, OID_O),
    },
    issuerName: nameField(certificate.issuer, OID_CN) || node.issuer.replace(/\n/g, ', '),
    serialHex: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
    fingerprint: node.fingerprint256,
    keyAlgorithm: keyAlgorithmOf(node.publicKey),
    // OpenSSL's checkIssued also demands keyCertSign, which a person's certificate rightly lacks
    selfSigned: certificate.subject.isEqual(certificate.issuer) && safeVerify(node, node.publicKey),
  }
}

/** The key type of a public or private key. */
export function keyAlgorithmOf(key: KeyObject): KeyAlgorithm {
  const details = key.asymmetricKeyDetails
  if (key.asymmetricKeyType === 'ec' && details?.namedCurve === 'prime256v1') return 'ecdsa-p256'
  if (key.asymmetricKeyType === 'rsa' && details?.modulusLength) return `rsa-${details.modulusLength}`
  return 'other'
}

/** Whether `cert` carries a valid signature by `key`, false rather than a throw on odd inputs. */
export function safeVerify(cert: NodeCertificate, key: KeyObject): boolean {
  try {
    return cert.verify(key)
  } catch {
    return false
  }
}

/** The private key from PKCS#8 DER as a Node key (for checks), or null. */
function privateKeyFrom(pkcs8: Uint8Array): KeyObject | null {
  try {
    return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })
  } catch {
    return null
  }
}

const forgeBytes = (der: Uint8Array): forge.util.ByteStringBuffer =>
  forge.util.createBuffer(Buffer.from(der).toString('binary'))
const fromForgeDer = (asn1: forge.asn1.Asn1): Uint8Array =>
  new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'))

const decryptionFailure = /decrypt/i
const macFailure = /MAC could not be verified/i

/**
 * Runs forge's PKCS#12 reader, working around two of its habits: it re-encodes RSA
 * certificates (adding a NULL that changes their bytes, hence fingerprint and
 * signature), so certificate parsing is switched off to keep the original DER; and it
 * feeds PBES2 (OpenSSL 3's default) the password as Latin-1 where OpenSSL uses UTF-8,
 * so a non-ASCII password is retried as UTF-8 once the MAC has proved it right.
 */
function openPkcs12(bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1
  try {
    asn1 = forge.asn1.fromDer(forgeBytes(bytes))
  } catch (error) {
    throw new AppError('pkcs12_unreadable', `Not a DER PKCS#12 file: ${String(error)}`)
  }
  const parseCertificates = forge.pki.certificateFromAsn1
  forge.pki.certificateFromAsn1 = () => {
    throw new Error('kept as DER')
  }
  try {
    try {
      return forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (macFailure.test(message)) throw new AppError('pkcs12_wrong_password', 'The PKCS#12 password is wrong')
      const utf8 = forge.util.encodeUtf8(password)
      if (!decryptionFailure.test(message) || utf8 === password) throw error
      const withoutMac = (forge.asn1 as unknown as { copy(value: forge.asn1.Asn1): forge.asn1.Asn1 }).copy(asn1)
      if (Array.isArray(withoutMac.value)) withoutMac.value = withoutMac.value.slice(0, 2)
      return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, utf8)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    const message = error instanceof Error ? error.message : String(error)
    // Without a MAC, a wrong password shows only as content that does not decrypt.
    if (decryptionFailure.test(message) || /password/i.test(message))
      throw new AppError('pkcs12_wrong_password', `The PKCS#12 password is wrong: ${message}`)
    throw new AppError('pkcs12_unreadable', `Not a readable PKCS#12 file: ${message}`)
  } finally {
    forge.pki.certificateFromAsn1 = parseCertificates
  }
}

/**
 * Opens a PKCS#12 (.p12/.pfx) file: OpenSSL 3's default (PBES2, AES-256, PBKDF2-SHA256)
 * and the legacy kind (RC2/3DES, SHA-1) that older tools and Windows still produce.
 * The key must belong to one of its certificates; RSA and EC P-256 keys only.
 */
export function importPkcs12(bytes: Uint8Array, password: string): Pkcs12Contents {
  const p12 = openPkcs12(bytes, password)
  const bagsOf = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? []
  const keyBags = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(forge.pki.oids.keyBag!)]
  const certBags = bagsOf(forge.pki.oids.certBag!)
  const keys = keyBags.flatMap((bag) => {
    const info = bag.key
      ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
      : (bag as { asn1?: forge.asn1.Asn1 }).asn1
    const key = info ? privateKeyFrom(fromForgeDer(info)) : null
    return key ? [key] : []
  })
  if (keys.length === 0) throw new AppError('pkcs12_no_key', 'The PKCS#12 file holds no private key')
  const key = keys[0]!
  if (keyAlgorithmOf(key) === 'other') throw new AppError('pkcs12_unreadable', 'Only RSA and EC P-256 keys can sign')
  const certificates = certBags.flatMap((bag) => {
    const asn1 = (bag as { asn1?: forge.asn1.Asn1 }).asn1
    return asn1 ? [fromForgeDer(asn1)] : []
  })
  if (certificates.length === 0) throw new AppError('pkcs12_unreadable', 'The PKCS#12 file holds no certificate')
  const own = certificates.find((der) => {
    try {
      return parseCertificate(der)?.checkPrivateKey(key) ?? false
    } catch {
      return false
    }
  })
  if (!own) throw new AppError('pkcs12_key_mismatch', 'The private key does not belong to any certificate in the file')
  return {
    certificateDer: own,
    chainDer: certificates.filter((der) => der !== own),
    privateKeyPkcs8: new Uint8Array(key.export({ type: 'pkcs8', format: 'der' })),
  }
}
