/* global window, location */
// npm run bench:compare — the investigation at realistic size, in Chromium through Playwright.
// One case with 20 parties, each with an account told twice (about 3,000 words a telling)
// and 15 claims per telling on shared topics. Measures, from a navigation until the content
// is on screen: the case page, an account page, the word-level comparison of two
// retellings, and the alignment of two parties' claims. Reference in the same run: the
// same four screens for a case with one short account. Ends with one JSON line.
// Usage: npm run bench:compare [-- --runs 5]
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { firstRunWithSamples, median, round, startHarness } from './bench-harness.mjs'
import { chromiumArgs, chromiumExecutable } from './chromium.mjs'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const runs = Number(values.runs)

const harness = await startHarness()
const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.setDefaultTimeout(120_000)
  await firstRunWithSamples(page, harness.url, 2)

  // Two cases: a large investigation and a small one, written straight into the database.
  const ids = await page.evaluate(
    async ({ accounts, words }) => {
      const db = window.__redressHarness.db
      const cases = await db.cases.toArray()
      const vocabulary =
        'the driver arrived at door parcel customer said clerk receipt time afternoon morning box wet damaged signed phone called waited hours store manager refund delivery late early street building floor neighbour saw heard told asked answered'.split(
          ' ',
        )
      let seed = 7
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
      const text = (n) =>
        Array.from(
          { length: n },
          (_, i) => vocabulary[Math.floor(rand() * vocabulary.length)] + (i % 17 === 16 ? '.' : ''),
        )
          .join(' ')
          .replace(/(^|\. )(\w)/g, (_m, p, c) => p + c.toUpperCase())
      const now = new Date().toISOString()
      const stamp = { createdAt: now, createdBy: 'Bench', updatedAt: now }
      const fill = async (record, accountCount, wordCount) => {
        const result = []
        for (let a = 0; a < accountCount; a++) {
          const partyId = crypto.randomUUID()
          const accountId = crypto.randomUUID()
          await db.parties.add({
            id: partyId,
            caseId: record.id,
            role: a === 0 ? 'complainant' : 'witness',
            name: `Person ${a + 1}`,
            phone: '',
            email: '',
            address: '',
            relation: '',
            credibility: Object.fromEntries(
              ['corroboration', 'consistency', 'plausibility', 'motive', 'omissions'].map((f) => [
                f,
                { finding: 'not_assessed', note: '' },
              ]),
            ),
            ...stamp,
          })
          await db.accounts.add({
            id: accountId,
            caseId: record.id,
            partyId,
            title: `Account ${a + 1}`,
            createdAt: now,
            createdBy: 'Bench',
          })
          const first = text(wordCount)
          // The retelling changes about one word in fifty.
          const second = first
            .split(' ')
            .map((w, i) => (i % 50 === 25 ? vocabulary[(i * 7) % vocabulary.length] : w))
            .join(' ')
          const versions = []
          for (const [n, body] of [
            [1, first],
            [2, second],
          ]) {
            const versionId = crypto.randomUUID()
            versions.push(versionId)
            await db.accountVersions.add({
              id: versionId,
              accountId,
              caseId: record.id,
              n,
              toldAt: now.slice(0, 10),
              source: 'written',
              interviewId: null,
              text: body,
              createdAt: now,
              createdBy: 'Bench',
            })
            const claims = []
            for (let c = 0; c < Math.min(15, Math.floor(wordCount / 20)); c++) {
              const start = Math.floor((body.length / 15) * c)
              const end = Math.min(body.length, start + 40)
              claims.push({
                id: crypto.randomUUID(),
                caseId: record.id,
                accountId,
                versionId,
                start,
                end,
                quote: body.slice(start, end),
                topic: `Topic ${c + 1}`,
                topicKey: `topic ${c + 1}`,
                link: null,
                createdAt: now,
                createdBy: 'Bench',
              })
            }
            await db.claims.bulkAdd(claims)
          }
          result.push({ accountId, versions })
        }
        return result
      }
      const large = await fill(cases[0], accounts, words)
      const small = await fill(cases[1], 2, 100)
      return { large: { caseId: cases[0].id, accounts: large }, small: { caseId: cases[1].id, accounts: small } }
    },
    { accounts: 20, words: 3000 },
  )

  const measure = async (hash, ready) => {
    await page.evaluate(() => (location.hash = '#/settings'))
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    const start = Date.now()
    await page.evaluate((h) => (location.hash = h), hash)
    await ready()
    return Date.now() - start
  }
  const screens = (set, accountCount) => ({
    casePage: () =>
      measure(`#/cases/${set.caseId}`, () =>
        page.getByRole('region', { name: 'Accounts' }).getByRole('row').nth(accountCount).waitFor(),
      ),
    accountPage: () =>
      measure(`#/cases/${set.caseId}/accounts/${set.accounts[0].accountId}`, () =>
        page.getByRole('region', { name: 'Claims' }).getByRole('listitem').first().waitFor(),
      ),
    retellingDiff: () =>
      measure(`#/cases/${set.caseId}/compare?a=${set.accounts[0].versions[0]}&b=${set.accounts[0].versions[1]}`, () =>
        page.locator('ins.diff-added').first().waitFor(),
      ),
    claimsAlignment: () =>
      measure(`#/cases/${set.caseId}/compare?a=${set.accounts[0].versions[1]}&b=${set.accounts[1].versions[1]}`, () =>
        page.getByRole('rowheader', { name: /Topic/ }).first().waitFor(),
      ),
  })
  const result = {}
  for (const [label, set, accountCount] of [
    ['small', ids.small, 2],
    ['large', ids.large, 20],
  ]) {
    for (const [name, run] of Object.entries(screens(set, accountCount))) {
      const times = []
      for (let i = 0; i < runs; i++) times.push(await run())
      result[`${name}${label === 'large' ? 'Ms' : 'RefMs'}`] = round(median(times))
    }
  }
  const worst = Math.max(result.casePageMs, result.accountPageMs, result.retellingDiffMs, result.claimsAlignmentMs)
  console.log(`Twenty accounts of about 3,000 words, two tellings each (median of ${runs}):`)
  for (const name of ['casePage', 'accountPage', 'retellingDiff', 'claimsAlignment'])
    console.log(`  ${name}: ${result[`${name}Ms`]} ms (one short account: ${result[`${name}RefMs`]} ms)`)
  console.log(
    JSON.stringify({ accounts: 20, wordsPerTelling: 3000, ...result, worstMs: worst, target: 'each under 1000 ms' }),
  )
} finally {
  await browser.close()
  harness.stop()
}
