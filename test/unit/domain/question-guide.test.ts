import { describe, expect, it } from 'vitest'
import { complaintCategories } from '../../../src/shared/domain/case'
import type { QuestionGuide } from '../../../src/shared/domain/investigation'
import { coachQuestion } from '../../../src/shared/domain/interviewing/coach'
import { defaultQuestionGuide, mergeGuide } from '../../../src/shared/domain/interviewing/question-guide'
import { languages } from '../../../src/shared/i18n/languages'

describe.each(complaintCategories)('built-in guide for %s', (category) => {
  const guide = defaultQuestionGuide(category)

  it.each(languages.map((l) => l.code))('has 6 to 10 distinct questions in %s', (language) => {
    const questions = guide[language]
    expect(questions.length).toBeGreaterThanOrEqual(6)
    expect(questions.length).toBeLessThanOrEqual(10)
    expect(new Set(questions).size).toBe(questions.length)
    for (const q of questions) {
      expect(q.trim()).toBe(q)
      expect(q).toMatch(/[.?]$/u)
    }
  })

  it.each(languages.map((l) => l.code))('passes the coach with no flag at all in %s', (language) => {
    for (const question of guide[language]) {
      expect(coachQuestion(question, language).flags, question).toEqual([])
    }
  })

  it('never asks "why didn’t you"', () => {
    const all = languages
      .flatMap(({ code }) => guide[code])
      .join('\n')
      .toLowerCase()
    for (const blame of ['why didn', 'why did you not', 'pourquoi n', 'почему вы не', 'tại sao anh/chị không']) {
      expect(all).not.toContain(blame)
    }
  })

  it('speaks to the party formally: vous, вы, anh/chị', () => {
    const fr = guide.fr.join(' ').toLowerCase()
    const ru = guide.ru.join(' ').toLowerCase()
    expect(fr).not.toMatch(/(?:^|[^\p{L}])(?:tu|toi|ton|ta|tes)(?![\p{L}])/u)
    expect(ru).not.toMatch(/(?:^|[^\p{L}])(?:ты|тебя|тебе|твой|твоя|твои)(?![\p{L}])/u)
    expect(guide.vi.some((q) => q.includes('anh/chị') || q.includes('Anh/chị'))).toBe(true)
  })
})

describe('the coach catches what the guide avoids', () => {
  it('would flag a leading rewrite of a guide question', () => {
    expect(coachQuestion('You received the parcel, didn’t you?', 'en').flags).not.toEqual([])
    expect(coachQuestion('Vous avez bien reçu le colis, n’est-ce pas ?', 'fr').flags).not.toEqual([])
    expect(coachQuestion('Вы ведь получили посылку?', 'ru').flags).not.toEqual([])
    expect(coachQuestion('Anh đã nhận được hàng, phải không?', 'vi').flags).not.toEqual([])
  })
})

describe('mergeGuide', () => {
  const stored: QuestionGuide = {
    id: 'billing',
    questions: {
      en: ['Walk me through the bill.', '  '],
      fr: ['Parlez-moi de la facture.'],
      vi: [],
      ru: ['Расскажите о счёте.'],
    },
    updatedAt: '2025-03-01T10:00:00.000Z',
    updatedBy: 'Investigator',
  }

  it('gives the built-in guide when nothing is stored', () => {
    expect(mergeGuide(undefined, 'billing')).toEqual(defaultQuestionGuide('billing'))
  })

  it('gives the stored questions, dropping blank lines', () => {
    const merged = mergeGuide(stored, 'billing')
    expect(merged.en).toEqual(['Walk me through the bill.'])
    expect(merged.fr).toEqual(['Parlez-moi de la facture.'])
    expect(merged.ru).toEqual(['Расскажите о счёте.'])
  })

  it('falls back to the built-in questions for a language the stored guide leaves empty', () => {
    expect(mergeGuide(stored, 'billing').vi).toEqual(defaultQuestionGuide('billing').vi)
  })

  it('ignores a guide stored for another category', () => {
    expect(mergeGuide(stored, 'delivery')).toEqual(defaultQuestionGuide('delivery'))
  })
})
