/**
 * The one Content-Security-Policy of the renderer, sent as a header by both the
 * app:// protocol handler and the harness, and written into index.html at build.
 * Nothing comes from the network: every source is the app itself.
 */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  // media: is the vault's scheme in Electron (media://vault/<sha256>); the harness serves it same-origin.
  'media-src': ["'self'", 'blob:', 'media:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
}

/** `frame-ancestors` is ignored (with a console warning) inside a <meta> tag. */
const headerOnly = new Set(['frame-ancestors'])

export function contentSecurityPolicy(options: { forMetaTag?: boolean } = {}): string {
  return Object.entries(cspDirectives)
    .filter(([name]) => !(options.forMetaTag && headerOnly.has(name)))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

/** Headers sent with every renderer document and asset. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=()',
  }
}
