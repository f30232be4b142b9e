/**
 * The BagIt (RFC 8493) text files of a closure packet, and the names of what
 * goes in it. Pure functions: the export writes what they return, the verifier
 * parses with them.
 */

/** RFC 8493 §2.1.1, word for word: version 1.0, tag files in UTF-8. */
export const bagitTxt = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'

export const bagitTxtName = 'bagit.txt'
export const bagInfoName = 'bag-info.txt'
export const payloadManifestName = 'manifest-sha256.txt'
export const tagManifestName = 'tagmanifest-sha256.txt'
export const signatureName = 'tagmanifest-sha256.txt.p7s'

/** RFC 8493 §2.2.2 recommends lines of at most 79 characters. */
const foldAt = 79

export interface BagInfoInput {
  readonly organisation: string
  readonly caseRef: string
  /** The day the bag was made. */
  readonly baggingDate: Date
  readonly payloadOctets: number
  readonly payloadCount: number
  readonly softwareAgent: string
  /** When the complaint was received and the case closed (ISO 8601). */
  readonly received: string
  readonly closed: string
}

/** `<octets>.<count>` (RFC 8493 §2.2.2): lets a validator spot a missing or extra file before hashing anything. */
export function payloadOxum(octets: number, count: number): string {
  return `${octets}.${count}`
}

/** bag-info.txt: reserved elements of RFC 8493 §2.2.2, then the case's own dates under a `Redress-` prefix. */
export function buildBagInfo(input: BagInfoInput): string {
  const elements: Array<[string, string]> = [
    ['Source-Organization', input.organisation],
    ['External-Identifier', input.caseRef],
    ['Bagging-Date', isoDay(input.baggingDate)],
    ['Payload-Oxum', payloadOxum(input.payloadOctets, input.payloadCount)],
    ['Bag-Software-Agent', input.softwareAgent],
    ['Redress-Case-Received', input.received],
    ['Redress-Case-Closed', input.closed],
  ]
  return elements.map(([label, value]) => tagLine(label, value)).join('')
}

/**
 * One `Label: value` element. A value never spans lines of its own (newlines and
 * other control characters become spaces); a long one is folded at spaces, the
 * continuation lines starting with that space, which unfolding (removing the
 * line break alone) turns back into the very same value.
 */
export function tagLine(label: string, value: string): string {
  if (!/^[^:\s\p{Cc}](?:[^:\p{Cc}]*[^:\s\p{Cc}])?$/u.test(label)) throw new Error(`Not a BagIt label: ${label}`)
  const clean = oneLine(value)
  const words = clean.split(/(?= )/)
  const lines: string[] = []
  let line = `${label}: `
  let lineHasWord = false
  for (const word of words) {
    if (lineHasWord && line.length + word.length > foldAt) {
      lines.push(line)
      line = word
    } else {
      line += word
    }
    lineHasWord = true
  }
  lines.push(line)
  return `${lines.join('\n')}\n`
}

/** A value on one line: control characters (line breaks included) become spaces, ends trimmed. */
export function oneLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim()
}

/** Parsed tag file: elements in order (a label may repeat, RFC 8493 §2.2.2), or the line that is not one. */
export type ParsedTagFile =
  | { readonly ok: true; readonly elements: ReadonlyArray<readonly [string, string]> }
  | { readonly ok: false; readonly line: number }

/** Reads a tag file (bagit.txt, bag-info.txt): `Label: value` lines, continuation lines start with whitespace. */
export function parseTagFile(text: string): ParsedTagFile {
  const elements: Array<[string, string]> = []
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.at(-1) === '') lines.pop()
  for (const [index, line] of lines.entries()) {
    const last = elements.at(-1)
    if (/^[ \t]/.test(line)) {
      if (!last) return { ok: false, line: index + 1 }
      last[1] += line
      continue
    }
    const match = /^([^:]+):[ \t](.*)$/.exec(line) ?? /^([^:]+):()$/.exec(line)
    if (!match?.[1] || match[1].trim() !== match[1]) return { ok: false, line: index + 1 }
    elements.push([match[1], match[2] ?? ''])
  }
  return { ok: true, elements: elements.map(([label, value]) => [label, value.trim()] as const) }
}

/** One line of a manifest: the hex digest, two spaces (as sha256sum writes), the path. */
export interface ManifestLine {
  readonly sha256: string
  /** Path relative to the bag folder, `/`-separated, decoded. */
  readonly path: string
}

/** RFC 8493 §2.1.3: CR, LF and `%` in a path are percent-encoded, nothing else. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D')
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%(25|0A|0D)/gi, (_all, code: string) => String.fromCharCode(parseInt(code, 16)))
}

/**
 * A manifest sorted by path, byte-wise in UTF-8 so that every tool and every
 * platform lists it the same way; LF line ends; readable by `sha256sum -c`.
 */
export function buildManifest(lines: readonly ManifestLine[]): string {
  return [...lines]
    .sort((a, b) => Buffer.compare(Buffer.from(a.path, 'utf8'), Buffer.from(b.path, 'utf8')))
    .map((line) => `${line.sha256}  ${encodeManifestPath(line.path)}\n`)
    .join('')
}

/** Parsed manifest lines, or the numbers of the lines that are not `<64 hex> <whitespace> <path>`. */
export function parseManifest(text: string): { lines: ManifestLine[]; badLines: number[] } {
  const lines: ManifestLine[] = []
  const badLines: number[] = []
  const raw = text.split(/\r\n|\n|\r/)
  if (raw.at(-1) === '') raw.pop()
  for (const [index, line] of raw.entries()) {
    // sha256sum marks binary mode with `*` before the path; RFC 8493 allows any linear whitespace.
    const match = /^([0-9a-fA-F]{64})[ \t]+\*?(.+)$/.exec(line)
    if (!match?.[1] || !match[2]) badLines.push(index + 1)
    else lines.push({ sha256: match[1].toLowerCase(), path: decodeManifestPath(match[2]) })
  }
  return { lines, badLines }
}

/** Windows refuses these as file names whatever the extension (and the superscript digits since Windows 10). */
const reservedBase = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i

/** True for a name Windows reserves for a device: `CON`, `con.txt`, `LPT1.tar.gz`, `NUL ` … */
export function isWindowsReservedName(name: string): boolean {
  const base = name.split('.')[0] ?? ''
  return reservedBase.test(base.trimEnd())
}

/** The most a payload file name may take, in UTF-8 bytes: paths stay well under Windows' 260 characters. */
export const maxNameBytes = 120
/** Longer tails are not an extension worth keeping (and would leave no room for the name). */
const maxExtensionBytes = 16

/**
 * A file name that every system can create and that needs no escaping in a
 * manifest: NFC; control characters, `%` and the characters Windows forbids
 * become `_`; no leading dot (hidden), no trailing dot or space (Windows drops
 * them), no device name; at most maxNameBytes bytes of UTF-8, cut between code
 * points and keeping the extension. Never empty.
 */
export function safePayloadName(name: string): string {
  let clean = name
    .normalize('NFC')
    .replace(/[\p{Cc}\u2028\u2029%/\\:*?"<>|]/gu, '_')
    .replace(/^[.\s]+/u, '')
    .replace(/[.\s]+$/u, '')
  if (clean === '') clean = 'file'
  if (isWindowsReservedName(clean)) clean = `_${clean}`
  if (Buffer.byteLength(clean, 'utf8') > maxNameBytes) {
    const dot = clean.lastIndexOf('.')
    const extension = dot > 0 ? clean.slice(dot) : ''
    const keep = Buffer.byteLength(extension, 'utf8') <= maxExtensionBytes ? extension : ''
    const stem = clean.slice(0, clean.length - keep.length)
    clean = `${truncateUtf8(stem, maxNameBytes - Buffer.byteLength(keep, 'utf8')).replace(/[.\s]+$/u, '')}${keep}`
  }
  return clean
}

/** The longest prefix of whole code points that fits in `bytes` bytes of UTF-8. */
function truncateUtf8(text: string, bytes: number): string {
  let out = ''
  let used = 0
  for (const codePoint of text) {
    const size = Buffer.byteLength(codePoint, 'utf8')
    if (used + size > bytes) break
    out += codePoint
    used += size
  }
  return out
}

/** The key two names collide under on Windows and macOS: case-insensitive, Unicode-normalised. */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toUpperCase().normalize('NFC')
}

/** `YYYY-MM-DD` of a date in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}
