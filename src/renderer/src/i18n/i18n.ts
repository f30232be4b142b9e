import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { catalogs } from '@shared/i18n/catalogs'
import { isLanguage, languages, matchLanguage, type Language } from '@shared/i18n/languages'

const storageKey = 'redress.language'

/** The language chosen before, or the first of the system's that we speak. */
export function initialLanguage(): Language {
  const saved = window.localStorage.getItem(storageKey)
  if (isLanguage(saved)) return saved
  return matchLanguage(window.navigator.languages ?? [window.navigator.language])
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance()
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: languages.map((l) => l.code),
    resources: Object.fromEntries(Object.entries(catalogs).map(([code, catalog]) => [code, { translation: catalog }])),
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = language
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
    if (isLanguage(lng)) window.localStorage.setItem(storageKey, lng)
  })
  return instance
}
