/** Which viewer a stored file opens in. */
export type ViewerKind = 'video' | 'audio' | 'pdf' | 'image' | 'text' | 'email'

/**
 * Image types Chromium draws by itself. Others (TIFF, HEIC, camera raw, PSD) would
 * only show a broken image, so they are offered to the system's application instead;
 * SVG is left out because main serves it as an opaque download (it can carry script).
 */
const drawableImages = new Set([
  'image/jpeg',
  'image/png',
  'image/apng',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
])

/** The viewer for a detected media type, or null when the app cannot show it. */
export function viewerKindOf(mime: string | null | undefined): ViewerKind | null {
  const type = (mime ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === '') return null
  if (type.startsWith('video/')) return 'video'
  if (type.startsWith('audio/')) return 'audio'
  if (type === 'application/pdf') return 'pdf'
  if (type.startsWith('image/')) return drawableImages.has(type) ? 'image' : null
  if (type === 'message/rfc822') return 'email'
  // A mailbox holds many messages: shown as its raw text rather than as one e-mail.
  if (type.startsWith('text/') || type === 'application/mbox') return 'text'
  return null
}
