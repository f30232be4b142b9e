/* global window, document, location */
// npm run bench:register — the case register at scale, in Chromium through Playwright.
// Fills a fresh profile with N generated cases (the same generator as the sample
// database, through Settings → Sample cases, as a user would), then measures:
//  - time to first rows: from a navigation to the register until rows are on screen,
//    next to the bare Dexie query for those rows;
//  - search: from each keystroke in the search box to updated rows (p95), next to a
//    bare Dexie scan for the same query (p95).
// Ends with one JSON line. Usage: npm run bench:register [-- --cases 50000]
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { chromiumArgs, chromiumExecutable } from './chromium.mjs'
import { firstRunWithSamples, median, percentile, round, startHarness } from './bench-harness.mjs'

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '50000' }, runs: { type: 'string', default: '10' } },
})
const count = Number(values.cases)
const runs = Number(values.runs)
const queries = [
  'nguyen',
  'elodie',
  'marchand',
  'иванов',
  'livraison',
  'remboursement',
  'tran thi',
  'demo-2026',
  'refund',
  'смирнова',
]

const harness = await startHarness()
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.setDefaultTimeout(20 * 60_000)
  console.log(`Loading ${count} generated cases through Settings → Sample cases…`)
  const seedSeconds = await firstRunWithSamples(page, harness.url, count)
  console.log(`Loaded in ${seedSeconds.toFixed(1)} s`)

  // Time to first rows: navigate away and back, several times.
  const firstRows = []
  const firstRowsDexie = []
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => (location.hash = '#/settings'))
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    const elapsed = await page.evaluate(
      () =>
        new Promise((resolve) => {
          performance.clearMarks('redress:register-first-rows')
          const start = performance.now()
          const observer = new PerformanceObserver((list) => {
            const mark = list.getEntriesByName('redress:register-first-rows')[0]
            if (mark) {
              observer.disconnect()
              resolve(mark.startTime - start)
            }
          })
          observer.observe({ entryTypes: ['mark'] })
          location.hash = '#/cases'
        }),
    )
    firstRows.push(elapsed)
    firstRowsDexie.push(
      await page.evaluate(async () => {
        const { db } = window.__redressHarness
        const start = performance.now()
        await db.caseSummaries.orderBy('receivedAt').reverse().limit(60).toArray()
        return performance.now() - start
      }),
    )
  }
  await page.getByText(new RegExp(`^${count} cases shown$`)).waitFor()

  // Search: every keystroke, from the input event to rows rendered for that value.
  const search = page.getByLabel('Search cases')
  await page.evaluate(() => {
    window.__benchInputs = []
    document.querySelector('input[type=search]').addEventListener('input', (e) => {
      window.__benchInputs.push({ value: e.target.value, at: performance.now() })
    })
  })
  const latencies = []
  const typed = new Set()
  for (const query of queries) {
    await search.fill('')
    await page.waitForTimeout(200)
    await page.evaluate(() => {
      window.__benchInputs = []
      performance.clearMarks('redress:register-rendered')
    })
    await search.pressSequentially(query, { delay: 120 })
    await page.waitForTimeout(400)
    const measured = await page.evaluate(() => {
      const marks = performance.getEntriesByName('redress:register-rendered')
      return window.__benchInputs.map(({ value, at }) => {
        const mark = marks.find((m) => m.startTime >= at && m.detail?.query === value)
        return { value, ms: mark ? mark.startTime - at : null }
      })
    })
    for (const { value, ms } of measured) {
      if (ms === null) throw new Error(`No rows rendered for "${value}"`)
      latencies.push(ms)
      typed.add(value)
    }
  }
  // The bare Dexie query for the same results: a scan of the same search keys.
  const dexieSearch = await page.evaluate(
    async (values) => {
      const { db } = window.__redressHarness
      const normalize = (s) =>
        s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim()
      const times = []
      for (const value of values) {
        const terms = normalize(value).split(' ').filter(Boolean)
        const start = performance.now()
        await db.caseSummaries.filter((r) => terms.every((t) => r.search.includes(t))).toArray()
        times.push(performance.now() - start)
      }
      return times
    },
    [...typed].slice(0, 40),
  )

  const result = {
    cases: count,
    firstRowsMs: round(median(firstRows)),
    firstRowsP95Ms: round(percentile(firstRows, 95)),
    dexieFirstRowsMs: round(median(firstRowsDexie)),
    searchP95Ms: round(percentile(latencies, 95)),
    searchMedianMs: round(median(latencies)),
    keystrokes: latencies.length,
    dexieQueryP95Ms: round(percentile(dexieSearch, 95)),
    dexieQueryMedianMs: round(median(dexieSearch)),
    seedSeconds: round(seedSeconds),
  }
  console.log(
    `Time to first rows: median ${result.firstRowsMs} ms, p95 ${result.firstRowsP95Ms} ms (bare Dexie query ${result.dexieFirstRowsMs} ms)`,
  )
  console.log(
    `Search, keystroke to rows: p95 ${result.searchP95Ms} ms, median ${result.searchMedianMs} ms over ${latencies.length} keystrokes`,
  )
  console.log(
    `Bare Dexie scan for the same queries: p95 ${result.dexieQueryP95Ms} ms, median ${result.dexieQueryMedianMs} ms`,
  )
  console.log(`Targets: first rows < 300 ms, search p95 < 100 ms`)
  console.log(JSON.stringify(result))
} finally {
  await browser.close()
  harness.stop()
}
