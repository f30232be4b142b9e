import type { Locator, Page } from '@playwright/test'
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

/** Draws a signature the way a finger would: a few strokes across the pad. */
export async function sign(pad: Locator, page: Page): Promise<void> {
  await pad.scrollIntoViewIfNeeded()
  const box = await pad.boundingBox()
  if (!box) throw new Error('no signature pad')
  const strokes = [
    [0.1, 0.6, 0.3, 0.3, 0.45, 0.7],
    [0.5, 0.5, 0.7, 0.3, 0.9, 0.6],
  ]
  for (const [x1, y1, x2, y2, x3, y3] of strokes) {
    await page.mouse.move(box.x + box.width * x1!, box.y + box.height * y1!)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * x2!, box.y + box.height * y2!, { steps: 8 })
    await page.mouse.move(box.x + box.width * x3!, box.y + box.height * y3!, { steps: 8 })
    await page.mouse.up()
  }
}

export interface NewComplaint {
  readonly customer: string
  readonly phone: string
  readonly address: string
  readonly eventDate: string
  readonly complaint: string
  readonly remedy: string
  /** Complaint category chosen at triage. */
  readonly category: string
  readonly triageReason: string
}

/**
 * What an investigator does with a new complaint before investigating it: the
 * complete, signed intake form, then triage as "investigate". Leaves the case page open.
 */
export async function takeComplaintIn(page: Page, language: Language, c: NewComplaint): Promise<void> {
  const m = (key: string): string => msg(language, key)
  await page
    .getByRole('main')
    .getByRole('link', { name: m('cases.newComplaint') })
    .first()
    .click()
  await page.getByRole('textbox', { name: m('intake.fields.customer.name') }).fill(c.customer)
  await page.getByRole('textbox', { name: m('intake.fields.customer.address') }).fill(c.address)
  await page.getByRole('textbox', { name: m('intake.fields.customer.phone') }).fill(c.phone)
  await page.getByRole('radio', { name: m('channel.in_person') }).check()
  await page.getByRole('textbox', { name: m('intake.fields.eventDate.value') }).fill(c.eventDate)
  await page.getByRole('textbox', { name: m('intake.fields.complaint') }).fill(c.complaint)
  await page.getByRole('textbox', { name: m('intake.fields.remedy') }).fill(c.remedy)
  await sign(page.getByRole('img', { name: m('intake.fields.signature') }), page)
  await page.getByRole('button', { name: m('intake.submit') }).click()
  const triage = page.getByRole('form', { name: m('triage.title') })
  await triage.getByRole('radio', { name: m('triage.decisions.investigate') }).check()
  await triage.getByRole('combobox', { name: m('triage.category') }).selectOption(c.category)
  await triage.getByRole('textbox', { name: m('triage.reason') }).fill(c.triageReason)
  await triage.getByRole('button', { name: m('triage.save') }).click()
  await page.getByText(m('status.investigation'), { exact: true }).first().waitFor()
}
