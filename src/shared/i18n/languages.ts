/** The languages Redress speaks, each named in itself for the switcher. */
export const languages = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'ru', name: 'Русский' },
] as const

export type Language = (typeof languages)[number]['code']

export const defaultLanguage: Language = 'en'

export function isLanguage(value: unknown): value is Language {
  return languages.some((l) => l.code === value)
}

/** Picks the first supported language from a browser's preference list ("fr-CA" → "fr"). */
export function matchLanguage(preferences: readonly string[]): Language {
  for (const preference of preferences) {
    const base = preference.toLowerCase().split('-')[0]
    if (isLanguage(base)) return base
  }
  return defaultLanguage
}
