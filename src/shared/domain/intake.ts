import { z } from 'zod'
import { languages } from '../i18n/languages'
import { channels, datePrecisions } from './case'

/**
 * The intake form, validated by one schema: react-hook-form uses it on screen,
 * and anything else that validates the same data uses it too. Messages are i18n
 * keys (intake.errors.*), translated where they are shown.
 */

const required = (max = 500): z.ZodString =>
  z.string().trim().min(1, 'intake.errors.required').max(max, 'intake.errors.tooLong')

const eventDatePattern: Record<(typeof datePrecisions)[number], RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
}

export const intakeSchema = z
  .object({
    /** Local date and time the complaint was received, as datetime-local gives it: YYYY-MM-DDTHH:mm. */
    receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'intake.errors.required'),
    receivedBy: required(200),
    department: required(200),
    channel: z.enum(channels, { message: 'intake.errors.choose' }),
    customer: z.object({
      name: required(200),
      address: required(1000),
      phone: z
        .string()
        .trim()
        .max(50, 'intake.errors.tooLong')
        .refine(
          (p) => p === '' || (p.replace(/\D/g, '').length >= 6 && /^[+\d\s().-]+$/.test(p)),
          'intake.errors.phone',
        ),
      email: z
        .string()
        .trim()
        .max(200, 'intake.errors.tooLong')
        .refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'intake.errors.email'),
      language: z.enum(languages.map((l) => l.code) as ['en', 'fr', 'vi', 'ru'], { message: 'intake.errors.choose' }),
    }),
    eventDate: z.object({
      precision: z.enum(datePrecisions, { message: 'intake.errors.choose' }),
      value: z.string().trim().min(1, 'intake.errors.required'),
    }),
    complaint: z.string().trim().min(10, 'intake.errors.complaintTooShort').max(20_000, 'intake.errors.tooLong'),
    remedy: required(5000),
    /** PNG data URL of the customer's signature drawn on screen. */
    signature: z.string().startsWith('data:image/png;base64,', 'intake.errors.signature'),
  })
  .superRefine((value, ctx) => {
    if (value.customer.phone === '' && value.customer.email === '') {
      ctx.addIssue({ code: 'custom', path: ['customer', 'phone'], message: 'intake.errors.contact' })
    }
    const pattern = eventDatePattern[value.eventDate.precision]
    if (value.eventDate.value && pattern && !pattern.test(value.eventDate.value)) {
      ctx.addIssue({ code: 'custom', path: ['eventDate', 'value'], message: 'intake.errors.eventDateFormat' })
    } else if (
      value.eventDate.value &&
      value.receivedAt &&
      value.eventDate.value > value.receivedAt.slice(0, value.eventDate.value.length)
    ) {
      ctx.addIssue({ code: 'custom', path: ['eventDate', 'value'], message: 'intake.errors.eventAfterReceipt' })
    }
    const received = Date.parse(value.receivedAt)
    if (!Number.isNaN(received) && received > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: 'intake.errors.future' })
    }
  })

export type IntakeValues = z.input<typeof intakeSchema>

/** An empty form, with the receipt details the profile already knows. */
export function emptyIntake(defaults: {
  receivedBy: string
  department: string
  receivedAt: string
  language: IntakeValues['customer']['language']
}): IntakeValues {
  return {
    receivedAt: defaults.receivedAt,
    receivedBy: defaults.receivedBy,
    department: defaults.department,
    channel: undefined as unknown as IntakeValues['channel'],
    customer: { name: '', address: '', phone: '', email: '', language: defaults.language },
    eventDate: { precision: 'day', value: '' },
    complaint: '',
    remedy: '',
    signature: '',
  }
}

/** Order and label keys of the fields, for the list of what is missing. */
export const intakeFieldOrder = [
  'receivedAt',
  'receivedBy',
  'department',
  'channel',
  'customer.name',
  'customer.address',
  'customer.phone',
  'customer.email',
  'customer.language',
  'eventDate.precision',
  'eventDate.value',
  'complaint',
  'remedy',
  'signature',
] as const
export type IntakeField = (typeof intakeFieldOrder)[number]

export const profileSchema = z.object({
  name: z.string().trim().min(1, 'intake.errors.required').max(200, 'intake.errors.tooLong'),
  role: z.enum(['investigator', 'manager'], { message: 'intake.errors.choose' }),
  organisation: z.string().trim().min(1, 'intake.errors.required').max(200, 'intake.errors.tooLong'),
  department: z.string().trim().min(1, 'intake.errors.required').max(200, 'intake.errors.tooLong'),
  casePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,10}$/, 'intake.errors.prefix'),
  language: z.enum(['en', 'fr', 'vi', 'ru'], { message: 'intake.errors.choose' }),
})
export type ProfileValues = z.input<typeof profileSchema>

export const triageSchema = z
  .object({
    decision: z.enum(['investigate', 'decline'], { message: 'intake.errors.choose' }),
    declineReason: z.enum(['frivolous', 'scam', 'out_of_scope', 'duplicate']).nullable(),
    reason: z.string().trim().min(1, 'intake.errors.required').max(5000, 'intake.errors.tooLong'),
    severity: z.enum(['minor', 'major'], { message: 'intake.errors.choose' }),
    category: z.enum(['delivery', 'billing', 'staff', 'product', 'safety', 'privacy', 'other'], {
      message: 'intake.errors.choose',
    }),
    criteria: z.array(z.enum(['legal', 'safety', 'financial', 'other'])),
    escalations: z.array(
      z.object({
        to: z.enum(['manager', 'legal', 'police']),
        reason: z.string().trim().min(1, 'intake.errors.required').max(2000, 'intake.errors.tooLong'),
      }),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'decline' && !value.declineReason) {
      ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'intake.errors.choose' })
    }
    if (value.severity === 'major' && value.criteria.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'triage.errors.majorNeedsCriteria' })
    }
    if (value.severity === 'minor' && value.criteria.some((c) => c !== 'other')) {
      ctx.addIssue({ code: 'custom', path: ['severity'], message: 'triage.errors.stakesMakeMajor' })
    }
  })
export type TriageValues = z.input<typeof triageSchema>

export const communicationSchema = z.object({
  kind: z.enum(['acknowledgement', 'progress', 'decision'], { message: 'intake.errors.choose' }),
  channel: z.enum(['in_person', 'phone', 'email', 'letter', 'sms'], { message: 'intake.errors.choose' }),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'intake.errors.required'),
  content: z.string().trim().min(1, 'intake.errors.required').max(5000, 'intake.errors.tooLong'),
})
export type CommunicationValues = z.input<typeof communicationSchema>
