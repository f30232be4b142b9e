// Screenshots of the review dashboard and the lessons register, for a person to
// look at (not a test): light and dark, French and Vietnamese, with 600 sample cases.
// Usage: npm run build && node scripts/review-shots.mjs [outDir]
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './chromium.mjs'
import { firstRunWithSamples, startHarness } from './bench-harness.mjs'

const outDir = process.argv[2] ?? '.test-output/review-shots'
mkdirSync(outDir, { recursive: true })
const harness = await startHarness()
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })
const errors = []
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await firstRunWithSamples(page, harness.url, 600)

  for (const [language, scheme] of [
    ['fr', 'light'],
    ['fr', 'dark'],
    ['vi', 'light'],
    ['vi', 'dark'],
    ['ru', 'light'],
    ['en', 'dark'],
  ]) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.getByRole('combobox').first().selectOption(language)
    await page.evaluate(() => (globalThis.location.hash = '#/review?period=lastYear'))
    await page.mouse.move(0, 0)
    await page.waitForTimeout(800)
    await page.screenshot({ path: join(outDir, `review-${language}-${scheme}.png`), fullPage: true })
  }
  // A closed case with its survey form and lessons, the user in French.
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('combobox').first().selectOption('fr')
  await page.evaluate(() => (globalThis.location.hash = '#/cases'))
  await page.getByRole('combobox', { name: 'Statut', exact: true }).selectOption('closed')
  await page.getByRole('table').getByRole('link').nth(2).click()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(outDir, 'closed-case-fr-light.png'), fullPage: true })
  await page.getByRole('combobox').first().selectOption('en')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.evaluate(() => (globalThis.location.hash = '#/lessons'))
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(outDir, 'lessons-en-dark.png'), fullPage: true })
} finally {
  await browser.close()
  harness.stop()
}
console.log(errors.length ? `Console errors:\n${errors.join('\n')}` : 'No console errors')
