import en from './catalogs/en.json'
import fr from './catalogs/fr.json'
import ru from './catalogs/ru.json'
import vi from './catalogs/vi.json'
import type { Language } from './languages'

/** Every message of the product, one catalog per language; en is the reference. */
export const catalogs: Readonly<Record<Language, Readonly<Record<string, unknown>>>> = { en, fr, vi, ru }
