import type { Page } from '@playwright/test'
import { catalogs } from '../../../src/shared/i18n/catalogs'
import type { Language } from '../../../src/shared/i18n/languages'

/** A message of a catalog by its dotted key, as the app shows it; plural keys take a count. */
export function msg(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const catalog = catalogs[language]
  const lookup = (k: string): unknown =>
    k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog)
  let value = lookup(key)
  if (value === undefined && 'count' in vars) {
    const form = new Intl.PluralRules(language).select(Number(vars['count']))
    value = lookup(`${key}_${form}`) ?? lookup(`${key}_other`)
  }
  if (typeof value !== 'string') throw new Error(`No message ${key} in ${language}`)
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? ''))
}

export interface NewProfile {
  readonly name?: string
  readonly organisation?: string
  readonly department?: string
  readonly prefix?: string
  readonly language?: Language
  readonly samples?: boolean
}

/** What a new user does on first run: say who they are, then start. */
export async function completeFirstRun(page: Page, profile: NewProfile = {}): Promise<void> {
  const language = profile.language ?? 'en'
  await page.getByLabel(msg('en', 'language.label')).first().waitFor()
  if (language !== 'en') {
    await page.getByLabel(msg('en', 'language.label')).last().selectOption(language)
  }
  const m = (key: string): string => msg(language, key)
  await page.getByLabel(m('onboarding.name')).fill(profile.name ?? 'Camille Roux')
  await page.getByLabel(m('onboarding.organisation')).fill(profile.organisation ?? 'Maison Lumière')
  await page.getByLabel(m('onboarding.department')).fill(profile.department ?? 'Service client')
  await page.getByLabel(m('onboarding.casePrefix')).fill(profile.prefix ?? 'LYON')
  if (profile.samples) {
    await page.getByRole('button', { name: msg(language, 'onboarding.startSample', { count: 36 }) }).click()
  } else {
    await page.getByRole('button', { name: m('onboarding.startEmpty') }).click()
  }
  await page.getByRole('heading', { level: 1, name: m('cases.title') }).waitFor()
}
