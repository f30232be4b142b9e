import { caseSchemaName, caseSchemaVersion } from './case-bundle-schema'
import type { AuditEntry } from './audit'
import type { CaseRecord, Communication } from './case'
import type { Closure, Letter } from './closure'
import type { CustodyEntry, EvidenceItem } from './evidence'
import type {
  Account,
  AccountVersion,
  Claim,
  Discrepancy,
  Fact,
  Interview,
  Party,
  Task,
  TopicVerdict,
} from './investigation'
import type { Resolution } from './resolution'
import type { Lesson, Survey } from './review'

/** What `data/case.json` of a closure packet declares itself to be (one name with the verifier's). */
export const caseBundleSchema = caseSchemaName
/** Raised when the bundle's shape changes; an import refuses versions it does not know. */
export const caseBundleVersion = caseSchemaVersion

/**
 * The whole case as it leaves the laptop (DESIGN section 4: `data/case.json`), and
 * as it comes back in when a packet is imported. The audit log travels beside it
 * as `data/audit-log.jsonl`.
 */
export interface CaseBundle {
  readonly schema: typeof caseBundleSchema
  readonly schemaVersion: number
  /** When the bundle was made and by which installation's user. */
  readonly exportedAt: string
  readonly exportedBy: string
  readonly organisation: string
  readonly case: CaseRecord
  readonly communications: readonly Communication[]
  readonly evidence: readonly EvidenceItem[]
  readonly custody: readonly CustodyEntry[]
  readonly parties: readonly Party[]
  readonly interviews: readonly Interview[]
  readonly accounts: readonly Account[]
  readonly accountVersions: readonly AccountVersion[]
  readonly claims: readonly Claim[]
  readonly topicVerdicts: readonly TopicVerdict[]
  readonly discrepancies: readonly Discrepancy[]
  readonly facts: readonly Fact[]
  readonly tasks: readonly Task[]
  readonly resolution: Resolution | null
  readonly letters: readonly Letter[]
  readonly closure: Closure | null
  readonly surveys: readonly Survey[]
  readonly lessons: readonly Lesson[]
}

/** The bundle and its audit chain, as the renderer hands them to main for an export. */
export interface CaseBundleWithAudit {
  readonly bundle: CaseBundle
  readonly audit: readonly AuditEntry[]
}
