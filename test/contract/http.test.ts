import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiClient } from '../../src/shared/contract'
import { startHttpServer, type RunningHttpServer } from '../../src/main/transport/http-server'
import { createHttpTransport } from '../../src/renderer/src/lib/api/http-transport'
import { createMainUnderTest, describeContract } from './contract-suite'

function makeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redress-renderer-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Redress</title>')
  return dir
}

describeContract('http', async (underTest) => {
  const rendererDir = makeRendererDir()
  const token = 'contract-test-token-0123456789'
  const server = await startHttpServer({
    dispatch: underTest.main.dispatch,
    bus: underTest.main.bus,
    rendererDir,
    token,
  })
  const client = createApiClient(createHttpTransport({ baseUrl: server.origin, token, reconnectMs: 50 }))
  return {
    client,
    close: async () => {
      await server.close()
      rmSync(rendererDir, { recursive: true, force: true })
    },
  }
})

/** A raw request, so headers a browser would never let a page forge can be sent. */
function raw(
  server: RunningHttpServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('HTTP gate', () => {
  const token = 'gate-test-token-abcdefghijklmnop'
  let server: RunningHttpServer
  let rendererDir: string
  let outside: string
  const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }

  beforeAll(async () => {
    const underTest = createMainUnderTest('http')
    rendererDir = makeRendererDir()
    outside = mkdtempSync(join(tmpdir(), 'redress-outside-'))
    writeFileSync(join(outside, 'secret.txt'), 'secret')
    symlinkSync(join(outside, 'secret.txt'), join(rendererDir, 'link.txt'))
    server = await startHttpServer({ dispatch: underTest.main.dispatch, bus: underTest.main.bus, rendererDir, token })
  })
  afterAll(async () => {
    await server.close()
    rmSync(rendererDir, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })

  it('listens on the loopback address only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('answers a call with the right token', async () => {
    const res = await raw(server, { method: 'POST', path: '/api/call/app.info', headers: auth, body: '{}' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { transport: 'http' } })
  })

  it.each([
    ['no token', { 'content-type': 'application/json' }],
    ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token-xx', 'content-type': 'application/json' }],
    ['a token of the wrong length', { authorization: 'Bearer x', 'content-type': 'application/json' }],
  ])('refuses a call with %s (401)', async (_what, headers) => {
    const res = await raw(server, { method: 'POST', path: '/api/call/app.info', headers, body: '{}' })
    expect(res.status).toBe(401)
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('refuses a page from another origin even with the token (403)', async () => {
    const res = await raw(server, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: { ...auth, origin: 'http://evil.example' },
      body: '{}',
    })
    expect(res.status).toBe(403)
  })

  it('refuses a request whose Host is not the loopback address (DNS rebinding)', async () => {
    const res = await raw(server, { path: '/', headers: { host: `evil.example:${server.port}` } })
    expect(res.status).toBe(421)
  })

  it('refuses malformed requests with a clear code', async () => {
    const badJson = await raw(server, { method: 'POST', path: '/api/call/app.info', headers: auth, body: '{nope' })
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body)).toMatchObject({ error: { code: 'invalid_input' } })
    const tooBig = await raw(server, {
      method: 'POST',
      path: '/api/call/dialog.saveFile',
      headers: auth,
      body: JSON.stringify({ suggestedName: 'x'.repeat(2 * 1024 * 1024) }),
    }).catch(() => ({ status: 400, body: '{}', headers: {} }))
    expect(tooBig.status).toBe(400)
    const wrongVerb = await raw(server, { method: 'GET', path: '/api/call/app.info', headers: auth })
    expect(wrongVerb.status).toBe(405)
    const wrongType = await raw(server, {
      method: 'POST',
      path: '/api/call/app.info',
      headers: { authorization: auth.authorization, 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(wrongType.status).toBe(415)
    const unknown = await raw(server, { method: 'POST', path: '/api/call/fs.readFile', headers: auth, body: '{}' })
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toMatchObject({ error: { code: 'unknown_method' } })
  })

  it('serves the renderer with the strict CSP and nothing outside its folder', async () => {
    const index = await raw(server, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/link.txt',
      '/%00',
    ]) {
      const res = await raw(server, { path })
      expect(res.status, path).toBe(404)
      expect(res.body).not.toContain('secret')
    }
  })
})
