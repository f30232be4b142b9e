import type { CaseId } from './case'
import type { Id } from './ids'
import type { PartyId } from './investigation'

/** Who bears responsibility: a party of the case, or the company, a supplier, the customer. */
export const responsibleKinds = ['party', 'company', 'supplier', 'customer'] as const
export type ResponsibleKind = (typeof responsibleKinds)[number]

export const rootCauseCategories = [
  'process',
  'training',
  'staff_conduct',
  'product_defect',
  'supplier',
  'equipment',
  'communication',
  'system',
  'customer_error',
  'none_found',
] as const
export type RootCauseCategory = (typeof rootCauseCategories)[number]

export const compensationKinds = ['refund', 'credit', 'replacement', 'service', 'apology', 'none'] as const
export type CompensationKind = (typeof compensationKinds)[number]

/** How a decided case ends for the customer. */
export const outcomes = ['upheld', 'partly_upheld', 'not_upheld'] as const
export type Outcome = (typeof outcomes)[number]

export interface Responsibility {
  readonly kind: ResponsibleKind
  /** The party, when kind is party. */
  readonly partyId: PartyId | null
  /** Share of responsibility in percent, or null when only a note is given. */
  readonly share: number | null
  readonly note: string
}

export interface Compensation {
  readonly kind: CompensationKind
  /** Amount in the currency's major unit (12.50), or null for apology/service. */
  readonly amount: number | null
  /** ISO 4217 code, e.g. EUR, VND, RUB. */
  readonly currency: string | null
}

/** The decision on a case (DESIGN section 5): one per case, keyed by the case id. */
export interface Resolution {
  readonly id: Id<'resolution'>
  readonly caseId: CaseId
  readonly responsibility: readonly Responsibility[]
  readonly rootCause: { readonly category: RootCauseCategory; readonly text: string }
  readonly outcome: Outcome
  /** The decision in the handler's words. */
  readonly decision: string
  readonly compensation: readonly Compensation[]
  readonly decidedAt: string
  readonly decidedBy: string
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}
