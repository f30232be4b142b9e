import { createContext, useContext, type ReactNode } from 'react'
import type { ApiClient } from '@shared/contract'

const ApiContext = createContext<ApiClient | null>(null)

export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }): ReactNode {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

/** The contract client, whichever transport carries it. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi outside ApiProvider')
  return api
}
