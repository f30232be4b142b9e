import { createApiClient, type ApiClient } from '@shared/contract'
import { createHttpTransport } from './http-transport'

const tokenKey = 'redress.harnessToken'

/**
 * Inside Electron the preload has put window.api in place. In the browser
 * harness, the token comes from the printed address once, then lives in
 * sessionStorage so a reload keeps working; it is removed from the address bar.
 */
export function connectApi(): ApiClient | null {
  if (window.api) return window.api
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    window.sessionStorage.setItem(tokenKey, fromUrl)
    params.delete('token')
    const query = params.toString()
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    )
  }
  const token = fromUrl ?? window.sessionStorage.getItem(tokenKey)
  return token ? createApiClient(createHttpTransport({ token })) : null
}
