import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { expect, test } from './fixtures'
import { makeTestPdf, makeTestVideo } from './media-fixtures'
import { completeFirstRun } from './people'

test('an investigator attaches a video and a PDF, plays and seeks, bookmarks, reads the PDF, sees the chronology and re-verifies', async ({
  page,
  harness,
}) => {
  test.setTimeout(120_000)
  const video = makeTestVideo()
  const pdf = makeTestPdf()
  const mediaStatuses: number[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/media/')) mediaStatuses.push(response.status())
  })

  await page.goto(harness.url)
  await completeFirstRun(page, { samples: true })
  await page.getByRole('table', { name: 'Case register' }).getByRole('link').first().click()
  const panel = page.getByRole('region', { name: 'Evidence' })
  await expect(panel.getByText(/No evidence yet/)).toBeVisible()

  // Dropping files needs their paths, which only the desktop app can read: the harness says so.
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(new File(['dropped'], 'dropped.txt', { type: 'text/plain' }))
    return data
  })
  await panel.dispatchEvent('dragover', { dataTransfer: transfer })
  await panel.dispatchEvent('drop', { dataTransfer: transfer })
  await expect(panel.getByText(/Dropping files works in the desktop app/)).toBeVisible()

  // The user picks both files in the native dialog.
  await harness.answerNextDialog({ kind: 'open', paths: [video, pdf] })
  await panel.getByRole('button', { name: 'Add files' }).click()
  await expect(panel.getByRole('progressbar', { name: 'Adding interview-test.webm' })).toBeVisible()
  const items = panel.getByRole('table', { name: 'Evidence' })
  await expect(items.getByRole('button', { name: 'interview-test.webm' })).toBeVisible()
  await expect(items.getByRole('button', { name: 'contract-test.pdf' })).toBeVisible()
  await expect(items.getByText('video/webm')).toBeVisible()
  await expect(items.getByText('application/pdf')).toBeVisible()

  // Play the video and seek to the middle: the vault answers with byte ranges.
  await items.getByRole('button', { name: 'interview-test.webm' }).click()
  const player = panel.locator('video')
  await expect(player).toBeVisible()
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(29)
  await player.evaluate((v: HTMLVideoElement) => {
    v.currentTime = v.duration / 2
  })
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime))).toBe(15)
  expect(mediaStatuses).toContain(206)

  await panel.getByLabel(/Bookmark note/i).fill('Customer shows the receipt')
  await panel.getByRole('button', { name: /Add bookmark at 00:15/ }).click()
  await expect(panel.getByRole('button', { name: /00:15.*Customer shows the receipt/ })).toBeVisible()

  await panel.getByRole('button', { name: 'Re-verify' }).click()
  await expect(panel.getByText(/Verified intact on/)).toBeVisible()
  const custody = panel.getByRole('list', { name: 'Chain of custody' })
  for (const step of ['Received', 'Ingested', 'Viewed', 'Verified'])
    await expect(custody.getByText(step, { exact: true })).toBeVisible()

  // The PDF renders inside the app.
  await items.getByRole('button', { name: 'contract-test.pdf' }).click()
  await expect(panel.locator('canvas').first()).toBeVisible()
  await expect(panel.getByText(/1\s*\/\s*1|1 of 1/)).toBeVisible()
  await panel.getByRole('button', { name: 'Re-verify' }).click()
  await expect(panel.getByText(/Verified intact on/)).toBeVisible()

  // Both appear in the chronology.
  const chronology = page.getByRole('region', { name: 'Chronology' })
  await expect(chronology.getByText('interview-test.webm added to the case')).toBeVisible()
  await expect(chronology.getByText('contract-test.pdf added to the case')).toBeVisible()
  await expect(chronology.getByText('The event complained about')).toBeVisible()

  // A type the app cannot show opens in the system's application, after a confirmation.
  const odt = join(dirname(pdf), 'statement-test.odt')
  // Bytes no detector recognises, and not text either.
  writeFileSync(odt, Buffer.from([0x00, 0x9f, 0x92, 0x96, 0xfe, 0x01, 0x02, 0xc3, 0x28, 0x00, 0xff, 0x7f]))
  await harness.answerNextDialog({ kind: 'open', paths: [odt] })
  await panel.getByRole('button', { name: 'Add files' }).click()
  await expect(panel.getByText('This type cannot be shown in Redress')).toBeVisible()
  await panel.getByRole('button', { name: "Open with the system's application" }).click()
  const confirm = page.getByRole('dialog', { name: 'Open “statement-test.odt” outside Redress?' })
  await confirm.getByRole('button', { name: 'Open', exact: true }).click()
  await expect
    .poll(async () => {
      const response = await fetch(`${harness.origin}/__harness/opened`, {
        headers: { authorization: `Bearer ${harness.token}` },
      })
      return ((await response.json()) as { opened: string[] }).opened.map((p) => p.split('/').at(-1))
    })
    .toEqual(['statement-test.odt'])
  await expect(custody.getByText("opened in the system's application (read-only copy)")).toBeVisible()
})
