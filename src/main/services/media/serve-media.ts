import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { securityHeaders } from '../../security/csp'
import { isSha256, type DetectedType, type Vault } from '../vault/vault'
import { parseRange } from './range'

export interface ServeMediaOptions {
  /** GET or HEAD; anything else gets 405. */
  readonly method?: string
  /** Origin header of the request, if any. */
  readonly origin?: string | null
  /**
   * Origins allowed to read the bytes from another origin: Electron's app://
   * page reading the media: scheme. Empty (the harness) keeps media same-origin.
   */
  readonly allowOrigins?: readonly string[]
}

/** Bytes read per step of the body: small enough for quick seeks, large enough for few syscalls. */
const bodyChunkBytes = 256 * 1024

/**
 * Answers a request for a stored item, Range included, as a web Response: the
 * same function serves Electron's protocol.handle and the harness's /media/ route.
 * Only a SHA-256 of a stored item can be asked for; everything else is a 404
 * that says nothing about why.
 */
export async function serveMedia(
  vault: Vault,
  sha256: string,
  rangeHeader: string | null | undefined,
  options: ServeMediaOptions = {},
): Promise<Response> {
  const method = (options.method ?? 'GET').toUpperCase()
  const crossOrigin = crossOriginHeaders(options)
  const base = { ...securityHeaders(), ...crossOrigin, 'Cache-Control': 'no-store' }
  if (method !== 'GET' && method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...base, Allow: 'GET, HEAD' } })
  }
  const notFound = (): Response =>
    new Response('Not found', { status: 404, headers: { ...base, 'Content-Type': 'text/plain; charset=utf-8' } })
  if (!isSha256(sha256)) return notFound()

  let file: FileHandle
  let size: number
  let type: DetectedType | null
  try {
    file = await open(await vault.resolveStored(sha256), 'r')
  } catch {
    return notFound()
  }
  try {
    ;({ size } = await file.stat())
    type = await vault.detectType(sha256)
  } catch (error) {
    await file.close()
    throw error
  }

  const range = parseRange(rangeHeader, size)
  const { contentType, inline } = presentationOf(type)
  const headers = {
    ...base,
    ...range.headers,
    'Content-Type': contentType,
    // Stored bytes never change: the hash is a perfect validator.
    ETag: `"${sha256}"`,
    'Content-Disposition': inline ? 'inline' : `attachment; filename="${sha256}.${type?.ext ?? 'bin'}"`,
  }
  if (range.status === 416 || method === 'HEAD') {
    await file.close()
    return new Response(null, { status: range.status, headers })
  }
  return new Response(fileSlice(file, range.start, range.end), { status: range.status, headers })
}

/**
 * Types a page can show without running anything. Others (HTML, SVG, XML, scripts
 * hidden in evidence) go out as opaque downloads, so evidence can never execute
 * in the app's origin; e-mails and texts are shown as inert UTF-8 text.
 */
function presentationOf(type: DetectedType | null): { contentType: string; inline: boolean } {
  const mime = type?.mime ?? ''
  if (/^(video|audio)\//.test(mime) || mime === 'application/pdf') return { contentType: mime, inline: true }
  if (mime.startsWith('image/') && !mime.includes('svg')) return { contentType: mime, inline: true }
  if (mime === 'text/plain' || mime === 'message/rfc822' || mime === 'application/mbox') {
    return { contentType: 'text/plain; charset=utf-8', inline: true }
  }
  return { contentType: 'application/octet-stream', inline: false }
}

function crossOriginHeaders(options: ServeMediaOptions): Record<string, string> {
  const allowed = options.allowOrigins ?? []
  if (allowed.length === 0) return {}
  // media: is an origin of its own, so the app's page is always cross-origin to it:
  // same-origin CORP would stop <video> itself. Only the app's origins may read by CORS.
  const headers: Record<string, string> = { 'Cross-Origin-Resource-Policy': 'cross-origin', Vary: 'Origin' }
  if (options.origin && allowed.includes(options.origin)) {
    headers['Access-Control-Allow-Origin'] = options.origin
    headers['Access-Control-Expose-Headers'] = 'Content-Range, Accept-Ranges, Content-Length, ETag'
  }
  return headers
}

/** Streams bytes start..end (inclusive) of an open file, pulling only as fast as the reader takes them. */
function fileSlice(file: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await file.close()
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const remaining = end + 1 - position
        // Each step gets a fresh buffer: the reader may still hold the previous one.
        const buffer = remaining > 0 ? Buffer.allocUnsafe(Math.min(bodyChunkBytes, remaining)) : null
        const bytesRead = buffer ? (await file.read(buffer, 0, buffer.length, position)).bytesRead : 0
        if (!buffer || bytesRead === 0) {
          await close()
          controller.close()
          return
        }
        position += bytesRead
        controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead))
      } catch (error) {
        await close().catch(() => {})
        controller.error(error)
      }
    },
    async cancel() {
      // A seek aborts the running request: the file must not stay open.
      await close()
    },
  })
}
