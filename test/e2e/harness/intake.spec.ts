import { expect, test } from './fixtures'
import { completeFirstRun, msg, sign } from './people'

const fr = (key: string, vars?: Record<string, string | number>): string => msg('fr', key, vars)

test('a French investigator takes a complaint in, triages it as major with escalation, acknowledges it and finds it again', async ({
  page,
  harness,
}) => {
  test.setTimeout(90_000)
  await page.goto(harness.url)
  await completeFirstRun(page, { language: 'fr', name: 'Camille Roux', prefix: 'LYON' })

  await page
    .getByRole('main')
    .getByRole('link', { name: fr('cases.newComplaint') })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1, name: fr('intake.title') })).toBeVisible()

  // Sending an empty form is refused, with the list of what is missing.
  await page.getByRole('button', { name: fr('intake.submit') }).click()
  const summary = page.getByRole('alert').filter({ hasText: fr('intake.incompleteBody') })
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('link', { name: fr('intake.fields.customer.name') })).toBeVisible()
  await expect(summary.getByRole('link', { name: fr('intake.fields.signature') })).toBeVisible()

  // Part of the form, then a reload: the draft comes back.
  await page.getByLabel(fr('intake.fields.customer.name')).fill('Élodie Marchand')
  await page.getByLabel(fr('intake.fields.customer.address')).fill('12 rue de la République\n69002 Lyon')
  await page.getByRole('textbox', { name: fr('intake.fields.customer.phone') }).fill('+33 6 12 34 56 78')
  await expect(page.getByText(fr('intake.saved'))).toBeVisible()
  await page.reload()
  await expect(page.getByLabel(fr('intake.fields.customer.name'))).toHaveValue('Élodie Marchand')
  await expect(page.getByRole('textbox', { name: fr('intake.fields.customer.phone') })).toHaveValue('+33 6 12 34 56 78')

  await page.getByRole('radio', { name: fr('channel.in_person') }).check()
  await page.getByLabel(fr('intake.fields.eventDate.value')).fill('2026-11-20')
  await page
    .getByLabel(fr('intake.fields.complaint'))
    .fill(
      'Le radiateur acheté la semaine dernière a surchauffé et a fait fondre la prise murale. J’ai eu très peur pour mes enfants.',
    )
  await page.getByLabel(fr('intake.fields.remedy')).fill('Remboursement du radiateur et réparation de la prise.')

  // Still not complete: the signature is missing, and nothing typed is lost.
  await page.getByRole('button', { name: fr('intake.submit') }).click()
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('listitem')).toHaveCount(1)
  await expect(summary.getByRole('link', { name: fr('intake.fields.signature') })).toBeVisible()
  await expect(page.getByLabel(fr('intake.fields.customer.name'))).toHaveValue('Élodie Marchand')

  await sign(page.getByRole('img', { name: fr('intake.fields.signature') }), page)
  await expect(page.getByText(fr('intake.signature.signed'), { exact: true })).toBeVisible()
  await page.getByRole('button', { name: fr('intake.submit') }).click()

  // The case exists, with its reference, and waits for triage.
  const year = new Date().getFullYear()
  await expect(page.getByRole('heading', { level: 1, name: `LYON-${year}-0001 · Élodie Marchand` })).toBeVisible()
  await expect(page.getByText(fr('status.triage'), { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('img', { name: fr('caseView.signatureAlt', { name: 'Élodie Marchand' }) })).toBeVisible()

  // Triage: investigate, safety makes it major, escalate to a manager.
  const triage = page.getByRole('form', { name: fr('triage.title') })
  await triage.getByRole('radio', { name: fr('triage.decisions.investigate') }).check()
  await triage.getByLabel(fr('triage.category')).selectOption({ label: fr('category.safety') })
  await triage.getByLabel(fr('triage.reason')).fill('Risque d’incendie signalé : produit potentiellement dangereux.')
  await triage.getByRole('checkbox', { name: fr('triage.criteria.safety') }).check()
  await expect(triage.getByRole('radio', { name: fr('severity.major') })).toBeChecked()
  const target = fr('triage.targets.manager')
  await triage.getByRole('checkbox', { name: fr('triage.escalateTo', { to: target }) }).check()
  await triage.getByLabel(fr('triage.escalationReason', { to: target })).fill('Sécurité des clients en jeu.')
  await triage.getByRole('button', { name: fr('triage.save') }).click()

  await expect(page.getByText(fr('status.investigation'), { exact: true }).first()).toBeVisible()
  await expect(
    page.getByRole('region', { name: fr('triage.title') }).getByText(fr('triage.escalatedTo', { to: target })),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: fr('chronology.title') }).getByText(fr('triage.escalatedTo', { to: target })),
  ).toBeVisible()

  // Acknowledge the customer: the 24-hour clock stops.
  const comms = page.getByRole('form', { name: fr('communications.add') })
  await comms.getByLabel(fr('communications.kind')).selectOption('acknowledgement')
  await comms
    .getByLabel(fr('communications.content'))
    .fill('Appel à la cliente : réclamation bien reçue, enquête ouverte.')
  await comms.getByRole('button', { name: fr('communications.record') }).click()
  await expect(
    page
      .getByRole('region', { name: fr('communications.title') })
      .getByRole('listitem')
      .filter({ hasText: 'réclamation bien reçue' }),
  ).toBeVisible()
  const slaCard = page.getByRole('region', { name: fr('sla.title') })
  await expect(slaCard.getByText(fr('sla.flag.met'))).toBeVisible()

  // Back in the register, typing the name without accents finds the case.
  await page
    .getByRole('navigation', { name: fr('nav.label') })
    .getByRole('link', { name: fr('nav.cases') })
    .click()
  await page.getByLabel(fr('cases.search')).fill('elodie marchand')
  const register = page.getByRole('table', { name: fr('cases.tableLabel') })
  await expect(register.getByRole('link', { name: `LYON-${year}-0001` })).toBeVisible()
  await register.getByRole('link', { name: `LYON-${year}-0001` }).click()

  // Its history: who did what, in an intact chain.
  const history = page.getByRole('region', { name: fr('history.title') })
  await expect(history.getByText(fr('history.chainOk', { count: 5 }))).toBeVisible()
  await expect(history.getByText('Camille Roux').first()).toBeVisible()
  await expect(history.getByText('status: triage → investigation')).toBeVisible()
})

test('the register finds cases accent- and case-insensitively, filters, and remembers its columns', async ({
  page,
  harness,
}) => {
  await page.goto(harness.url)
  await completeFirstRun(page, { samples: true })
  const register = page.getByRole('table', { name: 'Case register' })
  await expect(register.getByRole('row')).not.toHaveCount(1)
  await expect(page.getByText('36 cases shown')).toBeVisible()

  // Filter by status: every row shown has it.
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('closed')
  const shown = Number((await page.getByText(/cases? shown/).textContent())?.match(/\d+/)?.[0])
  expect(shown).toBeGreaterThan(0)
  expect(shown).toBeLessThan(36)
  await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('')

  // Hide a column and move another; both survive a reload.
  await page.getByText('Columns').click()
  await page.getByRole('checkbox', { name: 'Department' }).uncheck()
  await page.getByRole('button', { name: 'Move Severity earlier' }).click()
  await expect(register.getByRole('columnheader', { name: 'Department' })).toHaveCount(0)
  const headers = async (): Promise<string[]> =>
    (await register.getByRole('columnheader').allTextContents()).map((h) => h.trim())
  const before = await headers()
  expect(before.indexOf('Severity')).toBeLessThan(before.indexOf('Status'))
  await page.reload()
  await expect(register.getByRole('columnheader', { name: 'Department' })).toHaveCount(0)
  await expect.poll(headers).toEqual(before)
})
