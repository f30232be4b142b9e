import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../src/shared/contract'
import { caseStatuses } from '../../src/shared/domain/case'
import { catalogs } from '../../src/shared/i18n/catalogs'
import { languages, matchLanguage } from '../../src/shared/i18n/languages'

const pluralSuffix = /_(zero|one|two|few|many|other)$/

function flatten(node: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

/** Keys without plural suffixes; a plural key must carry every form its language needs. */
function keysOf(language: string): { plain: Set<string>; plural: Map<string, Set<string>> } {
  const plain = new Set<string>()
  const plural = new Map<string, Set<string>>()
  for (const key of flatten(catalogs[language as keyof typeof catalogs]).keys()) {
    const match = pluralSuffix.exec(key)
    if (match?.[1]) {
      const base = key.slice(0, -match[0].length)
      plural.set(base, (plural.get(base) ?? new Set()).add(match[1]))
    } else plain.add(key)
  }
  return { plain, plural }
}

const reference = keysOf('en')
const variables = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort()

describe.each(languages.map((l) => l.code))('catalog %s', (language) => {
  const own = keysOf(language)
  const flat = flatten(catalogs[language])

  it('has every key of the English catalog, and no key English lacks', () => {
    expect([...own.plain].sort()).toEqual([...reference.plain].sort())
    expect([...own.plural.keys()].sort()).toEqual([...reference.plural.keys()].sort())
  })

  it('has every plural form its language uses (Intl.PluralRules)', () => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories
    for (const [base, forms] of own.plural) {
      for (const form of needed) expect(forms.has(form), `${language}: ${base}_${form}`).toBe(true)
    }
  })

  it('keeps the same {{variables}} as English and leaves nothing empty', () => {
    const english = flatten(catalogs.en)
    for (const [key, text] of flat) {
      expect(text.trim(), `${language}: ${key}`).not.toBe('')
      const base = key.replace(pluralSuffix, '')
      const englishText = english.get(key) ?? english.get(`${base}_other`) ?? ''
      expect(variables(text), `${language}: ${key}`).toEqual(variables(englishText))
    }
  })

  it('translates every error code and every case status', () => {
    for (const code of errorCodes) expect(flat.has(`errors.${code}`), code).toBe(true)
    for (const status of caseStatuses) expect(flat.has(`status.${status}`), status).toBe(true)
  })
})

it('fails when a key is missing in one language (the check itself works)', () => {
  const broken = structuredClone(catalogs.fr) as Record<string, Record<string, unknown>>
  delete broken['nav']?.['review']
  const missing = [...flatten(catalogs.en).keys()].filter((k) => !pluralSuffix.test(k) && !flatten(broken).has(k))
  expect(missing).toEqual(['nav.review'])
})

describe('language matching', () => {
  it('takes the first supported language of the system’s list', () => {
    expect(matchLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr')
    expect(matchLanguage(['vi-VN'])).toBe('vi')
    expect(matchLanguage(['RU'])).toBe('ru')
    expect(matchLanguage(['de', 'es'])).toBe('en')
  })
})
