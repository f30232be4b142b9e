// What the benchmarks and screenshot scripts share: a harness on a fresh data
// folder (built by `npm run build`), and a first run as a person would do it.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Starts `node out/main/harness.js` on a new data folder; stop() kills it and removes the folder. */
export async function startHarness() {
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-bench-'))
  const child = spawn(process.execPath, ['out/main/harness.js', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /Redress harness: (\S+)/.exec(String(d))
      if (m) resolve(m[1])
    })
    child.once('exit', (code) => reject(new Error(`harness exited ${code}`)))
  })
  return {
    url,
    dataDir,
    stop() {
      child.kill()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** First run in English with an empty register, then `count` sample cases through Settings. Returns seconds. */
export async function firstRunWithSamples(page, url, count) {
  await page.goto(url)
  await page.getByLabel('Your name').fill('Bench Runner')
  await page.getByLabel('Organisation').fill('Redress bench')
  await page.getByLabel('Department or division').fill('Bench')
  await page.getByLabel('Case reference prefix').fill('BENCH')
  await page.getByRole('button', { name: 'Start with an empty register' }).click()
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor()
  const start = Date.now()
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Number of cases').fill(String(count))
  await page.getByRole('button', { name: 'Load sample cases' }).click()
  await page.getByText(new RegExp(`^${count} sample cases? loaded\\.$`)).waitFor()
  return (Date.now() - start) / 1000
}

/** Nearest-rank percentile. */
export function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

export const median = (xs) => percentile(xs, 50)

export const round = (x) => Math.round(x * 10) / 10
