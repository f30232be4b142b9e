import { describe, expect, it } from 'vitest'
import type { Resolution } from '../../src/shared/domain/resolution'
import {
  letterSentSchema,
  measureSchema,
  resolutionSchema,
  resolutionToForm,
  verificationSchema,
  type ResolutionInput,
} from '../../src/shared/domain/resolution-forms'

const valid: ResolutionInput = {
  responsibility: [
    { kind: 'company', partyId: '', share: '70', note: '' },
    { kind: 'customer', partyId: '', share: '30', note: 'Signed without checking' },
  ],
  rootCause: { category: 'process', text: 'Parcels are not checked at the door.' },
  outcome: 'partly_upheld',
  decision: 'We refund the damaged part.',
  compensation: [{ kind: 'refund', amount: '49,90', currency: 'eur' }],
}

/** The i18n keys of the problems found, by path. */
function problems(input: unknown, schema = resolutionSchema): Record<string, string> {
  const result = schema.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('the decision form', () => {
  it('turns what the controls hold into the resolution’s shape', () => {
    const parsed = resolutionSchema.parse(valid)
    expect(parsed.responsibility).toEqual([
      { kind: 'company', partyId: null, share: 70, note: '' },
      { kind: 'customer', partyId: null, share: 30, note: 'Signed without checking' },
    ])
    expect(parsed.compensation).toEqual([{ kind: 'refund', amount: 49.9, currency: 'EUR' }])
  })

  it('asks for someone responsible, a party when the kind is party, and a share or a note', () => {
    expect(problems({ ...valid, responsibility: [] })).toEqual({
      responsibility: 'resolution.errors.responsibilityRequired',
    })
    expect(
      problems({
        ...valid,
        responsibility: [
          { kind: 'party', partyId: '', share: '10', note: '' },
          { kind: 'supplier', partyId: '', share: '', note: '  ' },
          { kind: 'company', partyId: '', share: '120', note: '' },
        ],
      }),
    ).toEqual({
      'responsibility.0.partyId': 'intake.errors.choose',
      'responsibility.1.note': 'resolution.errors.shareOrNote',
      'responsibility.2.share': 'resolution.errors.share',
    })
  })

  it('accepts no one responsible when no cause was found, as the sample cases record it', () => {
    expect(
      problems({ ...valid, responsibility: [], rootCause: { category: 'none_found', text: 'Nothing wrong found.' } }),
    ).toEqual({})
  })

  it('refuses shares that add up to more than 100 when every row has one', () => {
    const over = {
      ...valid,
      responsibility: [
        { kind: 'company', partyId: '', share: '70', note: '' },
        { kind: 'customer', partyId: '', share: '40', note: '' },
      ],
    }
    expect(problems(over)).toEqual({ responsibility: 'resolution.errors.sharesOver' })
    const partlyNoted = {
      ...valid,
      responsibility: [
        { kind: 'company', partyId: '', share: '70', note: '' },
        { kind: 'customer', partyId: '', share: '', note: 'Some of it' },
        { kind: 'supplier', partyId: '', share: '40', note: '' },
      ],
    }
    expect(problems(partlyNoted)).toEqual({})
  })

  it('requires the root cause, the outcome and the decision', () => {
    expect(problems({ ...valid, rootCause: { category: '', text: ' ' }, outcome: '', decision: '' })).toEqual({
      'rootCause.category': 'intake.errors.choose',
      'rootCause.text': 'intake.errors.required',
      outcome: 'intake.errors.choose',
      decision: 'intake.errors.required',
    })
  })

  it('wants an amount above zero in a three-letter currency for money, and none for an apology or a service', () => {
    expect(
      problems({
        ...valid,
        compensation: [
          { kind: 'refund', amount: '0', currency: 'EUR' },
          { kind: 'credit', amount: '12', currency: 'euro' },
          { kind: 'apology', amount: '5', currency: '' },
          { kind: 'service', amount: '', currency: '' },
          { kind: 'replacement', amount: '', currency: '' },
        ],
      }),
    ).toEqual({
      'compensation.0.amount': 'resolution.errors.amount',
      'compensation.1.currency': 'resolution.errors.currency',
      'compensation.2.amount': 'resolution.errors.noAmount',
    })
  })

  it('shows a saved decision in the form and saves it back unchanged', () => {
    const saved: Resolution = {
      id: 'r' as Resolution['id'],
      caseId: 'c' as Resolution['caseId'],
      responsibility: [{ kind: 'company', partyId: null, share: null, note: 'Late delivery' }],
      rootCause: { category: 'supplier', text: 'The carrier lost the parcel.' },
      outcome: 'upheld',
      decision: 'Full refund.',
      compensation: [
        { kind: 'refund', amount: 1250000, currency: 'VND' },
        { kind: 'apology', amount: null, currency: null },
      ],
      decidedAt: '',
      decidedBy: '',
      createdAt: '',
      createdBy: '',
      updatedAt: '',
    }
    expect(resolutionToForm(saved).compensation.map((c) => c.amount)).toEqual(['1250000', ''])
    const cents = { ...saved, compensation: [{ kind: 'refund' as const, amount: 49.9, currency: 'EUR' }] }
    expect(resolutionToForm(cents).compensation[0]?.amount).toBe('49.90')
    const parsed = resolutionSchema.parse(resolutionToForm(saved))
    expect(parsed).toEqual({
      responsibility: saved.responsibility,
      rootCause: saved.rootCause,
      outcome: saved.outcome,
      decision: saved.decision,
      compensation: saved.compensation,
    })
  })
})

describe('the measure, verification and sending forms', () => {
  it('needs a measure’s text, owner and due date', () => {
    expect(problems({ text: '', owner: '', due: '' }, measureSchema as never)).toEqual({
      text: 'intake.errors.required',
      owner: 'intake.errors.required',
      due: 'intake.errors.required',
    })
  })

  it('needs who checked, when (not in the future) and a note; the evidence is optional', () => {
    expect(problems({ by: '', at: '2999-01-01T10:00', note: '', evidenceId: '' }, verificationSchema as never)).toEqual(
      {
        by: 'intake.errors.required',
        at: 'resolution.errors.future',
        note: 'intake.errors.required',
      },
    )
    expect(
      verificationSchema.parse({ by: 'Sophie', at: '2026-11-20T10:00', note: 'Seen', evidenceId: '' }).evidenceId,
    ).toBeNull()
  })

  it('needs the channel and the date the letter went out', () => {
    expect(problems({ channel: '', at: '' }, letterSentSchema as never)).toEqual({
      channel: 'intake.errors.choose',
      at: 'intake.errors.required',
    })
  })
})
