import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyChain } from '../../src/shared/domain/audit-chain'
import type { CaseRecord } from '../../src/shared/domain/case'
import type { Letter, SignOff } from '../../src/shared/domain/closure'
import { newId } from '../../src/shared/domain/ids'
import { defaultSla } from '../../src/shared/domain/profile'
import { computeDueDates } from '../../src/shared/domain/sla'
import { createCase, moveCase } from '../../src/renderer/src/db/cases-repo'
import {
  auditToJsonl,
  buildCaseBundle,
  importCaseBundle,
  loadResolutionCodes,
  recordSignOff,
  saveClosureDraft,
  saveResolutionCode,
} from '../../src/renderer/src/db/closure-repo'
import { addParty } from '../../src/renderer/src/db/investigation-repo'
import { RedressDb } from '../../src/renderer/src/db/redress-db'

const actor = { name: 'Camille Roux' }
const opened: RedressDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})
function open(): RedressDb {
  const db = new RedressDb(`test-${newId()}`)
  opened.push(db)
  return db
}

async function caseInResolution(db: RedressDb): Promise<CaseRecord> {
  const receivedAt = '2026-11-02T09:30:00.000Z'
  const record = await createCase(
    db,
    {
      channel: 'phone',
      receivedAt,
      receivedBy: 'Camille Roux',
      department: 'Livraison',
      customer: { name: 'Анна Петрова', address: 'Lyon', phone: '+33 6 00 00 00 00', email: '', language: 'ru' },
      eventDate: { value: '2026-10-30', precision: 'day' },
      complaint: 'Посылка пришла повреждённой.',
      remedy: 'Замена',
      signature: { image: 'data:image/png;base64,iVBORw0KGgo=', signedAt: receivedAt },
      due: computeDueDates({ receivedAt, severity: null, sla: defaultSla('Europe/Paris') }),
      assignee: 'Camille Roux',
    },
    actor,
    'LYON',
  )
  await moveCase(db, record.id, actor, 'investigation')
  return moveCase(db, record.id, actor, 'resolution')
}

async function decide(db: RedressDb, record: CaseRecord): Promise<void> {
  const now = new Date().toISOString()
  await db.resolutions.add({
    id: newId<'resolution'>(),
    caseId: record.id,
    responsibility: [{ kind: 'company', partyId: null, share: 100, note: '' }],
    rootCause: { category: 'process', text: 'Emballage insuffisant' },
    outcome: 'upheld',
    decision: 'Remplacement',
    compensation: [{ kind: 'replacement', amount: null, currency: null }],
    decidedAt: now,
    decidedBy: actor.name,
    createdAt: now,
    createdBy: actor.name,
    updatedAt: now,
  })
  const letter: Letter = {
    id: newId<'letter'>(),
    caseId: record.id,
    language: 'ru',
    subject: 'Ответ на вашу жалобу',
    body: 'Уважаемая Анна Петрова…',
    pdfSha256: 'a'.repeat(64),
    pdfSize: 1000,
    status: 'sent',
    sentAt: now,
    sentBy: actor.name,
    sentChannel: 'email',
    createdAt: now,
    createdBy: actor.name,
    updatedAt: now,
  }
  await db.letters.add(letter)
}

function signOff(role: SignOff['role'], fingerprint: string): SignOff {
  return {
    id: newId<'signoff'>(),
    role,
    signerName: role === 'handler' ? 'Camille Roux' : 'Jean Dupont',
    signerEmail: null,
    organisation: 'Redress SA',
    fingerprint,
    certificatePem: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
    signedAt: new Date().toISOString(),
  }
}

const fpA = Array(32).fill('AA').join(':')
const fpB = Array(32).fill('BB').join(':')

describe('closing a case', () => {
  it('refuses the handler’s signature while a discrepancy is open without a reason, then takes it with one', async () => {
    const db = open()
    const record = await caseInResolution(db)
    await decide(db, record)
    const a = await addParty(db, record.id, actor, {
      role: 'complainant',
      name: 'Анна',
      phone: '',
      email: '',
      address: '',
      relation: '',
    })
    const side = (quote: string) => ({ claimId: newId<'claim'>(), accountId: newId<'account'>(), partyId: a.id, quote })
    const now = new Date().toISOString()
    const discrepancy = {
      id: newId<'discrepancy'>(),
      caseId: record.id,
      topic: 'état du colis',
      a: side('повреждённой'),
      b: side('intact'),
      note: '',
      status: 'open' as const,
      resolution: null,
      createdAt: now,
      createdBy: actor.name,
      updatedAt: now,
    }
    await db.discrepancies.add(discrepancy as never)
    await saveClosureDraft(db, record.id, actor, { codes: ['replacement_sent'], exceptions: [], summary: '' })
    await expect(
      recordSignOff(db, record.id, actor, signOff('handler', fpA), { sha256: 'b'.repeat(64), size: 10 }),
    ).rejects.toMatchObject({ code: 'closure_blocked' })
    expect((await db.closures.where('caseId').equals(record.id).first())?.signOffs).toEqual([])

    await saveClosureDraft(db, record.id, actor, {
      codes: ['replacement_sent'],
      exceptions: [
        {
          kind: 'open_discrepancy',
          subjectId: discrepancy.id,
          label: 'état du colis',
          reason: 'Le client ne répond plus depuis trois semaines',
        },
      ],
      summary: '',
    })
    const signed = await recordSignOff(db, record.id, actor, signOff('handler', fpA), {
      sha256: 'b'.repeat(64),
      size: 10,
    })
    expect(signed.signOffs.map((s) => s.role)).toEqual(['handler'])
    expect((await db.cases.get(record.id))?.status).toBe('resolution')
    // Nor does the case go back to investigation: the signed record would no longer match it.
    await expect(moveCase(db, record.id, actor, 'investigation')).rejects.toMatchObject({ code: 'closure_signed' })
    expect((await db.cases.get(record.id))?.status).toBe('resolution')
    // Once signed, the codes and exceptions are what the record says: they no longer change.
    await expect(
      saveClosureDraft(db, record.id, actor, { codes: [], exceptions: [], summary: 'x' }),
    ).rejects.toMatchObject({ code: 'closure_signed' })
  })

  it('closes the case with the manager’s countersignature, from another identity only', async () => {
    const db = open()
    const record = await caseInResolution(db)
    await decide(db, record)
    await saveClosureDraft(db, record.id, actor, { codes: ['replacement_sent'], exceptions: [], summary: '' })
    await expect(
      recordSignOff(db, record.id, actor, signOff('manager', fpB), { sha256: 'c'.repeat(64), size: 10 }),
    ).rejects.toMatchObject({ code: 'signoff_out_of_order' })
    await recordSignOff(db, record.id, actor, signOff('handler', fpA), { sha256: 'b'.repeat(64), size: 10 })
    await expect(
      recordSignOff(db, record.id, actor, signOff('manager', fpA), { sha256: 'c'.repeat(64), size: 10 }),
    ).rejects.toMatchObject({ code: 'signoff_same_signer' })
    const closure = await recordSignOff(db, record.id, { name: 'Jean Dupont' }, signOff('manager', fpB), {
      sha256: 'c'.repeat(64),
      size: 12,
    })
    expect(closure.recordSha256).toBe('c'.repeat(64))
    const closed = await db.cases.get(record.id)
    expect(closed?.status).toBe('closed')
    expect(closed?.closedAt).toBe(closure.signOffs[1]?.signedAt)
    expect((await db.caseSummaries.get(record.id))?.status).toBe('closed')
    const chain = await db.audit.where('chain').equals(record.id).sortBy('seq')
    expect(verifyChain(chain).ok).toBe(true)
    expect(chain.map((e) => e.action)).toEqual(expect.arrayContaining(['signed', 'countersigned']))
  })

  it('bundles the whole case and imports it into another database, where a continued history replaces it', async () => {
    const source = open()
    const record = await caseInResolution(source)
    await decide(source, record)
    await saveClosureDraft(source, record.id, actor, { codes: ['replacement_sent'], exceptions: [], summary: 'ok' })
    const first = await buildCaseBundle(source, record.id, { name: 'Camille Roux', organisation: 'Redress SA' })
    expect(first.bundle.schema).toBe('redress.case')
    expect(first.bundle.letters).toHaveLength(1)
    expect(first.bundle.closure?.codes).toEqual(['replacement_sent'])
    const jsonl = auditToJsonl(first.audit)
    expect(jsonl.trim().split('\n')).toHaveLength(first.audit.length)

    const target = open()
    const roundTrip = JSON.parse(JSON.stringify(first.bundle)) as typeof first.bundle
    expect(await importCaseBundle(target, roundTrip, first.audit, { name: 'Jean Dupont' })).toMatchObject({
      kind: 'created',
      ref: record.ref,
    })
    expect((await target.cases.get(record.id))?.customer.name).toBe('Анна Петрова')
    expect(await target.letters.count()).toBe(1)
    const imported = await target.audit.where('chain').equals(record.id).sortBy('seq')
    expect(verifyChain(imported).ok).toBe(true)
    expect(imported.at(-1)?.action).toBe('imported')

    // The handler signs at home; the packet continues what the manager holds, so it replaces it.
    await recordSignOff(source, record.id, actor, signOff('handler', fpA), { sha256: 'b'.repeat(64), size: 10 })
    const second = await buildCaseBundle(source, record.id, { name: 'Camille Roux', organisation: 'Redress SA' })
    await expect(importCaseBundle(target, second.bundle, second.audit, { name: 'Jean Dupont' })).rejects.toMatchObject({
      code: 'import_conflict',
    })
    // A database holding exactly the earlier history (no import entry) takes the continued one.
    const prefixOnly = open()
    await importCaseBundle(prefixOnly, first.bundle, first.audit, actor)
    await prefixOnly.audit
      .where('chain')
      .equals(record.id)
      .and((e) => e.action === 'imported')
      .delete()
    expect(await importCaseBundle(prefixOnly, second.bundle, second.audit, actor)).toMatchObject({ kind: 'updated' })
    expect((await prefixOnly.closures.where('caseId').equals(record.id).first())?.signOffs).toHaveLength(1)
  })

  it('refuses a bundle whose audit chain was altered, writing nothing', async () => {
    const source = open()
    const record = await caseInResolution(source)
    const { bundle, audit } = await buildCaseBundle(source, record.id, { name: 'A', organisation: 'B' })
    const tampered = audit.map((e, i) => (i === 1 ? { ...e, by: 'Mallory' } : e))
    const target = open()
    await expect(importCaseBundle(target, bundle, tampered, actor)).rejects.toMatchObject({ code: 'import_invalid' })
    expect(await target.cases.count()).toBe(0)
  })

  it('offers the built-in resolution codes, renamed or retired ones as saved, and custom ones after', async () => {
    const db = open()
    expect((await loadResolutionCodes(db)).map((c) => c.id)).toContain('staff_trained')
    await saveResolutionCode(db, actor, {
      id: 'staff_trained',
      labels: { en: 'Team coached', fr: 'Équipe accompagnée', vi: 'Đã kèm cặp nhóm', ru: 'Команда обучена' },
      retired: true,
      builtIn: true,
    })
    await saveResolutionCode(db, actor, {
      id: 'custom_1',
      labels: { en: 'Goodwill gesture', fr: 'Geste commercial', vi: 'Cử chỉ thiện chí', ru: 'Жест доброй воли' },
      retired: false,
      builtIn: false,
    })
    const codes = await loadResolutionCodes(db)
    expect(codes.find((c) => c.id === 'staff_trained')).toMatchObject({
      retired: true,
      labels: { fr: 'Équipe accompagnée' },
    })
    expect(codes.at(-1)?.id).toBe('custom_1')
  })
})
