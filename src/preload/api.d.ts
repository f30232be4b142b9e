import type { ApiClient } from '../shared/contract/client'

declare global {
  interface Window {
    /** Set by the preload inside Electron; absent in the browser harness. */
    readonly api?: ApiClient
  }
}

export {}
