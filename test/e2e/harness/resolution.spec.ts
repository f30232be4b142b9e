import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { completeFirstRun, msg, takeComplaintIn } from './people'

/** Screenshots for a person to look at, when REDRESS_SHOTS names a folder (not part of the assertions). */
async function shot(page: Page, area: Locator, name: string, dark = false): Promise<void> {
  const dir = process.env['REDRESS_SHOTS']
  if (!dir) return
  if (dark) await page.emulateMedia({ colorScheme: 'dark' })
  await area.screenshot({ path: `${dir}/${name}.png` })
  if (dark) await page.emulateMedia({ colorScheme: 'light' })
}

const fr = (key: string, vars: Record<string, string | number> = {}): string => msg('fr', key, vars)
const day = (offsetDays: number): string => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

test('a French handler decides a case, plans and verifies measures, and drafts the letter in the customer’s Russian', async ({
  page,
  harness,
}) => {
  test.setTimeout(150_000)
  await page.goto(harness.url)
  await completeFirstRun(page, {
    language: 'fr',
    name: 'Claire Dubois',
    organisation: 'Maison Lumière',
    prefix: 'LYON',
  })
  await takeComplaintIn(page, 'fr', {
    customer: 'Ivan Petrov',
    phone: '+33 6 12 34 56 78',
    address: '5 rue de la République, 69001 Lyon',
    eventDate: day(-5),
    complaint: 'Le colis est arrivé ouvert et la lampe était cassée.',
    remedy: 'Remboursement de la lampe.',
    category: 'delivery',
    triageReason: 'Dommage à la livraison : à vérifier avec le transporteur.',
  })
  const heading = await page.getByRole('heading', { level: 1 }).innerText()
  const reference = /LYON-\d{4}-\d{4}/.exec(heading)?.[0] ?? ''
  expect(reference).not.toBe('')

  // While investigating, the section only offers to move on, behind a confirmation.
  const resolution = page.getByRole('region', { name: fr('resolution.title') })
  await expect(resolution.getByText(fr('resolution.notYet'))).toBeVisible()
  await resolution.getByRole('button', { name: fr('resolution.move') }).click()
  const confirm = page.getByRole('dialog', { name: fr('resolution.moveConfirm') })
  await confirm.getByRole('button', { name: fr('resolution.moveYes') }).click()
  await expect(page.locator('.badges').getByText(fr('status.resolution'), { exact: true })).toBeVisible()
  await expect(resolution.getByRole('button', { name: fr('resolution.back') })).toBeVisible()

  // The decision: the company 70 %, the customer 30 % with a note; partly upheld; a 49,90 € refund.
  const decision = resolution.getByRole('form', { name: fr('resolution.decision.title') })
  await decision.getByLabel(fr('resolution.decision.shareFor', { n: 1 })).fill('70')
  await decision.getByRole('button', { name: fr('resolution.decision.addResponsible') }).click()
  await decision.getByRole('combobox', { name: fr('resolution.decision.kindFor', { n: 2 }) }).selectOption('customer')
  await decision.getByLabel(fr('resolution.decision.shareFor', { n: 2 })).fill('30')
  await decision
    .getByLabel(fr('resolution.decision.noteFor', { n: 2 }))
    .fill('A signé le bon de livraison sans vérifier le colis')
  // Saving too early shows what is missing, and keeps what was typed.
  await decision.getByRole('button', { name: fr('resolution.decision.save') }).click()
  await expect(decision.getByText(fr('intake.errors.choose')).first()).toBeVisible()
  await expect(decision.getByLabel(fr('resolution.decision.shareFor', { n: 2 }))).toHaveValue('30')
  await decision.getByRole('combobox', { name: fr('resolution.decision.rootCause') }).selectOption('process')
  await decision
    .getByLabel(fr('resolution.decision.rootCauseText'))
    .fill('Les colis fragiles ne sont pas contrôlés au départ de l’entrepôt.')
  await decision.getByRole('combobox', { name: fr('resolution.decision.outcome') }).selectOption('partly_upheld')
  await decision
    .getByLabel(fr('resolution.decision.text'))
    .fill('Nous remboursons la lampe, sans les frais de livraison.')
  await decision.getByRole('button', { name: fr('resolution.decision.addCompensation') }).click()
  await decision
    .getByRole('combobox', { name: fr('resolution.decision.compensationFor', { n: 1 }) })
    .selectOption('refund')
  await decision.getByLabel(fr('resolution.decision.amountFor', { n: 1 })).fill('49,90')
  await decision.getByLabel(fr('resolution.decision.currencyFor', { n: 1 })).fill('EUR')
  await decision.getByRole('button', { name: fr('resolution.decision.save') }).click()
  await expect(decision.getByText(fr('resolution.decision.saved'), { exact: true })).toBeVisible()

  // Two measures, one already past its due date: flagged overdue like a late case in the register.
  const plan = resolution.getByRole('region', { name: fr('resolution.plan.title') })
  const addMeasure = async (text: string, owner: string, due: string): Promise<void> => {
    await plan.getByRole('button', { name: fr('resolution.plan.add') }).click()
    const form = plan.getByRole('form', { name: fr('resolution.plan.addTitle') })
    await form.getByLabel(fr('resolution.plan.text')).fill(text)
    await form.getByLabel(fr('resolution.plan.owner')).fill(owner)
    await form.getByLabel(fr('resolution.plan.due')).fill(due)
    await form.getByRole('button', { name: fr('resolution.plan.save') }).click()
    await expect(plan.getByText(text, { exact: true })).toBeVisible()
  }
  const late = 'Former les préparateurs à l’emballage des objets fragiles'
  const soon = 'Ajouter un contrôle des colis fragiles avant expédition'
  await addMeasure(late, 'Marc Lefèvre', day(-3))
  await addMeasure(soon, 'Léa Garnier', day(14))
  const measures = plan.getByRole('list', { name: fr('resolution.plan.list') })
  const lateItem = measures.getByRole('listitem').filter({ hasText: late })
  const soonItem = measures.getByRole('listitem').filter({ hasText: soon })
  await expect(lateItem.getByText(fr('sla.flag.overdue'), { exact: true })).toBeVisible()
  await expect(soonItem.getByText(fr('sla.flag.overdue'), { exact: true })).toHaveCount(0)
  await shot(page, resolution, 'resolution-plan-fr')

  // A measure's owner changes hands before it is done.
  await soonItem.getByRole('button', { name: fr('resolution.plan.edit') }).click()
  const editForm = soonItem.getByRole('form', { name: fr('resolution.plan.editTitle', { text: soon }) })
  await editForm.getByLabel(fr('resolution.plan.owner')).fill('Paul Girard')
  await editForm.getByRole('button', { name: fr('resolution.plan.update') }).click()
  await expect(soonItem.getByText(/Responsable : Paul Girard/)).toBeVisible()

  const verify = async (item: typeof lateItem, text: string, note: string): Promise<void> => {
    await item.getByRole('button', { name: fr('resolution.plan.verify') }).click()
    const form = item.getByRole('form', { name: fr('resolution.plan.verifyTitle', { text }) })
    await form.getByLabel(fr('resolution.plan.by')).fill('Sophie Martin')
    await form.getByLabel(fr('resolution.plan.note')).fill(note)
    await form.getByRole('button', { name: fr('resolution.plan.record') }).click()
    await expect(item.getByText(note)).toBeVisible()
  }
  await verify(lateItem, late, 'Feuille d’émargement de la formation signée par les six préparateurs')
  await verify(soonItem, soon, 'Contrôle vu en place sur le poste d’expédition')
  await expect(measures.getByText(fr('sla.flag.overdue'), { exact: true })).toHaveCount(0)
  await expect(lateItem.getByText(/Sophie Martin/)).toBeVisible()

  // The letter, switched to Russian: the Russian template with the customer's name and the reference.
  const letter = resolution.getByRole('region', { name: fr('resolution.letter.title') })
  await letter.getByRole('combobox', { name: fr('resolution.letter.language') }).selectOption('ru')
  const subject = letter.getByRole('textbox', { name: fr('resolution.letter.subject') })
  const body = letter.getByRole('textbox', { name: fr('resolution.letter.body') })
  await expect(subject).toHaveValue(`Решение по вашему обращению ${reference}`)
  await expect(body).toHaveValue(/Уважаемый\(ая\) Ivan Petrov!/)
  await expect(body).toHaveValue(new RegExp(`номер ${reference}`))
  await expect(body).toHaveValue(/Nous remboursons la lampe/)
  await expect(body).toHaveValue(/49,90\s€/)
  await expect(body).toHaveValue(new RegExp(`– ${late}`))
  await expect(letter.getByText(fr('resolution.letter.unfilled', { names: '' }).trim())).toHaveCount(0)
  const edited = (await body.inputValue()).replace('С уважением,', 'С искренним уважением,')
  await body.fill(edited)
  await letter.getByRole('button', { name: fr('resolution.letter.save') }).click()
  await expect(letter.getByText(fr('resolution.letter.saved'), { exact: true })).toBeVisible()
  await shot(page, resolution, 'resolution-letter-fr')
  await shot(page, resolution, 'resolution-letter-fr-dark', true)

  // After a reload the draft is there as it was saved, in Russian.
  await page.reload()
  await expect(body).toHaveValue(/С искренним уважением,/)
  await expect(letter.getByRole('combobox', { name: fr('resolution.letter.language') })).toHaveValue('ru')
  await expect(measures.getByText(fr('sla.flag.overdue'), { exact: true })).toHaveCount(0)
  await expect(decision.getByLabel(fr('resolution.decision.amountFor', { n: 1 }))).toHaveValue('49.90')

  // The PDF is made by main (Noto Sans, so the Cyrillic comes out) and kept in the vault.
  await letter.getByRole('button', { name: fr('resolution.letter.render') }).click()
  await expect(letter.getByText(fr('resolution.letter.rendered'), { exact: true })).toBeVisible()
  await shot(page, letter, 'resolution-render-fr')

  // Sent by email: listed as sent, read-only, and logged in the case's communications as the decision.
  await letter.getByRole('button', { name: fr('resolution.letter.send') }).click()
  const send = letter.getByRole('form', { name: fr('resolution.letter.sendTitle') })
  await send.getByRole('combobox', { name: fr('resolution.letter.channel') }).selectOption('email')
  await send.getByRole('button', { name: fr('resolution.letter.confirmSend') }).click()
  const sentList = letter.getByRole('list', { name: fr('resolution.letter.sentList') })
  await expect(sentList.getByText(`Решение по вашему обращению ${reference}`)).toBeVisible()
  await expect(letter.getByRole('textbox', { name: fr('resolution.letter.body') })).toHaveCount(0)
  const communications = page.getByRole('region', { name: fr('communications.title') })
  const logged = communications.getByRole('listitem').filter({ hasText: `Решение по вашему обращению ${reference}` })
  await expect(logged).toBeVisible()
  await expect(logged.getByText(fr('communications.kinds.decision'), { exact: true })).toBeVisible()
  await shot(page, resolution, 'resolution-sent-fr')

  // Back to investigation, behind a confirmation: the decision is kept for when the case returns.
  await resolution.getByRole('button', { name: fr('resolution.back') }).click()
  await page
    .getByRole('dialog', { name: fr('resolution.backConfirm') })
    .getByRole('button', { name: fr('resolution.backYes') })
    .click()
  await expect(resolution.getByText(fr('resolution.notYet'))).toBeVisible()
  await resolution.getByRole('button', { name: fr('resolution.move') }).click()
  await page
    .getByRole('dialog', { name: fr('resolution.moveConfirm') })
    .getByRole('button', { name: fr('resolution.moveYes') })
    .click()
  await expect(decision.getByLabel(fr('resolution.decision.text'))).toHaveValue(
    'Nous remboursons la lampe, sans les frais de livraison.',
  )

  // Vietnamese labels are the longest: a look at the layout (not an assertion).
  if (process.env['REDRESS_SHOTS']) {
    await page.getByLabel(fr('language.label')).first().selectOption('vi')
    const vi = page.getByRole('region', { name: msg('vi', 'resolution.title') })
    await expect(vi).toBeVisible()
    await shot(page, vi, 'resolution-vi')
  }
})
