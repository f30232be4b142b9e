import { createHash, verify as verifySignature, webcrypto } from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import {
  cryptoEngine,
  describeCertificate,
  importParamsFor,
  keyAlgorithmOf,
  parseCertificate,
  plainBytes,
  type CertificateDescription,
  type Identity,
  type KeyAlgorithm,
} from './certificates'
import { AppError } from '../../../shared/contract/errors'

/** An identity whose key is open in memory, ready to sign; never leaves main. */
export interface UnlockedSigner {
  /** The signer's certificate, DER. */
  readonly certificateDer: Uint8Array
  /** Certificates of the issuing organisation (intermediates, root), DER; embedded in signatures. */
  readonly chainDer: readonly Uint8Array[]
  /** The private key as a non-extractable WebCrypto key. */
  readonly privateKey: webcrypto.CryptoKey
  /** Key type, which decides the signature algorithm. */
  readonly algorithm: KeyAlgorithm
  /** SHA-256 fingerprint of the certificate (as in CertificateDescription). */
  readonly fingerprint: string
  /** Who the certificate names. */
  readonly subject: CertificateDescription['subject']
}

/** What was found about one signer of a CMS signature. */
export interface CmsSignerReport {
  /** The signer's certificate, DER (empty when it is not in the signature). */
  readonly certificateDer: Uint8Array
  /** Who the certificate names (empty strings when unknown). */
  readonly subject: CertificateDescription['subject']
  /** SHA-256 fingerprint of the certificate, '' when unknown. */
  readonly fingerprint: string
  /** The signing time the signer claimed, ISO 8601, or null. */
  readonly signingTime: string | null
  /** The content is exactly what this signer signed, and the signature is theirs. */
  readonly valid: boolean
  /** Why it is not valid. */
  readonly problem: null | 'digest_mismatch' | 'bad_signature' | 'certificate_missing' | 'malformed'
}

export interface CmsVerification {
  /** One entry per SignerInfo, in order; a single 'malformed' entry when the signature cannot be read. */
  readonly signers: CmsSignerReport[]
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate-v2 (RFC 5035): binds the signature to the certificate, as PAdES wants. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const

const digestNames: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
}

/** Opens a stored identity's key for signing (the key is imported non-extractable). */
export async function unlockIdentity(
  identity: Identity,
  chainDer: readonly Uint8Array[] = [],
): Promise<UnlockedSigner> {
  const described = describeCertificate(identity.certificateDer)
  if (described.keyAlgorithm === 'other') throw new AppError('identity_unreadable', 'Unsupported key type')
  const privateKey = await webcrypto.subtle.importKey(
    'pkcs8',
    plainBytes(identity.privateKeyPkcs8),
    importParamsFor(described.keyAlgorithm),
    false,
    ['sign'],
  )
  return {
    certificateDer: identity.certificateDer,
    chainDer,
    privateKey,
    algorithm: described.keyAlgorithm,
    fingerprint: described.fingerprint,
    subject: described.subject,
  }
}

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest()

/** Adds a SignerInfo for `signer` (and its certificates) to `signedData`, and signs it. */
async function appendSigner(
  signedData: pkijs.SignedData,
  content: Uint8Array,
  signer: UnlockedSigner,
  signingTime: Date,
): Promise<void> {
  const certificate = pkijs.Certificate.fromBER(plainBytes(signer.certificateDer))
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(signer.certificateDer) })] })],
  })
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({
      type: OID.signingTime,
      values: [
        signingTime.getUTCFullYear() < 2050
          ? new asn1js.UTCTime({ valueDate: signingTime })
          : new asn1js.GeneralizedTime({ valueDate: signingTime }),
      ],
    }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [new asn1js.Sequence({ value: [essCertIdV2] })] }),
  ]
  signedData.signerInfos.push(
    new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    }),
  )
  const embedded = (signedData.certificates ?? []).flatMap((item) =>
    item instanceof pkijs.Certificate ? [Buffer.from(item.toSchema().toBER(false))] : [],
  )
  const certificates = [...(signedData.certificates ?? [])]
  for (const der of [signer.certificateDer, ...signer.chainDer]) {
    if (embedded.some((known) => known.equals(der))) continue
    embedded.push(Buffer.from(der))
    certificates.push(pkijs.Certificate.fromBER(plainBytes(der)))
  }
  signedData.certificates = certificates
  await signedData.sign(signer.privateKey, signedData.signerInfos.length - 1, 'SHA-256', undefined, cryptoEngine)
}

function encode(signedData: pkijs.SignedData): Uint8Array {
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) })
  return new Uint8Array(contentInfo.toSchema().toBER(false))
}

/**
 * Signs content with a detached CMS SignedData (the content is not embedded): what
 * `openssl cms -verify -content` and PDF readers (adbe.pkcs7.detached) check.
 * One SignerInfo per signer, SHA-256, signed attributes contentType, signingTime,
 * messageDigest and signingCertificateV2; every certificate embedded.
 */
export async function signDetached(
  content: Uint8Array,
  signers: readonly UnlockedSigner[],
  options: { readonly signingTime: Date },
): Promise<Uint8Array> {
  if (signers.length === 0) throw new Error('signDetached needs at least one signer')
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [],
    certificates: [],
  })
  for (const signer of signers) await appendSigner(signedData, content, signer, options.signingTime)
  return encode(signedData)
}

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const contentInfo = pkijs.ContentInfo.fromBER(plainBytes(der))
  if (contentInfo.contentType !== OID.signedData) throw new Error('Not a CMS SignedData')
  return new pkijs.SignedData({ schema: contentInfo.content })
}

/** Adds one more signer to an existing detached signature, keeping the signers already there. */
export async function addSigner(
  existingDer: Uint8Array,
  content: Uint8Array,
  signer: UnlockedSigner,
  options: { readonly signingTime: Date },
): Promise<Uint8Array> {
  const signedData = parseSignedData(existingDer)
  await appendSigner(signedData, content, signer, options.signingTime)
  return encode(signedData)
}

const unknownSubject = { name: '', email: '', organisation: '' } as const

function malformed(): CmsVerification {
  return {
    signers: [
      {
        certificateDer: new Uint8Array(),
        subject: unknownSubject,
        fingerprint: '',
        signingTime: null,
        valid: false,
        problem: 'malformed',
      },
    ],
  }
}

/** The certificate a SignerInfo points at, by issuer and serial or by subject key identifier. */
function findCertificate(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo): pkijs.Certificate | null {
  const certificates = (signedData.certificates ?? []).filter(
    (item): item is pkijs.Certificate => item instanceof pkijs.Certificate,
  )
  const sid = signerInfo.sid as unknown
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
  }
  if (sid instanceof asn1js.Primitive || sid instanceof asn1js.OctetString) {
    const wanted = Buffer.from(sid.valueBlock.valueHexView)
    return (
      certificates.find((c) => {
        const ski = c.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue as asn1js.OctetString | undefined
        return ski ? Buffer.from(ski.valueBlock.valueHexView).equals(wanted) : false
      }) ?? null
    )
  }
  return null
}

function attributeValue(signerInfo: pkijs.SignerInfo, type: string): unknown {
  return signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === type)?.values[0]
}

function verifySigner(
  signedData: pkijs.SignedData,
  signerInfo: pkijs.SignerInfo,
  content: Uint8Array,
): CmsSignerReport {
  const time = attributeValue(signerInfo, OID.signingTime)
  const signingTime =
    time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate().toISOString() : null
  const certificate = findCertificate(signedData, signerInfo)
  const certificateDer = certificate ? new Uint8Array(certificate.toSchema().toBER(false)) : new Uint8Array()
  const node = certificate ? parseCertificate(certificateDer) : null
  const described = node ? describeCertificate(certificateDer) : null
  const report = (problem: CmsSignerReport['problem']): CmsSignerReport => ({
    certificateDer,
    subject: described?.subject ?? unknownSubject,
    fingerprint: described?.fingerprint ?? '',
    signingTime,
    valid: problem === null,
    problem,
  })
  if (!node) return report('certificate_missing')
  const digestName = digestNames[signerInfo.digestAlgorithm.algorithmId]
  const digest = attributeValue(signerInfo, OID.messageDigest)
  const signedAttrs = signerInfo.signedAttrs?.encodedValue
  if (!digestName || !(digest instanceof asn1js.OctetString) || !signedAttrs?.byteLength) return report('malformed')
  const actual = createHash(digestName).update(content).digest()
  if (!actual.equals(Buffer.from(digest.valueBlock.valueHexView))) return report('digest_mismatch')
  // The signature covers the attributes as a SET OF, not with the [0] tag they are stored under
  const signed = Buffer.from(new Uint8Array(signedAttrs))
  signed[0] = 0x31
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView)
  try {
    const algorithm = keyAlgorithmOf(node.publicKey)
    if (algorithm === 'other') return report('bad_signature')
    return report(verifySignature(digestName, signed, node.publicKey, signature) ? null : 'bad_signature')
  } catch {
    return report('bad_signature')
  }
}

/** Checks every signer of a detached CMS signature against the content; never throws on bad input. */
export function verifyDetached(der: Uint8Array, content: Uint8Array): CmsVerification {
  let signedData: pkijs.SignedData
  try {
    signedData = parseSignedData(der)
  } catch {
    return malformed()
  }
  if (signedData.signerInfos.length === 0) return malformed()
  return {
    signers: signedData.signerInfos.map((signerInfo) => {
      try {
        return verifySigner(signedData, signerInfo, content)
      } catch {
        return malformed().signers[0]!
      }
    }),
  }
}
