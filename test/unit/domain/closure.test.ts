import { describe, expect, it } from 'vitest'
import type { CaseId } from '../../../src/shared/domain/case'
import {
  blockerKey,
  checkClosureGate,
  closureBlockers,
  isMeasureOverdue,
  nextSignOffRole,
  type Letter,
} from '../../../src/shared/domain/closure'
import type { Discrepancy, Task } from '../../../src/shared/domain/investigation'

const caseId = 'c1' as CaseId
const task = (id: string, kind: Task['kind'], extra: Partial<Task> = {}): Task =>
  ({
    id,
    caseId,
    kind,
    text: `task ${id}`,
    owner: 'Lan',
    due: null,
    status: 'open',
    origin: null,
    doneAt: null,
    doneBy: null,
    verification: null,
    createdAt: '',
    createdBy: '',
    updatedAt: '',
    ...extra,
  }) as Task
const discrepancy = (id: string, status: Discrepancy['status']): Discrepancy =>
  ({ id, caseId, topic: `topic ${id}`, status }) as unknown as Discrepancy
const letter = (status: Letter['status']): Letter => ({ id: 'l1', caseId, status }) as unknown as Letter
const verification = { by: 'Lan', at: '2026-11-20T10:00:00.000Z', note: 'checked', evidenceId: null }

describe('the closure gate', () => {
  it('names every open task, unverified measure, open discrepancy and the unsent letter', () => {
    const blockers = closureBlockers({
      caseId,
      tasks: [
        task('t1', 'follow_up'),
        task('t2', 'follow_up', { status: 'done' }),
        task('m1', 'measure'),
        task('m2', 'measure', { verification }),
      ],
      discrepancies: [discrepancy('d1', 'open'), discrepancy('d2', 'resolved')],
      letters: [letter('draft')],
      hasResolution: true,
    })
    expect(blockers.map(blockerKey)).toEqual([
      'open_task:t1',
      'unverified_measure:m1',
      'open_discrepancy:d1',
      'unsent_letter:c1',
    ])
  })

  it('lets a case close with nothing open, or with a written reason for each exception', () => {
    const clear = closureBlockers({
      caseId,
      tasks: [],
      discrepancies: [],
      letters: [letter('sent')],
      hasResolution: true,
    })
    expect(checkClosureGate(clear, {})).toEqual({ ok: true, exceptions: [] })

    const blockers = closureBlockers({
      caseId,
      tasks: [],
      discrepancies: [discrepancy('d1', 'open')],
      letters: [letter('sent')],
      hasResolution: true,
    })
    expect(checkClosureGate(blockers, {}).ok).toBe(false)
    expect(checkClosureGate(blockers, { 'open_discrepancy:d1': '  ok ' }).ok).toBe(false)
    const verdict = checkClosureGate(blockers, { 'open_discrepancy:d1': 'Witness unreachable for six weeks' })
    expect(verdict).toEqual({
      ok: true,
      exceptions: [
        { kind: 'open_discrepancy', subjectId: 'd1', label: 'topic d1', reason: 'Witness unreachable for six weeks' },
      ],
    })
  })

  it('never closes a case without a decision, whatever the reason', () => {
    const blockers = closureBlockers({
      caseId,
      tasks: [],
      discrepancies: [],
      letters: [letter('sent')],
      hasResolution: false,
    })
    expect(checkClosureGate(blockers, { 'no_resolution:c1': 'We decided orally' }).ok).toBe(false)
  })

  it('shows a measure overdue after its due date until it is verified', () => {
    expect(isMeasureOverdue(task('m', 'measure', { due: '2026-11-20' }), '2026-11-21')).toBe(true)
    expect(isMeasureOverdue(task('m', 'measure', { due: '2026-11-21' }), '2026-11-21')).toBe(false)
    expect(isMeasureOverdue(task('m', 'measure', { due: '2026-11-20', verification }), '2026-11-21')).toBe(false)
    expect(isMeasureOverdue(task('f', 'follow_up', { due: '2026-11-20' }), '2026-11-21')).toBe(false)
  })

  it('asks for the handler first, then the manager', () => {
    expect(nextSignOffRole(null)).toBe('handler')
    expect(nextSignOffRole({ signOffs: [{ role: 'handler' } as never] })).toBe('manager')
    expect(nextSignOffRole({ signOffs: [{ role: 'handler' } as never, { role: 'manager' } as never] })).toBeNull()
  })
})
