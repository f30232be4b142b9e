import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mediaSchemePrivileges, serveMediaRequest } from '../../../src/main/services/media/media-protocol'
import { serveMedia } from '../../../src/main/services/media/serve-media'
import { contentSecurityPolicy } from '../../../src/main/security/csp'
import { createVault, type Vault } from '../../../src/main/services/vault/vault'
import { scratch } from './vault-fixtures'

// An ISO base media file header ("ftyp isom") followed by filler: enough to be told apart as MP4.
const video = Buffer.concat([
  Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
  randomBytes(200_000),
])

describe('serveMedia', () => {
  let space: ReturnType<typeof scratch>
  let vault: Vault
  const stored: Record<'video' | 'svg' | 'html' | 'binary', string> = { video: '', svg: '', html: '', binary: '' }

  beforeAll(async () => {
    space = scratch('media')
    vault = createVault({ root: space.vaultRoot })
    const files = {
      video,
      svg: '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      html: '<!doctype html><script>alert(1)</script>',
      binary: randomBytes(5000),
    }
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(space.dir, name), bytes)
      stored[name as keyof typeof stored] = (await vault.ingest(join(space.dir, name))).sha256
    }
  })
  afterAll(() => space.remove())

  const body = async (response: Response): Promise<Buffer> => Buffer.from(await response.arrayBuffer())

  it('serves the whole item with its detected type and the security headers', async () => {
    const response = await serveMedia(vault, stored.video, null)
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'video/mp4',
      'content-length': String(video.length),
      'accept-ranges': 'bytes',
      'content-security-policy': contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      etag: `"${stored.video}"`,
    })
    expect((await body(response)).equals(video)).toBe(true)
  })

  it('answers a Range request with exactly those bytes (seeking)', async () => {
    const response = await serveMedia(vault, stored.video, 'bytes=100000-100099')
    expect(response.status).toBe(206)
    expect(response.headers.get('content-range')).toBe(`bytes 100000-100099/${video.length}`)
    expect((await body(response)).equals(video.subarray(100_000, 100_100))).toBe(true)
    const tail = await serveMedia(vault, stored.video, 'bytes=-10')
    expect((await body(tail)).equals(video.subarray(-10))).toBe(true)
  })

  it('answers 416 past the end, HEAD without a body, and 405 to other methods', async () => {
    const past = await serveMedia(vault, stored.video, `bytes=${video.length}-`)
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe(`bytes */${video.length}`)
    expect(past.body).toBeNull()
    const head = await serveMedia(vault, stored.video, 'bytes=0-9', { method: 'HEAD' })
    expect(head.status).toBe(206)
    expect(head.headers.get('content-length')).toBe('10')
    expect(head.body).toBeNull()
    expect((await serveMedia(vault, stored.video, null, { method: 'POST' })).status).toBe(405)
  })

  it('lets a reader stop midway (a seek) without error', async () => {
    const response = await serveMedia(vault, stored.video, null)
    const reader = response.body?.getReader()
    expect((await reader?.read())?.done).toBe(false)
    await reader?.cancel()
  })

  it('never serves markup from evidence as something a page would run', async () => {
    const svg = await serveMedia(vault, stored.svg, null)
    expect(svg.headers.get('content-type')).toBe('application/octet-stream')
    expect(svg.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{64}\.xml"$/)
    const html = await serveMedia(vault, stored.html, null)
    expect(html.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const binary = await serveMedia(vault, stored.binary, null)
    expect(binary.headers.get('content-type')).toBe('application/octet-stream')
    expect(binary.headers.get('content-disposition')).toMatch(/^attachment/)
  })

  it.each([
    ['a missing item', 'e'.repeat(64)],
    ['a path', '../../etc/passwd'],
    ['an encoded path', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['uppercase hex', 'A'.repeat(64)],
  ])('answers 404 for %s', async (_what, name) => {
    expect((await serveMedia(vault, name, null)).status).toBe(404)
  })

  describe('through the media: scheme (Electron)', () => {
    const request = (url: string, init?: RequestInit): Promise<Response> =>
      serveMediaRequest(vault, new Request(url, init), ['app://redress'])

    it('is registered privileged, streaming and fetchable', () => {
      expect(mediaSchemePrivileges).toMatchObject({
        standard: true,
        secure: true,
        stream: true,
        supportFetchAPI: true,
        bypassCSP: false,
      })
    })

    it('serves media://vault/<sha256> with Range, readable by the app’s origin only', async () => {
      const response = await request(`media://vault/${stored.video}`, {
        headers: { range: 'bytes=0-3', origin: 'app://redress' },
      })
      expect(response.status).toBe(206)
      expect((await body(response)).equals(video.subarray(0, 4))).toBe(true)
      expect(response.headers.get('access-control-allow-origin')).toBe('app://redress')
      expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
      const foreign = await request(`media://vault/${stored.video}`, { headers: { origin: 'https://evil.example' } })
      expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    })

    it.each([
      'media://vault/../../etc/passwd',
      'media://vault/%2e%2e/%2e%2e/etc/passwd',
      'media://vault/..%2f..%2fetc%2fpasswd',
      'media://other/SHA',
      'media://vault/SHA/extra',
      'media://vault/SHA%00',
      'media://vault//SHA',
      'app://vault/SHA',
    ])('refuses %s', async (template) => {
      const url = template.replace('SHA', stored.video)
      expect((await request(url)).status).toBe(404)
    })
  })
})
