import Dexie, { type Table } from 'dexie'
import { appendEntry, diffFields } from '@shared/domain/audit-chain'
import type { AuditEntry, FieldChange } from '@shared/domain/audit'
import type { CaseId, CaseRecord, CaseStatus, Communication } from '@shared/domain/case'
import { customerKeys } from '@shared/domain/customer-match'
import { DomainError } from '@shared/domain/errors'
import { newId } from '@shared/domain/ids'
import type { Profile, SlaSettings } from '@shared/domain/profile'
import { assertTransition } from '@shared/domain/status'
import { searchKey } from '@shared/domain/text'
import type { CaseSummary, RedressDb } from './redress-db'

/** Who is acting: every record and audit entry names them. */
export interface Actor {
  readonly name: string
}

export function summarize(c: CaseRecord): CaseSummary {
  const keys = customerKeys(c.customer)
  return {
    id: c.id,
    ref: c.ref,
    status: c.status,
    severity: c.triage?.severity ?? null,
    category: c.category ?? null,
    channel: c.channel,
    department: c.department,
    assignee: c.assignee,
    customerName: c.customer.name,
    receivedAt: c.receivedAt,
    due: c.due,
    acknowledgedAt: c.acknowledgedAt,
    closedAt: c.closedAt,
    declineReason: c.triage?.declineReason ?? null,
    nameKey: keys.name,
    phoneKey: keys.phone,
    emailKey: keys.email,
    search: searchKey([c.ref, c.customer.name, c.customer.email, c.complaint]),
  }
}

/** Appends to a chain inside the caller's transaction (the hash is synchronous on purpose). */
export async function appendAudit(
  db: RedressDb,
  fields: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>,
): Promise<AuditEntry> {
  const previous =
    (await db.audit.where('[chain+seq]').between([fields.chain, Dexie.minKey], [fields.chain, Dexie.maxKey]).last()) ??
    null
  const entry = appendEntry(previous, fields)
  await db.audit.add(entry)
  return entry
}

/** Next human reference for a prefix and year, e.g. LYON-2026-0042; numbers never repeat. */
async function nextRef(db: RedressDb, prefix: string, year: number): Promise<string> {
  const id = `${prefix}-${year}`
  const counter = await db.counters.get(id)
  let next = (counter?.last ?? 0) + 1
  // Sample or imported cases may already use numbers: skip any taken reference.
  while (
    await db.cases
      .where('ref')
      .equals(formatRef(prefix, year, next))
      .count()
  )
    next++
  await db.counters.put({ id, last: next })
  return formatRef(prefix, year, next)
}

export function formatRef(prefix: string, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`
}

/** Fields of a new case that the intake form provides. */
export type NewCase = Omit<
  CaseRecord,
  | 'id'
  | 'ref'
  | 'status'
  | 'createdAt'
  | 'createdBy'
  | 'updatedAt'
  | 'triage'
  | 'category'
  | 'escalations'
  | 'acknowledgedAt'
  | 'closedAt'
>

/**
 * Creates a case from a complete intake form and moves it to triage, with its
 * audit entries, in one transaction; the draft it came from is removed in the same one.
 */
export async function createCase(
  db: RedressDb,
  input: NewCase,
  actor: Actor,
  prefix: string,
  draftId?: string,
): Promise<CaseRecord> {
  return db.transaction('rw', [db.cases, db.caseSummaries, db.audit, db.counters, db.drafts], async () => {
    const now = new Date().toISOString()
    const ref = await nextRef(db, prefix, new Date(input.receivedAt).getFullYear())
    const created: CaseRecord = {
      ...input,
      id: newId<'case'>() as CaseId,
      ref,
      status: 'intake',
      triage: null,
      category: null,
      escalations: [],
      acknowledgedAt: null,
      closedAt: null,
      createdAt: now,
      createdBy: actor.name,
      updatedAt: now,
    }
    assertTransition('intake', 'triage')
    const record: CaseRecord = { ...created, status: 'triage' }
    await db.cases.add(record)
    await db.caseSummaries.put(summarize(record))
    const base = { chain: record.id, at: now, by: actor.name, entity: 'case', entityId: record.id }
    await appendAudit(db, { ...base, action: 'created', changes: diffFields(null, created) })
    await appendAudit(db, { ...base, action: 'status', changes: [{ field: 'status', from: 'intake', to: 'triage' }] })
    if (draftId) await db.drafts.delete(draftId)
    return record
  })
}

/**
 * Changes a case: the change function gets the current record and returns the
 * new one; the status move is checked, and every changed field is audited.
 */
export async function updateCase(
  db: RedressDb,
  id: CaseId,
  actor: Actor,
  action: string,
  change: (current: CaseRecord) => CaseRecord,
): Promise<CaseRecord> {
  return db.transaction('rw', [db.cases, db.caseSummaries, db.audit], async () => {
    const current = await db.cases.get(id)
    if (!current) throw new Error(`No case ${id}`)
    const now = new Date().toISOString()
    const changed = change(current)
    if (changed.status !== current.status) assertTransition(current.status, changed.status)
    const next: CaseRecord = { ...changed, id: current.id, ref: current.ref, updatedAt: now }
    const changes: FieldChange[] = diffFields(current, next).filter((c) => c.field !== 'updatedAt')
    if (changes.length === 0) return current
    await db.cases.put(next)
    await db.caseSummaries.put(summarize(next))
    await appendAudit(db, { chain: id, at: now, by: actor.name, entity: 'case', entityId: id, action, changes })
    return next
  })
}

/**
 * Moves a case to another status, refused unless the status machine allows it;
 * a case whose closure record the handler has signed no longer goes back to investigation.
 */
export async function moveCase(db: RedressDb, id: CaseId, actor: Actor, to: CaseStatus): Promise<CaseRecord> {
  if (to === 'investigation') {
    const closure = await db.closures.where('caseId').equals(id).first()
    if (closure && closure.signOffs.length > 0) {
      throw new DomainError('closure_signed', 'The closure record is signed: the case cannot go back to investigation')
    }
  }
  return updateCase(db, id, actor, 'status', (c) => ({ ...c, status: to }))
}

/**
 * Logs an exchange with the customer. The first acknowledgement stops the
 * 24-hour clock: it sets the case's acknowledgedAt in the same transaction.
 */
export async function addCommunication(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  input: Omit<Communication, 'id' | 'caseId' | 'createdAt' | 'createdBy'>,
): Promise<Communication> {
  return db.transaction('rw', [db.cases, db.caseSummaries, db.communications, db.audit], async () => {
    const current = await db.cases.get(caseId)
    if (!current) throw new Error(`No case ${caseId}`)
    const now = new Date().toISOString()
    const communication: Communication = {
      ...input,
      id: newId<'communication'>(),
      caseId,
      createdAt: now,
      createdBy: actor.name,
    }
    await db.communications.add(communication)
    const base = { chain: caseId, at: now, by: actor.name, entityId: caseId }
    await appendAudit(db, {
      ...base,
      entity: 'communication',
      entityId: communication.id,
      action: 'appended',
      changes: diffFields(null, communication),
    })
    if (input.kind === 'acknowledgement' && !current.acknowledgedAt) {
      const next: CaseRecord = { ...current, acknowledgedAt: input.at, updatedAt: now }
      await db.cases.put(next)
      await db.caseSummaries.put(summarize(next))
      await appendAudit(db, {
        ...base,
        entity: 'case',
        action: 'updated',
        changes: [{ field: 'acknowledgedAt', from: null, to: input.at }],
      })
    }
    return communication
  })
}

/** Saves the profile (first run, settings), audited on the settings chain. */
export function saveProfile(db: RedressDb, profile: Profile): Promise<void> {
  return saveAudited(
    db,
    db.profile,
    () => db.profile.get('me'),
    () => db.profile.put(profile),
    profile,
    profile.name,
    'profile',
  )
}

/** Saves the service levels, audited on the settings chain. */
export function saveSla(db: RedressDb, sla: SlaSettings, actor: Actor): Promise<void> {
  return saveAudited(
    db,
    db.settings,
    () => db.settings.get('sla'),
    () => db.settings.put(sla),
    sla,
    actor.name,
    'settings',
  )
}

async function saveAudited<T extends { id: string }>(
  db: RedressDb,
  table: Table,
  get: () => Promise<T | undefined>,
  put: () => Promise<unknown>,
  record: T,
  by: string,
  entity: string,
): Promise<void> {
  await db.transaction('rw', [table, db.audit], async () => {
    const before = (await get()) ?? null
    await put()
    const changes = diffFields(before, record)
    if (changes.length > 0) {
      await appendAudit(db, {
        chain: 'settings',
        at: new Date().toISOString(),
        by,
        entity,
        entityId: record.id,
        action: before ? 'updated' : 'created',
        changes,
      })
    }
  })
}

/** Other cases of the same customer (by name, phone or email), for triage. */
export async function findCustomerHistory(db: RedressDb, c: CaseRecord): Promise<CaseSummary[]> {
  const keys = customerKeys(c.customer)
  const found = new Map<string, CaseSummary>()
  const lookups: Array<[keyof CaseSummary & string, string]> = [
    ['nameKey', keys.name],
    ['phoneKey', keys.phone],
    ['emailKey', keys.email],
  ]
  for (const [index, key] of lookups) {
    if (!key) continue
    for (const row of await db.caseSummaries.where(index).equals(key).toArray()) {
      if (row.id !== c.id) found.set(row.id, row)
    }
  }
  return [...found.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
}
