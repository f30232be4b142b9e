import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { RouterProvider } from 'react-router'
import { createAppRouter } from './app/router'
import { NoConnection } from './app/no-connection'
import { createI18n, initialLanguage } from './i18n/i18n'
import { ApiProvider } from './lib/api/api-context'
import { connectApi } from './lib/api/connect'
import { applySavedTheme } from './lib/theme'
import { db } from './db/db'
import './styles.css'
import './casework.css'

async function start(): Promise<void> {
  applySavedTheme()
  const i18n = await createI18n(initialLanguage())
  const api = connectApi()
  // The browser harness only (never inside Electron): benchmarks time bare Dexie
  // queries against the same database the page uses.
  if (!window.api && api) Object.assign(window, { __redressHarness: { db } })
  const root = createRoot(document.getElementById('root') as HTMLElement)
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {api ? (
          <ApiProvider api={api}>
            <RouterProvider router={createAppRouter()} />
          </ApiProvider>
        ) : (
          <NoConnection />
        )}
      </I18nextProvider>
    </StrictMode>,
  )
}

void start()
