import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyChain } from '../../src/shared/domain/audit-chain'
import type { CaseRecord } from '../../src/shared/domain/case'
import { newId, isId } from '../../src/shared/domain/ids'
import { defaultSla } from '../../src/shared/domain/profile'
import { computeDueDates } from '../../src/shared/domain/sla'
import {
  addCommunication,
  createCase,
  findCustomerHistory,
  moveCase,
  updateCase,
  type NewCase,
} from '../../src/renderer/src/db/cases-repo'
import { RedressDb } from '../../src/renderer/src/db/redress-db'
import { seedSampleCases } from '../../src/renderer/src/db/seed'

const actor = { name: 'Camille Roux' }

function anIntake(overrides: Partial<NewCase> = {}): NewCase {
  const receivedAt = '2026-11-02T09:30:00.000Z'
  return {
    channel: 'in_person',
    receivedAt,
    receivedBy: 'Camille Roux',
    department: 'Service client',
    customer: {
      name: 'Élodie Marchand',
      address: '12 rue de la République, 69002 Lyon',
      phone: '+33 6 12 34 56 78',
      email: 'elodie.marchand@example.fr',
      language: 'fr',
    },
    eventDate: { value: '2026-10', precision: 'month' },
    complaint: 'Le radiateur a surchauffé et a fait fondre la prise.',
    remedy: 'Remboursement',
    signature: { image: 'data:image/png;base64,iVBORw0KGgo=', signedAt: receivedAt },
    due: computeDueDates({ receivedAt, severity: null, sla: defaultSla('Europe/Paris') }),
    assignee: 'Camille Roux',
    ...overrides,
  }
}

const opened: RedressDb[] = []
function open(name = `test-${newId()}`): RedressDb {
  const db = new RedressDb(name)
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function chainOf(db: RedressDb, chain: string) {
  return db.audit.where('[chain+seq]').between([chain, Dexie.minKey], [chain, Dexie.maxKey]).toArray()
}

describe('the case database', () => {
  it('asks Chromium for strict durability, so a power cut loses no acknowledged write', () => {
    const db = open()
    expect(
      (db as unknown as { _options: { chromeTransactionDurability?: string } })._options.chromeTransactionDurability,
    ).toBe('strict')
  })

  it('creates a case with the next reference of its prefix and year, in triage, with its audit entries', async () => {
    const db = open()
    const first = await createCase(db, anIntake(), actor, 'LYON')
    const second = await createCase(db, anIntake(), actor, 'LYON')
    expect(first.ref).toBe('LYON-2026-0001')
    expect(second.ref).toBe('LYON-2026-0002')
    expect(first.status).toBe('triage')
    expect(isId(first.id)).toBe(true)
    const chain = await chainOf(db, first.id)
    expect(chain.map((e) => e.action)).toEqual(['created', 'status'])
    expect(chain.every((e) => e.by === 'Camille Roux')).toBe(true)
    expect(verifyChain(chain)).toMatchObject({ ok: true, count: 2 })
  })

  it('keeps a case across closing and reopening the database', async () => {
    const name = `test-${newId()}`
    const first = new RedressDb(name)
    const record = await createCase(first, anIntake(), actor, 'LYON')
    first.close()
    const again = open(name)
    expect(await again.cases.get(record.id)).toEqual(record)
  })

  it('upgrades a version 1 database to the current version keeping every case, with no category yet', async () => {
    const name = `test-${newId()}`
    // A database as the first release wrote it: the version 1 schema, a case without a category.
    const v1 = new Dexie(name)
    v1.version(1).stores({ cases: 'id, &ref, status, receivedAt, updatedAt', caseSummaries: 'id, receivedAt' })
    await v1.open()
    const { category: _dropped, ...legacy } = { ...anIntake(), id: newId(), ref: 'LYON-2026-0001', category: null }
    await v1.table('cases').add({ ...legacy, status: 'triage' })
    await v1.table('caseSummaries').add({ id: legacy.id, receivedAt: legacy.receivedAt, ref: legacy.ref })
    v1.close()

    const db = open(name)
    const upgraded = await db.cases.get(legacy.id as CaseRecord['id'])
    expect(upgraded?.customer.name).toBe('Élodie Marchand')
    expect(upgraded?.category).toBeNull()
    expect((await db.caseSummaries.get(legacy.id as CaseRecord['id']))?.category).toBeNull()
    expect(await db.parties.count()).toBe(0)
    expect(await db.letters.count()).toBe(0)
    expect(db.verno).toBe(3)
  })

  it('upgrades a version 2 database to version 3 keeping its resolutions, with empty letters and closures', async () => {
    const name = `test-${newId()}`
    const v2 = new Dexie(name)
    v2.version(1).stores({ cases: 'id, &ref, status, receivedAt, updatedAt', caseSummaries: 'id, receivedAt' })
    v2.version(2).stores({ resolutions: 'id, &caseId' })
    await v2.open()
    const caseId = newId()
    await v2.table('resolutions').add({ id: newId(), caseId, decision: 'Remboursement intégral' })
    v2.close()

    const db = open(name)
    expect(db.verno).toBe(3)
    expect((await db.resolutions.where('caseId').equals(caseId).first())?.decision).toBe('Remboursement intégral')
    expect(await db.closures.count()).toBe(0)
    expect(await db.resolutionCodes.count()).toBe(0)
  })

  it('refuses a status move the workflow does not allow, and changes nothing', async () => {
    const db = open()
    const record = await createCase(db, anIntake(), actor, 'LYON')
    await expect(moveCase(db, record.id, actor, 'closed')).rejects.toThrow(/transition|triage/i)
    expect((await db.cases.get(record.id))?.status).toBe('triage')
    expect(await chainOf(db, record.id)).toHaveLength(2)
  })

  it('audits every changed field with old and new values', async () => {
    const db = open()
    const record = await createCase(db, anIntake(), actor, 'LYON')
    await updateCase(db, record.id, actor, 'updated', (c) => ({ ...c, department: 'Livraison' }))
    const last = (await chainOf(db, record.id)).at(-1)
    expect(last?.changes).toEqual([{ field: 'department', from: 'Service client', to: 'Livraison' }])
    expect((await db.caseSummaries.get(record.id))?.department).toBe('Livraison')
  })

  it('stops the acknowledgement clock with the first acknowledgement only', async () => {
    const db = open()
    const record = await createCase(db, anIntake(), actor, 'LYON')
    const at = '2026-11-02T15:00:00.000Z'
    await addCommunication(db, record.id, actor, {
      kind: 'acknowledgement',
      channel: 'phone',
      at,
      by: actor.name,
      content: 'Appel',
    })
    await addCommunication(db, record.id, actor, {
      kind: 'acknowledgement',
      channel: 'email',
      at: '2026-11-03T15:00:00.000Z',
      by: actor.name,
      content: 'Courriel',
    })
    expect((await db.cases.get(record.id))?.acknowledgedAt).toBe(at)
    expect(await db.communications.where('caseId').equals(record.id).count()).toBe(2)
    expect(verifyChain(await chainOf(db, record.id)).ok).toBe(true)
  })

  it('detects an audit entry edited in the database', async () => {
    const db = open()
    const record = await createCase(db, anIntake(), actor, 'LYON')
    await updateCase(db, record.id, actor, 'updated', (c) => ({ ...c, remedy: 'Excuses' }))
    const entries = await chainOf(db, record.id)
    const tampered = entries[1]!
    await db.audit.put({ ...tampered, by: 'Someone else' })
    expect(verifyChain(await chainOf(db, record.id))).toMatchObject({ ok: false, firstBroken: 2 })
  })

  it("finds the customer's other cases by name without accents, by phone or by email", async () => {
    const db = open()
    const first = await createCase(db, anIntake(), actor, 'LYON')
    const byName = await createCase(
      db,
      anIntake({ customer: { ...anIntake().customer, name: 'MARCHAND Elodie', phone: '', email: '' } }),
      actor,
      'LYON',
    )
    const byPhone = await createCase(
      db,
      anIntake({ customer: { ...anIntake().customer, name: 'E. M.', phone: '06 12 34 56 78', email: '' } }),
      actor,
      'LYON',
    )
    const stranger = await createCase(
      db,
      anIntake({
        customer: { ...anIntake().customer, name: 'Nguyễn Văn Đức', phone: '0912 345 678', email: 'duc@example.vn' },
      }),
      actor,
      'LYON',
    )
    const history = (await findCustomerHistory(db, first as CaseRecord)).map((c) => c.ref)
    expect(history.sort()).toEqual([byName.ref, byPhone.ref].sort())
    expect(history).not.toContain(stranger.ref)
  })

  it('loads sample cases twice without reusing a reference, each with a verified audit entry', async () => {
    const db = open()
    const progress: number[] = []
    await seedSampleCases(db, 1500, {
      seed: 7,
      now: new Date('2026-11-26T08:00:00Z'),
      onProgress: (p) => progress.push(p.done),
    })
    await seedSampleCases(db, 40, { seed: 8, now: new Date('2026-11-26T08:00:00Z') })
    expect(progress).toEqual([1000, 1500])
    const refs = (await db.cases.toArray()).map((c) => c.ref)
    expect(new Set(refs).size).toBe(1540)
    expect(await db.caseSummaries.count()).toBe(1540)
    const waiting = await db.cases.where('status').equals('triage').first()
    expect(verifyChain(await chainOf(db, waiting?.id ?? ''))).toMatchObject({ ok: true, count: 1 })
  })

  it('loads the resolutions, surveys and lessons of closed sample cases, each audited on its case', async () => {
    const db = open()
    await seedSampleCases(db, 1200, { seed: 11, now: new Date('2026-11-26T08:00:00Z') })
    const closed = await db.cases.where('status').equals('closed').toArray()
    expect(await db.resolutions.count()).toBe(closed.length)
    const surveys = await db.surveys.toArray()
    const lessons = await db.lessons.toArray()
    expect(surveys.length).toBeGreaterThan(closed.length / 4)
    expect(lessons.length).toBeGreaterThan(0)
    const closedIds = new Set(closed.map((c) => c.id))
    for (const s of surveys) expect(closedIds.has(s.caseId)).toBe(true)
    const surveyed = surveys[0]?.caseId ?? ''
    const chain = await chainOf(db, surveyed)
    expect(verifyChain(chain)).toMatchObject({ ok: true })
    expect(chain.map((e) => e.entity).slice(0, 3)).toEqual(['case', 'resolution', 'survey'])
    const resolution = await db.resolutions.where('caseId').equals(surveyed).first()
    expect(resolution?.rootCause.text.length).toBeGreaterThan(10)
  })

  it('stops loading samples when cancelled, keeping whole chunks only', async () => {
    const db = open()
    const controller = new AbortController()
    const done = await seedSampleCases(db, 3000, {
      seed: 9,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    expect(done).toBe(1000)
    expect(await db.cases.count()).toBe(1000)
    expect(await db.caseSummaries.count()).toBe(1000)
  })
})
