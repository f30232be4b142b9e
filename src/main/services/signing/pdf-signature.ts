import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { SignPdf } from '@signpdf/signpdf'
import { PDFObject, Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils'
import { signDetached, verifyDetached, type CmsSignerReport, type UnlockedSigner } from './cms'

/** Room for the CMS signature: a 3072-bit RSA signature with a two-certificate chain needs ~5 KiB. */
const SIGNATURE_BYTES = 16 * 1024

/** One signature found in a PDF. */
export interface PdfSignatureReport {
  /** Position among the file's signatures, 0 for the earliest. */
  readonly index: number
  /** The /Name the signer gave in the signature dictionary ('' when absent). */
  readonly signerName: string
  /** The signer's certificate, DER (empty when it is not in the signature). */
  readonly certificateDer: Uint8Array
  /** Who the certificate names. */
  readonly subject: CmsSignerReport['subject']
  /** SHA-256 fingerprint of the certificate, '' when unknown. */
  readonly fingerprint: string
  /** The signing time claimed in the signature, ISO 8601, or null. */
  readonly signingTime: string | null
  /** The bytes it covers are exactly what was signed, by the holder of the certificate's key. */
  readonly valid: boolean
  /**
   * The signature covers the whole file. An earlier signature of an incrementally updated
   * file covers only its revision; only the last signature must cover everything.
   */
  readonly coversWholeDocument: boolean
  /** Why it is not valid: a CMS problem, or a /ByteRange that does not frame the signature. */
  readonly problem: CmsSignerReport['problem'] | 'byte_range_invalid'
}

/** @signpdf's own P12 signer is RSA only; this one signs with any UnlockedSigner through cms.ts. */
class CmsPdfSigner extends Signer {
  constructor(
    private readonly signer: UnlockedSigner,
    private readonly signingTime: Date,
  ) {
    super()
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await signDetached(pdfBuffer, [this.signer], { signingTime: this.signingTime }))
  }
}

/**
 * placeholder-plain writes a non-ASCII text string (UTF-16BE, as bytes in a binary JS
 * string) through Buffer.from(), i.e. as UTF-8, so "Trần" reaches readers as mojibake.
 * Puts the right bytes back in place, padded with spaces (whitespace in a dictionary)
 * so that every offset in the xref table stays true.
 */
function repairTextStrings(pdf: Buffer, from: number, values: readonly string[]): void {
  for (const value of values) {
    if ([...value].every((char) => char.charCodeAt(0) < 0x80)) continue
    const literal = PDFObject.convert(new String(value)) as string
    const written = Buffer.from(literal, 'utf8')
    const meant = Buffer.from(literal, 'latin1')
    const at = pdf.indexOf(written, from)
    if (at !== -1) Buffer.concat([meant, Buffer.alloc(written.length - meant.length, 0x20)]).copy(pdf, at)
  }
}

/**
 * Signs a PDF (adbe.pkcs7.detached) as an incremental update: a PDF already signed
 * keeps its earlier signatures valid, which is how a manager countersigns a record.
 * The PDF must use a classic xref table (pdf-lib: `useObjectStreams: false`).
 */
export async function signPdf(
  pdfBytes: Uint8Array,
  signer: UnlockedSigner,
  details: {
    readonly name: string
    readonly reason: string
    readonly location?: string
    readonly contactInfo?: string
    readonly signingTime: Date
  },
): Promise<Uint8Array> {
  const text = {
    reason: details.reason,
    contactInfo: details.contactInfo ?? '',
    name: details.name,
    location: details.location ?? '',
  }
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdfBytes),
    ...text,
    signingTime: details.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Redress',
  })
  repairTextStrings(withPlaceholder, Math.max(0, pdfBytes.length - 8), Object.values(text))
  const signed = await new SignPdf().sign(
    withPlaceholder,
    new CmsPdfSigner(signer, details.signingTime),
    details.signingTime,
  )
  return new Uint8Array(signed)
}

const latin1 = (bytes: Uint8Array, start = 0, end = bytes.length): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1')

/** Decodes a PDF text string: UTF-16BE with a byte order mark, else PDFDocEncoding (read as Latin-1). */
function pdfText(raw: Buffer): string {
  if (raw.length >= 2 && raw[0] === 0xfe && raw[1] === 0xff) {
    const swapped = Buffer.from(raw.subarray(2))
    swapped.swap16()
    return swapped.toString('utf16le')
  }
  return raw.toString('latin1')
}

/** Reads a literal `( … )` or hex `< … >` string value of `key` in a dictionary's text. */
function dictionaryString(dictionary: string, key: string): string {
  const literal = new RegExp(`/${key}\\s*\\(`).exec(dictionary)
  if (literal) {
    const bytes: number[] = []
    let depth = 1
    for (let i = literal.index + literal[0].length; i < dictionary.length; i++) {
      const char = dictionary.charCodeAt(i)
      if (char === 0x5c) {
        const next = dictionary[++i] ?? ''
        const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 }
        if (next in escapes) bytes.push(escapes[next]!)
        else if (/[0-7]/.test(next)) {
          const octal = /^[0-7]{1,3}/.exec(dictionary.slice(i, i + 3))![0]
          bytes.push(Number.parseInt(octal, 8) & 0xff)
          i += octal.length - 1
        } else if (next !== '\r' && next !== '\n') bytes.push(next.charCodeAt(0))
        continue
      }
      if (char === 0x28) depth++
      if (char === 0x29 && --depth === 0) break
      bytes.push(char)
    }
    return pdfText(Buffer.from(bytes))
  }
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(dictionary)
  return hex ? pdfText(Buffer.from(hex[1]!.replace(/\s+/g, ''), 'hex')) : ''
}

/** The length of the DER element at the start of `bytes` (the signature is padded with zeros). */
function derLength(bytes: Buffer): number {
  if (bytes.length < 2) return -1
  const first = bytes[1]!
  if (first < 0x80) return 2 + first
  const count = first & 0x7f
  if (count === 0 || count > 4 || bytes.length < 2 + count) return -1
  let length = 0
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!
  return 2 + count + length
}

const isHexDigit = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)

/** Trailing whitespace after the last %%EOF changes nothing a reader sees. */
function meaningfulLength(bytes: Uint8Array): number {
  let end = bytes.length
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x00].includes(bytes[end - 1]!)) end--
  return end
}

function checkSignature(pdf: Uint8Array, position: number, numbers: number[], index: number): PdfSignatureReport {
  const objectStart = latin1(pdf, Math.max(0, position - 65_536), position).lastIndexOf(' obj')
  const dictionaryFrom = objectStart === -1 ? position : Math.max(0, position - 65_536) + objectStart
  const objectEnd = latin1(pdf, position, Math.min(pdf.length, position + 2 * SIGNATURE_BYTES + 65_536)).indexOf(
    'endobj',
  )
  const dictionaryTo = objectEnd === -1 ? Math.min(pdf.length, position + 4096) : position + objectEnd
  // The /Contents hex string is skipped: it is long and cannot hold a /Name.
  const [a, b, c, d] = numbers as [number, number, number, number]
  const outsideGap = (from: number, to: number): string =>
    from < b && to > c ? latin1(pdf, from, b) + latin1(pdf, c, to) : latin1(pdf, from, to)
  const signerName = dictionaryString(outsideGap(dictionaryFrom, dictionaryTo), 'Name')
  const base = {
    index,
    signerName,
    certificateDer: new Uint8Array(),
    subject: { name: '', email: '', organisation: '' },
    fingerprint: '',
    signingTime: null,
    valid: false,
    coversWholeDocument: false,
  }
  const wellFormed =
    numbers.length === 4 &&
    numbers.every((n) => Number.isSafeInteger(n) && n >= 0) &&
    a === 0 &&
    b > 0 &&
    c > b + 1 &&
    c + d <= pdf.length &&
    pdf[b] === 0x3c &&
    pdf[c - 1] === 0x3e &&
    /\/Contents\s*$/.test(latin1(pdf, Math.max(0, b - 16), b)) &&
    // the /ByteRange itself must be among the signed bytes
    (position < b || position >= c)
  if (!wellFormed) return { ...base, problem: 'byte_range_invalid' }
  for (let i = b + 1; i < c - 1; i++) {
    if (!isHexDigit(pdf[i]!)) return { ...base, problem: 'byte_range_invalid' }
  }
  const padded = Buffer.from(latin1(pdf, b + 1, c - 1), 'hex')
  const length = derLength(padded)
  if (length <= 0 || length > padded.length) return { ...base, problem: 'malformed' }
  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)])
  const [signer] = verifyDetached(padded.subarray(0, length), covered).signers
  if (!signer) return { ...base, problem: 'malformed' }
  return {
    ...base,
    certificateDer: signer.certificateDer,
    subject: signer.subject,
    fingerprint: signer.fingerprint,
    signingTime: signer.signingTime,
    valid: signer.valid,
    coversWholeDocument: c + d >= meaningfulLength(pdf),
    problem: signer.problem,
  }
}

/**
 * Finds every signature in a PDF and checks it: the /ByteRange frames exactly the
 * /Contents hex string, the covered bytes hash to the signed digest, the signature
 * is the certificate holder's. No signature gives []; garbage never throws.
 */
export function verifyPdfSignatures(pdfBytes: Uint8Array): PdfSignatureReport[] {
  const text = latin1(pdfBytes)
  const reports: PdfSignatureReport[] = []
  const byteRange = /\/ByteRange\s*\[([^\]]{0,200})\]/g
  for (let match = byteRange.exec(text); match; match = byteRange.exec(text)) {
    const numbers = match[1]!
      .trim()
      .split(/\s+/)
      .map((item) => (/^\d+$/.test(item) ? Number(item) : Number.NaN))
    try {
      reports.push(checkSignature(pdfBytes, match.index, numbers, reports.length))
    } catch {
      reports.push({
        index: reports.length,
        signerName: '',
        certificateDer: new Uint8Array(),
        subject: { name: '', email: '', organisation: '' },
        fingerprint: '',
        signingTime: null,
        valid: false,
        coversWholeDocument: false,
        problem: 'malformed',
      })
    }
  }
  return reports
}
