import { z } from 'zod'
import { lessonAreas, lessonStatuses, type Survey } from './review'

/**
 * The survey and lesson forms, one schema each for the screen and anything else
 * that checks the same data. Messages are i18n keys (intake.errors.*).
 */

const satisfactionScores = ['1', '2', '3', '4', '5'] as const

export const surveySchema = z.object({
  /** Radio values are strings; the record keeps the score as a number. */
  satisfaction: z
    .enum(satisfactionScores, { message: 'intake.errors.choose' })
    .transform((v) => Number(v) as Survey['satisfaction']),
  fixAsWanted: z.enum(['yes', 'partly', 'no'], { message: 'intake.errors.choose' }),
  wouldReturn: z.enum(['yes', 'maybe', 'no'], { message: 'intake.errors.choose' }),
  comment: z.string().trim().max(5000, 'intake.errors.tooLong'),
  /** When the customer answered, as datetime-local gives it (local time). */
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'intake.errors.required')
    .refine((v) => Date.parse(v) <= Date.now() + 5 * 60_000, 'caseReview.survey.future'),
})
export type SurveyInput = z.input<typeof surveySchema>
export type SurveyValues = z.output<typeof surveySchema>

export const lessonSchema = z.object({
  area: z.enum(lessonAreas, { message: 'intake.errors.choose' }),
  text: z.string().trim().min(10, 'caseReview.lessons.tooShort').max(5000, 'intake.errors.tooLong'),
  owner: z.string().trim().min(1, 'intake.errors.required').max(200, 'intake.errors.tooLong'),
  status: z.enum(lessonStatuses, { message: 'intake.errors.choose' }),
})
export type LessonInput = z.input<typeof lessonSchema>
export type LessonValues = z.output<typeof lessonSchema>
