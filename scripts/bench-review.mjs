/* global window */
// npm run bench:review — the review dashboard at scale, in Chromium through Playwright.
// Fills a fresh profile with N generated cases (Settings → Sample cases, as a user
// would), then measures the dashboard for last year:
//  - dashboardMs: from choosing "Last year" in the period list until its figures and
//    charts are drawn. The dashboard computes from the register rows, resolutions and
//    surveys held in memory (as the register does), so this is the time to compute
//    and draw the dashboard for a year;
//  - scanMs: the bare Dexie scan of the same cases (the year's register rows by receipt date);
//  - openMs: loading the page straight at #/review?period=lastYear until the figures are
//    drawn: boot, then reading every register row, resolution and survey from IndexedDB
//    (readAllMs alone), then the above.
// Ends with one JSON line. Usage: npm run bench:review [-- --cases 50000 --runs 5]
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './chromium.mjs'
import { firstRunWithSamples, median, percentile, round, startHarness } from './bench-harness.mjs'

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '50000' }, runs: { type: 'string', default: '5' } },
})
const count = Number(values.cases)
const runs = Number(values.runs)
const mark = 'redress:review-rendered'

const harness = await startHarness()
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.setDefaultTimeout(20 * 60_000)
  const errors = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  console.log(`Loading ${count} generated cases through Settings → Sample cases…`)
  const seedSeconds = await firstRunWithSamples(page, harness.url, count)
  console.log(`Loaded in ${seedSeconds.toFixed(1)} s`)

  // The year the dashboard shows, and the figures it should find.
  const year = new Date().getFullYear() - 1
  const waitForMark = (after) =>
    page.evaluate(
      ([name, since]) =>
        new Promise((resolve) => {
          const found = () => performance.getEntriesByName(name).find((m) => m.startTime >= since)
          const now = found()
          if (now) return resolve({ at: now.startTime, detail: now.detail })
          const observer = new PerformanceObserver(() => {
            const m = found()
            if (m) {
              observer.disconnect()
              resolve({ at: m.startTime, detail: m.detail })
            }
          })
          observer.observe({ entryTypes: ['mark'] })
        }),
      [mark, after],
    )

  // Open: a fresh page each time, so nothing is held in memory yet.
  const opens = []
  let received = 0
  for (let i = 0; i < runs; i++) {
    // Going to the same page with another #route does not reload it: reload explicitly.
    await page.goto(`${harness.url}#/review?period=lastYear`)
    await page.reload()
    const { at, detail } = await waitForMark(0)
    if (!detail.from.startsWith(String(year)) && !detail.from.startsWith(String(year - 1)))
      throw new Error(`Rendered the wrong period: ${detail.from}`)
    received = detail.received
    opens.push(at)
  }

  // Switch: the period list, from "This year" back to "Last year".
  const period = page.getByRole('combobox', { name: 'Period', exact: true })
  await period.evaluate((select) =>
    select.addEventListener('change', (e) => {
      window.__benchChangedAt = { value: e.target.value, at: performance.now() }
    }),
  )
  const switches = []
  for (let i = 0; i < runs * 2; i++) {
    await period.selectOption('thisYear')
    await page.getByRole('combobox', { name: 'Period', exact: true }).waitFor()
    await page.waitForTimeout(150)
    const since = await page.evaluate(() => performance.now())
    await period.selectOption('lastYear')
    const { at } = await waitForMark(since)
    const changed = await page.evaluate(() => window.__benchChangedAt)
    if (changed?.value !== 'lastYear') throw new Error('No change event seen on the period list')
    switches.push(at - changed.at)
  }

  // The bare Dexie scans: the year's rows by receipt date; and all the dashboard reads.
  const scans = await page.evaluate(
    async ([from, to, n]) => {
      const { db } = window.__redressHarness
      const year = []
      const all = []
      let rows = 0
      for (let i = 0; i < n; i++) {
        let start = performance.now()
        rows = (await db.caseSummaries.where('receivedAt').between(from, to).toArray()).length
        year.push(performance.now() - start)
        start = performance.now()
        await Promise.all([db.caseSummaries.toArray(), db.resolutions.toArray(), db.surveys.toArray()])
        all.push(performance.now() - start)
      }
      return { year, all, rows }
    },
    [new Date(year, 0, 1).toISOString(), new Date(year + 1, 0, 1).toISOString(), runs],
  )
  if (errors.length > 0) throw new Error(`Console errors:\n${errors.join('\n')}`)

  const result = {
    cases: count,
    dashboardMs: round(median(switches)),
    scanMs: round(median(scans.year)),
    yearCases: received,
    dashboardP95Ms: round(percentile(switches, 95)),
    openMs: round(median(opens)),
    readAllMs: round(median(scans.all)),
    seedSeconds: round(seedSeconds),
  }
  if (scans.rows !== received) console.log(`Note: Dexie found ${scans.rows} rows in ${year}, the dashboard ${received}`)
  console.log(
    `Dashboard for ${year} (${received} cases received), from choosing "Last year" to figures drawn: median ${result.dashboardMs} ms, p95 ${result.dashboardP95Ms} ms over ${switches.length}`,
  )
  console.log(`Bare Dexie scan of the same cases: ${result.scanMs} ms (median of ${runs})`)
  console.log(
    `Opening the page at the dashboard (boot and first read of everything): ${result.openMs} ms; reading every row, resolution and survey alone: ${result.readAllMs} ms`,
  )
  console.log('Target: dashboard for a year of 50,000 cases < 1000 ms')
  console.log(JSON.stringify(result))
} finally {
  await browser.close()
  harness.stop()
}
