// Takes screenshots of the main screens in each language and theme, for a person
// to look at (not a test). Usage: npm run build && node scripts/screenshots.mjs [outDir]
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

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
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
const shots = [
  ['en', 'light', 'cases'],
  ['fr', 'light', 'settings'],
  ['vi', 'dark', 'cases'],
  ['ru', 'dark', 'settings'],
  ['fr', 'light', 'review'],
]
for (const [language, scheme, route] of shots) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 760 }, colorScheme: scheme })
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('combobox').first().selectOption(language)
  await page.evaluate((r) => (globalThis.location.hash = `#/${r}`), route)
  await page.waitForTimeout(400)
  await page.screenshot({ path: join(outDir, `${route}-${language}-${scheme}.png`) })
  await context.close()
}
await browser.close()
harness.kill()
console.log(`Screenshots in ${outDir}`)
