import { createHash } from 'node:crypto'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Dexie } from 'dexie'
import { expect, launchHarness, test } from './fixtures'
import { makeTestPdf } from './media-fixtures'
import { completeFirstRun, msg } from './people'

type Dump = Record<string, unknown[]>
/** The harness exposes the page's Dexie instance (never inside Electron). */
type HarnessWindow = { __redressHarness: { db: Dexie } }

/** Every table of the page's database, rows in key order: what "identical" is checked against. */
function dumpDatabase(page: Page): Promise<Dump> {
  return page.evaluate(async () => {
    const harness = (window as unknown as HarnessWindow).__redressHarness
    const out: Record<string, unknown[]> = {}
    for (const table of harness.db.tables) out[table.name] = await table.orderBy(':id').toArray()
    return out
  })
}

/** The vault's files by name, each with the SHA-256 of its bytes. */
function vaultFiles(dataDir: string): Record<string, string> {
  const store = join(dataDir, 'vault', 'sha256')
  const out: Record<string, string> = {}
  for (const shard of readdirSync(store)) {
    for (const name of readdirSync(join(store, shard))) {
      out[name] = createHash('sha256')
        .update(readFileSync(join(store, shard, name)))
        .digest('hex')
    }
  }
  return out
}

test('a backup moves every case, evidence file and audit entry to another computer identically; damaged backups are refused; an emptied database is noticed and restored', async ({
  page,
  harness,
  browser,
}) => {
  test.setTimeout(240_000)
  const work = mkdtempSync(join(tmpdir(), 'redress-backup-e2e-'))
  const backupPath = join(work, 'camille-backup.zip')
  const other = await launchHarness()
  try {
    let before: Dump = {}
    let filesBefore: Record<string, string> = {}

    await test.step('first computer: sample cases, one evidence file added, backed up to a file', async () => {
      await page.goto(harness.url)
      await completeFirstRun(page, { samples: true })
      await page.getByRole('table', { name: 'Case register' }).getByRole('link').first().click()
      const panel = page.getByRole('region', { name: 'Evidence' })
      await harness.answerNextDialog({ kind: 'open', paths: [makeTestPdf()] })
      await panel.getByRole('button', { name: 'Add files' }).click()
      await expect(
        panel.getByRole('table', { name: 'Evidence' }).getByRole('button', { name: 'contract-test.pdf' }),
      ).toBeVisible()

      await page.getByRole('navigation').getByRole('link', { name: 'Backup' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Backup and restore' })).toBeVisible()
      before = await dumpDatabase(page)
      filesBefore = vaultFiles(harness.dataDir)
      expect(before['cases']).toHaveLength(36)
      expect(before['evidence']).toHaveLength(1)
      expect(Object.keys(filesBefore)).toHaveLength(1)

      await harness.answerNextDialog({ kind: 'save', path: backupPath })
      await page.getByRole('button', { name: 'Back up now…' }).click()
      await expect(page.getByText(/^Backup saved as camille-backup\.zip \(/)).toBeVisible()
      await expect(page.getByText('It holds 36 cases and 1 file from the vault.')).toBeVisible()
      await expect(page.getByText(/by hand \(camille-backup\.zip\)/)).toBeVisible()
    })

    await test.step('automatic backups go to the chosen folder as soon as one is due', async () => {
      const drive = join(work, 'external-drive')
      mkdirSync(drive)
      await harness.answerNextDialog({ kind: 'folder', path: drive })
      await page.getByRole('button', { name: 'Choose a folder…' }).click()
      await expect(page.getByText('external-drive')).toBeVisible()
      await expect(page.getByText(/^Automatic backup written: redress-backup-\d{8}T\d{6}Z\.zip\.$/)).toBeVisible({
        timeout: 20_000,
      })
      expect(readdirSync(drive)).toEqual([expect.stringMatching(/^redress-backup-\d{8}T\d{6}Z\.zip$/)])
      await page.getByLabel('Frequency').selectOption('weekly')
      await page.getByLabel('Automatic backups to keep').fill('3')
      await page.getByRole('button', { name: 'Save schedule' }).click()
      await expect(page.getByText('Saved', { exact: true })).toBeVisible()
    })

    const context = await browser.newContext({ locale: 'en-US' })
    const page2 = await context.newPage()

    await test.step('another computer, an empty profile: restored from the file, everything identical', async () => {
      await page2.goto(other.url)
      const restoreCard = page2.getByRole('region', { name: 'Moving to a new computer?' })
      await other.answerNextDialog({ kind: 'open', paths: [backupPath] })
      await restoreCard.getByRole('button', { name: 'Restore from a file…' }).click()
      const confirm = page2.getByRole('dialog', { name: 'Replace the current data with this backup?' })
      await expect(confirm.getByText(/It holds 36 cases, 1 evidence item and 1 file/)).toBeVisible()
      await confirm.getByRole('button', { name: 'Replace with this backup' }).click()

      const proof = page2.getByRole('status').filter({ hasText: 'Restore complete' })
      const audit = before['audit']?.length ?? 0
      await expect(
        proof.getByText(`Restored from camille-backup.zip: 36 cases, 1 evidence item and ${audit} audit entries.`),
      ).toBeVisible()
      await expect(proof.getByText(`all ${Object.keys(before).length} tables restored are identical`)).toBeVisible()
      expect(await dumpDatabase(page2)).toEqual(before)
      expect(vaultFiles(other.dataDir)).toEqual(filesBefore)

      // The investigator works on: the register is back, with the evidence.
      await page2.getByRole('navigation').getByRole('link', { name: 'Cases' }).click()
      await expect(page2.getByText('36 cases shown')).toBeVisible()
    })

    await test.step('a tampered backup and a truncated one are refused, and the data stays', async () => {
      const sha = Object.keys(filesBefore)[0] ?? ''
      const bytes = readFileSync(backupPath)
      const pdfAt = bytes.indexOf(Buffer.from('%PDF'))
      expect(pdfAt).toBeGreaterThan(0)
      bytes[pdfAt + 20] = (bytes[pdfAt + 20] ?? 0) ^ 0x01
      const tampered = join(work, 'tampered.zip')
      writeFileSync(tampered, bytes)
      const truncated = join(work, 'truncated.zip')
      copyFileSync(backupPath, truncated)
      truncateSync(truncated, Math.floor(bytes.length * 0.6))

      await page2.getByRole('navigation').getByRole('link', { name: 'Backup' }).click()
      const restoreCard = page2.getByRole('region', { name: 'Restore from a backup' })

      await other.answerNextDialog({ kind: 'open', paths: [tampered] })
      await restoreCard.getByRole('button', { name: 'Restore from a file…' }).click()
      const alert = restoreCard.getByRole('alert')
      await expect(alert.getByText(msg('en', 'errors.backup_tampered'))).toBeVisible()
      await expect(alert.getByText(`vault/${sha}`)).toBeVisible()
      await expect(alert.getByText('Your current data has not been changed.')).toBeVisible()

      await other.answerNextDialog({ kind: 'open', paths: [truncated] })
      await restoreCard.getByRole('button', { name: 'Restore from a file…' }).click()
      await expect(alert.getByText(msg('en', 'errors.backup_truncated'))).toBeVisible()
      await expect(page2.getByRole('dialog')).toHaveCount(0)
      expect(await dumpDatabase(page2)).toEqual(before)
    })
    await context.close()

    await test.step('the first computer’s database comes back empty: the app says so and restores the latest backup', async () => {
      // What Chromium does to a corrupt IndexedDB: discards it; the app reopens on an empty one.
      await page.evaluate(async () => {
        const harness = (window as unknown as HarnessWindow).__redressHarness
        await harness.db.delete()
      })
      await page.reload()
      const alert = page.getByRole('alert').filter({ hasText: 'The case database came back empty' })
      await expect(alert.getByText(/Redress last counted 36 cases on this computer/)).toBeVisible()
      await expect(
        page.getByText(/^Latest backup: redress-backup-\d{8}T\d{6}Z\.zip, made on .*, with 36 cases\.$/),
      ).toBeVisible()
      await page.getByRole('button', { name: 'Restore the latest backup' }).click()
      await page
        .getByRole('dialog', { name: 'Replace the current data with this backup?' })
        .getByRole('button', { name: 'Replace with this backup' })
        .click()
      await expect(page.getByRole('heading', { name: 'Restore complete' })).toBeVisible()
      const after = await dumpDatabase(page)
      expect(after).toEqual(before)
    })
  } finally {
    other.stop()
    rmSync(work, { recursive: true, force: true })
  }
})
