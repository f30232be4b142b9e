import { describe, expect, it } from 'vitest'
import { changeFact, checkFact, FactRuleViolation, sourcesFromResolution } from '../../../src/shared/domain/facts'
import type { EvidenceId } from '../../../src/shared/domain/evidence'
import type { Discrepancy, Fact, Task } from '../../../src/shared/domain/investigation'

const now = '2026-11-26T10:00:00.000Z'
const fact: Fact = {
  id: 'fact-1' as Fact['id'],
  caseId: 'case-1' as Fact['caseId'],
  statement: 'The parcel was delivered at 16:00',
  status: 'unverified',
  sources: [],
  note: '',
  taskId: null,
  createdAt: now,
  createdBy: 'Lan',
  updatedAt: now,
}
const followUp: Task = {
  id: 'task-1' as Task['id'],
  caseId: fact.caseId,
  kind: 'follow_up',
  text: fact.statement,
  owner: 'Lan',
  due: null,
  status: 'open',
  origin: { kind: 'fact', id: fact.id },
  doneAt: null,
  doneBy: null,
  verification: null,
  createdAt: now,
  createdBy: 'Lan',
  updatedAt: now,
}
const evidence = { kind: 'evidence', id: 'ev-1' as EvidenceId } as const
const context = (openTask: Task | null = null) => ({ now, by: 'Lan', openTask, newFollowUp: () => followUp })

describe('fact status rules', () => {
  it('refuses a confirmed or contradicted fact without evidence or an account behind it', () => {
    expect(checkFact('x', 'confirmed', [])).toBe('findings.errors.needsSource')
    expect(checkFact('x', 'contradicted', [{ kind: 'discrepancy', id: 'd' as never }])).toBe(
      'findings.errors.needsSource',
    )
    expect(checkFact('x', 'confirmed', [evidence])).toBeNull()
    expect(checkFact('x', 'unverified', [])).toBeNull()
    expect(checkFact('x', 'doubtful', [])).toBeNull()
    expect(checkFact('  ', 'unverified', [])).toBe('findings.errors.statementRequired')
    expect(() => changeFact(fact, { status: 'confirmed', sources: [], note: '' }, context())).toThrow(FactRuleViolation)
  })

  it('opens a follow-up task when a fact becomes doubtful, and only one', () => {
    const first = changeFact(fact, { status: 'doubtful', sources: [], note: 'times disagree' }, context())
    expect(first.addTask).toBe(followUp)
    expect(first.fact.taskId).toBe(followUp.id)
    const again = changeFact(first.fact, { status: 'doubtful', sources: [], note: '' }, context(followUp))
    expect(again.addTask).toBeNull()
    expect(again.fact.taskId).toBe(followUp.id)
  })

  it('closes the follow-up task once the fact is confirmed or contradicted', () => {
    const settled = changeFact(
      { ...fact, status: 'doubtful', taskId: followUp.id },
      { status: 'confirmed', sources: [evidence, evidence], note: 'GPS log' },
      context(followUp),
    )
    expect(settled.closeTask?.status).toBe('done')
    expect(settled.closeTask?.doneBy).toBe('Lan')
    expect(settled.fact.sources).toEqual([evidence])
    expect(settled.fact.status).toBe('confirmed')
  })

  it('confirms the settled fact by what settled the discrepancy and links the side it bears out', () => {
    const d = {
      id: 'd-1',
      a: { accountId: 'acc-a' },
      b: { accountId: 'acc-b' },
    } as unknown as Discrepancy
    const sources = sourcesFromResolution(d, {
      how: 'Delivery log',
      settledBy: { kind: 'evidence', evidenceId: 'ev-9' as never },
      bearsOut: 'b',
      factId: null,
      at: now,
      by: 'Lan',
    })
    expect(sources).toEqual([
      { kind: 'evidence', id: 'ev-9' },
      { kind: 'discrepancy', id: 'd-1' },
      { kind: 'account', id: 'acc-b' },
    ])
  })
})
