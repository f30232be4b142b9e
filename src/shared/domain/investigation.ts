import type { Language } from '../i18n/languages'
import type { CaseId, ComplaintCategory } from './case'
import type { EvidenceId } from './evidence'
import type { Id } from './ids'

export type PartyId = Id<'party'>
export type InterviewId = Id<'interview'>
export type AccountId = Id<'account'>
export type AccountVersionId = Id<'accountVersion'>
export type ClaimId = Id<'claim'>
export type DiscrepancyId = Id<'discrepancy'>
export type FactId = Id<'fact'>
export type TaskId = Id<'task'>

/** The part a person plays in the case. */
export const partyRoles = ['complainant', 'staff', 'witness', 'expert', 'other'] as const
export type PartyRole = (typeof partyRoles)[number]

/**
 * The factors investigators weigh for a witness (corroboration by other sources,
 * consistency across retellings, plausibility, motive or bias, omissions).
 */
export const credibilityFactors = ['corroboration', 'consistency', 'plausibility', 'motive', 'omissions'] as const
export type CredibilityFactor = (typeof credibilityFactors)[number]

/** What a factor suggests; never added up into a score: it informs the investigator's judgement. */
export const credibilityFindings = ['not_assessed', 'supports', 'neutral', 'concern'] as const
export type CredibilityFinding = (typeof credibilityFindings)[number]

export interface CredibilityNote {
  readonly finding: CredibilityFinding
  /** Why, in the investigator's words: which source, which retelling, which relation. */
  readonly note: string
}

export type Credibility = Readonly<Record<CredibilityFactor, CredibilityNote>>

/** A person involved in the case. */
export interface Party {
  readonly id: PartyId
  readonly caseId: CaseId
  readonly role: PartyRole
  readonly name: string
  readonly phone: string
  readonly email: string
  readonly address: string
  /** How they relate to the events and to each side: "cashier on duty", "customer's brother". */
  readonly relation: string
  readonly credibility: Credibility
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

/** One question put in an interview and the answer given, optionally tied to a moment of a recording. */
export interface ExchangeItem {
  readonly id: string
  readonly question: string
  readonly answer: string
  /** Recording (vault evidence item) in which this exchange can be heard; null when none. */
  readonly recording: EvidenceId | null
  /** Where in that recording, in seconds from its start. */
  readonly atSeconds: number | null
}

/** An interview with one party. */
export interface Interview {
  readonly id: InterviewId
  readonly caseId: CaseId
  readonly partyId: PartyId
  /** When it took place (ISO 8601). */
  readonly at: string
  readonly place: string
  /** Who led it. */
  readonly by: string
  /** Language the interview was held in (the coach checks questions in it). */
  readonly language: string
  /** Recordings it produced, as evidence items of the case. */
  readonly recordings: readonly EvidenceId[]
  readonly exchange: readonly ExchangeItem[]
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

/** Where an account came from. */
export const accountSources = ['interview', 'written', 'phone', 'email', 'other'] as const
export type AccountSource = (typeof accountSources)[number]

/** What one party says happened; each retelling is a new AccountVersion, never an overwrite. */
export interface Account {
  readonly id: AccountId
  readonly caseId: CaseId
  readonly partyId: PartyId
  /** Short label: "Account of the delivery", "Statement to the police". */
  readonly title: string
  readonly createdAt: string
  readonly createdBy: string
}

export interface AccountVersion {
  readonly id: AccountVersionId
  readonly accountId: AccountId
  readonly caseId: CaseId
  /** 1 for the first telling, 2 for the first retelling… */
  readonly n: number
  /** When the party gave it (ISO 8601 date or date-time). */
  readonly toldAt: string
  readonly source: AccountSource
  /** The interview it was given in, when source is interview. */
  readonly interviewId: InterviewId | null
  /** The party's words, as given. */
  readonly text: string
  readonly createdAt: string
  readonly createdBy: string
}

/** What a claim points at to back it: a moment of a recording or an evidence item. */
export type ClaimLink =
  | { readonly kind: 'recording'; readonly evidenceId: EvidenceId; readonly atSeconds: number }
  | { readonly kind: 'evidence'; readonly evidenceId: EvidenceId }

/** A passage of an account version marked as saying something on a topic. */
export interface Claim {
  readonly id: ClaimId
  readonly caseId: CaseId
  readonly accountId: AccountId
  readonly versionId: AccountVersionId
  /** Character offsets of the passage in the version's text (start inclusive, end exclusive). */
  readonly start: number
  readonly end: number
  /** The passage itself, kept so the quote survives on its own. */
  readonly quote: string
  /** Topic as the investigator wrote it: "time of delivery". */
  readonly topic: string
  /** Normalised topic: claims with the same key are aligned in the comparison. */
  readonly topicKey: string
  readonly link: ClaimLink | null
  readonly createdAt: string
  readonly createdBy: string
}

/** The investigator's reading of two accounts on one topic. */
export const alignmentVerdicts = ['agree', 'conflict'] as const
export type AlignmentVerdict = (typeof alignmentVerdicts)[number]

export interface TopicVerdict {
  /** `${accountA}|${accountB}|${topicKey}` with the two account ids in sorted order. */
  readonly id: string
  readonly caseId: CaseId
  readonly verdict: AlignmentVerdict
  readonly at: string
  readonly by: string
}

/** What settled a discrepancy. */
export type SettledBy =
  | { readonly kind: 'evidence'; readonly evidenceId: EvidenceId }
  | { readonly kind: 'account'; readonly accountId: AccountId; readonly versionId: AccountVersionId }

export interface DiscrepancyResolution {
  /** How it was settled, in the investigator's words. */
  readonly how: string
  readonly settledBy: SettledBy
  /** Which side the source bears out: a, b, or neither. */
  readonly bearsOut: 'a' | 'b' | 'neither'
  /** The fact recorded from it in the register. */
  readonly factId: FactId | null
  readonly at: string
  readonly by: string
}

/** Both quotes are copied so the log reads on its own, even if an account is retold. */
export interface DiscrepancySide {
  readonly claimId: ClaimId
  readonly accountId: AccountId
  readonly partyId: PartyId
  readonly quote: string
}

export interface Discrepancy {
  readonly id: DiscrepancyId
  readonly caseId: CaseId
  readonly topic: string
  readonly a: DiscrepancySide
  readonly b: DiscrepancySide
  readonly note: string
  readonly status: 'open' | 'resolved'
  readonly resolution: DiscrepancyResolution | null
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

export const factStatuses = ['unverified', 'confirmed', 'contradicted', 'doubtful'] as const
export type FactStatus = (typeof factStatuses)[number]

/** What a fact rests on or is linked to. */
export type FactSource =
  | { readonly kind: 'evidence'; readonly id: EvidenceId }
  | { readonly kind: 'account'; readonly id: AccountId }
  | { readonly kind: 'discrepancy'; readonly id: DiscrepancyId }

export interface Fact {
  readonly id: FactId
  readonly caseId: CaseId
  readonly statement: string
  readonly status: FactStatus
  /** Sources that confirm or contradict it, and the discrepancies it settles. */
  readonly sources: readonly FactSource[]
  readonly note: string
  /** The follow-up task opened when it was marked doubtful. */
  readonly taskId: TaskId | null
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

export const taskKinds = ['follow_up', 'measure'] as const
export type TaskKind = (typeof taskKinds)[number]

/** Proof that a measure was carried out. */
export interface TaskVerification {
  readonly by: string
  readonly at: string
  readonly note: string
  readonly evidenceId: EvidenceId | null
}

/** Work to do on a case: a follow-up of the investigation, or a corrective measure of the resolution. */
export interface Task {
  readonly id: TaskId
  readonly caseId: CaseId
  readonly kind: TaskKind
  readonly text: string
  readonly owner: string
  /** Due date (YYYY-MM-DD) or null. */
  readonly due: string | null
  readonly status: 'open' | 'done'
  /** What created it, e.g. the doubtful fact. */
  readonly origin: { readonly kind: 'fact'; readonly id: FactId } | null
  readonly doneAt: string | null
  readonly doneBy: string | null
  readonly verification: TaskVerification | null
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

/**
 * The investigator's bank of open questions for one kind of complaint, in each
 * language; starts from the built-in guide (interviewing/question-guide.ts) and
 * is edited in settings.
 */
export interface QuestionGuide {
  /** The complaint category it serves. */
  readonly id: ComplaintCategory
  readonly questions: Readonly<Record<Language, readonly string[]>>
  readonly updatedAt: string
  readonly updatedBy: string
}
