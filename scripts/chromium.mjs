// Debian's Chromium, started the way this workplace needs: Playwright cannot
// download its own browser, and without the background-networking flags Chromium
// keeps trying to reach hosts this machine cannot reach. Shared by the Playwright
// config, the benchmarks and the screenshot script.
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
