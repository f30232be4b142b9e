import Dexie from 'dexie'
import { canonicalJson, diffFields, verifyChain } from '@shared/domain/audit-chain'
import type { AuditEntry } from '@shared/domain/audit'
import { caseBundleSchema, caseBundleVersion, type CaseBundle } from '@shared/domain/case-bundle'
import type { CaseId, CaseRecord, Communication } from '@shared/domain/case'
import type { CustodyEntry } from '@shared/domain/evidence'
import {
  builtInResolutionCodes,
  checkClosureGate,
  closureBlockers,
  nextSignOffRole,
  type Closure,
  type ClosureException,
  type ResolutionCode,
  type SignOff,
} from '@shared/domain/closure'
import { DomainError } from '@shared/domain/errors'
import { newId } from '@shared/domain/ids'
import { appendAudit, summarize, type Actor } from './cases-repo'
import type { RedressDb } from './redress-db'

/**
 * Closing a case (DESIGN section 1, step 5): the codes and exceptions the closer
 * chose, the handler's signature, the manager's countersignature that closes it;
 * and the whole case as one bundle, for the signed record and the closure packet.
 */

/** Every table a case's records live in, for bundles and imports. */
function caseTables(db: RedressDb) {
  return [
    db.cases,
    db.caseSummaries,
    db.communications,
    db.evidence,
    db.custody,
    db.parties,
    db.interviews,
    db.accounts,
    db.accountVersions,
    db.claims,
    db.topicVerdicts,
    db.discrepancies,
    db.facts,
    db.tasks,
    db.resolutions,
    db.letters,
    db.closures,
    db.surveys,
    db.lessons,
    db.audit,
  ]
}

async function chainOf(db: RedressDb, caseId: CaseId): Promise<AuditEntry[]> {
  return db.audit.where('[chain+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray()
}

/** The case with everything that belongs to it, as data/case.json holds it, and its audit chain. */
export async function buildCaseBundle(
  db: RedressDb,
  caseId: CaseId,
  by: { readonly name: string; readonly organisation: string },
): Promise<{ bundle: CaseBundle; audit: AuditEntry[] }> {
  return db.transaction('r', caseTables(db), async () => {
    const record = await db.cases.get(caseId)
    if (!record) throw new DomainError('not_found', `No case ${caseId}`)
    const of = <T>(table: { where(index: string): { equals(key: string): { toArray(): Promise<T[]> } } }) =>
      table.where('caseId').equals(caseId).toArray()
    const byCreation = <T extends { readonly createdAt?: string; readonly id: string }>(rows: T[]): T[] =>
      rows.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.id.localeCompare(b.id))
    const bundle: CaseBundle = {
      schema: caseBundleSchema,
      schemaVersion: caseBundleVersion,
      exportedAt: new Date().toISOString(),
      exportedBy: by.name,
      organisation: by.organisation,
      case: record,
      communications: (await of<Communication>(db.communications)).sort((a, b) => a.at.localeCompare(b.at)),
      evidence: byCreation(await of(db.evidence)),
      custody: (await of<CustodyEntry>(db.custody)).sort((a, b) => a.at.localeCompare(b.at)),
      parties: byCreation(await of(db.parties)),
      interviews: byCreation(await of(db.interviews)),
      accounts: byCreation(await of(db.accounts)),
      accountVersions: byCreation(await of(db.accountVersions)),
      claims: byCreation(await of(db.claims)),
      topicVerdicts: await of(db.topicVerdicts),
      discrepancies: byCreation(await of(db.discrepancies)),
      facts: byCreation(await of(db.facts)),
      tasks: byCreation(await of(db.tasks)),
      resolution: (await db.resolutions.where('caseId').equals(caseId).first()) ?? null,
      letters: byCreation(await of(db.letters)),
      closure: (await db.closures.where('caseId').equals(caseId).first()) ?? null,
      surveys: await of(db.surveys),
      lessons: byCreation(await of(db.lessons)),
    }
    return { bundle, audit: await chainOf(db, caseId) }
  })
}

/** The audit chain as data/audit-log.jsonl: one canonical JSON entry per line. */
export function auditToJsonl(audit: readonly AuditEntry[]): string {
  return audit.map((entry) => canonicalJson(entry)).join('\n') + (audit.length > 0 ? '\n' : '')
}

export interface ClosureDraft {
  readonly codes: readonly string[]
  readonly exceptions: readonly ClosureException[]
  readonly summary: string
}

async function auditClosure(
  db: RedressDb,
  actor: Actor,
  closure: Closure,
  action: string,
  before: object | null,
  after: object,
): Promise<void> {
  await appendAudit(db, {
    chain: closure.caseId,
    at: new Date().toISOString(),
    by: actor.name,
    entity: 'closure',
    entityId: closure.id,
    action,
    changes: diffFields(before, after),
  })
}

/** Saves the codes, exceptions and summary; refused once the handler has signed (the record would no longer match). */
export async function saveClosureDraft(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  draft: ClosureDraft,
): Promise<Closure> {
  return db.transaction('rw', [db.closures, db.audit], async () => {
    const current = (await db.closures.where('caseId').equals(caseId).first()) ?? null
    if (current && current.signOffs.length > 0) {
      throw new DomainError('closure_signed', 'The closure record is signed and cannot change')
    }
    const now = new Date().toISOString()
    const next: Closure = {
      id: current?.id ?? newId<'closure'>(),
      caseId,
      codes: [...draft.codes],
      exceptions: [...draft.exceptions],
      summary: draft.summary,
      signOffs: [],
      recordSha256: null,
      recordSize: null,
      createdAt: current?.createdAt ?? now,
      createdBy: current?.createdBy ?? actor.name,
      updatedAt: now,
    }
    const before = current && { codes: current.codes, exceptions: current.exceptions, summary: current.summary }
    const after = { codes: next.codes, exceptions: next.exceptions, summary: next.summary }
    if (before && diffFields(before, after).length === 0) return current
    await db.closures.put(next)
    await auditClosure(db, actor, next, current ? 'updated' : 'created', before, after)
    return next
  })
}

/**
 * Checks the closure gate against the case as it is now: every blocker settled or
 * excepted with a reason. Thrown as a DomainError naming what is still open.
 */
export async function assertClosable(db: RedressDb, caseId: CaseId, exceptions: readonly ClosureException[]) {
  const [tasks, discrepancies, letters, resolution] = await Promise.all([
    db.tasks.where('caseId').equals(caseId).toArray(),
    db.discrepancies.where('caseId').equals(caseId).toArray(),
    db.letters.where('caseId').equals(caseId).toArray(),
    db.resolutions.where('caseId').equals(caseId).first(),
  ])
  const blockers = closureBlockers({ caseId, tasks, discrepancies, letters, hasResolution: resolution !== undefined })
  const reasons = Object.fromEntries(exceptions.map((e) => [`${e.kind}:${e.subjectId}`, e.reason]))
  const verdict = checkClosureGate(blockers, reasons)
  if (!verdict.ok) {
    throw new DomainError('closure_blocked', verdict.unexcepted.map((b) => `${b.kind}:${b.subjectId}`).join(', '))
  }
  return verdict.exceptions
}

/**
 * Records a signature on the closure record. The handler's needs the gate to hold;
 * the manager's countersignature closes the case, in the same transaction.
 */
export async function recordSignOff(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  signOff: SignOff,
  record: { readonly sha256: string; readonly size: number },
): Promise<Closure> {
  return db.transaction(
    'rw',
    [db.closures, db.cases, db.caseSummaries, db.tasks, db.discrepancies, db.letters, db.resolutions, db.audit],
    async () => {
      const current = await db.closures.where('caseId').equals(caseId).first()
      if (!current) throw new DomainError('not_found', 'No closure to sign')
      const expected = nextSignOffRole(current)
      if (expected !== signOff.role) throw new DomainError('signoff_out_of_order', `Expected ${String(expected)}`)
      if (signOff.role === 'handler') await assertClosable(db, caseId, current.exceptions)
      if (current.signOffs.some((s) => s.fingerprint === signOff.fingerprint)) {
        throw new DomainError('signoff_same_signer', 'The countersignature must come from another identity')
      }
      const next: Closure = {
        ...current,
        signOffs: [...current.signOffs, signOff],
        recordSha256: record.sha256,
        recordSize: record.size,
        updatedAt: new Date().toISOString(),
      }
      await db.closures.put(next)
      await auditClosure(
        db,
        actor,
        next,
        signOff.role === 'handler' ? 'signed' : 'countersigned',
        { recordSha256: current.recordSha256 },
        {
          recordSha256: next.recordSha256,
          signer: signOff.signerName,
          fingerprint: signOff.fingerprint,
          role: signOff.role,
          signedAt: signOff.signedAt,
        },
      )
      if (signOff.role === 'manager') {
        const record = await db.cases.get(caseId)
        if (!record) throw new DomainError('not_found', `No case ${caseId}`)
        const closed: CaseRecord = {
          ...record,
          status: 'closed',
          closedAt: signOff.signedAt,
          updatedAt: signOff.signedAt,
        }
        await db.cases.put(closed)
        await db.caseSummaries.put(summarize(closed))
        await appendAudit(db, {
          chain: caseId,
          at: signOff.signedAt,
          by: actor.name,
          entity: 'case',
          entityId: caseId,
          action: 'status',
          changes: diffFields(
            { status: record.status, closedAt: record.closedAt },
            { status: 'closed', closedAt: signOff.signedAt },
          ),
        })
      }
      return next
    },
  )
}

/** The resolution codes offered at closure: the built-in ones unless changed in settings, then custom ones. */
export async function loadResolutionCodes(db: RedressDb): Promise<ResolutionCode[]> {
  const stored = await db.resolutionCodes.toArray()
  const byId = new Map(stored.map((c) => [c.id, c]))
  const builtIns = builtInResolutionCodes.map((c) => byId.get(c.id) ?? c)
  const custom = stored.filter((c) => !c.builtIn).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
  return [...builtIns, ...custom]
}

export async function saveResolutionCode(db: RedressDb, actor: Actor, code: ResolutionCode): Promise<void> {
  await db.transaction('rw', [db.resolutionCodes, db.audit], async () => {
    const before =
      (await db.resolutionCodes.get(code.id)) ?? builtInResolutionCodes.find((c) => c.id === code.id) ?? null
    await db.resolutionCodes.put(code)
    await appendAudit(db, {
      chain: 'settings',
      at: new Date().toISOString(),
      by: actor.name,
      entity: 'resolutionCode',
      entityId: code.id,
      action: before ? 'updated' : 'created',
      changes: diffFields(before && { labels: before.labels, retired: before.retired }, {
        labels: code.labels,
        retired: code.retired,
      }),
    })
  })
}

/** A new custom code's id: custom_1, custom_2… */
export async function nextCustomCodeId(db: RedressDb): Promise<string> {
  const ids = (await db.resolutionCodes.toArray()).map((c) => /^custom_(\d+)$/.exec(c.id)?.[1]).filter(Boolean)
  return `custom_${Math.max(0, ...ids.map(Number)) + 1}`
}

export type ImportOutcome = { readonly kind: 'created' | 'updated'; readonly caseId: CaseId; readonly ref: string }

/**
 * Brings a verified packet's case into this database (how a manager receives a
 * case). A case already here is replaced only when the packet's audit chain
 * continues this one's: the same entries, then more. Anything else (another
 * case under the same reference, or a history that diverged) is refused, and
 * nothing is written.
 */
export async function importCaseBundle(
  db: RedressDb,
  bundle: CaseBundle,
  audit: readonly AuditEntry[],
  actor: Actor,
): Promise<ImportOutcome> {
  if (bundle.schema !== caseBundleSchema || bundle.schemaVersion !== caseBundleVersion) {
    throw new DomainError(
      'import_unsupported',
      `Unknown bundle ${String(bundle.schema)} ${String(bundle.schemaVersion)}`,
    )
  }
  const caseId = bundle.case.id
  if (audit.some((entry) => entry.chain !== caseId))
    throw new DomainError('import_invalid', 'Audit entries of another case')
  const verdict = verifyChain(audit)
  if (!verdict.ok) throw new DomainError('import_invalid', 'The audit chain does not verify')
  const belongs = <T extends { readonly caseId: string }>(rows: readonly T[]): T[] => {
    if (rows.some((row) => row.caseId !== caseId)) throw new DomainError('import_invalid', 'Records of another case')
    return [...rows]
  }
  return db.transaction('rw', caseTables(db), async () => {
    const existing = await db.cases.get(caseId)
    const sameRef = await db.cases.where('ref').equals(bundle.case.ref).first()
    if (sameRef && sameRef.id !== caseId) throw new DomainError('import_conflict', 'Another case has this reference')
    if (existing) {
      const local = await chainOf(db, caseId)
      const continues = local.length <= audit.length && local.every((entry, i) => entry.hash === audit[i]?.hash)
      if (!continues) throw new DomainError('import_conflict', 'The packet does not continue this case’s history')
      // Replace the case's records with the packet's.
      for (const table of caseTables(db)) {
        if (table === db.cases || table === db.caseSummaries || table === db.audit) continue
        await (table as unknown as Dexie.Table<unknown, string>).where('caseId').equals(caseId).delete()
      }
      await db.audit.where('[chain+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete()
    }
    await db.cases.put(bundle.case)
    await db.caseSummaries.put(summarize(bundle.case))
    await db.communications.bulkPut(belongs(bundle.communications))
    await db.evidence.bulkPut(belongs(bundle.evidence))
    await db.custody.bulkPut(belongs(bundle.custody))
    await db.parties.bulkPut(belongs(bundle.parties))
    await db.interviews.bulkPut(belongs(bundle.interviews))
    await db.accounts.bulkPut(belongs(bundle.accounts))
    await db.accountVersions.bulkPut(belongs(bundle.accountVersions))
    await db.claims.bulkPut(belongs(bundle.claims))
    await db.topicVerdicts.bulkPut(belongs(bundle.topicVerdicts))
    await db.discrepancies.bulkPut(belongs(bundle.discrepancies))
    await db.facts.bulkPut(belongs(bundle.facts))
    await db.tasks.bulkPut(belongs(bundle.tasks))
    if (bundle.resolution) await db.resolutions.put(belongs([bundle.resolution])[0]!)
    await db.letters.bulkPut(belongs(bundle.letters))
    if (bundle.closure) await db.closures.put(belongs([bundle.closure])[0]!)
    await db.surveys.bulkPut(belongs(bundle.surveys))
    await db.lessons.bulkPut(belongs(bundle.lessons))
    await db.audit.bulkPut([...audit])
    // The import itself joins the history, so a later export shows where the case travelled.
    await appendAudit(db, {
      chain: caseId,
      at: new Date().toISOString(),
      by: actor.name,
      entity: 'case',
      entityId: caseId,
      action: 'imported',
      changes: [],
    })
    return { kind: existing ? 'updated' : 'created', caseId, ref: bundle.case.ref }
  })
}
