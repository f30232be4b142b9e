import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, launchHarness, test } from './fixtures'
import { completeFirstRun, msg, takeComplaintIn } from './people'
import {
  extractSignerCertificates,
  opensslAccepts,
  pdfsigReport,
  run,
  sha256sumAccepts,
} from '../../support/third-party-tools'

/** Screenshots for a person to look at, when REDRESS_SHOTS names a folder (not part of the assertions). */
async function shot(page: Page, area: Locator, name: string, dark = false): Promise<void> {
  const dir = process.env['REDRESS_SHOTS']
  if (!dir) return
  if (dark) await page.emulateMedia({ colorScheme: 'dark' })
  await area.screenshot({ path: `${dir}/${name}.png` })
  if (dark) await page.emulateMedia({ colorScheme: 'light' })
}

const en = (key: string, vars: Record<string, string | number> = {}): string => msg('en', key, vars)
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
const passphrases = { handler: 'lanterne-de-lyon', manager: 'phare-de-marseille' }

test('a handler resolves, is stopped by an open discrepancy, signs; a manager countersigns; the packet verifies here, with the CLI and with standard tools', async ({
  page,
  harness,
}) => {
  test.setTimeout(240_000)
  const files = mkdtempSync(join(tmpdir(), 'redress-closure-e2e-'))
  await page.goto(harness.url)
  await completeFirstRun(page, {
    language: 'en',
    name: 'Claire Dubois',
    organisation: 'Maison Lumière',
    prefix: 'LYON',
  })

  // Two signing identities: the handler's and the manager's (on this machine, for the test).
  await createIdentity(page, 'Claire Dubois', 'rsa-3072', passphrases.handler)
  await createIdentity(page, 'Marc Lefèvre', 'ecdsa-p256', passphrases.manager)
  const identities = page.getByRole('region', { name: en('identities.title') })
  // Each identity shows its fingerprint.
  await expect(identities.getByRole('list', { name: en('identities.listLabel') }).locator('code.hash')).toHaveCount(2)
  await shot(page, identities, 'identities-en')

  await page.getByRole('link', { name: en('nav.cases') }).click()
  await takeComplaintIn(page, 'en', {
    customer: 'Ivan Petrov',
    phone: '+33 6 12 34 56 78',
    address: '5 rue de la République, 69001 Lyon',
    eventDate: day(-6),
    complaint: 'The parcel arrived open and the lamp inside was broken.',
    remedy: 'A refund for the lamp.',
    category: 'delivery',
    triageReason: 'Damage in delivery: to check with the carrier.',
  })
  const heading = await page.getByRole('heading', { level: 1 }).innerText()
  const reference = /LYON-\d{4}-\d{4}/.exec(heading)?.[0] ?? ''
  expect(reference).not.toBe('')

  // The delivery note goes into the evidence.
  const note = join(files, 'delivery-note.txt')
  writeFileSync(note, 'Delivered 17:05, signed by the customer. Box wet and open.\n')
  const evidence = page.getByRole('region', { name: en('evidence.title') })
  await harness.answerNextDialog({ kind: 'open', paths: [note] })
  await evidence.getByRole('button', { name: en('evidence.add') }).click()
  await expect(evidence.getByRole('button', { name: 'delivery-note.txt', exact: true })).toBeVisible({
    timeout: 20_000,
  })

  // Two accounts that conflict on the time of delivery, recorded as a discrepancy.
  await recordConflict(page)

  // Resolution: the decision, two measures verified, and the Russian letter sent.
  await decide(page, 'We refund the lamp and the delivery charge.')
  const resolution = page.getByRole('region', { name: en('resolution.title') })

  const plan = resolution.getByRole('region', { name: en('resolution.plan.title') })
  const measures = ['Train packers on fragile items', 'Check fragile parcels before dispatch']
  for (const [i, text] of measures.entries()) {
    await plan.getByRole('button', { name: en('resolution.plan.add') }).click()
    const form = plan.getByRole('form', { name: en('resolution.plan.addTitle') })
    await form.getByLabel(en('resolution.plan.text')).fill(text)
    await form.getByLabel(en('resolution.plan.owner')).fill(i === 0 ? 'Sophie Martin' : 'Paul Girard')
    await form.getByLabel(en('resolution.plan.due')).fill(day(7 + i))
    await form.getByRole('button', { name: en('resolution.plan.save') }).click()
    const item = plan
      .getByRole('list', { name: en('resolution.plan.list') })
      .getByRole('listitem')
      .filter({ hasText: text })
    await item.getByRole('button', { name: en('resolution.plan.verify') }).click()
    const verify = item.getByRole('form', { name: en('resolution.plan.verifyTitle', { text }) })
    await verify.getByLabel(en('resolution.plan.by')).fill('Marc Lefèvre')
    await verify.getByLabel(en('resolution.plan.note')).fill(`Seen in place: ${text.toLowerCase()}`)
    await verify.getByRole('button', { name: en('resolution.plan.record') }).click()
    await expect(item.getByText(`Seen in place: ${text.toLowerCase()}`)).toBeVisible()
  }

  await sendRussianLetter(page)

  // Closure: a code, then the handler tries to sign with the discrepancy still open and is stopped.
  const closure = page.getByRole('region', { name: en('closure.title'), exact: true })
  await closure.getByRole('checkbox', { name: 'Refund issued' }).check()
  await closure.getByRole('checkbox', { name: 'Process corrected' }).check()
  await closure.getByRole('button', { name: en('closure.save') }).click()
  await expect(closure.getByText(en('closure.saved'))).toBeVisible()
  const gate = closure.getByRole('region', { name: en('closure.gate.title') })
  await expect(gate.getByText(en('closure.blocker.open_discrepancy', { label: 'Time of delivery' }))).toBeVisible()
  await signAs(closure, 'Claire Dubois', passphrases.handler, en('closure.sign.handlerButton'))
  const stopped = closure.getByRole('alert')
  await expect(stopped.getByText(en('closure.gate.stopped'))).toBeVisible()
  await expect(stopped.getByText(en('closure.blocker.open_discrepancy', { label: 'Time of delivery' }))).toBeVisible()
  await shot(page, closure, 'closure-stopped-en')

  // The discrepancy is settled with the delivery note; the gate clears.
  await resolveWithEvidence(page)
  await expect(gate.getByText(en('closure.gate.clear'))).toBeVisible()

  // The handler signs; the manager countersigns with the second identity, which closes the case.
  await signAs(closure, 'Claire Dubois', passphrases.handler, en('closure.sign.handlerButton'))
  const signOffs = closure.getByRole('list', { name: en('closure.signOffs') })
  await expect(signOffs.getByText('Claire Dubois', { exact: false })).toBeVisible({ timeout: 30_000 })
  // Signed, the resolution is kept as it was signed: read-only, and the case no longer goes back.
  await expect(resolution.getByText(en('resolution.signedReadOnly'))).toBeVisible()
  await expect(resolution.getByRole('button', { name: en('resolution.back') })).toHaveCount(0)
  await signAs(closure, 'Marc Lefèvre', passphrases.manager, en('closure.sign.managerButton'))
  await expect(page.locator('.badges').getByText(en('status.closed'), { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(signOffs.getByRole('listitem')).toHaveCount(2)
  await expect(signOffs.getByText(en('closure.role.manager'))).toBeVisible()

  // Export: both identities seal the packet.
  const exportPanel = closure.getByRole('region', { name: en('closure.export.title') })
  await exportPanel.getByLabel(en('closure.identity.passphraseOf', { name: 'Claire Dubois' })).fill(passphrases.handler)
  await exportPanel.getByLabel(en('closure.identity.passphraseOf', { name: 'Marc Lefèvre' })).fill(passphrases.manager)
  const packet = join(files, `${reference}-closure.zip`)
  await harness.answerNextDialog({ kind: 'save', path: packet })
  await exportPanel.getByRole('button', { name: en('closure.export.button') }).click()
  await expect(exportPanel.getByRole('status')).toContainText(`${reference}-closure.zip`, { timeout: 60_000 })
  await shot(page, closure, 'closure-closed-en')
  await shot(page, closure, 'closure-closed-en-dark', true)

  // Verified in the app: intact, both signers known as this installation's identities.
  await page.getByRole('link', { name: en('packets.nav') }).click()
  await harness.answerNextDialog({ kind: 'open', paths: [packet] })
  await page.getByRole('button', { name: en('packets.verify') }).click()
  await expect(
    page.getByText(en('packets.verdict.ok', { name: `${reference}-closure.zip`, ref: reference })),
  ).toBeVisible({ timeout: 60_000 })
  const signers = page.getByRole('table', { name: en('packets.signers.caption') })
  for (const name of ['Claire Dubois', 'Marc Lefèvre']) {
    const row = signers.getByRole('row').filter({ hasText: name })
    await expect(row.getByText(en('packets.trust.own'))).toBeVisible()
    await expect(row.getByText(en('packets.signers.in.both'))).toBeVisible()
  }
  await shot(page, page.locator('main'), 'packets-verified-en')

  // With the command line (plain Node), knowing this installation's identities.
  const cli = run(process.execPath, [join(__dirname, '../../../out/main/verify.js'), '--data', harness.dataDir, packet])
  expect(cli.stdout).toContain(`Packet verified: ${reference}`)
  expect(cli.status).toBe(0)

  // And with the tools a third party would use.
  expect(run('unzip', ['-t', packet]).status).toBe(0)
  const out = join(files, 'extracted')
  expect(run('unzip', ['-q', packet, '-d', out]).status).toBe(0)
  const bag = join(out, readdirSync(out)[0]!)
  expect(sha256sumAccepts(bag, 'manifest-sha256.txt')).toBe(true)
  expect(sha256sumAccepts(bag, 'tagmanifest-sha256.txt')).toBe(true)
  const certs = join(files, 'signers.pem')
  extractSignerCertificates(bag, certs)
  const cms = opensslAccepts(bag, certs)
  expect(cms.ok, cms.stderr).toBe(true)
  const pdfsig = pdfsigReport(join(bag, 'data', 'closure-record.pdf'))
  expect(pdfsig.valid).toBe(2)
  expect(pdfsig.totalDocumentSigned).toBe(true)
  expect(readdirSync(join(bag, 'data', 'letters'))).toHaveLength(1)
  expect(readdirSync(join(bag, 'data', 'evidence'))[0]).toMatch(/^[0-9a-f]{64}-delivery-note\.txt$/)

  // The longest labels (French, Vietnamese): a look at the layout, not an assertion.
  if (process.env['REDRESS_SHOTS']) {
    for (const language of ['fr', 'vi'] as const) {
      await page.getByLabel(en('language.label')).first().selectOption(language)
      await page.getByRole('link', { name: msg(language, 'packets.nav') }).click()
      await shot(page, page.locator('main'), `packets-${language}`)
      await page.getByRole('link', { name: msg(language, 'nav.settings') }).click()
      await shot(page, page.getByRole('region', { name: msg(language, 'identities.title') }), `identities-${language}`)
      await page.goBack()
      await page.goBack()
      await page.getByLabel(msg(language, 'language.label')).first().selectOption('en')
    }
  }
})

test('a manager on another computer imports the handler’s packet, countersigns it and sends it back', async ({
  page,
  harness,
  browser,
}) => {
  test.setTimeout(240_000)
  const files = mkdtempSync(join(tmpdir(), 'redress-closure-e2e-'))
  // The handler's laptop: one identity, a case decided and the letter sent, signed off.
  await page.goto(harness.url)
  await completeFirstRun(page, {
    language: 'en',
    name: 'Claire Dubois',
    organisation: 'Maison Lumière',
    prefix: 'LYON',
  })
  await createIdentity(page, 'Claire Dubois', 'ecdsa-p256', passphrases.handler)
  await page.getByRole('link', { name: en('nav.cases') }).click()
  await takeComplaintIn(page, 'en', {
    customer: 'Анна Петрова',
    phone: '+33 6 98 76 54 32',
    address: '8 quai Saint-Antoine, 69002 Lyon',
    eventDate: day(-4),
    complaint: 'I was charged twice for the same lamp.',
    remedy: 'Refund the second payment.',
    category: 'billing',
    triageReason: 'A double charge: to check with accounting.',
  })
  const heading = await page.getByRole('heading', { level: 1 }).innerText()
  const reference = /LYON-\d{4}-\d{4}/.exec(heading)?.[0] ?? ''
  await decide(page, 'We refund the second payment.')
  await sendRussianLetter(page)
  const closure = page.getByRole('region', { name: en('closure.title'), exact: true })
  await closure.getByRole('checkbox', { name: 'Refund issued' }).check()
  await closure.getByRole('button', { name: en('closure.save') }).click()
  await signAs(closure, 'Claire Dubois', passphrases.handler, en('closure.sign.handlerButton'))
  await expect(closure.getByRole('region', { name: en('closure.sign.managerTitle') })).toBeVisible({ timeout: 30_000 })
  // The packet for the manager carries the handler's signature only.
  const exportPanel = closure.getByRole('region', { name: en('closure.export.title') })
  await expect(exportPanel.getByText(en('closure.export.forCountersignature'))).toBeVisible()
  await exportPanel.getByLabel(en('closure.identity.passphraseOf', { name: 'Claire Dubois' })).fill(passphrases.handler)
  const forManager = join(files, 'for-manager.zip')
  await harness.answerNextDialog({ kind: 'save', path: forManager })
  await exportPanel.getByRole('button', { name: en('closure.export.button') }).click()
  await expect(exportPanel.getByRole('status')).toContainText('for-manager.zip', { timeout: 60_000 })

  // The manager's computer: another installation, another database.
  const office = await launchHarness()
  const context = await browser.newContext()
  try {
    const manager = await context.newPage()
    await manager.goto(office.url)
    await completeFirstRun(manager, {
      language: 'en',
      name: 'Marc Lefèvre',
      organisation: 'Maison Lumière',
      prefix: 'PARIS',
    })
    await createIdentity(manager, 'Marc Lefèvre', 'rsa-3072', passphrases.manager)
    await manager.getByRole('link', { name: en('packets.nav') }).click()
    await office.answerNextDialog({ kind: 'open', paths: [forManager] })
    await manager.getByRole('button', { name: en('packets.import') }).click()
    await expect(manager.getByText(en('packets.verdict.ok', { name: 'for-manager.zip', ref: reference }))).toBeVisible({
      timeout: 60_000,
    })
    // This installation does not know the handler's certificate: it says so, and still shows who signed.
    const signerRow = manager
      .getByRole('table', { name: en('packets.signers.caption') })
      .getByRole('row')
      .filter({ hasText: 'Claire Dubois' })
    await expect(signerRow.getByText(en('packets.trust.untrusted'))).toBeVisible()
    await manager.getByRole('link', { name: en('packets.imported.open', { ref: reference }) }).click()

    // Reviewed and countersigned there: the case closes on the manager's side.
    const managerClosure = manager.getByRole('region', { name: en('closure.title'), exact: true })
    await expect(
      managerClosure.getByRole('list', { name: en('closure.signOffs') }).getByText(/Claire Dubois/),
    ).toBeVisible()
    await signAs(managerClosure, 'Marc Lefèvre', passphrases.manager, en('closure.sign.managerButton'))
    await expect(manager.locator('.badges').getByText(en('status.closed'), { exact: true })).toBeVisible({
      timeout: 30_000,
    })
    const back = join(files, 'countersigned.zip')
    const managerExport = managerClosure.getByRole('region', { name: en('closure.export.title') })
    await managerExport
      .getByLabel(en('closure.identity.passphraseOf', { name: 'Marc Lefèvre' }))
      .fill(passphrases.manager)
    await office.answerNextDialog({ kind: 'save', path: back })
    await managerExport.getByRole('button', { name: en('closure.export.button') }).click()
    await expect(managerExport.getByRole('status')).toContainText('countersigned.zip', { timeout: 60_000 })

    // A third party checks it: both signatures in the record, the manager's seal on the packet.
    const cli = run(process.execPath, [join(__dirname, '../../../out/main/verify.js'), back])
    expect(cli.status, cli.stdout).toBe(0)
    expect(cli.stdout).toContain(`Packet verified: ${reference}`)
    expect(cli.stdout).toMatch(/Claire Dubois.*: signed the closure record;/)
    expect(cli.stdout).toMatch(/Marc Lefèvre.*: signed the tag manifest and the closure record;/)

    // Back on the handler's laptop, the countersigned packet brings the case up to date: closed.
    await page.getByRole('link', { name: en('packets.nav') }).click()
    await harness.answerNextDialog({ kind: 'open', paths: [back] })
    await page.getByRole('button', { name: en('packets.import') }).click()
    await expect(page.getByText(en('packets.imported.updated'))).toBeVisible({ timeout: 60_000 })
    await page.getByRole('link', { name: en('packets.imported.open', { ref: reference }) }).click()
    await expect(page.locator('.badges').getByText(en('status.closed'), { exact: true })).toBeVisible()
    await expect(
      page
        .getByRole('region', { name: en('closure.title'), exact: true })
        .getByRole('list', { name: en('closure.signOffs') })
        .getByRole('listitem'),
    ).toHaveCount(2)
  } finally {
    await context.close()
    office.stop()
  }
})

test('an organisation’s PKCS#12 certificate is imported as a signing identity, and its root is trusted', async ({
  page,
  harness,
}) => {
  const files = mkdtempSync(join(tmpdir(), 'redress-p12-e2e-'))
  const openssl = (...args: string[]): void => {
    const result = run('openssl', args, files)
    expect(result.status, result.stderr).toBe(0)
  }
  // What an organisation's IT hands out: a root, and a person's certificate and key issued by it.
  writeFileSync(
    join(files, 'leaf.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  )
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-days',
    '30',
    '-subj',
    '/CN=Maison Lumière Root CA/O=Maison Lumière',
    '-utf8',
  )
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'leaf.key',
    '-out',
    'leaf.csr',
    '-subj',
    '/CN=Élodie Marchand/O=Maison Lumière',
    '-utf8',
  )
  openssl(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-out',
    'leaf.pem',
    '-days',
    '30',
    '-extfile',
    'leaf.ext',
  )
  openssl(
    'pkcs12',
    '-export',
    '-inkey',
    'leaf.key',
    '-in',
    'leaf.pem',
    '-certfile',
    'root.pem',
    '-out',
    'elodie.p12',
    '-passout',
    'pass:mot-de-passe-IT',
  )

  await page.goto(harness.url)
  await completeFirstRun(page, {
    language: 'en',
    name: 'Élodie Marchand',
    organisation: 'Maison Lumière',
    prefix: 'LYON',
  })
  await page.getByRole('link', { name: en('nav.settings') }).click()
  const identities = page.getByRole('region', { name: en('identities.title') })
  const form = identities.getByRole('form', { name: en('identities.import.title') })
  // A wrong password is said plainly, and nothing is imported.
  await form.getByLabel(en('identities.import.password')).fill('not-the-password')
  await form.getByLabel(en('identities.passphrase'), { exact: true }).fill(passphrases.handler)
  await form.getByLabel(en('identities.passphraseConfirm')).fill(passphrases.handler)
  await harness.answerNextDialog({ kind: 'open', paths: [join(files, 'elodie.p12')] })
  await form.getByRole('button', { name: en('identities.import.button') }).click()
  await expect(form.getByRole('alert')).toHaveText(en('errors.pkcs12_wrong_password'))
  // The right one.
  await form.getByLabel(en('identities.import.password')).fill('mot-de-passe-IT')
  await harness.answerNextDialog({ kind: 'open', paths: [join(files, 'elodie.p12')] })
  await form.getByRole('button', { name: en('identities.import.button') }).click()
  await expect(form.getByRole('status')).toContainText('Élodie Marchand')
  const listed = identities.getByRole('list', { name: en('identities.listLabel') }).getByRole('listitem')
  await expect(
    listed.filter({ hasText: 'Élodie Marchand' }).getByText(en('identities.source.imported'), { exact: false }),
  ).toBeVisible()
  await expect(
    listed
      .filter({ hasText: 'Élodie Marchand' })
      .getByText(en('identities.issuedBy', { issuer: 'Maison Lumière Root CA' }), { exact: false }),
  ).toBeVisible()

  // The organisation's root becomes a trusted certificate of this installation.
  await harness.answerNextDialog({ kind: 'open', paths: [join(files, 'root.pem')] })
  await identities.getByRole('button', { name: en('identities.trusted.add') }).click()
  await expect(
    identities
      .getByRole('list', { name: en('identities.trusted.listLabel') })
      .getByText('Maison Lumière Root CA', { exact: true }),
  ).toBeVisible()
})

/** Creates a signing identity in settings, sealed with a passphrase (the harness has no system key store). */
async function createIdentity(page: Page, name: string, algorithm: 'rsa-3072' | 'ecdsa-p256', passphrase: string) {
  await page.getByRole('link', { name: en('nav.settings') }).click()
  const identities = page.getByRole('region', { name: en('identities.title') })
  const form = identities.getByRole('form', { name: en('identities.create.title') })
  await form.getByLabel(en('identities.name')).fill(name)
  await form.getByRole('combobox', { name: en('identities.algorithm') }).selectOption(algorithm)
  await form.getByLabel(en('identities.passphrase'), { exact: true }).fill(passphrase)
  await form.getByLabel(en('identities.passphraseConfirm')).fill(passphrase)
  await form.getByRole('button', { name: en('identities.create.button') }).click()
  await expect(
    identities.getByRole('list', { name: en('identities.listLabel') }).getByText(name, { exact: true }),
  ).toBeVisible({ timeout: 20_000 })
}

/** The decision letter in the customer's Russian: drafted, made into a PDF, sent by email. */
async function sendRussianLetter(page: Page): Promise<void> {
  const resolution = page.getByRole('region', { name: en('resolution.title') })
  const letter = resolution.getByRole('region', { name: en('resolution.letter.title') })
  await letter.getByRole('combobox', { name: en('resolution.letter.language') }).selectOption('ru')
  await expect(letter.getByRole('textbox', { name: en('resolution.letter.body') })).toHaveValue(/Уважаемый\(ая\) \S+/)
  await letter.getByRole('button', { name: en('resolution.letter.save') }).click()
  await letter.getByRole('button', { name: en('resolution.letter.render') }).click()
  await expect(letter.getByText(en('resolution.letter.rendered'), { exact: true })).toBeVisible({ timeout: 20_000 })
  await letter.getByRole('button', { name: en('resolution.letter.send') }).click()
  const send = letter.getByRole('form', { name: en('resolution.letter.sendTitle') })
  await send.getByRole('combobox', { name: en('resolution.letter.channel') }).selectOption('email')
  await send.getByRole('button', { name: en('resolution.letter.confirmSend') }).click()
  await expect(letter.getByRole('list', { name: en('resolution.letter.sentList') })).toBeVisible()
}

/** Triage to investigation is done by takeComplaintIn; this moves on to resolution and records a decision. */
async function decide(page: Page, decisionText: string): Promise<void> {
  const resolution = page.getByRole('region', { name: en('resolution.title') })
  await resolution.getByRole('button', { name: en('resolution.move') }).click()
  await page
    .getByRole('dialog', { name: en('resolution.moveConfirm') })
    .getByRole('button', { name: en('resolution.moveYes') })
    .click()
  const decision = resolution.getByRole('form', { name: en('resolution.decision.title') })
  await decision.getByLabel(en('resolution.decision.shareFor', { n: 1 })).fill('100')
  await decision.getByRole('combobox', { name: en('resolution.decision.rootCause') }).selectOption('process')
  await decision
    .getByLabel(en('resolution.decision.rootCauseText'))
    .fill('Fragile parcels are not checked at dispatch.')
  await decision.getByRole('combobox', { name: en('resolution.decision.outcome') }).selectOption('upheld')
  await decision.getByLabel(en('resolution.decision.text')).fill(decisionText)
  await decision.getByRole('button', { name: en('resolution.decision.addCompensation') }).click()
  await decision
    .getByRole('combobox', { name: en('resolution.decision.compensationFor', { n: 1 }) })
    .selectOption('refund')
  await decision.getByLabel(en('resolution.decision.amountFor', { n: 1 })).fill('59.80')
  await decision.getByLabel(en('resolution.decision.currencyFor', { n: 1 })).fill('EUR')
  await decision.getByRole('button', { name: en('resolution.decision.save') }).click()
  await expect(decision.getByText(en('resolution.decision.saved'), { exact: true })).toBeVisible()
}

/** Picks an identity, types its passphrase and presses the sign button. */
async function signAs(closure: Locator, name: string, passphrase: string, button: string): Promise<void> {
  const panel = closure.locator('.closure-sign')
  await panel
    .getByRole('combobox', { name: en('closure.sign.identity') })
    .selectOption({ label: `${name} — Maison Lumière` })
  await panel.getByLabel(en('closure.identity.passphraseOf', { name })).fill(passphrase)
  await panel.getByRole('button', { name: button }).click()
}

/** Two parties, an account each with a claim on the time of delivery, compared: a conflict turned into a discrepancy. */
async function recordConflict(page: Page): Promise<void> {
  const parties = page.getByRole('region', { name: en('parties.title') })
  for (const [role, name] of [
    ['complainant', 'Ivan Petrov'],
    ['staff', 'Julien Mercier'],
  ] as const) {
    await parties.getByRole('button', { name: en('parties.add') }).click()
    const form = parties.getByRole('form', { name: en('parties.addTitle') })
    await form.getByRole('combobox', { name: en('parties.fields.role') }).selectOption(role)
    await form.getByLabel(en('parties.fields.name')).fill(name)
    await form.getByRole('button', { name: en('parties.save') }).click()
    await expect(parties.getByText(name, { exact: true })).toBeVisible()
  }
  const accounts = page.getByRole('region', { name: en('accounts.title') })
  const write = async (party: string, role: string, title: string, text: string, passage: string): Promise<void> => {
    await accounts.getByRole('button', { name: en('accounts.add') }).click()
    const form = accounts.getByRole('form', { name: en('accounts.addTitle') })
    await form
      .getByRole('combobox', { name: en('accounts.fields.party') })
      .selectOption({ label: `${party} (${en(`parties.roles.${role}`)})` })
    await form.getByLabel(en('accounts.fields.title')).fill(title)
    await form.getByLabel(en('accounts.fields.text')).fill(text)
    await form.getByRole('button', { name: en('accounts.create') }).click()
    const claim = page.getByRole('form', { name: en('claims.addTitle') })
    await claim.getByLabel(en('claims.passage')).fill(passage)
    await claim.getByLabel(en('claims.topic')).fill('Time of delivery')
    await claim.getByRole('button', { name: en('claims.add') }).click()
    await expect(
      page.getByRole('region', { name: en('claims.title') }).getByText(passage, { exact: true }),
    ).toBeVisible()
    await page
      .getByRole('navigation', { name: en('caseView.breadcrumb') })
      .getByRole('link')
      .nth(1)
      .click()
  }
  await write(
    'Ivan Petrov',
    'complainant',
    'The delivery',
    'The courier came at 17:05 and left the box open.',
    'at 17:05',
  )
  await write(
    'Julien Mercier',
    'staff',
    'Courier’s statement',
    'I delivered the lamp at 14:00, box closed.',
    'at 14:00',
  )
  await accounts.getByRole('link', { name: en('accounts.compare') }).click()
  const pickers = page.getByRole('group', { name: en('compare.choose') })
  const optionFor = async (name: string): Promise<string> =>
    (await pickers.getByRole('option').filter({ hasText: name }).last().getAttribute('value')) ?? ''
  await pickers.getByRole('combobox', { name: en('compare.left') }).selectOption(await optionFor('Ivan Petrov'))
  await pickers.getByRole('combobox', { name: en('compare.right') }).selectOption(await optionFor('Julien Mercier'))
  const row = page.getByRole('row', { name: /Time of delivery/ })
  await expect(row.getByText(en('compare.states.conflict'), { exact: true })).toBeVisible()
  await row.getByRole('button', { name: en('compare.toDiscrepancy') }).click()
  const record = row.getByRole('form', { name: en('compare.recordDiscrepancyFor', { topic: 'Time of delivery' }) })
  await record.getByRole('button', { name: en('compare.recordDiscrepancy') }).click()
  await expect(
    row.getByText(en('compare.discrepancyRecorded', { status: en('compare.discrepancyStatus.open') })),
  ).toBeVisible()
  await page
    .getByRole('navigation', { name: en('caseView.breadcrumb') })
    .getByRole('link')
    .nth(1)
    .click()
}

async function resolveWithEvidence(page: Page): Promise<void> {
  const log = page.getByRole('region', { name: en('findings.discrepancies.title') })
  const entry = log.getByRole('article', { name: 'Time of delivery' })
  await entry.getByRole('button', { name: en('findings.discrepancies.resolve') }).click()
  const form = entry.getByRole('form', { name: en('findings.resolve.formName', { topic: 'Time of delivery' }) })
  await form.getByRole('radio', { name: en('findings.resolve.kinds.evidence') }).check()
  await form
    .getByRole('combobox', { name: en('findings.resolve.evidence') })
    .selectOption({ label: 'delivery-note.txt' })
  await form.getByRole('radio', { name: en('findings.resolve.sideA', { party: 'Ivan Petrov' }) }).check()
  await form.getByLabel(en('findings.resolve.how')).fill('The signed delivery note says 17:05.')
  await form.getByLabel(en('findings.resolve.fact')).fill('The lamp was delivered at 17:05')
  await form.getByRole('button', { name: en('findings.resolve.submit') }).click()
  await expect(page.getByText(en('findings.discrepancies.resolvedMessage'))).toBeVisible()
}
