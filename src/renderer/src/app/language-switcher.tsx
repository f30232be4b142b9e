import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { languages } from '@shared/i18n/languages'

export function LanguageSwitcher(): ReactNode {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  )
}
