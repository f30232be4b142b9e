import { describe, expect, it } from 'vitest'
import {
  alignClaims,
  countStates,
  diffRetellings,
  locateQuote,
  suggestVerdict,
  topicKeyOf,
  verdictId,
} from '../../../src/shared/domain/compare'
import type { AccountId, Claim } from '../../../src/shared/domain/investigation'

const A = 'acc-a' as AccountId
const B = 'acc-b' as AccountId

function claim(accountId: AccountId, topic: string, quote: string, start = 0): Claim {
  return {
    id: `${accountId}-${topic}-${start}` as Claim['id'],
    caseId: 'case' as Claim['caseId'],
    accountId,
    versionId: 'v' as Claim['versionId'],
    start,
    end: start + quote.length,
    quote,
    topic,
    topicKey: topicKeyOf(topic),
    link: null,
    createdAt: '2026-11-26T10:00:00.000Z',
    createdBy: 'Lan',
  }
}

describe('diffRetellings', () => {
  it('shows the one word a retelling changes, and keeps the rest as it was', () => {
    const before = 'The driver arrived at 14:00 and left the parcel at the door.'
    const after = 'The driver arrived at 16:00 and left the parcel at the door.'
    const diff = diffRetellings(before, after)
    expect(diff.wordLevel).toBe(true)
    expect(diff.segments.filter((s) => s.kind === 'removed').map((s) => s.text.trim())).toEqual(['14'])
    expect(diff.segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['16'])
    expect(diff.addedWords).toBe(1)
    expect(diff.removedWords).toBe(1)
    // Reading the old side back gives the first telling, the new side the retelling.
    expect(
      diff.segments
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join(''),
    ).toBe(before)
    expect(
      diff.segments
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(after)
  })

  it('treats Vietnamese and Russian words whole, accents and all', () => {
    const vi = diffRetellings('Tôi nhận hàng lúc ba giờ chiều.', 'Tôi nhận hàng lúc năm giờ chiều.')
    expect(vi.segments.filter((s) => s.kind === 'removed').map((s) => s.text.trim())).toEqual(['ba'])
    expect(vi.segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['năm'])
    const ru = diffRetellings('Продавец был вежлив со мной.', 'Продавец был груб со мной.')
    expect(ru.segments.filter((s) => s.kind === 'added').map((s) => s.text.trim())).toEqual(['груб'])
  })

  it('reports an added sentence as added words', () => {
    const diff = diffRetellings('I paid in cash.', 'I paid in cash. The cashier gave me no receipt.')
    expect(diff.addedWords).toBe(6)
    expect(diff.removedWords).toBe(0)
  })

  it('finds the change in accounts of several thousand words', () => {
    const words = Array.from({ length: 4000 }, (_, i) => `word${i % 97}`)
    const before = words.join(' ')
    const after = [...words.slice(0, 2000), 'inserted', ...words.slice(2000)].join(' ')
    const diff = diffRetellings(before, after)
    expect(diff.wordLevel).toBe(true)
    expect(diff.addedWords).toBe(1)
  })

  it('falls back to sentences when two long texts have nothing in common, rather than hang', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `alpha${i}.`).join(' ')
    const after = Array.from({ length: 3000 }, (_, i) => `beta${i}.`).join(' ')
    const diff = diffRetellings(before, after, 5)
    expect(
      diff.segments
        .filter((s) => s.kind !== 'added')
        .map((s) => s.text)
        .join(''),
    ).toBe(before)
    expect(
      diff.segments
        .filter((s) => s.kind !== 'removed')
        .map((s) => s.text)
        .join(''),
    ).toBe(after)
  })
})

describe('suggestVerdict', () => {
  it('suggests agreement for the same words, whatever the case and accents', () => {
    expect(suggestVerdict(['The parcel was wet.'], ['the parcel was wet'])?.verdict).toBe('agree')
  })
  it('suggests a conflict when times or amounts differ', () => {
    expect(suggestVerdict(['delivered at 14:00'], ['it came at 16h00'])).toEqual({
      verdict: 'conflict',
      reason: 'different_numbers',
    })
    expect(suggestVerdict(['vers 14h00'], ['à 14:00 précises'])).toBeNull()
  })
  it('suggests a conflict when one side denies what the other affirms, in each language', () => {
    expect(suggestVerdict(['The clerk shouted at me'], ['I did not shout'])?.reason).toBe('negation')
    expect(suggestVerdict(['Le vendeur a crié'], ["Je n'ai pas crié"])?.reason).toBe('negation')
    expect(suggestVerdict(['Продавец кричал'], ['Я не кричал'])?.reason).toBe('negation')
    expect(suggestVerdict(['Nhân viên đã la mắng tôi'], ['Tôi không la mắng khách'])?.reason).toBe('negation')
  })
  it('leaves the rest to the investigator', () => {
    expect(suggestVerdict(['The box was dented'], ['The box looked fine to me'])).toBeNull()
    expect(suggestVerdict([], ['anything'])).toBeNull()
  })
})

describe('alignClaims', () => {
  it('puts claims on the same topic in one row, in the order the first account raises them', () => {
    const rows = alignClaims(
      A,
      [claim(A, 'Attitude', 'the clerk shouted', 50), claim(A, 'Time of delivery', 'at 14:00', 10)],
      B,
      [claim(B, 'time of  délivery', 'at 16:00', 5), claim(B, 'Receipt', 'I printed a receipt', 30)],
      new Map(),
    )
    expect(rows.map((r) => [r.topic, r.state])).toEqual([
      ['Time of delivery', 'conflict'],
      ['Attitude', 'only_a'],
      ['Receipt', 'only_b'],
    ])
    expect(countStates(rows)).toEqual({ agree: 0, conflict: 1, only_a: 1, only_b: 1, to_assess: 0 })
  })

  it("lets the investigator's verdict override the suggestion, whichever column each account is in", () => {
    const a = [claim(A, 'Time', 'at 14:00')]
    const b = [claim(B, 'Time', 'at 16:00')]
    const verdicts = new Map([[verdictId(B, A, 'time'), 'agree' as const]])
    const [row] = alignClaims(A, a, B, b, verdicts)
    expect(row?.state).toBe('agree')
    expect(row?.decided).toBe('agree')
    expect(row?.suggestion?.verdict).toBe('conflict')
    expect(verdictId(A, B, 'time')).toBe(verdictId(B, A, 'time'))
  })

  it('marks rows with two sides and no clue as to assess', () => {
    const [row] = alignClaims(A, [claim(A, 'Box', 'dented')], B, [claim(B, 'Box', 'looked fine')], new Map())
    expect(row?.state).toBe('to_assess')
  })
})

describe('locateQuote', () => {
  const text = 'Le livreur est  arrivé vers 14 h.\nIl a laissé le colis devant la porte.'
  it('finds an exact passage', () => {
    expect(locateQuote(text, 'laissé le colis')).toEqual({
      start: text.indexOf('laissé'),
      end: text.indexOf(' devant'),
    })
  })
  it('forgives spacing, case and accents, and maps back to the original text', () => {
    const found = locateQuote(text, 'est arrive VERS')
    expect(found && text.slice(found.start, found.end)).toBe('est  arrivé vers')
  })
  it('says when the passage is not in the account', () => {
    expect(locateQuote(text, 'a jeté le colis')).toBeNull()
    expect(locateQuote(text, '   ')).toBeNull()
  })
})
