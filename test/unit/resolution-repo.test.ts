import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyChain } from '../../src/shared/domain/audit-chain'
import type { CaseId } from '../../src/shared/domain/case'
import { closureBlockers, isMeasureOverdue } from '../../src/shared/domain/closure'
import { DomainError } from '../../src/shared/domain/errors'
import type { EvidenceId } from '../../src/shared/domain/evidence'
import { newId } from '../../src/shared/domain/ids'
import { addFact } from '../../src/renderer/src/db/investigation-repo'
import { RedressDb } from '../../src/renderer/src/db/redress-db'
import {
  addMeasure,
  clearVerification,
  markLetterSent,
  recordLetterRendered,
  saveLetterDraft,
  saveResolution,
  updateMeasure,
  verifyMeasure,
  type ResolutionValues,
} from '../../src/renderer/src/db/resolution-repo'

const actor = { name: 'Claire Dubois' }
const opened: RedressDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function setup(): Promise<{ db: RedressDb; caseId: CaseId; chainOk: () => Promise<number> }> {
  const db = new RedressDb(`test-${newId()}`)
  opened.push(db)
  const caseId = newId<'case'>() as CaseId
  const chainOk = async (): Promise<number> => {
    const chain = await db.audit.where('chain').equals(caseId).sortBy('seq')
    expect(verifyChain(chain).ok).toBe(true)
    return chain.length
  }
  return { db, caseId, chainOk }
}

const decision: ResolutionValues = {
  responsibility: [
    { kind: 'company', partyId: null, share: 70, note: '' },
    { kind: 'customer', partyId: null, share: 30, note: 'Signed for the parcel without checking it' },
  ],
  rootCause: { category: 'process', text: 'Deliveries are not checked at the door.' },
  outcome: 'partly_upheld',
  decision: 'We refund the damaged part of the order.',
  compensation: [{ kind: 'refund', amount: 49.9, currency: 'EUR' }],
}

describe('the decision', () => {
  it('is created once per case, changed in place, and each change is on the case’s chain', async () => {
    const { db, caseId, chainOk } = await setup()
    const first = await saveResolution(db, caseId, actor, decision)
    expect(await chainOk()).toBe(1)
    const second = await saveResolution(db, caseId, actor, { ...decision, outcome: 'upheld' })
    expect(second.id).toBe(first.id)
    expect(await db.resolutions.where('caseId').equals(caseId).count()).toBe(1)
    expect(await chainOk()).toBe(2)
    const last = (await db.audit.where('chain').equals(caseId).sortBy('seq')).at(-1)
    expect(last?.changes).toContainEqual({ field: 'outcome', from: 'partly_upheld', to: 'upheld' })
    // Saving the same values again adds nothing.
    await saveResolution(db, caseId, actor, { ...decision, outcome: 'upheld' })
    expect(await chainOk()).toBe(2)
  })
})

describe('the action plan', () => {
  it('flags a measure past its due date until someone verifies it was carried out', async () => {
    const { db, caseId, chainOk } = await setup()
    const late = await addMeasure(db, caseId, actor, { text: 'Retrain the drivers', owner: 'Marc', due: '2026-11-01' })
    const soon = await addMeasure(db, caseId, actor, { text: 'Check parcels', owner: 'Léa', due: '2026-12-20' })
    expect(await chainOk()).toBe(2)
    const today = '2026-11-26'
    expect(isMeasureOverdue(late, today)).toBe(true)
    expect(isMeasureOverdue(soon, today)).toBe(false)

    const moved = await updateMeasure(db, soon.id, actor, {
      text: 'Check every parcel',
      owner: 'Léa',
      due: '2026-11-02',
    })
    expect(isMeasureOverdue(moved, today)).toBe(true)
    expect(await chainOk()).toBe(3)

    const evidenceId = newId<'evidence'>() as EvidenceId
    const verified = await verifyMeasure(db, late.id, actor, {
      by: 'Sophie Martin',
      at: '2026-11-25T10:00',
      note: 'Training attendance sheet signed by all drivers',
      evidenceId,
    })
    expect(verified.status).toBe('done')
    expect(isMeasureOverdue(verified, today)).toBe(false)
    expect(await chainOk()).toBe(4)

    const withdrawn = await clearVerification(db, late.id, actor)
    expect(withdrawn.verification).toBeNull()
    expect(isMeasureOverdue(withdrawn, today)).toBe(true)
    expect(await chainOk()).toBe(5)

    const tasks = await db.tasks.where('caseId').equals(caseId).toArray()
    const blockers = closureBlockers({ caseId, tasks, discrepancies: [], letters: [], hasResolution: true })
    expect(blockers.filter((b) => b.kind === 'unverified_measure')).toHaveLength(2)
  })

  it('refuses to verify a follow-up task of the investigation as if it were a measure', async () => {
    const { db, caseId } = await setup()
    const { task } = await addFact(db, caseId, actor, {
      statement: 'The parcel was left outside',
      status: 'doubtful',
      sources: [],
      note: '',
    })
    expect(task).not.toBeNull()
    await expect(
      verifyMeasure(db, task!.id, actor, { by: 'x', at: '2026-11-25T10:00', note: 'done', evidenceId: null }),
    ).rejects.toBeInstanceOf(DomainError)
  })
})

describe('the customer’s letter', () => {
  it('is drafted, rendered, then sent: the decision goes into the communication log and the letter is frozen', async () => {
    const { db, caseId, chainOk } = await setup()
    const draft = await saveLetterDraft(db, caseId, actor, { language: 'ru', subject: 'Решение', body: 'Уважаемый…' })
    expect(draft.status).toBe('draft')
    const edited = await saveLetterDraft(
      db,
      caseId,
      actor,
      { language: 'ru', subject: 'Решение по жалобе', body: 'Уважаемый…' },
      draft.id,
    )
    expect(edited.id).toBe(draft.id)
    expect(await chainOk()).toBe(2)

    const sha256 = 'a'.repeat(64)
    const rendered = await recordLetterRendered(db, draft.id, actor, { sha256, size: 1234 })
    expect(rendered.pdfSha256).toBe(sha256)
    // A change to the text makes the PDF stale.
    const changed = await saveLetterDraft(
      db,
      caseId,
      actor,
      { language: 'ru', subject: 'Решение по жалобе', body: 'Уважаемая…' },
      draft.id,
    )
    expect(changed.pdfSha256).toBeNull()
    await recordLetterRendered(db, draft.id, actor, { sha256, size: 1234 })
    expect(await chainOk()).toBe(5)

    const { letter } = await markLetterSent(db, draft.id, actor, { at: '2026-11-26T09:30', channel: 'letter' })
    expect(letter).toMatchObject({ status: 'sent', sentChannel: 'letter', sentBy: actor.name, pdfSha256: sha256 })
    const log = await db.communications.where('caseId').equals(caseId).toArray()
    expect(log).toEqual([
      expect.objectContaining({ kind: 'decision', channel: 'letter', content: 'Решение по жалобе', by: actor.name }),
    ])
    expect(await chainOk()).toBe(7)

    await expect(
      saveLetterDraft(db, caseId, actor, { language: 'ru', subject: 'Другое', body: '…' }, draft.id),
    ).rejects.toMatchObject({ code: 'letter_sent' })
    await expect(
      markLetterSent(db, draft.id, actor, { at: '2026-11-27T09:00', channel: 'email' }),
    ).rejects.toMatchObject({ code: 'letter_sent' })
    await expect(recordLetterRendered(db, draft.id, actor, { sha256, size: 1 })).rejects.toMatchObject({
      code: 'letter_sent',
    })
    expect(await db.communications.where('caseId').equals(caseId).count()).toBe(1)
    expect((await db.letters.get(draft.id))?.subject).toBe('Решение по жалобе')
    expect(await chainOk()).toBe(7)

    const tasks = await db.tasks.where('caseId').equals(caseId).toArray()
    const letters = await db.letters.where('caseId').equals(caseId).toArray()
    const blockers = closureBlockers({ caseId, tasks, discrepancies: [], letters, hasResolution: true })
    expect(blockers.map((b) => b.kind)).not.toContain('unsent_letter')
  })
})
