import { describe, expect, it } from 'vitest'
import { catalogs } from '../../../src/shared/i18n/catalogs'
import { languages, type Language } from '../../../src/shared/i18n/languages'
import { coachQuestion, coachKinds, type CoachResult } from '../../../src/shared/domain/interviewing/coach'
import { coachLanguages } from '../../../src/shared/domain/interviewing/coach-rules'

const kinds = (r: CoachResult): string[] => r.flags.map((f) => f.kind)

/** A question the coach flags as `kind`, whose suggestion keeps `kept`, drops `dropped`, and is itself clean. */
function expectRewrite(
  language: Language,
  question: string,
  kind: string,
  kept: string,
  dropped: readonly string[],
): CoachResult {
  const result = coachQuestion(question, language)
  expect(kinds(result), question).toContain(kind)
  for (const flag of result.flags) expect(question.slice(flag.start, flag.end)).toBe(flag.match)
  const suggestion = result.suggestion ?? ''
  expect(suggestion, question).toContain(kept)
  for (const word of dropped) expect(suggestion.toLowerCase(), question).not.toContain(word.toLowerCase())
  // The open form offered must not be flagged in turn.
  expect(coachQuestion(suggestion, language).flags, suggestion).toEqual([])
  return result
}

function expectClean(language: Language, question: string): void {
  const result = coachQuestion(question, language)
  expect(result.flags, question).toEqual([])
  expect(result.suggestion).toBeNull()
}

describe('English', () => {
  it('flags "isn’t it true that" and keeps the proposition', () => {
    const r = expectRewrite(
      'en',
      'Isn’t it true that the driver left the parcel outside?',
      'leading',
      'the driver left the parcel outside',
      ['isn’t it true', "isn't it true"],
    )
    expect(r.flags[0]).toMatchObject({ start: 0, end: 18, match: 'Isn’t it true that' })
    expect(r.suggestion).toBe(
      'What can you tell me, in your own words, about whether the driver left the parcel outside?',
    )
  })

  it('flags tag questions and removes the tag', () => {
    const r = expectRewrite('en', 'The clerk shouted at you, didn’t he?', 'leading', 'the clerk shouted at you', [
      'didn’t he',
    ])
    expect(r.flags[0]?.match).toBe(', didn’t he?')
    expectRewrite('en', "You paid in cash, isn't it?", 'leading', 'you paid in cash', ["isn't it"])
    expectRewrite('en', 'You signed the form, right?', 'leading', 'you signed the form', ['right'])
    expectRewrite('en', 'The invoice arrived on Monday,   correct ?', 'leading', 'the invoice arrived on Monday', [
      'correct',
    ])
  })

  it('turns "didn’t you" into a neutral clause', () => {
    expectRewrite('en', "Didn't you see the driver?", 'leading', 'you did see the driver', ["didn't"])
    expectRewrite('en', 'Weren’t you at home that evening?', 'leading', 'you were at home that evening', ['weren'])
  })

  it('flags suggestive openers', () => {
    expectRewrite('en', "Wouldn't you agree that the price was wrong?", 'leading', 'the price was wrong', ['agree'])
    expectRewrite('en', 'Surely you checked the box?', 'leading', 'you checked the box', ['surely'])
    expectRewrite('en', 'I suppose you kept the receipt?', 'leading', 'you kept the receipt', ['suppose'])
    expectRewrite('en', 'You must have seen the van?', 'leading', 'you have seen the van', ['must'])
  })

  it('gives a softer hint for a closed question, with an open form', () => {
    const r = expectRewrite(
      'en',
      'Did you receive the invoice on 3 March?',
      'closed',
      'receive the invoice on 3 March',
      ['did you receive'],
    )
    expect(kinds(r)).toEqual(['closed'])
    expectRewrite('en', 'Was the parcel damaged?', 'closed', 'the parcel damaged', ['was the parcel'])
  })

  it('flags a forced choice rather than a mere closed question', () => {
    const r = coachQuestion('Was it the driver or the clerk?', 'en')
    expect(kinds(r)).toEqual(['forced_choice'])
    expect(r.suggestion).toContain('the driver or the clerk')
  })

  it('flags two questions in one and suggests asking the first alone', () => {
    const r = coachQuestion('What did you see? Who else was there?', 'en')
    expect(r.flags).toMatchObject([{ kind: 'multiple', start: 18, end: 37, match: 'Who else was there?' }])
    expect(r.suggestion).toBe('What did you see?')
  })

  it('leaves open questions alone, even with words like "right"', () => {
    expectClean('en', 'What happened when you reached the counter?')
    expectClean('en', 'Which is the right address?')
    expectClean('en', 'Tell me what you did right after the call.')
    expectClean('en', 'Could you tell me what happened next?')
    expectClean('en', 'What do you think happened to the parcel?')
    expectClean('en', 'Describe clearly where you were standing.')
  })
})

describe('French', () => {
  it('flags "n’est-ce pas" with either apostrophe and French spacing', () => {
    for (const question of [
      "Le livreur a laissé le colis devant la porte, n'est-ce pas ?",
      'Le livreur a laissé le colis devant la porte, n’est-ce pas\u00a0?',
      'Le livreur a laissé le colis devant la porte, n’est ce pas\u202f?',
      'Le livreur a laissé le colis devant la porte, N’EST-CE PAS?',
    ]) {
      const r = expectRewrite('fr', question, 'leading', 'le livreur a laissé le colis devant la porte', ['est-ce'])
      expect(r.flags[0]?.start).toBe(46)
    }
  })

  it('flags "vous avez bien" and drops only "bien"', () => {
    const r = expectRewrite(
      'fr',
      'Vous avez bien reçu la facture le 3 mars ?',
      'leading',
      'vous avez reçu la facture le 3 mars',
      ['bien'],
    )
    expect(r.flags[0]?.match).toBe('Vous avez bien')
    expectRewrite('fr', 'Avez-vous bien reçu la facture ?', 'leading', 'vous avez reçu la facture', ['bien'])
  })

  it('flags negative and suggestive forms', () => {
    expectRewrite('fr', 'N’avez-vous pas reçu la facture ?', 'leading', 'vous avez reçu la facture', [
      'n’avez',
      ' pas ',
    ])
    expectRewrite('fr', "Ne pensez-vous pas qu'il était pressé ?", 'leading', 'il était pressé', ['pensez'])
    expectRewrite('fr', 'Il est vrai que vous étiez absent ?', 'leading', 'vous étiez absent', ['vrai'])
    expectRewrite('fr', 'N’est-il pas vrai que la caisse était fermée ?', 'leading', 'la caisse était fermée', ['vrai'])
    expectRewrite('fr', 'Avouez que vous avez oublié le reçu.', 'leading', 'vous avez oublié le reçu', ['avouez'])
    expectRewrite('fr', 'Vous étiez là, non\u00a0?', 'leading', 'vous étiez là', ['non'])
  })

  it('gives closed hints for "est-ce que" and inversion', () => {
    expectRewrite('fr', 'Est-ce que le colis était abîmé ?', 'closed', 'le colis était abîmé', ['est-ce'])
    expectRewrite('fr', 'Avez-vous reçu la facture ?', 'closed', 'vous avez reçu la facture', ['avez-vous'])
  })

  it('flags a forced choice', () => {
    expect(kinds(coachQuestion('Est-ce que c’était le livreur ou le voisin ?', 'fr'))).toEqual(['forced_choice'])
  })

  it('leaves open questions alone, including “bien” used plainly and imperatives', () => {
    expectClean('fr', 'Comment s’est passée la livraison ?')
    expectClean('fr', 'Que s’est-il bien passé ?')
    expectClean('fr', 'Pouvez-vous me décrire la livraison ?')
    expectClean('fr', 'Qu’est-ce que vous avez vu ?')
    expectClean('fr', 'Où étiez-vous lorsque le colis est arrivé ?')
    expectClean('fr', 'Rappelez-vous le moment de la livraison et décrivez-le.')
    expectClean('fr', 'Décrivez-nous ce qui s’est passé, non pas ce que vous en pensez.')
  })
})

describe('Russian', () => {
  it('flags "разве вы не" and keeps the proposition without the negation', () => {
    const r = expectRewrite('ru', 'Разве вы не получили посылку вовремя?', 'leading', 'вы получили посылку вовремя', [
      'разве',
      ' не ',
    ])
    expect(r.flags[0]?.match).toBe('Разве вы не')
  })

  it('flags "не так ли" and lower-cases the sentence start', () => {
    const r = expectRewrite('ru', 'Продавец вам нагрубил, не так ли?', 'leading', 'продавец вам нагрубил', ['так ли'])
    expect(r.flags[0]?.match).toBe('не так ли')
  })

  it('flags the other leading forms', () => {
    expectRewrite('ru', 'Не правда ли, курьер опоздал?', 'leading', 'курьер опоздал', ['правда'])
    expectRewrite('ru', 'Разве не курьер оставил коробку?', 'leading', 'курьер оставил коробку', ['разве'])
    expectRewrite('ru', 'Вы ведь видели курьера?', 'leading', 'вы видели курьера', ['ведь'])
    expectRewrite('ru', 'Ведь вы видели курьера?', 'leading', 'вы видели курьера', ['ведь'])
    expectRewrite('ru', 'Согласитесь, что курьер опоздал.', 'leading', 'курьер опоздал', ['согласитесь'])
    expectRewrite('ru', 'Курьер опоздал, да?', 'leading', 'курьер опоздал', [', да'])
  })

  it('gives a closed hint for "ли" questions', () => {
    expectRewrite('ru', 'Получили ли вы посылку?', 'closed', 'вы получили посылку', [' ли '])
  })

  it('flags a forced choice', () => {
    expect(kinds(coachQuestion('Это был курьер или продавец?', 'ru'))).toEqual(['forced_choice'])
  })

  it('leaves open questions alone, with "да" inside words', () => {
    expectClean('ru', 'Когда и куда вам доставили заказ?')
    expectClean('ru', 'Расскажите, что произошло, когда курьер передал вам посылку.')
    expectClean('ru', 'Где вы находились, когда пришла посылка?')
    expectClean('ru', 'Можете ли вы рассказать, что произошло?')
    expectClean('ru', 'Опишите, как выглядела коробка, да и всё, что было внутри.')
  })
})

describe('Vietnamese', () => {
  it('flags "có đúng là … không" and strips both ends', () => {
    const r = expectRewrite('vi', 'Có đúng là nhân viên đã la mắng anh không?', 'leading', 'nhân viên đã la mắng anh', [
      'có đúng là',
      'không',
    ])
    expect(r.flags[0]?.match).toBe('Có đúng là')
  })

  it('flags "phải không" tags', () => {
    const r = expectRewrite(
      'vi',
      'Anh đã nhận được hàng lúc 3 giờ, phải không?',
      'leading',
      'anh đã nhận được hàng lúc 3 giờ',
      ['phải không'],
    )
    expect(r.flags[0]?.match).toBe('phải không')
  })

  it('flags the other leading forms', () => {
    expectRewrite('vi', 'Chị đã ký nhận rồi, đúng không?', 'leading', 'chị đã ký nhận rồi', ['đúng không'])
    expectRewrite('vi', 'Có phải là tài xế đã để hàng ngoài cửa?', 'leading', 'tài xế đã để hàng ngoài cửa', [
      'có phải',
    ])
    expectRewrite('vi', 'Chẳng phải anh đã ký nhận rồi sao?', 'leading', 'anh đã ký nhận rồi', ['chẳng phải', 'sao'])
    expectRewrite('vi', 'Anh đã thấy tài xế, phải chứ?', 'leading', 'anh đã thấy tài xế', ['phải chứ'])
    expectRewrite('vi', 'Anh đã thấy tài xế, đúng chứ?', 'leading', 'anh đã thấy tài xế', ['đúng chứ'])
    expectRewrite('vi', 'Chắc chắn là anh đã thấy tài xế?', 'leading', 'anh đã thấy tài xế', ['chắc chắn'])
  })

  it('matches decomposed input and reports offsets in the text as typed', () => {
    const decomposed = 'Co\u0301 đu\u0301ng la\u0300 nhân viên đã la ma\u0306\u0301ng anh không?'
    const r = coachQuestion(decomposed, 'vi')
    expect(kinds(r)).toEqual(['leading'])
    expect(r.flags[0]).toMatchObject({ start: 0, end: 13 })
    expect(r.flags[0]?.match.normalize('NFC')).toBe('Có đúng là')
    expect(r.suggestion).toContain('nhân viên đã la mắng anh')
  })

  it('gives a closed hint for "có … không"', () => {
    expectRewrite('vi', 'Anh có nhận được hàng không?', 'closed', 'anh có nhận được hàng', ['không'])
  })

  it('leaves open statements alone, including plain negation with "không"', () => {
    expectClean('vi', 'Anh hãy kể lại chuyện gì đã xảy ra khi anh đến quầy.')
    expectClean('vi', 'Anh hãy kể lại vì sao hàng không được giao đúng hẹn.')
    expectClean('vi', 'Chị đã làm gì khi thấy hàng không còn ở cửa?')
    expectClean('vi', 'Đây không phải là lần đầu, chị hãy mô tả những lần trước.')
  })
})

describe('the engine', () => {
  it('gets through 20,000 characters of hostile input without backtracking', () => {
    const inputs = [
      ' '.repeat(20000),
      '\u00a0'.repeat(19999) + '?',
      ', '.repeat(10000),
      '? a'.repeat(6667),
      "didn't you ".repeat(1819),
      'n’est-ce '.repeat(2223),
      'phải không '.repeat(1819),
      'разве '.repeat(3334),
      `Was it ${'x '.repeat(9990)} or y?`,
      'a\u0301'.repeat(10000),
    ]
    for (const input of inputs) {
      for (const { code } of languages) expect(coachQuestion(input, code).flags.length).toBeGreaterThanOrEqual(0)
    }
    // 40 runs over 20,000 characters each; a quadratic pattern would take minutes here and
    // the test would run into its time limit.
  })

  it('flags every repeated form, in text order', () => {
    const r = coachQuestion('Разве вы не ушли? Разве вы не вернулись?', 'ru')
    expect(r.flags.map((f) => [f.kind, f.match])).toEqual([
      ['leading', 'Разве вы не'],
      ['leading', 'Разве вы не'],
      ['multiple', 'Разве вы не вернулись?'],
    ])
  })

  it('never returns overlapping flags, except a second question holding its own flag', () => {
    const r = coachQuestion('Didn’t you see him, didn’t you? Is it true that he left, right?', 'en')
    const single = r.flags.filter((f) => f.kind !== 'multiple')
    for (let i = 1; i < single.length; i += 1) expect(single[i]?.start).toBeGreaterThanOrEqual(single[i - 1]?.end ?? 0)
    expect(r.flags.filter((f) => f.kind === 'multiple')).toHaveLength(1)
  })

  it('returns nothing for an empty question', () => {
    expect(coachQuestion('', 'en')).toEqual({ flags: [], suggestion: null })
    expect(coachQuestion('   ', 'vi')).toEqual({ flags: [], suggestion: null })
  })

  it('offers a plain open prompt when nothing but the frame was typed', () => {
    expect(coachQuestion('Isn’t it true that?', 'en').suggestion).toBe('Tell me, in your own words, what happened.')
  })

  it('keeps its rules in data: unique ids, the iu flags, known kinds', () => {
    const ids = new Set<string>()
    for (const { code } of languages) {
      for (const rule of coachLanguages[code].rules) {
        expect(ids.has(rule.id), rule.id).toBe(false)
        ids.add(rule.id)
        expect(rule.id.startsWith(`${code}.`)).toBe(true)
        expect(rule.pattern.flags).toBe('iu')
        expect(coachKinds).toContain(rule.kind)
      }
    }
  })

  it('has an explanation for every kind in every language', () => {
    for (const { code } of languages) {
      const coach = catalogs[code]['coach'] as { kinds: Record<string, string>; why: Record<string, string> }
      for (const kind of coachKinds) {
        expect(coach.kinds[kind], `${code} ${kind}`).toBeTruthy()
        expect(coach.why[kind], `${code} ${kind}`).toBeTruthy()
      }
    }
  })
})
