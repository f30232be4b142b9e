import type { Table } from 'dexie'
import { diffFields } from '@shared/domain/audit-chain'
import type { CaseId } from '@shared/domain/case'
import { topicKeyOf, verdictId } from '@shared/domain/compare'
import { changeFact, checkFact, FactRuleViolation, sourcesFromResolution } from '@shared/domain/facts'
import { newId } from '@shared/domain/ids'
import type {
  Account,
  AccountId,
  AccountVersion,
  AlignmentVerdict,
  Claim,
  ClaimLink,
  Discrepancy,
  DiscrepancyId,
  DiscrepancyResolution,
  Fact,
  FactId,
  FactSource,
  FactStatus,
  Interview,
  InterviewId,
  Party,
  PartyId,
  QuestionGuide,
  Task,
  TaskId,
  ClaimId,
} from '@shared/domain/investigation'
import { appendAudit, type Actor } from './cases-repo'
import type { RedressDb } from './redress-db'

/**
 * The investigation's records (parties to facts). Every write appends to the
 * case's audit chain in the same transaction; what a person said (account
 * versions, claims' quotes) is only ever added to, never rewritten.
 */

type Audited = { readonly id: string; readonly caseId: CaseId }

async function audit(
  db: RedressDb,
  actor: Actor,
  entity: string,
  record: Audited,
  action: string,
  before: object | null,
  after: object,
): Promise<void> {
  const changes = diffFields(before, after)
  if (changes.length === 0 && before !== null) return
  await appendAudit(db, {
    chain: record.caseId,
    at: new Date().toISOString(),
    by: actor.name,
    entity,
    entityId: record.id,
    action,
    changes,
  })
}

/** Reads, changes and writes one record with its audit entry; fields that make its identity cannot change. */
async function change<T extends Audited & { readonly updatedAt: string }>(
  db: RedressDb,
  table: Table<T, string>,
  entity: string,
  id: string,
  actor: Actor,
  edit: (current: T) => T,
): Promise<T> {
  return db.transaction('rw', [table, db.audit], async () => {
    const current = await table.get(id)
    if (!current) throw new Error(`No ${entity} ${id}`)
    const edited = edit(current)
    const next = { ...edited, id: current.id, caseId: current.caseId, updatedAt: new Date().toISOString() } as T
    const { updatedAt: _a, ...before } = current
    const { updatedAt: _b, ...after } = next
    if (diffFields(before, after).length === 0) return current
    await table.put(next)
    await audit(db, actor, entity, current, 'updated', before, after)
    return next
  })
}

const stamp = (actor: Actor): { createdAt: string; createdBy: string; updatedAt: string } => {
  const now = new Date().toISOString()
  return { createdAt: now, createdBy: actor.name, updatedAt: now }
}

// ── Parties ────────────────────────────────────────────────────────────────

export type PartyInput = Pick<Party, 'role' | 'name' | 'phone' | 'email' | 'address' | 'relation'>

export const blankCredibility: Party['credibility'] = {
  corroboration: { finding: 'not_assessed', note: '' },
  consistency: { finding: 'not_assessed', note: '' },
  plausibility: { finding: 'not_assessed', note: '' },
  motive: { finding: 'not_assessed', note: '' },
  omissions: { finding: 'not_assessed', note: '' },
}

export async function addParty(db: RedressDb, caseId: CaseId, actor: Actor, input: PartyInput): Promise<Party> {
  return db.transaction('rw', [db.parties, db.audit], async () => {
    const party: Party = { id: newId<'party'>(), caseId, ...input, credibility: blankCredibility, ...stamp(actor) }
    await db.parties.add(party)
    await audit(db, actor, 'party', party, 'created', null, party)
    return party
  })
}

export function updateParty(db: RedressDb, id: PartyId, actor: Actor, edit: (p: Party) => Party): Promise<Party> {
  return change(db, db.parties as unknown as Table<Party, string>, 'party', id, actor, edit)
}

// ── Interviews ─────────────────────────────────────────────────────────────

export type InterviewInput = Pick<Interview, 'partyId' | 'at' | 'place' | 'by' | 'language' | 'recordings'>

export async function addInterview(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  input: InterviewInput,
): Promise<Interview> {
  return db.transaction('rw', [db.interviews, db.audit], async () => {
    const interview: Interview = { id: newId<'interview'>(), caseId, ...input, exchange: [], ...stamp(actor) }
    await db.interviews.add(interview)
    await audit(db, actor, 'interview', interview, 'created', null, interview)
    return interview
  })
}

export function updateInterview(
  db: RedressDb,
  id: InterviewId,
  actor: Actor,
  edit: (i: Interview) => Interview,
): Promise<Interview> {
  return change(db, db.interviews as unknown as Table<Interview, string>, 'interview', id, actor, edit)
}

// ── Accounts and retellings ────────────────────────────────────────────────

export type TellingInput = Pick<AccountVersion, 'toldAt' | 'source' | 'interviewId' | 'text'>

/** A party's account with its first telling. */
export async function addAccount(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  input: { partyId: PartyId; title: string; telling: TellingInput },
): Promise<{ account: Account; version: AccountVersion }> {
  return db.transaction('rw', [db.accounts, db.accountVersions, db.audit], async () => {
    const { createdAt, createdBy } = stamp(actor)
    const account: Account = {
      id: newId<'account'>(),
      caseId,
      partyId: input.partyId,
      title: input.title,
      createdAt,
      createdBy,
    }
    const version: AccountVersion = {
      id: newId<'accountVersion'>(),
      accountId: account.id,
      caseId,
      n: 1,
      ...input.telling,
      createdAt,
      createdBy,
    }
    await db.accounts.add(account)
    await db.accountVersions.add(version)
    await audit(db, actor, 'account', account, 'created', null, account)
    await audit(db, actor, 'account', account, 'retold', null, { n: 1, ...input.telling })
    return { account, version }
  })
}

/** A later telling of the same account: a new version beside the earlier ones, which stay as they were. */
export async function retellAccount(
  db: RedressDb,
  accountId: AccountId,
  actor: Actor,
  telling: TellingInput,
): Promise<AccountVersion> {
  return db.transaction('rw', [db.accounts, db.accountVersions, db.claims, db.audit], async () => {
    const account = await db.accounts.get(accountId)
    if (!account) throw new Error(`No account ${accountId}`)
    const last = await db.accountVersions.where('[accountId+n]').between([accountId, 0], [accountId, Infinity]).last()
    const { createdAt, createdBy } = stamp(actor)
    const version: AccountVersion = {
      id: newId<'accountVersion'>(),
      accountId,
      caseId: account.caseId,
      n: (last?.n ?? 0) + 1,
      ...telling,
      createdAt,
      createdBy,
    }
    await db.accountVersions.add(version)
    await audit(db, actor, 'account', account, 'retold', null, { n: version.n, ...telling })
    if (last) await carryClaims(db, actor, last, version)
    return version
  })
}

/**
 * Claims of the previous telling whose passage the retelling repeats word for
 * word are marked again in it (nearest occurrence to where it was); a passage
 * the party changed is left for the investigator to mark anew.
 */
async function carryClaims(db: RedressDb, actor: Actor, from: AccountVersion, to: AccountVersion): Promise<void> {
  const claims = await db.claims.where('versionId').equals(from.id).toArray()
  for (const claim of claims) {
    let best = -1
    for (let at = to.text.indexOf(claim.quote); at >= 0; at = to.text.indexOf(claim.quote, at + 1)) {
      if (best < 0 || Math.abs(at - claim.start) < Math.abs(best - claim.start)) best = at
    }
    if (best < 0) continue
    const carried: Claim = {
      ...claim,
      id: newId<'claim'>(),
      versionId: to.id,
      start: best,
      end: best + claim.quote.length,
      createdAt: to.createdAt,
      createdBy: actor.name,
    }
    await db.claims.add(carried)
    await audit(db, actor, 'claim', carried, 'created', null, carried)
  }
}

export function versionsOf(db: RedressDb, accountId: AccountId): Promise<AccountVersion[]> {
  return db.accountVersions.where('[accountId+n]').between([accountId, 0], [accountId, Infinity]).toArray()
}

// ── Claims and the comparison ──────────────────────────────────────────────

export class ClaimOutsideText extends Error {
  constructor() {
    super('claims.errors.notFound')
    this.name = 'ClaimOutsideText'
  }
}

/** Marks a passage of one telling as a claim on a topic; the quote is taken from the telling itself. */
export async function addClaim(
  db: RedressDb,
  actor: Actor,
  input: { versionId: AccountVersion['id']; start: number; end: number; topic: string; link: ClaimLink | null },
): Promise<Claim> {
  return db.transaction('rw', [db.accountVersions, db.claims, db.audit], async () => {
    const version = await db.accountVersions.get(input.versionId)
    if (!version) throw new Error(`No account version ${input.versionId}`)
    const { start, end } = input
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= version.text.length))
      throw new ClaimOutsideText()
    const { createdAt, createdBy } = stamp(actor)
    const claim: Claim = {
      id: newId<'claim'>(),
      caseId: version.caseId,
      accountId: version.accountId,
      versionId: version.id,
      start,
      end,
      quote: version.text.slice(start, end),
      topic: input.topic.trim(),
      topicKey: topicKeyOf(input.topic),
      link: input.link,
      createdAt,
      createdBy,
    }
    await db.claims.add(claim)
    await audit(db, actor, 'claim', claim, 'created', null, claim)
    return claim
  })
}

export async function setVerdict(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  accounts: readonly [AccountId, AccountId],
  topicKey: string,
  verdict: AlignmentVerdict,
): Promise<void> {
  await db.transaction('rw', [db.topicVerdicts, db.audit], async () => {
    const id = verdictId(accounts[0], accounts[1], topicKey)
    const before = (await db.topicVerdicts.get(id)) ?? null
    if (before?.verdict === verdict) return
    const next = { id, caseId, verdict, at: new Date().toISOString(), by: actor.name }
    await db.topicVerdicts.put(next)
    await audit(db, actor, 'verdict', next, before ? 'updated' : 'created', before && { verdict: before.verdict }, {
      verdict,
    })
  })
}

// ── Discrepancies ──────────────────────────────────────────────────────────

async function sideOf(db: RedressDb, claimId: ClaimId): Promise<Discrepancy['a']> {
  const claim = await db.claims.get(claimId)
  if (!claim) throw new Error(`No claim ${claimId}`)
  const account = await db.accounts.get(claim.accountId)
  if (!account) throw new Error(`No account ${claim.accountId}`)
  return { claimId, accountId: account.id, partyId: account.partyId, quote: claim.quote }
}

/** Turns a conflict between two claims into an entry of the discrepancy log, and records the verdict. */
export async function openDiscrepancy(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  input: { topic: string; claimA: ClaimId; claimB: ClaimId; note: string },
): Promise<Discrepancy> {
  return db.transaction('rw', [db.claims, db.accounts, db.discrepancies, db.topicVerdicts, db.audit], async () => {
    const a = await sideOf(db, input.claimA)
    const b = await sideOf(db, input.claimB)
    const discrepancy: Discrepancy = {
      id: newId<'discrepancy'>(),
      caseId,
      topic: input.topic,
      a,
      b,
      note: input.note,
      status: 'open',
      resolution: null,
      ...stamp(actor),
    }
    await db.discrepancies.add(discrepancy)
    await audit(db, actor, 'discrepancy', discrepancy, 'created', null, discrepancy)
    await setVerdict(db, caseId, actor, [a.accountId, b.accountId], topicKeyOf(input.topic), 'conflict')
    return discrepancy
  })
}

/**
 * Settles a discrepancy with what settled it (an evidence item or a later
 * statement) and records the established fact in the register, confirmed by that source.
 */
export async function resolveDiscrepancy(
  db: RedressDb,
  id: DiscrepancyId,
  actor: Actor,
  input: Pick<DiscrepancyResolution, 'how' | 'settledBy' | 'bearsOut'> & { fact: string },
): Promise<{ discrepancy: Discrepancy; fact: Fact }> {
  return db.transaction('rw', [db.discrepancies, db.facts, db.tasks, db.audit], async () => {
    const current = await db.discrepancies.get(id)
    if (!current) throw new Error(`No discrepancy ${id}`)
    if (current.status === 'resolved') throw new Error('findings.errors.alreadyResolved')
    const now = new Date().toISOString()
    const factId = newId<'fact'>()
    const resolution: DiscrepancyResolution = { ...input, factId, at: now, by: actor.name }
    const { fact } = await addFact(db, current.caseId, actor, {
      statement: input.fact,
      status: 'confirmed',
      sources: sourcesFromResolution(current, resolution),
      note: input.how,
      id: factId,
    })
    const next: Discrepancy = { ...current, status: 'resolved', resolution, updatedAt: now }
    await db.discrepancies.put(next)
    await audit(
      db,
      actor,
      'discrepancy',
      current,
      'resolved',
      { status: current.status },
      { status: 'resolved', resolution },
    )
    return { discrepancy: next, fact }
  })
}

export function reopenDiscrepancy(db: RedressDb, id: DiscrepancyId, actor: Actor): Promise<Discrepancy> {
  return change(db, db.discrepancies as unknown as Table<Discrepancy, string>, 'discrepancy', id, actor, (d) => ({
    ...d,
    status: 'open',
  }))
}

// ── Facts and follow-up tasks ──────────────────────────────────────────────

export interface FactInput {
  readonly statement: string
  readonly status: FactStatus
  readonly sources: readonly FactSource[]
  readonly note: string
}

function followUpFor(caseId: CaseId, actor: Actor, factId: FactId, statement: string): Task {
  return {
    id: newId<'task'>(),
    caseId,
    kind: 'follow_up',
    text: statement,
    owner: actor.name,
    due: null,
    status: 'open',
    origin: { kind: 'fact', id: factId },
    doneAt: null,
    doneBy: null,
    verification: null,
    ...stamp(actor),
  }
}

export async function addFact(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  input: FactInput & { id?: FactId },
): Promise<{ fact: Fact; task: Task | null }> {
  const error = checkFact(input.statement, input.status, input.sources)
  if (error) throw new FactRuleViolation(error)
  return db.transaction('rw', [db.facts, db.tasks, db.audit], async () => {
    const blank: Fact = {
      id: input.id ?? newId<'fact'>(),
      caseId,
      statement: input.statement.trim(),
      status: 'unverified',
      sources: [],
      note: '',
      taskId: null,
      ...stamp(actor),
    }
    const planned = changeFact(blank, input, {
      now: blank.createdAt,
      by: actor.name,
      openTask: null,
      newFollowUp: () => followUpFor(caseId, actor, blank.id, blank.statement),
    })
    await db.facts.add(planned.fact)
    await audit(db, actor, 'fact', planned.fact, 'created', null, planned.fact)
    if (planned.addTask) {
      await db.tasks.add(planned.addTask)
      await audit(db, actor, 'task', planned.addTask, 'created', null, planned.addTask)
    }
    return { fact: planned.fact, task: planned.addTask }
  })
}

/** A new status for a fact, with the sources it rests on; opens or closes its follow-up task. */
export async function updateFact(
  db: RedressDb,
  id: FactId,
  actor: Actor,
  next: Omit<FactInput, 'statement'>,
): Promise<Fact> {
  return db.transaction('rw', [db.facts, db.tasks, db.audit], async () => {
    const current = await db.facts.get(id)
    if (!current) throw new Error(`No fact ${id}`)
    const task = current.taskId ? ((await db.tasks.get(current.taskId)) ?? null) : null
    const planned = changeFact(current, next, {
      now: new Date().toISOString(),
      by: actor.name,
      openTask: task?.status === 'open' ? task : null,
      newFollowUp: () => followUpFor(current.caseId, actor, current.id, current.statement),
    })
    await db.facts.put(planned.fact)
    const { updatedAt: _a, ...before } = current
    const { updatedAt: _b, ...after } = planned.fact
    await audit(db, actor, 'fact', current, 'updated', before, after)
    if (planned.addTask) {
      await db.tasks.add(planned.addTask)
      await audit(db, actor, 'task', planned.addTask, 'created', null, planned.addTask)
    }
    if (planned.closeTask && task) {
      await db.tasks.put(planned.closeTask)
      await audit(db, actor, 'task', task, 'updated', { status: task.status }, { status: 'done' })
    }
    return planned.fact
  })
}

export function setTaskDone(db: RedressDb, id: TaskId, actor: Actor, done: boolean): Promise<Task> {
  return change(db, db.tasks as unknown as Table<Task, string>, 'task', id, actor, (t) => ({
    ...t,
    status: done ? 'done' : 'open',
    doneAt: done ? new Date().toISOString() : null,
    doneBy: done ? actor.name : null,
  }))
}

// ── Question guides ────────────────────────────────────────────────────────

export async function saveQuestionGuide(
  db: RedressDb,
  actor: Actor,
  guide: Pick<QuestionGuide, 'id' | 'questions'>,
): Promise<void> {
  await db.transaction('rw', [db.questionGuides, db.audit], async () => {
    const before = (await db.questionGuides.get(guide.id)) ?? null
    const next: QuestionGuide = { ...guide, updatedAt: new Date().toISOString(), updatedBy: actor.name }
    await db.questionGuides.put(next)
    await appendAudit(db, {
      chain: 'settings',
      at: next.updatedAt,
      by: actor.name,
      entity: 'questionGuide',
      entityId: guide.id,
      action: before ? 'updated' : 'created',
      changes: diffFields(before && { questions: before.questions }, { questions: next.questions }),
    })
  })
}
