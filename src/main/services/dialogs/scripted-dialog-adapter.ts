import type { DialogAdapter } from './dialogs'

/** One prepared answer to the next native dialog. */
export type ScriptedAnswer =
  | { readonly kind: 'open'; readonly paths: readonly string[] }
  | { readonly kind: 'save'; readonly path: string }
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'cancel' }

export interface ScriptedDialogAdapter extends DialogAdapter {
  /** Queues what "the user" will pick in the next dialog. */
  enqueue(answer: ScriptedAnswer): void
  /** How many dialogs were shown, with their options, for assertions. */
  readonly shown: ReadonlyArray<{ kind: 'open' | 'save' | 'folder'; title?: string | undefined }>
}

/**
 * Native dialogs for the browser harness and tests: there is no OS dialog to
 * click, so a test says beforehand what the user picks. With nothing queued,
 * the user cancels.
 */
export function createScriptedDialogAdapter(): ScriptedDialogAdapter {
  const queue: ScriptedAnswer[] = []
  const shown: Array<{ kind: 'open' | 'save' | 'folder'; title?: string | undefined }> = []
  return {
    shown,
    enqueue(answer) {
      queue.push(answer)
    },
    async showOpen(options) {
      shown.push({ kind: 'open', title: options.title })
      const answer = queue.shift()
      if (!answer || answer.kind !== 'open') return { canceled: true, paths: [] }
      return { canceled: false, paths: answer.paths }
    },
    async showSave(options) {
      shown.push({ kind: 'save', title: options.title })
      const answer = queue.shift()
      if (!answer || answer.kind !== 'save') return { canceled: true }
      return { canceled: false, path: answer.path }
    },
    async showFolder(options) {
      shown.push({ kind: 'folder', title: options.title })
      const answer = queue.shift()
      if (!answer || answer.kind !== 'folder') return { canceled: true }
      return { canceled: false, path: answer.path }
    },
  }
}
