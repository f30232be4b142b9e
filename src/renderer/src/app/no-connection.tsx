import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from './language-switcher'

/** Shown in a browser opened without the harness's token: nothing can work, say why. */
export function NoConnection(): ReactNode {
  const { t } = useTranslation()
  return (
    <main className="standalone" id="main">
      <LanguageSwitcher />
      <section role="alert" className="card">
        <h1>{t('harness.noTokenTitle')}</h1>
        <p>{t('harness.noTokenBody')}</p>
      </section>
    </main>
  )
}
