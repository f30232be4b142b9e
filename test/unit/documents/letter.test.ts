import { describe, expect, it } from 'vitest'
import { renderLetter } from '../../../src/main/services/documents/letter'
import { builtInLetterTemplates, fillTemplate } from '../../../src/shared/domain/letter-template'
import { fontsDir } from './fixtures'
import { extractText, pdfFonts, pdfInfo, rawPdf } from './pdf-tools'

const now = new Date('2026-03-31T12:00:00.000Z')

describe('response letter', () => {
  it('renders the Russian template, filled, as a business letter', async () => {
    const filled = fillTemplate(builtInLetterTemplates.ru, {
      customer: 'Анна Сергеевна Кузнецова',
      reference: 'MSK-2026-0107',
      decision: 'Мы заменим повреждённый холодильник за наш счёт.',
      compensation: 'возврат стоимости доставки — 2 500,00 ₽',
      measures: '— обучение курьеров\n— водонепроницаемые чехлы',
      organisation: 'ООО «Бытовая техника»',
      handler: 'Дмитрий Иванович Соколов',
      date: '4 марта 2026 г.',
    })
    const missing: string[] = []
    const { bytes, unsupportedCharacters } = await renderLetter({
      organisation: 'ООО «Бытовая техника»',
      organisationAddress: 'ул. Тверская, д. 7\n125009 Москва',
      place: 'Москва',
      date: '2026-03-31',
      language: 'ru',
      recipient: { name: 'Анна Сергеевна Кузнецова', address: 'ул. Ленина, д. 12, кв. 5\n630099 Новосибирск' },
      reference: 'MSK-2026-0107',
      subject: filled.subject,
      body: filled.body,
      signatureName: 'Дмитрий Иванович Соколов',
      fontsDir,
      now,
      onMissingMessage: (key) => missing.push(key),
    })
    expect(missing).toEqual([])
    expect(unsupportedCharacters).toEqual([])
    const text = extractText(bytes)
    expect(text).toContain('Уважаемый(ая) Анна Сергеевна Кузнецова!')
    expect(text).toContain('Мы заменим повреждённый холодильник за наш счёт.')
    expect(text).toContain('Тема: Решение по вашему обращению MSK-2026-0107')
    expect(text).toContain('Исх. №: MSK-2026-0107')
    expect(text).toContain('Москва, 31 марта 2026 г.')
    expect(text).toContain('630099 Новосибирск')
    expect(text).toContain('— обучение курьеров — водонепроницаемые чехлы')
    expect(text).toContain('2 500,00 ₽')
    expect(text).toContain('С уважением,')
    // The signatory closes the letter.
    expect(text.lastIndexOf('Дмитрий Иванович Соколов')).toBeGreaterThan(text.indexOf('С уважением,'))
    expect(text).not.toContain('{{')
    expect(pdfFonts(bytes)).toMatch(/NotoSans-Bold/)
    const info = pdfInfo(bytes)
    expect(info.get('Title')).toBe('Решение по вашему обращению MSK-2026-0107')
    expect(info.get('Pages')).toBe('1')
    expect(rawPdf(bytes)).not.toContain('/ObjStm')
  })

  it('renders a Vietnamese letter without a place, with French typography in the reference line of a French one', async () => {
    const base = {
      organisation: 'Électroménager Rhône SARL',
      date: '2026-03-31',
      recipient: { name: 'Nguyễn Thị Hằng', address: '12 rue Sébastien-Gryphe\n69007 Lyon' },
      reference: 'LYON-2026-0042',
      signatureName: 'Amélie Durand',
      fontsDir,
      now,
    }
    const vi = fillTemplate(builtInLetterTemplates.vi, { customer: 'Nguyễn Thị Hằng', reference: 'LYON-2026-0042' })
    const viText = extractText((await renderLetter({ ...base, language: 'vi', ...vi })).bytes)
    expect(viText).toContain('Kính gửi Quý khách Nguyễn Thị Hằng,')
    expect(viText).toContain('31 tháng 3, 2026')
    // Placeholders left unfilled stay visible in the PDF, never silently dropped.
    expect(viText).toContain('{{decision}}')

    const fr = await renderLetter({
      ...base,
      language: 'fr',
      place: 'Lyon',
      subject: 'Votre réclamation',
      body: 'Madame, Monsieur,\n\nMerci.',
    })
    const frText = extractText(fr.bytes)
    expect(frText).toContain('Lyon, le 31 mars 2026')
    expect(frText).toContain('Réf. : LYON-2026-0042')
    expect(frText).toContain('Objet : Votre réclamation')
  })

  it('runs a long letter over several pages', async () => {
    const body = Array.from(
      { length: 60 },
      (_, i) => `Paragraph ${i + 1}. ${'The delivery was late again. '.repeat(6)}`,
    ).join('\n\n')
    const { bytes } = await renderLetter({
      organisation: 'Redress Ltd',
      date: new Date('2026-03-31T09:00:00Z'),
      language: 'en',
      recipient: { name: 'Jane Doe', address: '1 High Street' },
      reference: 'LON-2026-0001',
      subject: 'Your complaint',
      body,
      signatureName: 'John Smith',
      fontsDir,
      now,
    })
    const pages = Number(pdfInfo(bytes).get('Pages'))
    expect(pages).toBeGreaterThan(1)
    expect(extractText(bytes)).toContain(`page ${pages} / ${pages}`)
    expect(extractText(bytes)).toContain('Paragraph 60.')
  })
})
