/** How to answer a GET for `size` bytes, given its Range header (RFC 9110 section 14). */
export interface RangeAnswer {
  /** 200 whole body, 206 one part, 416 nothing satisfiable. */
  readonly status: 200 | 206 | 416
  /** First byte to send (inclusive). */
  readonly start: number
  /** Last byte to send (inclusive); start - 1 when nothing is sent. */
  readonly end: number
  /** Content-Range, Content-Length and Accept-Ranges for the answer. */
  readonly headers: Readonly<Record<string, string>>
}

/** More parts than any player asks for; a longer list is ignored rather than scanned. */
const maxParts = 32

/**
 * Answers a Range header the way media elements need for seeking. Only the first
 * satisfiable part of a multi-part request is served, as a plain 206 (multipart
 * bodies are allowed to be refused, and players only ever ask one part). A header
 * that does not parse, or another unit, is ignored: the whole body with 200.
 */
export function parseRange(header: string | null | undefined, size: number): RangeAnswer {
  const whole: RangeAnswer = {
    status: 200,
    start: 0,
    end: size - 1,
    headers: { 'Accept-Ranges': 'bytes', 'Content-Length': String(size) },
  }
  if (header === null || header === undefined) return whole
  const parts = parseByteRanges(header)
  if (!parts) return whole

  for (const part of parts) {
    const span = satisfy(part, size)
    if (!span) continue
    const [start, end] = span
    return {
      status: 206,
      start,
      end,
      headers: {
        'Accept-Ranges': 'bytes',
        'Content-Length': String(end - start + 1),
        'Content-Range': `bytes ${start}-${end}/${size}`,
      },
    }
  }
  return {
    status: 416,
    start: 0,
    end: -1,
    headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '0', 'Content-Range': `bytes */${size}` },
  }
}

type ByteRange = { readonly first: number; readonly last: number | null } | { readonly suffix: number }

/** The parts of a `bytes=` header, or null when it must be ignored. */
function parseByteRanges(header: string): ByteRange[] | null {
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header)
  if (!match?.[1]) return null
  const items = match[1].split(',')
  if (items.length > maxParts) return null
  const parts: ByteRange[] = []
  for (const raw of items) {
    const item = raw.trim()
    // Empty list elements are allowed by the list syntax (", ,"), but not an empty list.
    if (item === '') continue
    const range = /^(\d*)-(\d*)$/.exec(item)
    if (!range) return null
    const [, first = '', last = ''] = range
    if (first === '' && last === '') return null
    if (first === '') {
      parts.push({ suffix: toNumber(last) })
    } else {
      const from = toNumber(first)
      const to = last === '' ? null : toNumber(last)
      // "5-2" is invalid syntax, which makes the whole header ignorable.
      if (to !== null && to < from) return null
      parts.push({ first: from, last: to })
    }
  }
  return parts.length > 0 ? parts : null
}

/** Digits beyond 2^53 cannot be an offset into a real file: they count as "far past the end". */
function toNumber(digits: string): number {
  const value = Number(digits)
  return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY
}

function satisfy(part: ByteRange, size: number): [number, number] | null {
  if (size === 0) return null
  if ('suffix' in part) {
    // "bytes=-0" asks for nothing, which cannot be satisfied.
    if (part.suffix === 0) return null
    return [Math.max(0, size - part.suffix), size - 1]
  }
  if (part.first >= size) return null
  return [part.first, part.last === null ? size - 1 : Math.min(part.last, size - 1)]
}
