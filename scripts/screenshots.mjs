// Takes screenshots of the main screens in each language and theme, for a person
// to look at (not a test). Usage: npm run build && node scripts/screenshots.mjs [outDir]
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './chromium.mjs'

const outDir = process.argv[2] ?? '.test-output/screenshots'
mkdirSync(outDir, { recursive: true })
const harness = spawn(process.execPath, [
  'out/main/harness.js',
  '--data',
  mkdtempSync(join(tmpdir(), 'redress-shots-')),
])
const url = await new Promise((resolve) => {
  harness.stdout.on('data', (d) => {
    const m = /Redress harness: (\S+)/.exec(String(d))
    if (m) resolve(m[1])
  })
})
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })
const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
const page = await context.newPage()
await page.goto(url)
await page.screenshot({ path: join(outDir, 'first-run-en.png') })
await page.getByLabel('Your name').fill('Camille Roux')
await page.getByLabel('Organisation').fill('Maison Lumière')
await page.getByLabel('Department or division').fill('Service client')
await page.getByLabel('Case reference prefix').fill('LYON')
await page.getByRole('button', { name: /Start with 36 sample cases/ }).click()
await page.getByText('36 cases shown').waitFor()

const shots = [
  ['en', 'light', 'cases'],
  ['ru', 'dark', 'cases'],
  ['fr', 'light', 'intake/new'],
  ['vi', 'light', 'settings'],
  ['fr', 'dark', 'review'],
]
for (const [language, scheme, route] of shots) {
  await page.emulateMedia({ colorScheme: scheme })
  await page.getByRole('combobox').first().selectOption(language)
  await page.evaluate((r) => (globalThis.location.hash = `#/${r}`), route)
  await page.waitForTimeout(600)
  await page.screenshot({
    path: join(outDir, `${route.replace('/', '-')}-${language}-${scheme}.png`),
    fullPage: route !== 'cases',
  })
}
// A triaged case and one waiting for triage, in two languages.
for (const [language, scheme, index] of [
  ['fr', 'light', 0],
  ['vi', 'dark', 3],
]) {
  await page.emulateMedia({ colorScheme: scheme })
  await page.getByRole('combobox').first().selectOption(language)
  await page.evaluate(() => (globalThis.location.hash = '#/cases'))
  await page.getByRole('table').getByRole('link').nth(index).click()
  await page.waitForTimeout(600)
  await page.screenshot({ path: join(outDir, `case-${language}-${scheme}.png`), fullPage: true })
}
// Evidence: a video and a PDF attached to a case, shown in French.
const fixtures = join(outDir, 'fixtures')
mkdirSync(fixtures, { recursive: true })
const videoPath = join(fixtures, 'entretien.webm')
execFileSync('ffmpeg', [
  '-loglevel',
  'error',
  '-y',
  '-f',
  'lavfi',
  '-i',
  'testsrc=duration=20:size=320x240:rate=10',
  '-c:v',
  'libvpx-vp9',
  '-deadline',
  'realtime',
  '-cpu-used',
  '8',
  videoPath,
])
const token = new URL(url).searchParams.get('token')
await fetch(new URL('/__harness/dialog', url), {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ kind: 'open', paths: [videoPath] }),
})
await page.emulateMedia({ colorScheme: 'light' })
await page.getByRole('combobox').first().selectOption('fr')
await page.evaluate(() => (globalThis.location.hash = '#/cases'))
await page.getByRole('table').getByRole('link').first().click()
await page.getByRole('button', { name: 'Ajouter des fichiers' }).click()
await page.locator('video').waitFor()
await page.waitForTimeout(800)
await page.locator('video').scrollIntoViewIfNeeded()
await page.screenshot({ path: join(outDir, 'evidence-fr-light.png') })
await browser.close()
harness.kill()
console.log(`Screenshots in ${outDir}`)
