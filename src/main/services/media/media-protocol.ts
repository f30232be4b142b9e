import { mediaHost, mediaScheme } from '@shared/contract/media'
import { securityHeaders } from '../../security/csp'
import type { Vault } from '../vault/vault'
import { serveMedia } from './serve-media'

export { mediaScheme } from '@shared/contract/media'

/**
 * Passed to protocol.registerSchemesAsPrivileged for media://vault/<sha256>.
 * `stream` lets <video> play and seek while bytes arrive; standard + secure give
 * it an origin and keep it out of mixed-content blocking; corsEnabled and
 * supportFetchAPI let pdf.js fetch a document from the app's page.
 */
export const mediaSchemePrivileges = {
  standard: true,
  secure: true,
  stream: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  codeCache: false,
} as const

/**
 * Answers one request to media://; a plain function so it is tested in Node.
 * The one path accepted is `/<sha256>` on the `vault` host: anything else,
 * encoded or not, is a 404 before the file system is touched.
 */
export async function serveMediaRequest(
  vault: Vault,
  request: Request,
  allowOrigins: readonly string[],
): Promise<Response> {
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return new Response('Bad request', { status: 400, headers: securityHeaders() })
  }
  if (url.protocol !== `${mediaScheme}:` || url.host !== mediaHost) {
    return new Response('Not found', { status: 404, headers: securityHeaders() })
  }
  return serveMedia(vault, url.pathname.slice(1), request.headers.get('range'), {
    method: request.method,
    origin: request.headers.get('origin'),
    allowOrigins,
  })
}
