import { z } from 'zod'
import {
  compensationKinds,
  outcomes,
  responsibleKinds,
  rootCauseCategories,
  type Compensation,
  type CompensationKind,
  type Resolution,
  type Responsibility,
} from './resolution'
import type { PartyId } from './investigation'
import type { EvidenceId } from './evidence'

/**
 * The forms of the resolution (DESIGN section 1, step 4): the decision, a measure
 * of the action plan, its verification and the letter's sending. One schema each;
 * messages are i18n keys. Inputs are what the controls hold (strings), outputs
 * are the records' shapes.
 */

const required = (max: number): z.ZodString =>
  z.string().trim().min(1, 'intake.errors.required').max(max, 'intake.errors.tooLong')
const optional = (max: number): z.ZodString => z.string().trim().max(max, 'intake.errors.tooLong')
// abort: a missing date is said once, not also as "in the future".
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, { message: 'intake.errors.required', abort: true })
/** A select's value: a string while nothing is chosen, one of the values once it is. */
const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().pipe(z.enum(values, { message: 'intake.errors.choose' }))
const notInFuture = (v: string): boolean => Date.parse(v) <= Date.now() + 5 * 60_000

/** "49,90" or "49.90" (either decimal mark the handler's keyboard gives); NaN when not a number. */
export function parseAmount(text: string): number {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.')
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN
}

/** Kinds that pay money and so need an amount and its currency; apology, service and none carry none. */
export const paidKinds: readonly CompensationKind[] = ['refund', 'credit']
const unpaidKinds: readonly CompensationKind[] = ['apology', 'service', 'none']

const responsibilityRow = z
  .object({
    kind: choice(responsibleKinds),
    partyId: z.string(),
    /** Percent as typed; empty when only a note is given. */
    share: z.string().trim(),
    note: optional(2000),
  })
  .superRefine((row, ctx) => {
    if (row.kind === 'party' && !row.partyId)
      ctx.addIssue({ code: 'custom', path: ['partyId'], message: 'intake.errors.choose' })
    if (row.share !== '') {
      const share = parseAmount(row.share)
      if (!(share >= 0 && share <= 100))
        ctx.addIssue({ code: 'custom', path: ['share'], message: 'resolution.errors.share' })
    } else if (row.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'resolution.errors.shareOrNote' })
    }
  })
  .transform((row): Responsibility => ({
    kind: row.kind,
    partyId: row.kind === 'party' ? (row.partyId as PartyId) : null,
    share: row.share === '' ? null : parseAmount(row.share),
    note: row.note,
  }))

const compensationRow = z
  .object({
    kind: choice(compensationKinds),
    amount: z.string().trim(),
    currency: z.string().trim().toUpperCase(),
  })
  .superRefine((row, ctx) => {
    const unpaid = unpaidKinds.includes(row.kind)
    if (unpaid) {
      if (row.amount !== '' || row.currency !== '')
        ctx.addIssue({ code: 'custom', path: ['amount'], message: 'resolution.errors.noAmount' })
      return
    }
    // A replacement may be valued or not; refunds and credits always are.
    if (row.amount === '' && row.currency === '' && !paidKinds.includes(row.kind)) return
    if (!(parseAmount(row.amount) > 0))
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'resolution.errors.amount' })
    if (!/^[A-Z]{3}$/.test(row.currency))
      ctx.addIssue({ code: 'custom', path: ['currency'], message: 'resolution.errors.currency' })
  })
  .transform((row): Compensation => ({
    kind: row.kind,
    amount: row.amount === '' ? null : parseAmount(row.amount),
    currency: row.currency === '' ? null : row.currency,
  }))

export const resolutionSchema = z
  .object({
    responsibility: z.array(responsibilityRow),
    rootCause: z.object({
      category: choice(rootCauseCategories),
      text: required(5000),
    }),
    outcome: choice(outcomes),
    decision: required(20_000),
    compensation: z.array(compensationRow),
  })
  .superRefine((value, ctx) => {
    // When no cause was found there may be no one to hold responsible (the sample cases record it so).
    if (value.responsibility.length === 0 && value.rootCause.category !== 'none_found')
      ctx.addIssue({ code: 'custom', path: ['responsibility'], message: 'resolution.errors.responsibilityRequired' })
    // Rows with their own problems are not turned into numbers yet: the sum waits until they are.
    const shares: unknown[] = value.responsibility.map((r) => r.share)
    const numbers = shares.filter((s): s is number => typeof s === 'number')
    if (numbers.length > 0 && numbers.length === shares.length && numbers.reduce((a, b) => a + b, 0) > 100.0001)
      ctx.addIssue({ code: 'custom', path: ['responsibility'], message: 'resolution.errors.sharesOver' })
  })
export type ResolutionInput = z.input<typeof resolutionSchema>
export type ResolutionFormValues = z.output<typeof resolutionSchema>

export const blankResponsibility: ResolutionInput['responsibility'][number] = {
  kind: 'company',
  partyId: '',
  share: '',
  note: '',
}
export const blankCompensation: ResolutionInput['compensation'][number] = { kind: 'refund', amount: '', currency: '' }

/** 49.9 as "49.90", as money is written; an amount with more decimals (a few currencies have three) stays whole. */
function amountText(amount: number): string {
  return Number.isInteger(amount) || Number(amount.toFixed(2)) !== amount ? String(amount) : amount.toFixed(2)
}

/** What the form shows for a saved decision, or a fresh one. */
export function resolutionToForm(resolution: Resolution | null): ResolutionInput {
  if (!resolution)
    return {
      responsibility: [blankResponsibility],
      rootCause: { category: '', text: '' },
      outcome: '',
      decision: '',
      compensation: [],
    }
  return {
    responsibility: resolution.responsibility.map((r) => ({
      kind: r.kind,
      partyId: r.partyId ?? '',
      share: r.share === null ? '' : String(r.share),
      note: r.note,
    })),
    rootCause: { ...resolution.rootCause },
    outcome: resolution.outcome,
    decision: resolution.decision,
    compensation: resolution.compensation.map((c) => ({
      kind: c.kind,
      amount: c.amount === null ? '' : amountText(c.amount),
      currency: c.currency ?? '',
    })),
  }
}

export const measureSchema = z.object({
  text: required(2000),
  owner: required(200),
  /** Due date (YYYY-MM-DD): every measure of the plan has a deadline. */
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'intake.errors.required'),
})
export type MeasureInput = z.input<typeof measureSchema>
export type MeasureValues = z.output<typeof measureSchema>

export const verificationSchema = z.object({
  by: required(200),
  at: localDateTime.refine(notInFuture, 'resolution.errors.future'),
  note: required(5000),
  evidenceId: z.string().transform((v) => (v === '' ? null : (v as EvidenceId))),
})
export type VerificationInput = z.input<typeof verificationSchema>
export type VerificationValues = z.output<typeof verificationSchema>

export const letterChannels = ['email', 'letter', 'in_person'] as const

export const letterSentSchema = z.object({
  channel: choice(letterChannels),
  at: localDateTime.refine(notInFuture, 'resolution.errors.future'),
})
export type LetterSentInput = z.input<typeof letterSentSchema>
export type LetterSentValues = z.output<typeof letterSentSchema>
