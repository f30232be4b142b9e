import type { Language } from '../i18n/languages'
import type { Id } from './ids'

export type CaseId = Id<'case'>

/** Where a case stands in the investigators' method (DESIGN section 1); see status.ts for the moves. */
export const caseStatuses = ['intake', 'triage', 'investigation', 'resolution', 'closed', 'declined'] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** How the complaint reached us. */
export const channels = ['in_person', 'phone', 'email_web', 'letter'] as const
export type Channel = (typeof channels)[number]

/** How precisely the customer could date the event they complain about. */
export const datePrecisions = ['day', 'month', 'year'] as const
export type DatePrecision = (typeof datePrecisions)[number]

export const triageDecisions = ['investigate', 'decline'] as const
export type TriageDecision = (typeof triageDecisions)[number]

/** Why a complaint is not investigated. */
export const declineReasons = ['frivolous', 'scam', 'out_of_scope', 'duplicate'] as const
export type DeclineReason = (typeof declineReasons)[number]

/** What the complaint is about: drives the interview question guide and the review's breakdowns. */
export const complaintCategories = ['delivery', 'billing', 'staff', 'product', 'safety', 'privacy', 'other'] as const
export type ComplaintCategory = (typeof complaintCategories)[number]

export const severities = ['minor', 'major'] as const
export type Severity = (typeof severities)[number]

/** Stakes that make a complaint major (legal, safety, financial) or that the investigator notes. */
export const severityCriteria = ['legal', 'safety', 'financial', 'other'] as const
export type SeverityCriterion = (typeof severityCriteria)[number]

export const escalationTargets = ['manager', 'legal', 'police'] as const
export type EscalationTarget = (typeof escalationTargets)[number]

/** A date the customer gave, possibly approximate: "2026-03-14", "2026-03" or "2026". */
export interface ApproximateDate {
  /** ISO date truncated to its precision: YYYY-MM-DD, YYYY-MM or YYYY. */
  readonly value: string
  readonly precision: DatePrecision
}

export interface Customer {
  /** Name as the customer gives it, accents and all. */
  readonly name: string
  /** Postal address, free text over several lines. */
  readonly address: string
  readonly phone: string
  readonly email: string
  /** Language the customer wants to be answered in (letters, calls). */
  readonly language: Language
}

export interface Signature {
  /** The drawing as a PNG data URL, as captured on screen. */
  readonly image: string
  /** When the customer signed (ISO 8601). */
  readonly signedAt: string
}

export interface Triage {
  readonly decision: TriageDecision
  /** Set when the decision is decline. */
  readonly declineReason: DeclineReason | null
  /** Why, in the investigator's words: always required. */
  readonly reason: string
  readonly severity: Severity
  readonly criteria: readonly SeverityCriterion[]
  readonly decidedAt: string
  readonly decidedBy: string
}

export interface Escalation {
  readonly to: EscalationTarget
  /** When it was escalated (ISO 8601). */
  readonly at: string
  readonly by: string
  /** Why, in the investigator's words. */
  readonly reason: string
}

/** Service-level deadlines, computed from the receipt date and the severity (sla.ts). */
export interface DueDates {
  /** Acknowledge the customer by then (ISO 8601); the clock stops at acknowledgement. */
  readonly acknowledge: string
  /** Resolve by then (ISO 8601); null until triage has set the severity. */
  readonly resolve: string | null
}

/** A complaint case as stored in the renderer's database. */
export interface CaseRecord {
  /** Internal id, unique across every laptop (UUIDv7). */
  readonly id: CaseId
  /** Human reference: prefix, year and number, e.g. LYON-2026-0042. */
  readonly ref: string
  readonly status: CaseStatus
  readonly channel: Channel
  /** When the complaint was received (ISO 8601), distinct from when the event happened. */
  readonly receivedAt: string
  /** Who took the complaint in. */
  readonly receivedBy: string
  /** Department or division the complaint is about. */
  readonly department: string
  readonly customer: Customer
  /** When the event complained about happened, as precisely as the customer knows. */
  readonly eventDate: ApproximateDate
  /** The customer's account, in their own words. */
  readonly complaint: string
  /** What the customer asks for. */
  readonly remedy: string
  readonly signature: Signature | null
  readonly triage: Triage | null
  /** What the complaint is about, set at triage; null before (and for cases from before it existed). */
  readonly category: ComplaintCategory | null
  readonly escalations: readonly Escalation[]
  readonly due: DueDates
  /** When the customer was first acknowledged (ISO 8601), or null. */
  readonly acknowledgedAt: string | null
  /** Who handles the case now. */
  readonly assignee: string
  /** When the case was closed or declined (ISO 8601), or null. */
  readonly closedAt: string | null
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

export const communicationKinds = ['acknowledgement', 'progress', 'decision'] as const
export type CommunicationKind = (typeof communicationKinds)[number]

export const communicationChannels = ['in_person', 'phone', 'email', 'letter', 'sms'] as const
export type CommunicationChannel = (typeof communicationChannels)[number]

/** One exchange with the customer, appended to the case's log. */
export interface Communication {
  readonly id: Id<'communication'>
  readonly caseId: CaseId
  readonly kind: CommunicationKind
  readonly channel: CommunicationChannel
  /** When it took place (ISO 8601). */
  readonly at: string
  /** Who spoke or wrote to the customer. */
  readonly by: string
  /** What was said, in short. */
  readonly content: string
  readonly createdAt: string
  readonly createdBy: string
}
