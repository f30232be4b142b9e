import { describe, expect, it } from 'vitest'
import { caseStatuses, type CaseStatus } from '../../../src/shared/domain/case'
import { DomainError, isDomainError } from '../../../src/shared/domain/errors'
import { allowedTransitions, assertTransition, canTransition, isOpen } from '../../../src/shared/domain/status'

// The workflow written out by hand, independently of the module: every move that must be allowed.
const expectedAllowed = new Set([
  'intake→triage',
  'triage→investigation',
  'triage→declined',
  'investigation→resolution',
  'resolution→closed',
  'resolution→investigation',
  'declined→triage',
])

const pairs: Array<[CaseStatus, CaseStatus]> = caseStatuses.flatMap((from) =>
  caseStatuses.map((to): [CaseStatus, CaseStatus] => [from, to]),
)

describe('status machine', () => {
  it('covers the 36 pairs of the six statuses', () => {
    expect(caseStatuses).toHaveLength(6)
    expect(pairs).toHaveLength(36)
  })

  describe.each(pairs)('%s → %s', (from, to) => {
    const allowed = expectedAllowed.has(`${from}→${to}`)

    it(allowed ? 'is allowed' : 'is refused', () => {
      expect(canTransition(from, to)).toBe(allowed)
      expect(allowedTransitions[from].includes(to)).toBe(allowed)
      if (allowed) {
        expect(() => assertTransition(from, to)).not.toThrow()
      } else {
        let thrown: unknown
        try {
          assertTransition(from, to)
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(DomainError)
        expect(thrown).toBeInstanceOf(Error)
        expect(isDomainError(thrown)).toBe(true)
        expect((thrown as DomainError).code).toBe('transition_refused')
        expect((thrown as DomainError).name).toBe('DomainError')
        expect((thrown as DomainError).message).toContain(from)
        expect((thrown as DomainError).message).toContain(to)
      }
    })
  })

  it('allows exactly seven moves', () => {
    const count = Object.values(allowedTransitions).reduce((n, targets) => n + targets.length, 0)
    expect(count).toBe(expectedAllowed.size)
  })

  it('has an entry for every status and no unknown targets', () => {
    expect(Object.keys(allowedTransitions).sort()).toEqual([...caseStatuses].sort())
    for (const targets of Object.values(allowedTransitions)) {
      for (const target of targets) expect(caseStatuses).toContain(target)
    }
  })

  it('makes closed terminal and refuses every self-move', () => {
    expect(allowedTransitions.closed).toEqual([])
    for (const status of caseStatuses) expect(canTransition(status, status)).toBe(false)
  })

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(allowedTransitions)).toBe(true)
    expect(Object.isFrozen(allowedTransitions.triage)).toBe(true)
  })

  it('refuses a status it does not know (e.g. a value from an old database)', () => {
    expect(canTransition('closure' as CaseStatus, 'closed')).toBe(false)
    expect(() => assertTransition('closure' as CaseStatus, 'closed')).toThrow(DomainError)
    expect(canTransition('toString' as CaseStatus, 'closed')).toBe(false)
  })

  it('treats closed and declined as finished, everything else as open', () => {
    expect(caseStatuses.filter(isOpen)).toEqual(['intake', 'triage', 'investigation', 'resolution'])
    expect(isOpen('closed')).toBe(false)
    expect(isOpen('declined')).toBe(false)
  })

  it('isDomainError tells domain refusals from other errors', () => {
    expect(isDomainError(new Error('x'))).toBe(false)
    expect(isDomainError('transition_refused')).toBe(false)
  })
})
