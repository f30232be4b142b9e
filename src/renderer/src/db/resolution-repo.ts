import { diffFields } from '@shared/domain/audit-chain'
import type { CaseId, Communication } from '@shared/domain/case'
import type { Letter, LetterId } from '@shared/domain/closure'
import { DomainError } from '@shared/domain/errors'
import { newId } from '@shared/domain/ids'
import type { Task, TaskId, TaskVerification } from '@shared/domain/investigation'
import type { Resolution } from '@shared/domain/resolution'
import type { Language } from '@shared/i18n/languages'
import { appendAudit, type Actor } from './cases-repo'
import type { RedressDb } from './redress-db'

/**
 * The resolution's records: the decision, the action plan's measures and the
 * customer's letter. Every write appends to the case's audit chain in the same
 * transaction; a letter once sent is part of the record and never changes again.
 */

async function audit(
  db: RedressDb,
  actor: Actor,
  caseId: CaseId,
  entity: string,
  entityId: string,
  action: string,
  before: object | null,
  after: object,
  at: string,
): Promise<void> {
  await appendAudit(db, {
    chain: caseId,
    at,
    by: actor.name,
    entity,
    entityId,
    action,
    changes: diffFields(before, after),
  })
}

/** Without the stamp that changes on every write: an unchanged record adds nothing to the chain. */
function content<T extends { readonly updatedAt: string }>(record: T): Omit<T, 'updatedAt'> {
  const { updatedAt: _ignored, ...rest } = record
  return rest
}

// ── The decision ───────────────────────────────────────────────────────────

export type ResolutionValues = Pick<
  Resolution,
  'responsibility' | 'rootCause' | 'outcome' | 'decision' | 'compensation'
>

/** Records the decision, or changes it: one per case. */
export async function saveResolution(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  values: ResolutionValues,
): Promise<Resolution> {
  return db.transaction('rw', [db.resolutions, db.audit], async () => {
    const current = await db.resolutions.where('caseId').equals(caseId).first()
    const now = new Date().toISOString()
    const fields: ResolutionValues = {
      responsibility: values.responsibility,
      rootCause: values.rootCause,
      outcome: values.outcome,
      decision: values.decision,
      compensation: values.compensation,
    }
    if (!current) {
      const created: Resolution = {
        id: newId<'resolution'>(),
        caseId,
        ...fields,
        decidedAt: now,
        decidedBy: actor.name,
        createdAt: now,
        createdBy: actor.name,
        updatedAt: now,
      }
      await db.resolutions.add(created)
      await audit(db, actor, caseId, 'resolution', created.id, 'created', null, content(created), now)
      return created
    }
    const next: Resolution = { ...current, ...fields, decidedAt: now, decidedBy: actor.name, updatedAt: now }
    const before = { ...content(current), decidedAt: null, decidedBy: null }
    const after = { ...content(next), decidedAt: null, decidedBy: null }
    if (diffFields(before, after).length === 0) return current
    await db.resolutions.put(next)
    await audit(db, actor, caseId, 'resolution', current.id, 'updated', content(current), content(next), now)
    return next
  })
}

// ── The action plan ────────────────────────────────────────────────────────

export type MeasureInput = Pick<Task, 'text' | 'owner' | 'due'>

/** A corrective measure of the action plan: a task of kind measure, with its owner and due date. */
export async function addMeasure(db: RedressDb, caseId: CaseId, actor: Actor, input: MeasureInput): Promise<Task> {
  return db.transaction('rw', [db.tasks, db.audit], async () => {
    const now = new Date().toISOString()
    const measure: Task = {
      id: newId<'task'>(),
      caseId,
      kind: 'measure',
      text: input.text,
      owner: input.owner,
      due: input.due,
      status: 'open',
      origin: null,
      doneAt: null,
      doneBy: null,
      verification: null,
      createdAt: now,
      createdBy: actor.name,
      updatedAt: now,
    }
    await db.tasks.add(measure)
    await audit(db, actor, caseId, 'measure', measure.id, 'created', null, content(measure), now)
    return measure
  })
}

async function changeMeasure(
  db: RedressDb,
  id: TaskId,
  actor: Actor,
  action: string,
  edit: (current: Task, now: string) => Task,
): Promise<Task> {
  return db.transaction('rw', [db.tasks, db.audit], async () => {
    const current = await db.tasks.get(id)
    if (!current) throw new Error(`No measure ${id}`)
    if (current.kind !== 'measure') throw new DomainError('not_a_measure', `Task ${id} is not a measure.`)
    const now = new Date().toISOString()
    const next: Task = {
      ...edit(current, now),
      id: current.id,
      caseId: current.caseId,
      kind: 'measure',
      updatedAt: now,
    }
    if (diffFields(content(current), content(next)).length === 0) return current
    await db.tasks.put(next)
    await audit(db, actor, current.caseId, 'measure', id, action, content(current), content(next), now)
    return next
  })
}

export function updateMeasure(db: RedressDb, id: TaskId, actor: Actor, input: MeasureInput): Promise<Task> {
  return changeMeasure(db, id, actor, 'updated', (m) => ({
    ...m,
    text: input.text,
    owner: input.owner,
    due: input.due,
  }))
}

/** Proof that the measure was carried out: it is then done, and no longer overdue. */
export function verifyMeasure(db: RedressDb, id: TaskId, actor: Actor, verification: TaskVerification): Promise<Task> {
  return changeMeasure(db, id, actor, 'verified', (m, now) => ({
    ...m,
    verification,
    status: 'done',
    doneAt: now,
    doneBy: actor.name,
  }))
}

/** Withdraws a verification entered by mistake: the measure is open again (the chain keeps what it said). */
export function clearVerification(db: RedressDb, id: TaskId, actor: Actor): Promise<Task> {
  return changeMeasure(db, id, actor, 'unverified', (m) => ({
    ...m,
    verification: null,
    status: 'open',
    doneAt: null,
    doneBy: null,
  }))
}

// ── The customer's letter ──────────────────────────────────────────────────

export interface LetterDraft {
  readonly language: Language
  readonly subject: string
  readonly body: string
}

function refuseIfSent(letter: Letter): void {
  if (letter.status === 'sent') throw new DomainError('letter_sent', `Letter ${letter.id} was sent: it cannot change.`)
}

/**
 * Creates the case's draft letter, or saves the one being written. A changed
 * text makes an earlier PDF stale, so its hash is forgotten.
 */
export async function saveLetterDraft(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  draft: LetterDraft,
  id: LetterId | null = null,
): Promise<Letter> {
  return db.transaction('rw', [db.letters, db.audit], async () => {
    const now = new Date().toISOString()
    const current = id ? await db.letters.get(id) : undefined
    if (id && !current) throw new Error(`No letter ${id}`)
    if (!current) {
      const created: Letter = {
        id: newId<'letter'>(),
        caseId,
        language: draft.language,
        subject: draft.subject,
        body: draft.body,
        pdfSha256: null,
        pdfSize: null,
        status: 'draft',
        sentAt: null,
        sentBy: null,
        sentChannel: null,
        createdAt: now,
        createdBy: actor.name,
        updatedAt: now,
      }
      await db.letters.add(created)
      await audit(db, actor, caseId, 'letter', created.id, 'created', null, content(created), now)
      return created
    }
    refuseIfSent(current)
    const textChanged =
      current.language !== draft.language || current.subject !== draft.subject || current.body !== draft.body
    if (!textChanged) return current
    const next: Letter = { ...current, ...draft, pdfSha256: null, pdfSize: null, updatedAt: now }
    await db.letters.put(next)
    await audit(db, actor, current.caseId, 'letter', current.id, 'updated', content(current), content(next), now)
    return next
  })
}

/** The PDF rendered from the letter as it stands, kept in the vault under this hash. */
export async function recordLetterRendered(
  db: RedressDb,
  id: LetterId,
  actor: Actor,
  pdf: { readonly sha256: string; readonly size: number },
): Promise<Letter> {
  return db.transaction('rw', [db.letters, db.audit], async () => {
    const current = await db.letters.get(id)
    if (!current) throw new Error(`No letter ${id}`)
    refuseIfSent(current)
    const now = new Date().toISOString()
    const next: Letter = { ...current, pdfSha256: pdf.sha256, pdfSize: pdf.size, updatedAt: now }
    await db.letters.put(next)
    await audit(db, actor, current.caseId, 'letter', id, 'rendered', content(current), content(next), now)
    return next
  })
}

export type LetterChannel = NonNullable<Letter['sentChannel']>

/**
 * The letter went to the customer: it is sent for good, and the decision is
 * logged in the case's communications, both in one transaction.
 */
export async function markLetterSent(
  db: RedressDb,
  id: LetterId,
  actor: Actor,
  sent: { readonly at: string; readonly channel: LetterChannel },
): Promise<{ letter: Letter; communication: Communication }> {
  return db.transaction('rw', [db.letters, db.communications, db.audit], async () => {
    const current = await db.letters.get(id)
    if (!current) throw new Error(`No letter ${id}`)
    refuseIfSent(current)
    const now = new Date().toISOString()
    const letter: Letter = {
      ...current,
      status: 'sent',
      sentAt: sent.at,
      sentBy: actor.name,
      sentChannel: sent.channel,
      updatedAt: now,
    }
    await db.letters.put(letter)
    await audit(db, actor, current.caseId, 'letter', id, 'sent', content(current), content(letter), now)
    const communication: Communication = {
      id: newId<'communication'>(),
      caseId: current.caseId,
      kind: 'decision',
      channel: sent.channel,
      at: sent.at,
      by: actor.name,
      content: current.subject,
      createdAt: now,
      createdBy: actor.name,
    }
    await db.communications.add(communication)
    await audit(db, actor, current.caseId, 'communication', communication.id, 'appended', null, communication, now)
    return { letter, communication }
  })
}
