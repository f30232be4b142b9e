import { stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import type { MethodOutput, ParsedInput } from '@shared/contract'
import type { FileGrants } from './file-grants'

export interface FileFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

/**
 * The native dialogs, as a port: Electron's `dialog` in the app, a scripted answer
 * in the harness and in tests ("the user picked this file").
 */
export interface DialogAdapter {
  showOpen(options: {
    title?: string
    filters?: readonly FileFilter[]
    multiple: boolean
  }): Promise<{ canceled: boolean; paths: readonly string[] }>
  showSave(options: {
    title?: string
    suggestedName: string
    filters?: readonly FileFilter[]
  }): Promise<{ canceled: boolean; path?: string | undefined }>
  /** Picks one existing folder (where automatic backups go). */
  showFolder(options: { title?: string }): Promise<{ canceled: boolean; path?: string | undefined }>
}

export interface DialogService {
  openFile(input: ParsedInput<'dialog.openFile'>): Promise<MethodOutput<'dialog.openFile'>>
  saveFile(input: ParsedInput<'dialog.saveFile'>): Promise<MethodOutput<'dialog.saveFile'>>
  grantDropped(input: ParsedInput<'dialog.grantDropped'>): Promise<MethodOutput<'dialog.grantDropped'>>
  openFolder(input: ParsedInput<'dialog.openFolder'>): Promise<MethodOutput<'dialog.openFolder'>>
}

export function createDialogService(adapter: DialogAdapter, grants: FileGrants): DialogService {
  return {
    async openFile(input) {
      const answer = await adapter.showOpen({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.filters !== undefined && { filters: input.filters }),
        multiple: input.multiple ?? false,
      })
      if (answer.canceled || answer.paths.length === 0) return { canceled: true }
      const picked = input.multiple ? answer.paths : answer.paths.slice(0, 1)
      const files = []
      for (const path of picked) {
        const info = await stat(path)
        // Folders, devices and sockets are never evidence.
        if (!info.isFile()) continue
        files.push({ grant: grants.issue(path, 'read'), name: basename(path), size: info.size })
      }
      return files.length > 0 ? { canceled: false, files } : { canceled: true }
    },
    async grantDropped({ paths }) {
      const files = []
      for (const path of paths) {
        // Only plain files given by absolute path; folders, devices and vanished files are skipped.
        if (!isAbsolute(path)) continue
        const info = await stat(path).catch(() => null)
        if (!info?.isFile()) continue
        files.push({ grant: grants.issue(path, 'read'), name: basename(path), size: info.size })
      }
      return { files }
    },
    async saveFile(input) {
      const answer = await adapter.showSave({
        ...(input.title !== undefined && { title: input.title }),
        suggestedName: input.suggestedName,
        ...(input.filters !== undefined && { filters: input.filters }),
      })
      if (answer.canceled || !answer.path) return { canceled: true }
      return { canceled: false, grant: grants.issue(answer.path, 'write'), name: basename(answer.path) }
    },
    async openFolder(input) {
      const answer = await adapter.showFolder(input.title !== undefined ? { title: input.title } : {})
      if (answer.canceled || !answer.path || !isAbsolute(answer.path)) return { canceled: true }
      const info = await stat(answer.path).catch(() => null)
      if (!info?.isDirectory()) return { canceled: true }
      return { canceled: false, grant: grants.issue(answer.path, 'folder'), name: basename(answer.path) }
    },
  }
}
