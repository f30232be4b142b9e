import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveMedia } from '../../../src/main/services/media/serve-media'
import { mediaCookieName, startHttpServer, type RunningHttpServer } from '../../../src/main/transport/http-server'
import { createMainUnderTest } from '../../contract/contract-suite'

/** A raw request, so headers a browser would set (Cookie, Sec-Fetch-Site) can be chosen. */
function raw(
  server: RunningHttpServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the harness’s /media/ route', () => {
  const token = 'media-route-token-0123456789abcdef'
  const bytes = randomBytes(100_000)
  let server: RunningHttpServer
  let rendererDir: string
  let dataDir: string
  let sha256: string
  let cookie: string

  beforeAll(async () => {
    const underTest = createMainUnderTest('http')
    dataDir = underTest.dataDir
    rendererDir = mkdtempSync(join(tmpdir(), 'redress-renderer-'))
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Redress</title>')
    mkdirSync(join(dataDir, 'picked'))
    writeFileSync(join(dataDir, 'picked', 'clip.bin'), bytes)
    ;({ sha256 } = await underTest.main.vault.ingest(join(dataDir, 'picked', 'clip.bin')))
    server = await startHttpServer({
      dispatch: underTest.main.dispatch,
      bus: underTest.main.bus,
      rendererDir,
      token,
      media: (sha, { method, range }) => serveMedia(underTest.main.vault, sha, range, { method }),
    })
    const page = await raw(server, `/?token=${token}`)
    cookie = String(page.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? ''
  })
  afterAll(async () => {
    await server.close()
    rmSync(rendererDir, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('gives the page opened with the token an HttpOnly, SameSite=Strict cookie scoped to /media', async () => {
    const page = await raw(server, `/?token=${token}`)
    const [setCookie] = page.headers['set-cookie'] ?? []
    expect(setCookie).toMatch(
      new RegExp(`^${mediaCookieName}=[A-Za-z0-9_-]{43}; Path=/media; HttpOnly; SameSite=Strict$`),
    )
    // The cookie is a secret of its own: the API token never travels in it.
    expect(setCookie).not.toContain(token)
    expect((await raw(server, '/')).headers['set-cookie']).toBeUndefined()
    expect((await raw(server, '/?token=wrong')).headers['set-cookie']).toBeUndefined()
  })

  it('serves a Range of a stored item to the page’s own media requests', async () => {
    const res = await raw(server, `/media/${sha256}`, {
      cookie,
      range: 'bytes=1000-1999',
      'sec-fetch-site': 'same-origin',
    })
    expect(res.status).toBe(206)
    expect(res.headers['content-range']).toBe(`bytes 1000-1999/${bytes.length}`)
    expect(res.body.equals(bytes.subarray(1000, 2000))).toBe(true)
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it('also accepts the bearer token, for clients that can send headers', async () => {
    const res = await raw(server, `/media/${sha256}`, { authorization: `Bearer ${token}` })
    expect(res.status).toBe(200)
    expect(res.body.equals(bytes)).toBe(true)
  })

  it.each([
    ['no credentials', {}],
    ['a forged cookie', { cookie: `${mediaCookieName}=${'x'.repeat(43)}` }],
    ['the API token as the cookie', { cookie: `${mediaCookieName}=${token}` }],
  ])('refuses %s (401)', async (_what, headers) => {
    expect((await raw(server, `/media/${sha256}`, headers)).status).toBe(401)
  })

  it('never takes the token from the URL', async () => {
    expect((await raw(server, `/media/${sha256}?token=${token}`)).status).toBe(401)
  })

  it.each([
    ['another site', { 'sec-fetch-site': 'cross-site' }],
    ['another port of 127.0.0.1 (same site)', { 'sec-fetch-site': 'same-site' }],
    ['another origin', { origin: 'http://127.0.0.1:1' }],
  ])('refuses requests from %s even with the cookie (403)', async (_what, headers) => {
    expect((await raw(server, `/media/${sha256}`, { cookie, ...headers })).status).toBe(403)
  })

  it.each([
    '/media/../package.json',
    '/media/..%2f..%2fpackage.json',
    '/media/%2e%2e/%2e%2e/etc/passwd',
    '/media/SHA/..',
    '/media/SHA%00',
    '/media/UPPER',
    '/media/',
  ])('answers 404 to %s', async (template) => {
    const path = template.replace('SHA', sha256).replace('UPPER', sha256.toUpperCase())
    const res = await raw(server, path, { cookie })
    expect(res.status).toBe(404)
    expect(res.body.includes(bytes.subarray(0, 32))).toBe(false)
  })
})
