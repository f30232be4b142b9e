import type { Page } from '@playwright/test'
import { catalogs } from '../../../src/shared/i18n/catalogs'
import { expect, test } from './fixtures'
import { completeFirstRun } from './people'

/** A message of a catalog by its dotted key, as the app shows it. */
function msg(catalog: unknown, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog)
  if (typeof value !== 'string') throw new Error(`No message ${key}`)
  return value
}

/** Fails the test on any console error: a CSP violation or a failed load shows up there. */
function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

test('a new user sees the empty case register, switches to French, and it stays French after a reload', async ({
  page,
  harness,
}) => {
  const errors = watchConsole(page)
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))

  await page.goto(harness.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Who is using Redress on this computer?' })).toBeVisible()
  // The one-time key leaves the address bar once read.
  expect(page.url()).not.toContain('token=')
  await completeFirstRun(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No cases yet' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('link', { name: 'New complaint' }).first()).toBeVisible()

  await page.getByLabel('Language').selectOption('fr')
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Aucun dossier pour l’instant' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Aucun dossier pour l’instant' })).toBeVisible()
  await expect(page.getByLabel('Langue')).toHaveValue('fr')

  // Nothing is ever loaded from anywhere but the app itself.
  expect(requested.length).toBeGreaterThan(0)
  for (const url of requested) expect(new URL(url).origin).toBe(harness.origin)
  expect(errors).toEqual([])
})

for (const [language, catalog] of Object.entries(catalogs)) {
  test(`every section reads in ${language}, with no untranslated keys`, async ({ page, harness }) => {
    const errors = watchConsole(page)
    await page.goto(harness.url)
    await completeFirstRun(page)
    await page.getByRole('combobox').first().selectOption(language)
    await expect(page.locator('html')).toHaveAttribute('lang', language)

    const nav = page.getByRole('navigation', { name: msg(catalog, 'nav.label') })
    await expect(page.getByRole('heading', { name: msg(catalog, 'cases.emptyTitle') })).toBeVisible()

    await nav.getByRole('link', { name: msg(catalog, 'nav.review') }).click()
    await expect(page.getByRole('heading', { level: 1, name: msg(catalog, 'review.title') })).toBeVisible()
    await expect(page.getByText(msg(catalog, 'review.emptyBody'))).toBeVisible()

    await nav.getByRole('link', { name: msg(catalog, 'nav.settings') }).click()
    await expect(page.getByRole('heading', { level: 1, name: msg(catalog, 'settings.title') })).toBeVisible()
    await expect(page.getByText(msg(catalog, 'settings.transport.http'))).toBeVisible()

    // A missing key would show as its dotted name, e.g. "settings.about.title".
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/\b(app|nav|cases|review|settings|errors|status|harness|language)\.[a-zA-Z_.]+\b/)
    expect(errors).toEqual([])
  })
}

test('settings show where this installation keeps its files, fetched from main through the contract', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page)
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.getByText(harness.dataDir, { exact: true })).toBeVisible()
  await expect(page.getByText('Browser harness (for testing)')).toBeVisible()
  // The date sample goes through Intl in the chosen language.
  const year = String(new Date().getFullYear())
  await expect(page.getByText(new RegExp(`${year}`)).first()).toBeVisible()
})

test('light and dark follow the system, and a choice in settings overrides it', async ({ page, harness }) => {
  const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(harness.url)
  await completeFirstRun(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  const dark = await background()

  await page.emulateMedia({ colorScheme: 'light' })
  const light = await background()
  expect(dark).not.toBe(light)

  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Appearance').selectOption('dark')
  expect(await background()).toBe(dark)
  await page.reload()
  await expect(page.getByLabel('Appearance')).toHaveValue('dark')
  expect(await background()).toBe(dark)
})

test('a browser without the access key is told what to open, and the API refuses it', async ({ page, harness }) => {
  await page.goto(harness.origin)
  await expect(page.getByRole('heading', { name: 'This page needs its access key' })).toBeVisible()
  await page.getByLabel('Language').selectOption('vi')
  await expect(page.getByRole('heading', { name: msg(catalogs.vi, 'harness.noTokenTitle') })).toBeVisible()

  const refused = await page.request.post(`${harness.origin}/api/call/app.info`, { data: {} })
  expect(refused.status()).toBe(401)
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
})

test('the app is reachable by keyboard: skip link, navigation and controls have names', async ({ page, harness }) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { samples: true })
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('#main')).toBeFocused()
  for (const control of await page.locator('button, select, input, a').all()) {
    const name = await control.evaluate((el) => {
      const labelled = (el as HTMLElement).getAttribute('aria-label')
      const labels = (el as HTMLInputElement).labels
      return labelled ?? (labels && labels.length > 0 ? labels[0]?.textContent : null) ?? el.textContent
    })
    expect(name?.trim(), await control.evaluate((el) => el.outerHTML.slice(0, 120))).toBeTruthy()
  }
})
