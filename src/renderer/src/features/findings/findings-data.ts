import { useLiveQuery } from 'dexie-react-hooks'
import { createContext, useContext } from 'react'
import type { TFunction } from 'i18next'
import type { CaseId } from '@shared/domain/case'
import type { EvidenceItem } from '@shared/domain/evidence'
import { FactRuleViolation } from '@shared/domain/facts'
import type {
  Account,
  AccountVersion,
  Discrepancy,
  DiscrepancySide,
  Fact,
  FactSource,
  Party,
  SettledBy,
  Task,
} from '@shared/domain/investigation'
import { db } from '../../db/db'
import { formatDate } from '../../lib/format'

/** Everything the findings read, for one case, kept live. */
export interface FindingsData {
  /** Open ones first, then resolved ones, each in the order they were recorded. */
  readonly discrepancies: readonly Discrepancy[]
  readonly facts: readonly Fact[]
  /** Follow-up tasks only (measures belong to the resolution). */
  readonly tasks: readonly Task[]
  readonly parties: ReadonlyMap<string, Party>
  readonly accounts: readonly Account[]
  readonly accountById: ReadonlyMap<string, Account>
  /** Every telling, grouped by account and in telling order. */
  readonly versions: readonly AccountVersion[]
  readonly versionById: ReadonlyMap<string, AccountVersion>
  readonly evidence: readonly EvidenceItem[]
  readonly evidenceById: ReadonlyMap<string, EvidenceItem>
  readonly discrepancyById: ReadonlyMap<string, Discrepancy>
  readonly factById: ReadonlyMap<string, Fact>
  readonly taskById: ReadonlyMap<string, Task>
}

const byCreated = <T extends { readonly createdAt: string }>(a: T, b: T): number =>
  a.createdAt.localeCompare(b.createdAt)

export function useFindingsData(caseId: CaseId): FindingsData | undefined {
  return useLiveQuery(async () => {
    const [discrepancies, facts, tasks, parties, accounts, versions, evidence] = await Promise.all([
      db.discrepancies.where('caseId').equals(caseId).toArray(),
      db.facts.where('caseId').equals(caseId).toArray(),
      db.tasks.where('caseId').equals(caseId).toArray(),
      db.parties.where('caseId').equals(caseId).toArray(),
      db.accounts.where('caseId').equals(caseId).toArray(),
      db.accountVersions.where('caseId').equals(caseId).toArray(),
      db.evidence.where('caseId').equals(caseId).toArray(),
    ])
    const rank = (d: Discrepancy): number => (d.status === 'open' ? 0 : 1)
    discrepancies.sort((a, b) => rank(a) - rank(b) || byCreated(a, b))
    facts.sort(byCreated)
    accounts.sort(byCreated)
    const accountOrder = new Map(accounts.map((a, i) => [a.id as string, i]))
    versions.sort((a, b) => (accountOrder.get(a.accountId) ?? 0) - (accountOrder.get(b.accountId) ?? 0) || a.n - b.n)
    evidence.sort((a, b) => a.acquiredAt.localeCompare(b.acquiredAt))
    const followUps = tasks.filter((task) => task.kind === 'follow_up').sort(byCreated)
    const index = <T extends { readonly id: string }>(items: readonly T[]): Map<string, T> =>
      new Map(items.map((item) => [item.id, item]))
    return {
      discrepancies,
      facts,
      tasks: followUps,
      parties: index(parties),
      accounts,
      accountById: index(accounts),
      versions,
      versionById: index(versions),
      evidence,
      evidenceById: index(evidence),
      discrepancyById: index(discrepancies),
      factById: index(facts),
      taskById: index(followUps),
    }
  }, [caseId])
}

/** A date the party gave (a day or an instant), shown without shifting a bare day across time zones. */
function toldOn(value: string, locale: string): string {
  return formatDate(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value, locale, 'short')
}

/** How the findings name the things they point at, in the user's language. */
export interface Names {
  party: (partyId: string) => string
  /** "<party>'s account “<title>”". */
  account: (accountId: string) => string
  /** "<party> — <account title>, telling n (date)". */
  telling: (versionId: string) => string
  source: (source: FactSource) => string
  settledBy: (settledBy: SettledBy) => string
  side: (side: DiscrepancySide) => string
}

export function namesFor(data: FindingsData, t: TFunction, locale: string): Names {
  const party = (partyId: string): string => data.parties.get(partyId)?.name ?? t('findings.unknownParty')
  const accountTitle = (accountId: string): string => data.accountById.get(accountId)?.title ?? t('findings.removed')
  const account = (accountId: string): string => {
    const found = data.accountById.get(accountId)
    if (!found) return t('findings.removed')
    return t('findings.sources.account', { party: party(found.partyId), title: found.title })
  }
  const telling = (versionId: string): string => {
    const version = data.versionById.get(versionId)
    const owner = version ? data.accountById.get(version.accountId) : undefined
    if (!version || !owner) return t('findings.removed')
    return t('findings.telling', {
      party: party(owner.partyId),
      title: owner.title,
      n: version.n,
      date: toldOn(version.toldAt, locale),
    })
  }
  return {
    party,
    account,
    telling,
    source: (source) => {
      if (source.kind === 'evidence') return data.evidenceById.get(source.id)?.name ?? t('findings.removed')
      if (source.kind === 'account') return account(source.id)
      const discrepancy = data.discrepancyById.get(source.id)
      return discrepancy ? t('findings.sources.discrepancy', { topic: discrepancy.topic }) : t('findings.removed')
    },
    settledBy: (settledBy) =>
      settledBy.kind === 'evidence'
        ? (data.evidenceById.get(settledBy.evidenceId)?.name ?? t('findings.removed'))
        : telling(settledBy.versionId),
    side: (side) =>
      t('findings.discrepancies.sideOf', { party: party(side.partyId), account: accountTitle(side.accountId) }),
  }
}

/**
 * The i18n key to show for a failed write: the rule broken, or the repository's
 * own key; anything else is unexpected and logged.
 */
export function errorKeyOf(error: unknown): string {
  if (error instanceof FactRuleViolation) return error.code
  if (error instanceof Error && /^findings\.errors\.\w+$/.test(error.message)) return error.message
  console.error(error)
  return 'errors.internal'
}

/** Stable element id of a fact's row, for links from the log and the tasks. */
export const factAnchor = (factId: string): string => `fact-${factId}`

/** A closed or declined case's findings are read, not changed: no form or button that writes. */
export const FindingsReadOnly = createContext(false)

export function useFindingsReadOnly(): boolean {
  return useContext(FindingsReadOnly)
}
