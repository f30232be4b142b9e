import { diffFields } from '@shared/domain/audit-chain'
import type { CaseId } from '@shared/domain/case'
import { newId } from '@shared/domain/ids'
import type { Lesson, Survey } from '@shared/domain/review'
import type { LessonValues, SurveyValues } from '@shared/domain/review-forms'
import { appendAudit, type Actor } from './cases-repo'
import type { RedressDb } from './redress-db'

/** Only a closed case is surveyed or teaches a lesson: the review looks back on finished work. */
async function closedCase(db: RedressDb, caseId: CaseId): Promise<void> {
  const record = await db.cases.get(caseId)
  if (!record) throw new Error(`No case ${caseId}`)
  if (record.status !== 'closed') throw new Error(`Case ${record.ref} is not closed`)
}

/**
 * Records the customer's answers to the survey after closure, once per case,
 * audited on the case's chain in the same transaction.
 */
export async function recordSurvey(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  values: SurveyValues & { readonly language: Survey['language'] },
): Promise<Survey> {
  return db.transaction('rw', [db.cases, db.surveys, db.audit], async () => {
    await closedCase(db, caseId)
    if ((await db.surveys.where('caseId').equals(caseId).count()) > 0) {
      throw new Error('This case already has a survey')
    }
    const now = new Date().toISOString()
    const survey: Survey = {
      id: newId<'survey'>(),
      caseId,
      at: values.at,
      language: values.language,
      satisfaction: values.satisfaction,
      fixAsWanted: values.fixAsWanted,
      wouldReturn: values.wouldReturn,
      comment: values.comment,
      createdAt: now,
      createdBy: actor.name,
    }
    await db.surveys.add(survey)
    await appendAudit(db, {
      chain: caseId,
      at: now,
      by: actor.name,
      entity: 'survey',
      entityId: survey.id,
      action: 'created',
      changes: diffFields(null, survey),
    })
    return survey
  })
}

/** Adds a lesson to a closed case, audited on its chain. */
export async function addLesson(db: RedressDb, caseId: CaseId, actor: Actor, values: LessonValues): Promise<Lesson> {
  return db.transaction('rw', [db.cases, db.lessons, db.audit], async () => {
    await closedCase(db, caseId)
    const now = new Date().toISOString()
    const lesson: Lesson = {
      id: newId<'lesson'>(),
      caseId,
      area: values.area,
      text: values.text,
      owner: values.owner,
      status: values.status,
      createdAt: now,
      createdBy: actor.name,
      updatedAt: now,
    }
    await db.lessons.add(lesson)
    await appendAudit(db, {
      chain: caseId,
      at: now,
      by: actor.name,
      entity: 'lesson',
      entityId: lesson.id,
      action: 'created',
      changes: diffFields(null, lesson),
    })
    return lesson
  })
}

/** Changes a lesson's owner or status from the register; every changed field audited on the case's chain. */
export async function updateLesson(
  db: RedressDb,
  id: Lesson['id'],
  actor: Actor,
  change: Partial<Pick<Lesson, 'owner' | 'status'>>,
): Promise<Lesson> {
  return db.transaction('rw', [db.lessons, db.audit], async () => {
    const current = await db.lessons.get(id)
    if (!current) throw new Error(`No lesson ${id}`)
    const now = new Date().toISOString()
    const next: Lesson = { ...current, ...change, updatedAt: now }
    const changes = diffFields(current, next).filter((c) => c.field !== 'updatedAt')
    if (changes.length === 0) return current
    await db.lessons.put(next)
    await appendAudit(db, {
      chain: current.caseId,
      at: now,
      by: actor.name,
      entity: 'lesson',
      entityId: id,
      action: 'updated',
      changes,
    })
    return next
  })
}
