import { z } from 'zod'
import { accountSources, partyRoles } from './investigation'

/** The forms of the investigation: one schema each, messages are i18n keys. */

const required = (max: number): z.ZodString =>
  z.string().trim().min(1, 'intake.errors.required').max(max, 'intake.errors.tooLong')
const optional = (max: number): z.ZodString => z.string().trim().max(max, 'intake.errors.tooLong')

export const partySchema = z.object({
  role: z.enum(partyRoles, { message: 'intake.errors.choose' }),
  name: required(200),
  relation: optional(500),
  phone: optional(50),
  email: z
    .string()
    .trim()
    .max(200, 'intake.errors.tooLong')
    .refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'intake.errors.email'),
  address: optional(1000),
})
export type PartyValues = z.input<typeof partySchema>

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'intake.errors.required')

export const interviewSchema = z.object({
  partyId: z.string().min(1, 'intake.errors.choose'),
  at: localDateTime,
  place: required(300),
  language: z.enum(['en', 'fr', 'vi', 'ru'], { message: 'intake.errors.choose' }),
  recordings: z.array(z.string()),
})
export type InterviewValues = z.input<typeof interviewSchema>

/** One telling of an account: the first one, or a retelling. */
export const tellingSchema = z
  .object({
    toldAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'intake.errors.required'),
    source: z.enum(accountSources, { message: 'intake.errors.choose' }),
    interviewId: z.string().nullable(),
    text: required(200_000),
  })
  .superRefine((value, ctx) => {
    if (value.source === 'interview' && !value.interviewId)
      ctx.addIssue({ code: 'custom', path: ['interviewId'], message: 'intake.errors.choose' })
  })
export type TellingValues = z.input<typeof tellingSchema>

export const accountSchema = z.object({
  partyId: z.string().min(1, 'intake.errors.choose'),
  title: required(200),
  telling: tellingSchema,
})
export type AccountValues = z.input<typeof accountSchema>
