import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs'

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
          executablePath: chromiumExecutable,
          args: [...chromiumArgs],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
})
