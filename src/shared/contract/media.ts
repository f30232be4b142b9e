/**
 * Where the renderer loads a stored item's bytes (<video src>, <img src>, pdf.js):
 * in Electron a privileged `media:` scheme, in the browser harness a same-origin
 * path. Only a SHA-256 can be named, never a path.
 */
export const mediaScheme = 'media'
export const mediaHost = 'vault'
export const mediaHttpPrefix = '/media/'

export function mediaUrlFor(transport: 'ipc' | 'http', sha256: string): string {
  return transport === 'ipc' ? `${mediaScheme}://${mediaHost}/${sha256}` : `${mediaHttpPrefix}${sha256}`
}
