import { readFile } from 'node:fs/promises'
import { securityHeaders } from './csp'
import { contentTypeFor, resolveStaticFile } from './static-files'

/**
 * The renderer is served from app://redress/, a privileged *standard* scheme:
 * IndexedDB needs a standard origin, and a fixed host keeps that origin (and so
 * the case database) the same from one launch and one version to the next.
 */
export const appScheme = 'app'
export const appHost = 'redress'
export const appOrigin = `${appScheme}://${appHost}`
export const appEntryUrl = `${appOrigin}/index.html`

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
  codeCache: true,
} as const

/** Answers one request to app://; plain function so it is tested in Node. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: securityHeaders() })
  }
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return new Response('Bad request', { status: 400, headers: securityHeaders() })
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) {
    return new Response('Not found', { status: 404, headers: securityHeaders() })
  }
  const file = await resolveStaticFile(rendererDir, url.pathname)
  if (!file) return new Response('Not found', { status: 404, headers: securityHeaders() })
  const body = request.method === 'HEAD' ? null : await readFile(file)
  return new Response(body, {
    status: 200,
    headers: { ...securityHeaders(), 'Content-Type': contentTypeFor(file) },
  })
}
