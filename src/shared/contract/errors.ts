/**
 * Error codes that cross the renderer/main boundary. The UI translates a code
 * (`errors.<code>` in every catalog); the message is for logs and developers.
 */
export const errorCodes = [
  'unknown_method',
  'forbidden',
  'unauthorized',
  'invalid_input',
  'not_found',
  'canceled',
  'unavailable',
  'internal',
  /** Not enough free space in the vault's disk for the file being added. */
  'disk_full',
  /** The file being added is gone (deleted, renamed, drive unplugged). */
  'source_missing',
  /** The file being added exists but cannot be read (permissions, I/O error). */
  'source_unreadable',
  /** The file being added changed while it was read: what was hashed is not a stable copy. */
  'source_changed',
  /** The chosen file is not a Redress backup, or its structure is broken (names the entry when one is at fault). */
  'backup_corrupt',
  /** The backup ends early: it was cut off while being copied or written. */
  'backup_truncated',
  /** A file inside the backup does not match the fingerprint its manifest recorded (names the file). */
  'backup_tampered',
  /** The backup was made by a newer or different version of Redress and cannot be restored by this one. */
  'backup_unsupported',
  /** A file in the vault no longer matches its fingerprint, so it cannot be backed up as it was (names it). */
  'vault_damaged',
  /** The password typed for a PKCS#12 file (.p12/.pfx) does not open it. */
  'pkcs12_wrong_password',
  /** The file given as PKCS#12 is not one, or uses a format that cannot be read. */
  'pkcs12_unreadable',
  /** The PKCS#12 file opens but holds no private key (a certificate alone cannot sign). */
  'pkcs12_no_key',
  /** The private key in the PKCS#12 file does not belong to its certificate. */
  'pkcs12_key_mismatch',
  /** The passphrase typed does not open the stored signing key. */
  'identity_wrong_passphrase',
  /** A new passphrase protecting a signing key is under 8 characters. */
  'identity_passphrase_too_short',
  /** The operating system cannot protect keys (no keychain/keyring); a passphrase is needed instead. */
  'identity_protection_unavailable',
  /** A stored signing identity is damaged (corrupt file or sealed key). */
  'identity_unreadable',
  /** The file given as a certificate is neither a PEM nor a DER X.509 certificate. */
  'certificate_unreadable',
  /** A file going into a closure packet no longer matches the fingerprint the vault stored it under (names it). */
  'packet_evidence_changed',
] as const

export type ErrorCode = (typeof errorCodes)[number]

/** What an error looks like once it has crossed a transport. */
export interface ApiErrorShape {
  /** Machine-readable reason, one of `errorCodes`; the UI translates it. */
  readonly code: ErrorCode
  /** English detail for logs; never shown to the user as is. */
  readonly message: string
  /**
   * What the error is about, when that helps the user and is safe to show: the
   * name of the file inside a backup that failed its check. Never a path.
   */
  readonly subject?: string
}

/**
 * Every call answers with a Result rather than throwing: thrown errors lose their
 * fields when they cross Electron's contextBridge, a Result does not.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorShape }

/** Thrown inside main by services to choose the code the renderer sees. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** See ApiErrorShape.subject. */
    readonly subject?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/** Thrown inside the renderer by `unwrap` so callers can use try/catch. */
export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly subject?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}

/** Turns anything a transport received into a well-formed Result, never trusting its shape. */
export function toResult<T>(raw: unknown): Result<T> {
  if (raw && typeof raw === 'object' && 'ok' in raw) {
    const r = raw as { ok: unknown; value?: unknown; error?: unknown }
    if (r.ok === true) return { ok: true, value: r.value as T }
    if (r.ok === false && r.error && typeof r.error === 'object') {
      const e = r.error as { code?: unknown; message?: unknown; subject?: unknown }
      return {
        ok: false,
        error: {
          code: isErrorCode(e.code) ? e.code : 'internal',
          message: typeof e.message === 'string' ? e.message : 'Unknown error',
          ...(typeof e.subject === 'string' && { subject: e.subject.slice(0, 300) }),
        },
      }
    }
  }
  return { ok: false, error: { code: 'internal', message: 'Malformed response from main' } }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value
  throw new ApiError(result.error.code, result.error.message, result.error.subject)
}
