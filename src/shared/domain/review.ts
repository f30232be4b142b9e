import type { CaseId } from './case'
import type { Id } from './ids'
import type { Language } from '../i18n/languages'

/** A customer's answers to the short survey after closure. */
export interface Survey {
  readonly id: Id<'survey'>
  readonly caseId: CaseId
  /** When the customer answered (ISO 8601). */
  readonly at: string
  /** Language the survey was put in (the customer's). */
  readonly language: Language
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  readonly satisfaction: 1 | 2 | 3 | 4 | 5
  /** Was the fix what they wanted. */
  readonly fixAsWanted: 'yes' | 'partly' | 'no'
  /** Would they come back. */
  readonly wouldReturn: 'yes' | 'maybe' | 'no'
  readonly comment: string
  readonly createdAt: string
  readonly createdBy: string
}

export const lessonAreas = ['process', 'training', 'product', 'safety', 'communication', 'other'] as const
export type LessonArea = (typeof lessonAreas)[number]

export const lessonStatuses = ['proposed', 'in_progress', 'done', 'dropped'] as const
export type LessonStatus = (typeof lessonStatuses)[number]

/** What a closed case teaches: what to change, who owns it, where it stands. */
export interface Lesson {
  readonly id: Id<'lesson'>
  readonly caseId: CaseId
  readonly area: LessonArea
  /** What to change, in the author's words. */
  readonly text: string
  readonly owner: string
  readonly status: LessonStatus
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}
