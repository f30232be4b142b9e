/**
 * Just enough of RFC 5322 / MIME (RFC 2045–2047, 2231) to show an e-mail the way a
 * mail program would: the header fields an investigator reads first, the readable
 * body, and the names of what was attached. Pure, so it is tested in Node.
 */

/** The header fields shown above an e-mail's body, decoded; absent ones are undefined. */
export interface EmailHeaderFields {
  readonly from?: string
  readonly to?: string
  readonly cc?: string
  readonly date?: string
  readonly subject?: string
}

export interface ParsedEmail {
  readonly headers: EmailHeaderFields
  /** The readable text: the plain-text parts, or the HTML part reduced to its text when there is no plain one. */
  readonly body: string
  /** File names (or types, when unnamed) of the parts that are not body text. */
  readonly attachments: readonly string[]
}

type Headers = ReadonlyMap<string, readonly string[]>

interface Part {
  readonly headers: Headers
  readonly body: string
}

interface HeaderValue {
  /** The value before the first ";", lower-cased (e.g. "multipart/mixed"). */
  readonly value: string
  /** Raw parameters, names lower-cased, quotes removed. */
  readonly params: ReadonlyMap<string, string>
}

// Deeper nesting than this is not a real mail program's output; stopping keeps a crafted file from recursing forever.
const maxDepth = 12

export function parseEmail(text: string): ParsedEmail {
  // A message saved from a mailbox may still carry the mbox "From " separator line.
  const message = text.startsWith('From ') ? text.slice(text.search(/\r?\n/) + 1 || text.length) : text
  const root = splitPart(message)
  const first = (name: string): string | undefined => {
    const value = root.headers.get(name)?.[0]
    return value === undefined ? undefined : decodeHeaderValue(value).trim()
  }
  const all = (name: string): string | undefined => {
    const values = root.headers.get(name)
    return values ? values.map((v) => decodeHeaderValue(v).trim()).join(', ') : undefined
  }
  const texts: string[] = []
  const attachments: string[] = []
  collect(root, texts, attachments, 0)
  return {
    headers: { from: first('from'), to: all('to'), cc: all('cc'), date: first('date'), subject: first('subject') },
    body: texts.join('\n\n').replace(/\s+$/, ''),
    attachments,
  }
}

/** Header block and body, split at the first empty line. */
function splitPart(text: string): Part {
  const blank = /\r?\n\r?\n/.exec(text)
  if (text.startsWith('\n') || text.startsWith('\r\n')) {
    return { headers: new Map(), body: text.replace(/^\r?\n/, '') }
  }
  const headerText = blank ? text.slice(0, blank.index) : text
  const body = blank ? text.slice(blank.index + blank[0].length) : ''
  return { headers: parseHeaderBlock(headerText), body }
}

function parseHeaderBlock(block: string): Headers {
  const headers = new Map<string, string[]>()
  // Unfolding (RFC 5322 §2.2.3): a line break followed by white space is part of the field.
  for (const line of block.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const match = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line)
    if (!match?.[1]) continue
    const name = match[1].toLowerCase()
    const list = headers.get(name) ?? []
    list.push(match[2] ?? '')
    headers.set(name, list)
  }
  return headers
}

function collect(part: Part, texts: string[], attachments: string[], depth: number): void {
  const type = parseHeaderValue(part.headers.get('content-type')?.[0] ?? 'text/plain')
  const disposition = parseHeaderValue(part.headers.get('content-disposition')?.[0] ?? '')
  const fileName = paramOf(disposition, 'filename') ?? paramOf(type, 'name')
  const boundary = type.params.get('boundary')

  if (type.value.startsWith('multipart/') && boundary && depth < maxDepth) {
    const children = splitMultipart(part.body, boundary).map(splitPart)
    if (type.value === 'multipart/alternative') {
      // Alternatives say the same thing: one is enough, and plain text reads best in a <pre>.
      const plain = children.find((child) => contentTypeOf(child) === 'text/plain')
      const chosen = plain ?? children[children.length - 1]
      if (chosen) collect(chosen, texts, attachments, depth + 1)
      return
    }
    for (const child of children) collect(child, texts, attachments, depth + 1)
    return
  }

  const isBodyText = type.value === 'text/plain' || type.value === 'text/html' || type.value === ''
  if (disposition.value === 'attachment' || !isBodyText) {
    attachments.push(fileName ?? (type.value || 'application/octet-stream'))
    return
  }
  const decoded = decodeBody(
    part.body,
    part.headers.get('content-transfer-encoding')?.[0] ?? '',
    type.params.get('charset') ?? 'utf-8',
  )
  texts.push(type.value === 'text/html' ? htmlToText(decoded) : decoded)
}

function contentTypeOf(part: Part): string {
  return parseHeaderValue(part.headers.get('content-type')?.[0] ?? 'text/plain').value
}

/** The bodies between "--boundary" lines, up to the closing "--boundary--" (RFC 2046 §5.1.1). */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`
  const parts: string[] = []
  let current: string[] | null = null
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith(delimiter)) {
      const rest = line.slice(delimiter.length)
      if (rest.startsWith('--')) {
        if (current) parts.push(current.join('\n'))
        return parts
      }
      if (rest.trim() === '') {
        if (current) parts.push(current.join('\n'))
        current = []
        continue
      }
    }
    current?.push(line)
  }
  // A message cut short (the 2 MB cap) still shows the parts it has.
  if (current) parts.push(current.join('\n'))
  return parts
}

/** `type/subtype; name="value"; …` with quoted strings honoured. */
function parseHeaderValue(raw: string): HeaderValue {
  const semicolon = raw.indexOf(';')
  const value = (semicolon < 0 ? raw : raw.slice(0, semicolon)).trim().toLowerCase()
  const params = new Map<string, string>()
  if (semicolon >= 0) {
    const pattern = /;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g
    for (const match of raw.slice(semicolon).matchAll(pattern)) {
      const name = match[1]?.toLowerCase()
      const rawValue = (match[2] ?? '').trim()
      if (!name) continue
      const unquoted = rawValue.startsWith('"') ? rawValue.slice(1, -1).replace(/\\(.)/g, '$1') : rawValue
      params.set(name, unquoted)
    }
  }
  return { value, params }
}

/** A parameter in any of its spellings: plain, RFC 2231 extended (`name*=utf-8''…`) or continued (`name*0*=…`). */
function paramOf(header: HeaderValue, name: string): string | undefined {
  const plain = header.params.get(name)
  if (plain !== undefined) return decodeHeaderValue(plain)
  const extended = header.params.get(`${name}*`)
  if (extended !== undefined) return decodeExtended([{ text: extended, encoded: true }])
  const pieces: { text: string; encoded: boolean }[] = []
  for (let index = 0; index < 100; index++) {
    const encodedPiece = header.params.get(`${name}*${index}*`)
    const literalPiece = header.params.get(`${name}*${index}`)
    if (encodedPiece !== undefined) pieces.push({ text: encodedPiece, encoded: true })
    else if (literalPiece !== undefined) pieces.push({ text: literalPiece, encoded: false })
    else break
  }
  return pieces.length > 0 ? decodeExtended(pieces) : undefined
}

/** RFC 2231: the first piece may start with `charset'language'`; encoded pieces are percent-escaped bytes. */
function decodeExtended(pieces: readonly { text: string; encoded: boolean }[]): string {
  let charset = 'utf-8'
  const bytes: number[] = []
  pieces.forEach((piece, index) => {
    let text = piece.text
    if (index === 0 && piece.encoded) {
      const prefix = /^([^']*)'[^']*'/.exec(text)
      if (prefix) {
        charset = prefix[1] || charset
        text = text.slice(prefix[0].length)
      }
    }
    if (!piece.encoded) {
      bytes.push(...new TextEncoder().encode(text))
      return
    }
    for (let i = 0; i < text.length; i++) {
      const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : ''
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16))
        i += 2
      } else bytes.push(...new TextEncoder().encode(text[i] ?? ''))
    }
  })
  return decodeBytes(Uint8Array.from(bytes), charset)
}

const encodedWord = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g

/**
 * Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`). Adjacent words are joined before
 * decoding, since senders split multi-byte characters across them, and the white
 * space between them is dropped as the RFC says.
 */
export function decodeHeaderValue(value: string): string {
  let out = ''
  let pendingCharset = ''
  let pendingBytes: number[] = []
  let last = 0
  for (const match of value.matchAll(encodedWord)) {
    const between = value.slice(last, match.index)
    const adjacent = pendingBytes.length > 0 && between.trim() === ''
    const charset = (match[1] ?? '').split('*')[0]?.toLowerCase() ?? 'utf-8'
    const bytes = (match[2] ?? '').toUpperCase() === 'B' ? base64Bytes(match[3] ?? '') : qBytes(match[3] ?? '')
    if (!adjacent || charset !== pendingCharset) {
      if (pendingBytes.length > 0) out += decodeBytes(Uint8Array.from(pendingBytes), pendingCharset)
      pendingBytes = []
      if (!adjacent) out += between
    }
    pendingCharset = charset
    pendingBytes.push(...bytes)
    last = match.index + match[0].length
  }
  if (pendingBytes.length > 0) out += decodeBytes(Uint8Array.from(pendingBytes), pendingCharset)
  return out + value.slice(last)
}

function decodeBody(body: string, transferEncoding: string, charset: string): string {
  switch (transferEncoding.trim().toLowerCase()) {
    case 'base64':
      return decodeBytes(base64Bytes(body), charset)
    case 'quoted-printable':
      return decodeBytes(quotedPrintableBytes(body), charset)
    default:
      // 7bit / 8bit / binary: the file was read as UTF-8 already.
      return body
  }
}

/** Bytes in a named charset; an unknown label falls back to UTF-8 rather than hiding the text. */
function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.trim().replace(/^"|"$/g, '') || 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

function base64Bytes(text: string): Uint8Array {
  let clean = text.replace(/[^A-Za-z0-9+/]/g, '')
  // A length of 4n+1 cannot be valid base64: the stray character is dropped rather than failing the part.
  if (clean.length % 4 === 1) clean = clean.slice(0, -1)
  clean = clean.padEnd(Math.ceil(clean.length / 4) * 4, '=')
  try {
    return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0))
  } catch {
    return new Uint8Array()
  }
}

/** RFC 2047 "Q": quoted-printable where "_" stands for a space. */
function qBytes(text: string): number[] {
  return [...quotedPrintableBytes(text.replace(/_/g, ' '))]
}

function quotedPrintableBytes(text: string): Uint8Array {
  const bytes: number[] = []
  const encoder = new TextEncoder()
  const chars = [...text]
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? ''
    if (char === '=') {
      const next = chars.slice(i + 1, i + 3).join('')
      if (/^[0-9A-Fa-f]{2}$/.test(next)) {
        bytes.push(parseInt(next, 16))
        i += 2
        continue
      }
      // Soft line break: "=" at the end of a line joins it to the next.
      const soft = /^(\r?\n)/.exec(next)
      if (soft?.[1]) {
        i += soft[1].length
        continue
      }
    }
    bytes.push(...encoder.encode(char))
  }
  return Uint8Array.from(bytes)
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** An HTML-only body reduced to its words: never rendered as HTML, since evidence must not run or load anything. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|blockquote|table|ul|ol)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
      if (code[0] === '#') {
        const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
        return Number.isFinite(point) && point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : entity
      }
      return namedEntities[code.toLowerCase()] ?? entity
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
