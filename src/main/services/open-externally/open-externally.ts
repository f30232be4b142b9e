import { chmod, copyFile, mkdir } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { AppError, type MethodOutput, type ParsedInput } from '@shared/contract'
import type { Vault } from '../vault/vault'

/** Hands a path to the operating system's default application (Electron's shell.openPath in the app). */
export interface OpenPathAdapter {
  /** Resolves with an error message, or '' when the application was started. */
  openPath(path: string): Promise<string>
}

/**
 * Types that run code when "opened": never handed to the system, whatever the
 * investigator confirms. Evidence is looked at, not executed.
 */
export const refusedExtensions: ReadonlySet<string> = new Set([
  '.exe',
  '.msi',
  '.bat',
  '.cmd',
  '.com',
  '.scr',
  '.pif',
  '.cpl',
  '.ps1',
  '.psm1',
  '.vbs',
  '.vbe',
  '.js',
  '.jse',
  '.wsf',
  '.wsh',
  '.hta',
  '.jar',
  '.lnk',
  '.url',
  '.reg',
  '.sh',
  '.bash',
  '.zsh',
  '.command',
  '.desktop',
  '.app',
  '.appimage',
  '.run',
  '.deb',
  '.rpm',
  '.pkg',
  '.dmg',
  '.apk',
  '.py',
  '.pl',
  '.rb',
  '.php',
  '.html',
  '.htm',
  '.svg',
  '.xhtml',
  '.mht',
])

/** A file name safe to create: no folders, no control or reserved characters, not too long. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim()
  const ext = extname(cleaned).slice(0, 16)
  const stem = cleaned.slice(0, cleaned.length - extname(cleaned).length).slice(0, 100)
  return `${stem || 'evidence'}${ext}`
}

export interface ExternalOpener {
  open(input: ParsedInput<'vault.openExternally'>): Promise<MethodOutput<'vault.openExternally'>>
}

/**
 * Opens a stored item in the system's application: a read-only copy under its
 * original name (the vault's own files have no extension and must never be
 * touched by another program), never for types that execute.
 */
export function createExternalOpener(options: {
  vault: Vault
  dataDir: string
  adapter: OpenPathAdapter
}): ExternalOpener {
  return {
    async open({ sha256, name }) {
      const fileName = safeFileName(name)
      if (refusedExtensions.has(extname(fileName).toLowerCase())) {
        throw new AppError('forbidden', `Refused to open ${extname(fileName)} files outside Redress`)
      }
      const stored = await options.vault.resolveStored(sha256)
      const folder = join(options.dataDir, 'opened', sha256)
      await mkdir(folder, { recursive: true })
      const copy = join(folder, fileName)
      await chmod(copy, 0o644).catch(() => undefined)
      await copyFile(stored, copy)
      await chmod(copy, 0o444)
      const failure = await options.adapter.openPath(copy)
      if (failure) throw new AppError('unavailable', `The system could not open the file: ${failure}`)
      return { opened: true }
    },
  }
}

/** For the harness and tests: remembers what would have been opened. */
export function createRecordingOpenPathAdapter(): OpenPathAdapter & { readonly opened: readonly string[] } {
  const opened: string[] = []
  return {
    opened,
    async openPath(path) {
      opened.push(path)
      return ''
    },
  }
}
