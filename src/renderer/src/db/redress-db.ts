import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie'
import type { AuditEntry } from '@shared/domain/audit'
import type { CaseRecord, Communication, ComplaintCategory, DueDates, Severity } from '@shared/domain/case'
import type { CustodyEntry, EvidenceItem } from '@shared/domain/evidence'
import type {
  Account,
  AccountVersion,
  Claim,
  Discrepancy,
  Fact,
  Interview,
  Party,
  QuestionGuide,
  Task,
  TopicVerdict,
} from '@shared/domain/investigation'
import type { Profile, SlaSettings } from '@shared/domain/profile'
import type { Closure, Letter, ResolutionCode } from '@shared/domain/closure'
import type { Resolution } from '@shared/domain/resolution'
import type { Lesson, Survey } from '@shared/domain/review'

export const databaseName = 'redress'

/**
 * The register's row for a case: small enough that all of them (50,000 and more)
 * are held in memory for instant sorting, filtering and search, with the keys
 * that find a customer's other cases. Written in the same transaction as the case.
 */
export interface CaseSummary {
  readonly id: CaseRecord['id']
  readonly ref: string
  readonly status: CaseRecord['status']
  readonly severity: Severity | null
  /** What the complaint is about, once triaged. */
  readonly category: ComplaintCategory | null
  readonly channel: CaseRecord['channel']
  readonly department: string
  readonly assignee: string
  readonly customerName: string
  readonly receivedAt: string
  readonly due: DueDates
  readonly acknowledgedAt: string | null
  readonly closedAt: string | null
  /** Set when the case was declined: scam, frivolous… shown as earlier flags in customer history. */
  readonly declineReason: string | null
  /** Customer keys (customer-match.ts) for the history lookup. */
  readonly nameKey: string
  readonly phoneKey: string
  readonly emailKey: string
  /** Normalised reference, customer and complaint words for the search box. */
  readonly search: string
}

/** An intake form being filled in: saved as the user types, restored after a restart. */
export interface IntakeDraft {
  readonly id: string
  /** The form's values as react-hook-form holds them. */
  readonly values: Record<string, unknown>
  readonly createdAt: string
  readonly updatedAt: string
}

/** Last number used for case references, per prefix and year ("LYON-2026"). */
export interface RefCounter {
  readonly id: string
  readonly last: number
}

/**
 * The case database in the renderer's IndexedDB. Versions only ever grow; a new
 * version(n).upgrade() is added only when data must move, each with its test.
 */
export class RedressDb extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>
  caseSummaries!: EntityTable<CaseSummary, 'id'>
  communications!: EntityTable<Communication, 'id'>
  audit!: Table<AuditEntry, [string, number]>
  drafts!: EntityTable<IntakeDraft, 'id'>
  profile!: EntityTable<Profile, 'id'>
  settings!: EntityTable<SlaSettings, 'id'>
  counters!: EntityTable<RefCounter, 'id'>
  evidence!: EntityTable<EvidenceItem, 'id'>
  custody!: EntityTable<CustodyEntry, 'id'>
  parties!: EntityTable<Party, 'id'>
  interviews!: EntityTable<Interview, 'id'>
  accounts!: EntityTable<Account, 'id'>
  accountVersions!: EntityTable<AccountVersion, 'id'>
  claims!: EntityTable<Claim, 'id'>
  topicVerdicts!: EntityTable<TopicVerdict, 'id'>
  discrepancies!: EntityTable<Discrepancy, 'id'>
  facts!: EntityTable<Fact, 'id'>
  tasks!: EntityTable<Task, 'id'>
  questionGuides!: EntityTable<QuestionGuide, 'id'>
  resolutions!: EntityTable<Resolution, 'id'>
  surveys!: EntityTable<Survey, 'id'>
  lessons!: EntityTable<Lesson, 'id'>
  letters!: EntityTable<Letter, 'id'>
  closures!: EntityTable<Closure, 'id'>
  resolutionCodes!: EntityTable<ResolutionCode, 'id'>

  constructor(name: string = databaseName, options: DexieOptions = {}) {
    // 'strict' makes Chromium flush each transaction to disk before reporting
    // success: a laptop that loses power must not lose a signed intake form.
    // Live queries re-read the database after each write instead of patching a cached
    // result: with Dexie 4's cache the review dashboard could keep showing a stale
    // count of surveys after the sample cases were written (seen in about one run in eight).
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options })
    this.version(1).stores({
      cases: 'id, &ref, status, receivedAt, updatedAt',
      caseSummaries: 'id, receivedAt, nameKey, phoneKey, emailKey',
      communications: 'id, caseId, at',
      audit: '[chain+seq], chain',
      drafts: 'id, updatedAt',
      profile: 'id',
      settings: 'id',
      counters: 'id',
      evidence: 'id, caseId, sha256',
      custody: 'id, evidenceId, caseId, at',
    })
    // Version 2: the investigation (parties to facts), resolution and review tables,
    // and the complaint category on cases (null on cases from before it existed).
    this.version(2)
      .stores({
        parties: 'id, caseId',
        interviews: 'id, caseId, partyId',
        accounts: 'id, caseId, partyId',
        accountVersions: 'id, caseId, [accountId+n]',
        claims: 'id, caseId, accountId, versionId',
        topicVerdicts: 'id, caseId',
        discrepancies: 'id, caseId, status',
        facts: 'id, caseId, status',
        tasks: 'id, caseId, status, due',
        questionGuides: 'id',
        resolutions: 'id, &caseId',
        surveys: 'id, caseId, at',
        lessons: 'id, caseId, status',
      })
      .upgrade(async (tx) => {
        const addCategory = (row: { category?: unknown }): void => {
          if (row.category === undefined) row.category = null
        }
        await tx.table('cases').toCollection().modify(addCategory)
        await tx.table('caseSummaries').toCollection().modify(addCategory)
      })
    // Version 3: the customer's letters, the closure (codes, exceptions, sign-offs) and
    // the configurable resolution codes. New tables only: no data moves.
    this.version(3).stores({
      letters: 'id, caseId, status',
      closures: 'id, &caseId',
      resolutionCodes: 'id',
    })
  }
}
