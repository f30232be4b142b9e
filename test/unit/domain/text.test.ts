import { describe, expect, it } from 'vitest'
import { matchesQuery, normalizeText, queryTerms, searchKey } from '../../../src/shared/domain/text'

describe('normalizeText', () => {
  it.each([
    ['Nguyễn Văn Đức', 'nguyen van duc'],
    ['ĐẶNG THỊ HỒNG', 'dang thi hong'],
    ['Élodie Lefèvre', 'elodie lefevre'],
    ['François Garçon', 'francois garcon'],
    ['Ёлкина', 'елкина'],
    ['ИВАНОВ', 'иванов'],
    ['Cœur Æsir', 'coeur aesir'],
    ['İstanbul', 'istanbul'],
    ['  many \t spaces\n\nand lines  ', 'many spaces and lines'],
    ['O’Brien', "o'brien"],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('gives the same result for precomposed and decomposed input', () => {
    const precomposed = 'Nguy\u1EC5n'
    const decomposed = 'Nguye\u0302\u0303n'
    expect(normalizeText(precomposed)).toBe(normalizeText(decomposed))
  })

  it('does not depend on the locale (no Turkish dotless i)', () => {
    expect(normalizeText('I')).toBe('i')
  })
})

describe('searchKey and matchesQuery', () => {
  const key = searchKey(['LYON-2026-0042', 'Nguyễn Văn Đức', 'duc@example.vn', 'Le colis est arrivé abîmé'])

  it.each([
    'nguyen van duc',
    'duc nguyen',
    'NGUYỄN',
    'Đức',
    'lyon-2026-0042',
    '0042',
    'abime colis',
    'example.vn',
    '  van   ',
  ])('finds the case by %j', (query) => {
    expect(matchesQuery(key, query)).toBe(true)
  })

  it.each(['nguyen tran', 'xyz', 'duc nguyen martin'])('does not find it by %j', (query) => {
    expect(matchesQuery(key, query)).toBe(false)
  })

  it('matches everything on an empty or blank query', () => {
    expect(matchesQuery(key, '')).toBe(true)
    expect(matchesQuery(key, '   ')).toBe(true)
    expect(matchesQuery('', '')).toBe(true)
  })

  it('finds Élodie by elodie and ÉLODIE', () => {
    const k = searchKey(['Élodie Martin'])
    expect(matchesQuery(k, 'elodie')).toBe(true)
    expect(matchesQuery(k, 'ÉLODIE')).toBe(true)
    expect(matchesQuery(k, 'martin elo')).toBe(true)
  })

  it('finds Russian names in any case, and ё by е', () => {
    const k = searchKey(['Иванов Пётр', 'Ёлкина Мария'])
    expect(matchesQuery(k, 'иванов')).toBe(true)
    expect(matchesQuery(k, 'ИВАНОВ')).toBe(true)
    expect(matchesQuery(k, 'петр')).toBe(true)
    expect(matchesQuery(k, 'елкина')).toBe(true)
    expect(matchesQuery(k, 'ЁЛКИНА')).toBe(true)
    expect(matchesQuery(k, 'сидоров')).toBe(false)
  })

  it('does not match a term across two fields', () => {
    const k = searchKey(['abc', 'def'])
    expect(matchesQuery(k, 'abc')).toBe(true)
    expect(matchesQuery(k, 'cd')).toBe(false)
    expect(matchesQuery(k, 'c d')).toBe(true)
  })

  it('skips empty parts', () => {
    expect(searchKey(['', 'A', '  ', 'B'])).toBe(searchKey(['A', 'B']))
  })

  it('gives the right answer when the query changes between calls', () => {
    expect(matchesQuery(key, 'duc')).toBe(true)
    expect(matchesQuery(key, 'zzz')).toBe(false)
    expect(matchesQuery(key, 'duc')).toBe(true)
  })

  it('splits a query into normalised terms', () => {
    expect(queryTerms('  Đức   NGUYỄN ')).toEqual(['duc', 'nguyen'])
    expect(queryTerms('   ')).toEqual([])
  })
})
