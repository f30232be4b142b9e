import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appOrigin, appSchemePrivileges, serveAppRequest } from '../../../src/main/security/app-protocol'
import { contentSecurityPolicy, cspDirectives } from '../../../src/main/security/csp'
import { isPermissionGranted } from '../../../src/main/security/permissions'
import { resolveStaticFile } from '../../../src/main/security/static-files'
import { isTrustedSender, originOf } from '../../../src/main/security/trusted-sender'

describe('content security policy', () => {
  it('runs only the app’s own scripts: no inline, no eval, no remote', () => {
    expect(cspDirectives['script-src']).toEqual(["'self'"])
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/)
  })
  it('denies by default and connects only to the app itself', () => {
    expect(cspDirectives['default-src']).toEqual(["'none'"])
    expect(cspDirectives['connect-src']).toEqual(["'self'"])
    expect(cspDirectives['object-src']).toEqual(["'none'"])
    expect(cspDirectives['base-uri']).toEqual(["'none'"])
    expect(cspDirectives['frame-ancestors']).toEqual(["'none'"])
  })
  it('plays media only from the app, blobs, and the vault’s media: scheme (Electron)', () => {
    expect(cspDirectives['media-src']).toEqual(["'self'", 'blob:', 'media:'])
    // Images and fetches do not reach the vault's scheme until a feature needs it.
    expect(cspDirectives['img-src']).not.toContain('media:')
    expect(cspDirectives['connect-src']).not.toContain('media:')
  })
  it('leaves frame-ancestors out of the meta tag, where browsers ignore it', () => {
    expect(contentSecurityPolicy({ forMetaTag: true })).not.toContain('frame-ancestors')
    expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'")
  })
})

describe('trusted senders', () => {
  it('computes origins of custom schemes, which URL.origin reports as "null"', () => {
    expect(originOf('app://redress/index.html#/cases')).toBe('app://redress')
    expect(originOf('not a url')).toBeNull()
  })
  it('trusts the app’s main frame only', () => {
    expect(isTrustedSender({ url: 'app://redress/index.html', isMainFrame: true }, [appOrigin])).toBe(true)
    expect(isTrustedSender({ url: 'app://redress/index.html', isMainFrame: false }, [appOrigin])).toBe(false)
    expect(isTrustedSender({ url: 'app://redress.evil/index.html', isMainFrame: true }, [appOrigin])).toBe(false)
    expect(isTrustedSender({ url: 'file:///index.html', isMainFrame: true }, [appOrigin])).toBe(false)
    expect(isTrustedSender({ url: 'http://127.0.0.1:5173/', isMainFrame: true }, [appOrigin])).toBe(false)
    expect(isTrustedSender(null, [appOrigin])).toBe(false)
  })
})

describe('permissions', () => {
  const app = { requestingUrl: 'app://redress/index.html', isMainFrame: true }
  it('grants camera and microphone to the app, for recording interviews', () => {
    expect(isPermissionGranted({ ...app, permission: 'media', mediaTypes: ['video', 'audio'] }, [appOrigin])).toBe(true)
  })
  it.each([
    'geolocation',
    'notifications',
    'midi',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'pointerLock',
  ])('refuses %s', (permission) => {
    expect(isPermissionGranted({ ...app, permission }, [appOrigin])).toBe(false)
  })
  it('refuses media to frames and other origins, and screen capture through media', () => {
    expect(isPermissionGranted({ ...app, permission: 'media', isMainFrame: false }, [appOrigin])).toBe(false)
    expect(
      isPermissionGranted({ permission: 'media', requestingUrl: 'https://evil.example/', isMainFrame: true }, [
        appOrigin,
      ]),
    ).toBe(false)
    expect(isPermissionGranted({ ...app, permission: 'media', mediaTypes: ['video', 'screen'] }, [appOrigin])).toBe(
      false,
    )
  })
})

describe('serving the renderer from app://', () => {
  let root: string
  let outside: string
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'redress-app-'))
    outside = mkdtempSync(join(tmpdir(), 'redress-outside-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html>')
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(outside, 'secret.txt'), 'secret')
    symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.js'))
    symlinkSync(outside, join(root, 'dirlink'))
  })
  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(outside, { recursive: true, force: true })
  })

  it('registers app:// as a standard, secure scheme (IndexedDB needs it)', () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, corsEnabled: false })
  })

  it('serves files inside the folder', async () => {
    expect(await resolveStaticFile(root, '/')).toBe(join(root, 'index.html'))
    expect(await resolveStaticFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'))
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/assets/link.js',
    '/dirlink/secret.txt',
    '/assets',
    '/missing.js',
  ])('refuses %s', async (path) => {
    expect(await resolveStaticFile(root, path)).toBeNull()
  })

  it('answers with the CSP header and the right type', async () => {
    const response = await serveAppRequest(root, new Request('app://redress/index.html'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('refuses other hosts, other methods and escapes', async () => {
    expect((await serveAppRequest(root, new Request('app://evil/index.html'))).status).toBe(404)
    expect(
      (await serveAppRequest(root, new Request('app://redress/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405)
    const escaped = await serveAppRequest(root, new Request('app://redress/%2e%2e/%2e%2e/etc/passwd'))
    expect(escaped.status).toBe(404)
  })
})
