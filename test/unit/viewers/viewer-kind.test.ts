import { describe, expect, it } from 'vitest'
import { viewerKindOf } from '../../../src/renderer/src/components/viewers/viewer-kind'
import { decodeUtf8, readCapped } from '../../../src/renderer/src/components/viewers/read-capped'

describe('viewerKindOf', () => {
  it('picks a viewer from the detected type', () => {
    expect(viewerKindOf('video/mp4')).toBe('video')
    expect(viewerKindOf('audio/mpeg')).toBe('audio')
    expect(viewerKindOf('application/pdf')).toBe('pdf')
    expect(viewerKindOf('image/jpeg')).toBe('image')
    expect(viewerKindOf('text/plain; charset=utf-8')).toBe('text')
    expect(viewerKindOf('application/mbox')).toBe('text')
    expect(viewerKindOf('Message/RFC822')).toBe('email')
  })

  it('leaves to the system what Chromium cannot draw or what could run', () => {
    expect(viewerKindOf(null)).toBeNull()
    expect(viewerKindOf('')).toBeNull()
    expect(viewerKindOf('application/zip')).toBeNull()
    expect(viewerKindOf('image/tiff')).toBeNull()
    expect(viewerKindOf('image/svg+xml')).toBeNull()
  })
})

/** A body delivered in chunks, counting how many were pulled. */
function chunkedResponse(chunks: readonly Uint8Array[]): { response: Response; pulled: () => number } {
  let index = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++]
      if (chunk) controller.enqueue(chunk)
      else controller.close()
    },
  })
  return { response: new Response(body), pulled: () => index }
}

describe('readCapped', () => {
  const bytes = (n: number, fill = 0x61): Uint8Array => new Uint8Array(n).fill(fill)

  it('returns a short body whole', async () => {
    const { response } = chunkedResponse([bytes(3), bytes(2)])
    const read = await readCapped(response, 10)
    expect(read.truncated).toBe(false)
    expect(read.bytes.length).toBe(5)
  })

  it('tells a body of exactly the cap from a longer one', async () => {
    expect((await readCapped(chunkedResponse([bytes(5), bytes(5)]).response, 10)).truncated).toBe(false)
    const longer = await readCapped(chunkedResponse([bytes(5), bytes(5), bytes(1)]).response, 10)
    expect(longer.truncated).toBe(true)
    expect(longer.bytes.length).toBe(10)
  })

  it('stops pulling once past the cap', async () => {
    const { response, pulled } = chunkedResponse(Array.from({ length: 100 }, () => bytes(4)))
    const read = await readCapped(response, 10)
    expect(read.truncated).toBe(true)
    expect(pulled()).toBeLessThan(10)
  })

  it('refuses an error response', async () => {
    await expect(readCapped(new Response('gone', { status: 404 }), 10)).rejects.toThrow('404')
  })

  it('drops a character the cap cut in two instead of showing a replacement mark', () => {
    const text = new TextEncoder().encode('déjà')
    expect(decodeUtf8(text.subarray(0, text.length - 1), true)).toBe('déj')
    expect(decodeUtf8(text, false)).toBe('déjà')
  })
})
