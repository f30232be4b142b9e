import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyChain } from '../../src/shared/domain/audit-chain'
import type { CaseId } from '../../src/shared/domain/case'
import type { EvidenceId } from '../../src/shared/domain/evidence'
import { newId } from '../../src/shared/domain/ids'
import {
  addAccount,
  addClaim,
  addFact,
  addParty,
  openDiscrepancy,
  resolveDiscrepancy,
  retellAccount,
  updateFact,
  versionsOf,
} from '../../src/renderer/src/db/investigation-repo'
import { RedressDb } from '../../src/renderer/src/db/redress-db'

const actor = { name: 'Nguyễn Thị Lan' }
const opened: RedressDb[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function setup(): Promise<{ db: RedressDb; caseId: CaseId }> {
  const db = new RedressDb(`test-${newId()}`)
  opened.push(db)
  return { db, caseId: newId<'case'>() as CaseId }
}

const party = { phone: '', email: '', address: '', relation: '' }

describe('the investigation records', () => {
  it('keeps every telling of an account: a retelling is a new version, never an overwrite', async () => {
    const { db, caseId } = await setup()
    const complainant = await addParty(db, caseId, actor, { ...party, role: 'complainant', name: 'Trần Văn Minh' })
    const { account } = await addAccount(db, caseId, actor, {
      partyId: complainant.id,
      title: 'Giao hàng',
      telling: { toldAt: '2026-11-20', source: 'written', interviewId: null, text: 'Hàng đến lúc 14 giờ.' },
    })
    await retellAccount(db, account.id, actor, {
      toldAt: '2026-11-24',
      source: 'phone',
      interviewId: null,
      text: 'Hàng đến lúc 16 giờ.',
    })
    const versions = await versionsOf(db, account.id)
    expect(versions.map((v) => [v.n, v.text])).toEqual([
      [1, 'Hàng đến lúc 14 giờ.'],
      [2, 'Hàng đến lúc 16 giờ.'],
    ])
    const chain = await db.audit.where('chain').equals(caseId).sortBy('seq')
    expect(verifyChain(chain).ok).toBe(true)
    expect(chain.filter((e) => e.action === 'retold')).toHaveLength(2)
  })

  it('takes a claim’s quote from the telling itself and refuses a passage outside it', async () => {
    const { db, caseId } = await setup()
    const p = await addParty(db, caseId, actor, { ...party, role: 'staff', name: 'Lê Hoa' })
    const { version } = await addAccount(db, caseId, actor, {
      partyId: p.id,
      title: 'Statement',
      telling: { toldAt: '2026-11-20', source: 'written', interviewId: null, text: 'I delivered it at 14:00 sharp.' },
    })
    const claim = await addClaim(db, actor, { versionId: version.id, start: 15, end: 29, topic: ' Time ', link: null })
    expect(claim.quote).toBe('at 14:00 sharp')
    expect(claim.topic).toBe('Time')
    await expect(
      addClaim(db, actor, { versionId: version.id, start: 20, end: 400, topic: 'Time', link: null }),
    ).rejects.toThrow('claims.errors.notFound')
    expect(await db.claims.count()).toBe(1)
  })

  it('turns a conflict into a discrepancy, and its resolution into a confirmed fact', async () => {
    const { db, caseId } = await setup()
    const a = await addParty(db, caseId, actor, { ...party, role: 'complainant', name: 'Minh' })
    const b = await addParty(db, caseId, actor, { ...party, role: 'staff', name: 'Hoa' })
    const one = await addAccount(db, caseId, actor, {
      partyId: a.id,
      title: 'A',
      telling: { toldAt: '2026-11-20', source: 'written', interviewId: null, text: 'It came at 16:00.' },
    })
    const two = await addAccount(db, caseId, actor, {
      partyId: b.id,
      title: 'B',
      telling: { toldAt: '2026-11-21', source: 'written', interviewId: null, text: 'I came at 14:00.' },
    })
    const ca = await addClaim(db, actor, { versionId: one.version.id, start: 8, end: 16, topic: 'Time', link: null })
    const cb = await addClaim(db, actor, { versionId: two.version.id, start: 7, end: 15, topic: 'time', link: null })
    const d = await openDiscrepancy(db, caseId, actor, { topic: 'Time', claimA: ca.id, claimB: cb.id, note: '' })
    expect(d.a.quote).toBe('at 16:00')
    expect(d.b.partyId).toBe(b.id)
    expect((await db.topicVerdicts.toArray()).map((v) => v.verdict)).toEqual(['conflict'])

    const evidenceId = newId<'evidence'>() as EvidenceId
    const { fact } = await resolveDiscrepancy(db, d.id, actor, {
      how: 'The delivery log says 16:02',
      settledBy: { kind: 'evidence', evidenceId },
      bearsOut: 'a',
      fact: 'The parcel arrived at 16:02',
    })
    expect(fact.status).toBe('confirmed')
    expect(fact.sources).toContainEqual({ kind: 'evidence', id: evidenceId })
    expect(fact.sources).toContainEqual({ kind: 'account', id: one.account.id })
    const resolved = await db.discrepancies.get(d.id)
    expect(resolved?.status).toBe('resolved')
    expect(resolved?.resolution?.factId).toBe(fact.id)
    await expect(
      resolveDiscrepancy(db, d.id, actor, {
        how: 'again',
        settledBy: { kind: 'evidence', evidenceId },
        bearsOut: 'a',
        fact: 'x',
      }),
    ).rejects.toThrow('findings.errors.alreadyResolved')
  })

  it('opens a follow-up task for a doubtful fact and closes it when the fact is confirmed', async () => {
    const { db, caseId } = await setup()
    const { fact, task } = await addFact(db, caseId, actor, {
      statement: 'The clerk raised his voice',
      status: 'doubtful',
      sources: [],
      note: '',
    })
    expect(task?.status).toBe('open')
    expect(task?.text).toBe('The clerk raised his voice')
    await expect(updateFact(db, fact.id, actor, { status: 'confirmed', sources: [], note: '' })).rejects.toThrow(
      'findings.errors.needsSource',
    )
    await updateFact(db, fact.id, actor, {
      status: 'confirmed',
      sources: [{ kind: 'evidence', id: newId<'evidence'>() as EvidenceId }],
      note: 'CCTV',
    })
    expect((await db.tasks.get(task!.id))?.status).toBe('done')
    const chain = await db.audit.where('chain').equals(caseId).sortBy('seq')
    expect(verifyChain(chain).ok).toBe(true)
  })
})

describe('retelling', () => {
  it('carries over the claims whose passage the party repeats, and leaves changed ones to mark again', async () => {
    const { db, caseId } = await setup()
    const p = await addParty(db, caseId, actor, { ...party, role: 'complainant', name: 'Minh' })
    const first = 'Hàng đến lúc 16 giờ. Thùng hàng để trước cửa.'
    const { account, version } = await addAccount(db, caseId, actor, {
      partyId: p.id,
      title: 'A',
      telling: { toldAt: '2026-11-20', source: 'written', interviewId: null, text: first },
    })
    const at = (q: string): { start: number; end: number } => ({
      start: first.indexOf(q),
      end: first.indexOf(q) + q.length,
    })
    await addClaim(db, actor, { versionId: version.id, ...at('lúc 16 giờ'), topic: 'Giờ', link: null })
    await addClaim(db, actor, { versionId: version.id, ...at('để trước cửa'), topic: 'Nơi để', link: null })
    const second = await retellAccount(db, account.id, actor, {
      toldAt: '2026-11-24',
      source: 'phone',
      interviewId: null,
      text: 'Tôi nhớ lại: hàng đến lúc 17 giờ. Thùng hàng để trước cửa.',
    })
    const carried = await db.claims.where('versionId').equals(second.id).toArray()
    expect(carried.map((c) => [c.topic, second.text.slice(c.start, c.end)])).toEqual([['Nơi để', 'để trước cửa']])
    expect(await db.claims.where('versionId').equals(version.id).count()).toBe(2)
  })
})
