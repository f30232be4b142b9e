import { originOf } from './trusted-sender'

/**
 * The only permissions Redress asks for: camera and microphone, to record
 * interviews, and writing to the clipboard (copying a case reference). Everything
 * else (location, notifications, USB, HID, serial, MIDI, opening external apps…)
 * is refused, and even these only for the app's own top-level document.
 */
export const grantedPermissions: ReadonlySet<string> = new Set(['media', 'clipboard-sanitized-write'])

export interface PermissionRequest {
  readonly permission: string
  /** URL of the document asking. */
  readonly requestingUrl: string
  readonly isMainFrame: boolean
  /** For 'media': which kinds of device; anything beyond audio/video is refused. */
  readonly mediaTypes?: readonly string[]
}

export function isPermissionGranted(request: PermissionRequest, trustedOrigins: readonly string[]): boolean {
  if (!grantedPermissions.has(request.permission)) return false
  if (!request.isMainFrame) return false
  const origin = originOf(request.requestingUrl)
  if (origin === null || !trustedOrigins.includes(origin)) return false
  if (request.permission === 'media') {
    return (request.mediaTypes ?? []).every((t) => t === 'audio' || t === 'video')
  }
  return true
}
