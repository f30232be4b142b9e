import { describe, expect, it } from 'vitest'
import {
  builtInLetterTemplates,
  fillTemplate,
  letterPlaceholders,
  unfilledPlaceholders,
  type LetterValues,
} from '../../../src/shared/domain/letter-template'
import { languages } from '../../../src/shared/i18n/languages'

const values: LetterValues = {
  customer: 'Nguyễn Thị Hằng',
  reference: 'LYON-2026-0042',
  decision: 'Nous remplaçons le réfrigérateur.',
  compensation: 'remboursement de 1 234,50 €',
  measures: '– formation des livreurs\n– housses imperméables',
  organisation: 'Électroménager Rhône SARL',
  handler: 'Дмитрий Соколов',
  date: '4 mars 2026',
}

describe('built-in response letters', () => {
  it.each(languages.map((l) => l.code))(
    '%s: every placeholder it uses is known, and the essentials are there',
    (language) => {
      const template = builtInLetterTemplates[language]
      const used = unfilledPlaceholders(`${template.subject}\n${template.body}`)
      for (const name of used) expect(letterPlaceholders).toContain(name)
      for (const name of ['reference', 'decision', 'compensation', 'measures', 'organisation', 'handler', 'date']) {
        expect(used, `${language} uses {{${name}}}`).toContain(name)
      }
      const filled = fillTemplate(template, values)
      expect(unfilledPlaceholders(filled.subject)).toEqual([])
      expect(unfilledPlaceholders(filled.body)).toEqual([])
      expect(filled.subject).toContain('LYON-2026-0042')
      expect(filled.body).toContain('Nous remplaçons le réfrigérateur.')
      expect(filled.body).toContain('– formation des livreurs\n– housses imperméables')
    },
  )

  it('greets the customer formally in each language', () => {
    expect(fillTemplate(builtInLetterTemplates.vi, values).body.startsWith('Kính gửi Quý khách Nguyễn Thị Hằng,')).toBe(
      true,
    )
    expect(fillTemplate(builtInLetterTemplates.ru, values).body.startsWith('Уважаемый(ая) Nguyễn Thị Hằng!')).toBe(true)
    expect(builtInLetterTemplates.fr.body.startsWith('Madame, Monsieur,')).toBe(true)
    expect(fillTemplate(builtInLetterTemplates.en, values).body.startsWith('Dear Nguyễn Thị Hằng,')).toBe(true)
  })
})

describe('filling placeholders', () => {
  it('replaces the known ones, tolerating spaces inside the braces', () => {
    expect(fillTemplate('Dear {{ customer }}, about {{reference}}.', values)).toBe(
      'Dear Nguyễn Thị Hằng, about LYON-2026-0042.',
    )
  })

  it('leaves unknown placeholders and known ones without a value visible', () => {
    const text = fillTemplate('{{customer}}: {{amount}} by {{handler}}', { customer: 'Anna' })
    expect(text).toBe('Anna: {{amount}} by {{handler}}')
    expect(unfilledPlaceholders(text)).toEqual(['amount', 'handler'])
  })

  it('does not expand placeholders that a value brings in', () => {
    expect(fillTemplate('{{decision}} {{customer}}', { decision: 'see {{customer}}', customer: 'Anna' })).toBe(
      'see {{customer}} Anna',
    )
  })

  it('lists each unfilled placeholder once, in order', () => {
    expect(unfilledPlaceholders('{{b}} {{a}} {{b}} {{ c }} {single} {{}}')).toEqual(['b', 'a', 'c'])
    expect(unfilledPlaceholders('Nothing left to fill.')).toEqual([])
  })

  it('keeps an empty value as an empty string, not as a placeholder', () => {
    expect(fillTemplate('[{{measures}}]', { measures: '' })).toBe('[]')
  })
})
