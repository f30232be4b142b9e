import { defineConfig } from '@playwright/test'

/** Debian's Chromium: Playwright cannot download its own browser here. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: '.test-output/playwright',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: '.test-output/playwright.json' }]],
  projects: [
    {
      name: 'chromium-harness',
      testDir: 'test/e2e/harness',
      use: {
        browserName: 'chromium',
        headless: true,
        locale: 'en-US',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
})
