import { open } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'

/** A file type told from the bytes, never from the name. */
export interface DetectedType {
  /** IANA media type, e.g. "video/mp4". */
  readonly mime: string
  /** Usual extension without the dot, e.g. "mp4". */
  readonly ext: string
}

/** Enough text to judge encoding and find an e-mail's header block. */
const textSampleBytes = 64 * 1024

/**
 * Magic numbers first (file-type); when they say nothing, the file may still be
 * plain text or an e-mail, which have no magic number: those are told from a
 * sample of the content.
 */
export async function detectFileType(path: string): Promise<DetectedType | null> {
  // A parser tripping over malformed evidence must not fail an ingest that already stored it.
  const found = await fileTypeFromFile(path).catch(() => undefined)
  if (found) return { mime: found.mime, ext: found.ext }
  const file = await open(path, 'r')
  try {
    const sample = Buffer.alloc(textSampleBytes)
    const { bytesRead } = await file.read(sample, 0, sample.length, 0)
    const { size } = await file.stat()
    return detectTextType(sample.subarray(0, bytesRead), bytesRead >= size)
  } finally {
    await file.close()
  }
}

const emailFields = new Set(['date', 'subject', 'to', 'message-id', 'received', 'mime-version', 'return-path'])

/**
 * UTF-8 text without NUL bytes counts as text; among texts, one that opens with an
 * RFC 5322 header block naming a sender is an e-mail (.eml), or a mailbox (.mbox)
 * when it starts with mbox's "From " separator line.
 * `complete` says whether the sample is the whole file (else a character cut at
 * the end of the sample is not an encoding error).
 */
export function detectTextType(sample: Uint8Array, complete: boolean): DetectedType | null {
  if (sample.length === 0 || sample.includes(0)) return null
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(complete ? sample : withoutCutCharacter(sample))
  } catch {
    return null
  }
  return emailKind(text) ?? { mime: 'text/plain', ext: 'txt' }
}

function emailKind(text: string): DetectedType | null {
  const lines = text.split(/\r?\n/)
  let index = 0
  const mailbox = lines[0]?.startsWith('From ') ?? false
  if (mailbox) index = 1
  const names = new Set<string>()
  for (; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (line === '') break
    // Folded continuation of the previous field.
    if (/^[ \t]/.test(line) && names.size > 0) continue
    const field = /^([!-9;-~]+):/.exec(line)
    if (!field?.[1]) return null
    names.add(field[1].toLowerCase())
  }
  // The header block must end in a blank line within the sample.
  if (index >= lines.length) return null
  if (!names.has('from') || ![...names].some((name) => emailFields.has(name))) return null
  return mailbox ? { mime: 'application/mbox', ext: 'mbox' } : { mime: 'message/rfc822', ext: 'eml' }
}

/** Drops a multi-byte UTF-8 sequence the sample boundary cut in two. */
function withoutCutCharacter(sample: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(4, sample.length); back++) {
    const byte = sample[sample.length - back] ?? 0
    if ((byte & 0b1100_0000) === 0b1000_0000) continue // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return needed > back ? sample.subarray(0, sample.length - back) : sample
  }
  return sample
}
