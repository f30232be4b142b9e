import { createInstance, type TFunction } from 'i18next'
import { catalogs } from '@shared/i18n/catalogs'
import { languages, type Language } from '@shared/i18n/languages'

let instance: ReturnType<typeof createInstance> | null = null
let missingListener: ((key: string) => void) | null = null

/**
 * A translator of main's own, apart from the renderer's: documents are written in
 * the language of the case or the customer, not in the one the screen shows.
 * Built once from the same catalogs the renderer uses; a missing key is reported
 * to `onMissing` (tests make it fail) and falls back to English.
 */
export function documentTranslator(language: Language, onMissing?: (key: string) => void): TFunction {
  if (!instance) {
    instance = createInstance()
    void instance.init({
      initAsync: false,
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: languages.map((l) => l.code),
      resources: Object.fromEntries(languages.map((l) => [l.code, { translation: catalogs[l.code] }])),
      // Text goes into a PDF, not HTML: nothing to escape.
      interpolation: { escapeValue: false },
      returnNull: false,
      saveMissing: true,
      missingKeyHandler: (_lngs, _ns, key) => missingListener?.(key),
    })
  }
  missingListener = onMissing ?? null
  return instance.getFixedT(language)
}
