import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { makeTestVideo } from './media-fixtures'
import { completeFirstRun, msg, takeComplaintIn } from './people'

/** Screenshots for a person to look at, when REDRESS_SHOTS names a folder (not part of the assertions). */
async function shot(page: Page, name: string, dark = false): Promise<void> {
  const dir = process.env['REDRESS_SHOTS']
  if (!dir) return
  if (dark) await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
  if (dark) await page.emulateMedia({ colorScheme: 'light' })
}

const vi = (key: string, vars: Record<string, string | number> = {}): string => msg('vi', key, vars)

test('a Vietnamese investigator hears both sides, compares retellings and accounts, and settles a discrepancy with evidence', async ({
  page,
  harness,
}) => {
  test.setTimeout(150_000)
  const video = makeTestVideo()
  await page.goto(harness.url)
  await completeFirstRun(page, { language: 'vi', name: 'Nguyễn Thị Lan', prefix: 'HN' })

  // A new complaint, taken in and triaged for investigation.
  await takeComplaintIn(page, 'vi', {
    customer: 'Trần Văn Minh',
    phone: '+84 912 345 678',
    address: '12 Phố Huế, Hai Bà Trưng, Hà Nội',
    eventDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
    complaint: 'Máy giặt được giao trễ hai tiếng và thùng hàng bị để ngoài trời mưa trước cửa nhà tôi.',
    remedy: 'Kiểm tra máy giặt và bồi thường.',
    category: 'delivery',
    triageReason: 'Khiếu nại về giao hàng cần điều tra với nhân viên giao hàng.',
  })

  // The interview video goes into the case's evidence.
  const evidence = page.getByRole('region', { name: vi('evidence.title') })
  await harness.answerNextDialog({ kind: 'open', paths: [video] })
  await evidence.getByRole('button', { name: vi('evidence.add') }).click()
  await expect(evidence.getByRole('button', { name: 'interview-test.webm', exact: true })).toBeVisible({
    timeout: 20_000,
  })

  // The complainant and a staff witness.
  const parties = page.getByRole('region', { name: vi('parties.title') })
  const addPerson = async (role: string, name: string, relation: string): Promise<void> => {
    await parties.getByRole('button', { name: vi('parties.add') }).click()
    const form = parties.getByRole('form', { name: vi('parties.addTitle') })
    await form.getByRole('combobox', { name: vi('parties.fields.role') }).selectOption(role)
    await form.getByLabel(vi('parties.fields.name')).fill(name)
    await form.getByLabel(vi('parties.fields.relation')).fill(relation)
    await form.getByRole('button', { name: vi('parties.save') }).click()
    await expect(parties.getByText(name, { exact: true })).toBeVisible()
  }
  await addPerson('complainant', 'Trần Văn Minh', 'Khách hàng nhận hàng')
  await addPerson('staff', 'Lê Thị Hoa', 'Nhân viên giao hàng ca chiều')

  // A credibility assessment, factor by factor, never a score.
  await parties.getByText(vi('parties.credibility.title', { name: 'Lê Thị Hoa' })).click()
  const credibility = parties.getByRole('form', { name: vi('parties.credibility.title', { name: 'Lê Thị Hoa' }) })
  const motive = vi('parties.credibility.factors.motive')
  await credibility
    .getByRole('combobox', { name: vi('parties.credibility.findingFor', { factor: motive }) })
    .selectOption('concern')
  await credibility
    .getByLabel(vi('parties.credibility.noteFor', { factor: motive }))
    .fill('Có thể bị kỷ luật nếu giao trễ')
  await credibility.getByRole('button', { name: vi('parties.credibility.save') }).click()
  await expect(credibility.getByText(vi('parties.credibility.saved'))).toBeVisible()
  await shot(page, 'parties-vi')

  // An interview with the complainant, in Vietnamese, on the video.
  const interviews = page.getByRole('region', { name: vi('interviews.title') })
  await interviews.getByRole('button', { name: vi('interviews.add') }).click()
  const newInterview = interviews.getByRole('form', { name: vi('interviews.addTitle') })
  await newInterview
    .getByRole('combobox', { name: vi('interviews.fields.party') })
    .selectOption({ label: `Trần Văn Minh (${vi('parties.roles.complainant')})` })
  await newInterview.getByLabel(vi('interviews.fields.place')).fill('Văn phòng Hà Nội')
  await newInterview.getByRole('combobox', { name: vi('interviews.fields.language') }).selectOption('vi')
  await newInterview.getByRole('checkbox', { name: 'interview-test.webm' }).check()
  await newInterview.getByRole('button', { name: vi('interviews.create') }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: vi('interviews.pageTitle', { name: 'Trần Văn Minh' }) }),
  ).toBeVisible()

  // The coach flags a leading question and rewrites it as an open one.
  const exchange = page.getByRole('form', { name: vi('interviews.addExchange') })
  const question = exchange.getByLabel(vi('interviews.question'))
  await question.fill('Có đúng là nhân viên giao hàng đến lúc 14 giờ không?')
  const coach = exchange.getByRole('status')
  await expect(coach.getByText(vi('interviews.coachHeading'))).toBeVisible()
  await expect(coach.getByText(vi('coach.kinds.leading')).first()).toBeVisible()
  await shot(page, 'interview-coach-vi')
  await coach.getByRole('button', { name: vi('coach.useSuggestion') }).click()
  const rewritten = await question.inputValue()
  expect(rewritten).not.toMatch(/có đúng là/i)
  expect(rewritten).toContain('nhân viên giao hàng đến lúc 14 giờ')
  await expect(coach.getByText(vi('interviews.coachHeading'))).toHaveCount(0)

  // The answer is tied to 00:12 of the video; clicking the time moves the player there.
  await exchange.getByLabel(vi('interviews.answer')).fill('Hàng đến lúc 16 giờ, trễ hai tiếng so với hẹn.')
  await exchange.getByLabel(vi('interviews.answerTime')).fill('00:12')
  await exchange.getByRole('button', { name: vi('interviews.addToRecord') }).click()
  const timeLink = page.getByRole('button', {
    name: vi('interviews.playFrom', { time: '00:12', name: 'interview-test.webm' }),
  })
  await expect(timeLink).toBeVisible()
  await shot(page, 'interview-exchange-vi-dark', true)
  const player = page.locator('video')
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(29)
  await timeLink.click()
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime))).toBe(12)

  // Back to the case: the complainant's account, then the staff account.
  await page
    .getByRole('navigation', { name: vi('caseView.breadcrumb') })
    .getByRole('link')
    .nth(1)
    .click()
  const accounts = page.getByRole('region', { name: vi('accounts.title') })
  const writeAccount = async (party: string, role: string, title: string, text: string): Promise<void> => {
    await accounts.getByRole('button', { name: vi('accounts.add') }).click()
    const form = accounts.getByRole('form', { name: vi('accounts.addTitle') })
    await form
      .getByRole('combobox', { name: vi('accounts.fields.party') })
      .selectOption({ label: `${party} (${vi(`parties.roles.${role}`)})` })
    await form.getByLabel(vi('accounts.fields.title')).fill(title)
    await form.getByLabel(vi('accounts.fields.text')).fill(text)
    await form.getByRole('button', { name: vi('accounts.create') }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: vi('accounts.pageTitle', { title, name: party }) }),
    ).toBeVisible()
  }
  await writeAccount(
    'Trần Văn Minh',
    'complainant',
    'Việc giao máy giặt',
    'Tôi đợi ở nhà cả buổi chiều. Nhân viên giao hàng đến lúc 16 giờ và để thùng hàng trước cửa.',
  )
  await markClaim(page, 'đến lúc 16 giờ', 'Giờ giao hàng')
  await markClaim(page, 'để thùng hàng trước cửa', 'Nơi để hàng')

  // The complainant retells it with one detail changed: a new telling, the first kept.
  await page.getByRole('button', { name: vi('accounts.retell') }).click()
  const retell = page.getByRole('form', { name: vi('accounts.retellTitle') })
  const text = retell.getByLabel(vi('accounts.fields.text'))
  await text.fill((await text.inputValue()).replace('16 giờ', '17 giờ'))
  await retell.getByRole('button', { name: vi('accounts.saveRetelling') }).click()
  await expect(page.getByText(vi('accounts.tellingCount', { count: 2 }))).toBeVisible()
  // The unchanged passage keeps its claim in the retelling; the changed time is marked again.
  const claims = page.getByRole('region', { name: vi('claims.title') })
  await expect(claims.getByText('để thùng hàng trước cửa', { exact: true })).toBeVisible()
  await expect(claims.getByText('đến lúc 16 giờ', { exact: true })).toHaveCount(0)
  await markClaim(page, 'đến lúc 17 giờ', 'Giờ giao hàng')

  // Comparing the two tellings highlights the changed words.
  await page.getByRole('link', { name: vi('accounts.compareWithPrevious', { n: 2, previous: 1 }) }).click()
  await expect(page.getByRole('heading', { level: 1, name: vi('compare.title') })).toBeVisible()
  await expect(page.locator('del.diff-removed', { hasText: '16' })).toBeVisible()
  await expect(page.locator('ins.diff-added', { hasText: '17' })).toBeVisible()
  await shot(page, 'compare-retelling-vi')
  await expect(page.getByRole('status').filter({ hasText: vi('compare.words', { count: 1 }) })).toBeVisible()

  // The staff account, with a claim on the same topic.
  await page
    .getByRole('navigation', { name: vi('caseView.breadcrumb') })
    .getByRole('link')
    .nth(1)
    .click()
  await writeAccount(
    'Lê Thị Hoa',
    'staff',
    'Tường trình của nhân viên giao hàng',
    'Tôi giao máy giặt lúc 14 giờ và khách hàng đã ký nhận.',
  )
  await markClaim(page, 'lúc 14 giờ', 'giờ giao hàng', { recording: 'interview-test.webm', at: '00:20' })
  // The claim points into the recording: clicking it plays from that moment.
  await page
    .getByRole('button', { name: vi('claims.linkedRecording', { name: 'interview-test.webm', time: '00:20' }) })
    .click()
  const claimPlayer = page.locator('video')
  await expect
    .poll(() => claimPlayer.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime)))
    .toBeGreaterThanOrEqual(20)

  // Side by side: the claims line up by topic and conflict; the conflict becomes a discrepancy.
  await page
    .getByRole('navigation', { name: vi('caseView.breadcrumb') })
    .getByRole('link')
    .nth(1)
    .click()
  await page
    .getByRole('region', { name: vi('accounts.title') })
    .getByRole('link', { name: vi('accounts.compare') })
    .click()
  const pickers = page.getByRole('group', { name: vi('compare.choose') })
  const optionFor = async (name: string): Promise<string> =>
    (await pickers.getByRole('option').filter({ hasText: name }).last().getAttribute('value')) ?? ''
  await pickers.getByRole('combobox', { name: vi('compare.left') }).selectOption(await optionFor('Trần Văn Minh'))
  await pickers.getByRole('combobox', { name: vi('compare.right') }).selectOption(await optionFor('Lê Thị Hoa'))
  const row = page.getByRole('row', { name: /Giờ giao hàng/ })
  await expect(row.getByText(vi('compare.states.conflict'), { exact: true })).toBeVisible()
  await expect(row.getByText('đến lúc 17 giờ')).toBeVisible()
  await expect(row.getByText('lúc 14 giờ')).toBeVisible()
  await expect(
    page.getByRole('row', { name: /Nơi để hàng/ }).getByText(vi('compare.states.only_a'), { exact: true }),
  ).toBeVisible()
  await shot(page, 'compare-claims-vi-dark', true)
  await row.getByRole('button', { name: vi('compare.toDiscrepancy') }).click()
  const record = row.getByRole('form', { name: vi('compare.recordDiscrepancyFor', { topic: 'Giờ giao hàng' }) })
  await record.getByLabel(vi('compare.discrepancyNote')).fill('Kiểm tra video giao hàng')
  await record.getByRole('button', { name: vi('compare.recordDiscrepancy') }).click()
  await expect(
    row.getByText(vi('compare.discrepancyRecorded', { status: vi('compare.discrepancyStatus.open') })),
  ).toBeVisible()

  // In the case's findings: resolve it with the video; the fact register shows the confirmed fact.
  await page
    .getByRole('navigation', { name: vi('caseView.breadcrumb') })
    .getByRole('link')
    .nth(1)
    .click()
  await resolveWithEvidence(page)

  // The chronology tells the investigation's story too.
  const chronology = page.getByRole('region', { name: vi('chronology.title') })
  await expect(chronology.getByText(vi('chronology.interviewed', { name: 'Trần Văn Minh' }))).toBeVisible()
  await expect(
    chronology.getByText(vi('chronology.told', { name: 'Trần Văn Minh', title: 'Việc giao máy giặt', n: 2 })),
  ).toBeVisible()
  await expect(chronology.getByText(vi('chronology.settled', { topic: 'Giờ giao hàng' }))).toBeVisible()
  if (process.env['REDRESS_SHOTS']) {
    for (const [name, key] of [
      ['findings-vi', 'findings.title'],
      ['parties-section-vi', 'parties.title'],
      ['accounts-section-vi', 'accounts.title'],
    ] as const)
      await page
        .getByRole('region', { name: vi(key), exact: true })
        .screenshot({ path: `${process.env['REDRESS_SHOTS']}/${name}.png` })
  }
})

/** Marks a passage of the telling shown as a claim on a topic. */
async function markClaim(
  page: Page,
  passage: string,
  topic: string,
  link?: { recording: string; at: string },
): Promise<void> {
  const form = page.getByRole('form', { name: vi('claims.addTitle') })
  await form.getByLabel(vi('claims.passage')).fill(passage)
  await form.getByLabel(vi('claims.topic')).fill(topic)
  if (link) {
    await form.getByRole('radio', { name: vi('claims.linkKinds.recording') }).check()
    await form.getByRole('combobox', { name: vi('claims.recording') }).selectOption({ label: link.recording })
    await form.getByRole('textbox', { name: vi('interviews.answerTime') }).fill(link.at)
  }
  await form.getByRole('button', { name: vi('claims.add') }).click()
  await expect(page.getByRole('region', { name: vi('claims.title') }).getByText(passage, { exact: true })).toBeVisible()
}

async function resolveWithEvidence(page: Page): Promise<void> {
  const log = page.getByRole('region', { name: vi('findings.discrepancies.title') })
  const entry = log.getByRole('article', { name: 'Giờ giao hàng' })
  await expect(entry.getByText('Kiểm tra video giao hàng')).toBeVisible()
  await entry.getByRole('button', { name: vi('findings.discrepancies.resolve') }).click()
  const form = entry.getByRole('form', { name: vi('findings.resolve.formName', { topic: 'Giờ giao hàng' }) })
  await form.getByRole('radio', { name: vi('findings.resolve.kinds.evidence') }).check()
  await form
    .getByRole('combobox', { name: vi('findings.resolve.evidence') })
    .selectOption({ label: 'interview-test.webm' })
  await form.getByRole('radio', { name: vi('findings.resolve.sideA', { party: 'Trần Văn Minh' }) }).check()
  await form.getByLabel(vi('findings.resolve.how')).fill('Video cho thấy hàng được giao lúc 17 giờ 05.')
  await form.getByLabel(vi('findings.resolve.fact')).fill('Hàng được giao lúc 17 giờ 05')
  await form.getByRole('button', { name: vi('findings.resolve.submit') }).click()
  await expect(page.getByText(vi('findings.discrepancies.resolvedMessage'))).toBeVisible()
  await expect(entry.getByText(vi('findings.discrepancies.status.resolved'), { exact: true }).first()).toBeVisible()

  // The fact register shows it confirmed, resting on the video and linked to the complainant's account.
  const facts = page.getByRole('table', { name: vi('findings.facts.caption') })
  const fact = facts.getByRole('row').filter({ hasText: 'Hàng được giao lúc 17 giờ 05' })
  await expect(fact.getByText(vi('findings.facts.statuses.confirmed'), { exact: true })).toBeVisible()
  await expect(fact.getByText(/interview-test\.webm/)).toBeVisible()
}
