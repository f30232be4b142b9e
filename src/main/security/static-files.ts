import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
}

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL path to a file inside `root`, or null. Refuses anything that could
 * leave the folder: `..` (also percent-encoded), backslashes, NUL bytes, absolute
 * paths, and symlinks that point outside.
 */
export async function resolveStaticFile(root: string, urlPathname: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s.length > 0)
  if (segments.some((s) => s === '..' || s === '.')) return null
  const relativePath = segments.length === 0 ? 'index.html' : segments.join(sep)
  if (isAbsolute(relativePath)) return null

  try {
    const realRoot = await realpath(root)
    const candidate = await realpath(join(realRoot, relativePath))
    const rel = relative(realRoot, candidate)
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
    const info = await stat(candidate)
    return info.isFile() ? candidate : null
  } catch {
    return null
  }
}
