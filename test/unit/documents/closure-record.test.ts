import { describe, expect, it } from 'vitest'
import type { Party } from '../../../src/shared/domain/investigation'
import { catalogs } from '../../../src/shared/i18n/catalogs'
import type { Language } from '../../../src/shared/i18n/languages'
import { renderClosureRecord } from '../../../src/main/services/documents/closure-record'
import {
  customerName,
  customerSentence,
  exceptionReason,
  fontsDir,
  frenchStaff,
  invoiceSha,
  party,
  richBundle,
  russianHandler,
  russianWitness,
} from './fixtures'
import { extractPage, extractText, pdfFonts, pdfInfo, rawPdf } from './pdf-tools'

const now = new Date('2026-03-31T12:00:00.000Z')

function message(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogs[language])
  if (typeof text !== 'string') throw new Error(`no message ${key} in ${language}`)
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]))
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ')

describe.each(['en', 'fr', 'vi', 'ru'] as const)('closure record in %s', (language) => {
  it('reads as the whole case, in that language, with every name and quote intact', async () => {
    const missing: string[] = []
    const { bytes, unsupportedCharacters } = await renderClosureRecord({
      bundle: richBundle(),
      language,
      fontsDir,
      now,
      codesLabels: { custom_1: 'Geste commercial validé' },
      timeZone: 'Europe/Paris',
      onMissingMessage: (key) => missing.push(key),
    })
    expect(missing).toEqual([])
    expect(unsupportedCharacters).toEqual([])
    const text = extractText(bytes)

    expect(text).toContain(collapse(customerSentence))
    expect(text).toBe(text.normalize('NFC'))
    for (const name of [russianHandler, russianWitness, frenchStaff, customerName]) expect(text).toContain(name)
    const sections = ['case', 'triage', 'parties', 'accounts', 'evidence', 'discrepancies', 'facts', 'resolution']
    for (const section of sections) expect(text).toContain(message(language, `record.sections.${section}`))
    expect(text).toContain(message(language, 'record.title'))
    expect(text).toContain(message(language, 'status.closed'))
    expect(text).toContain(message(language, 'parties.roles.witness'))
    expect(text).toContain(message(language, 'findings.facts.statuses.doubtful'))
    expect(text).toContain(message(language, 'record.blockers.unverified_measure'))
    expect(text).toContain(message(language, 'record.notVerified'))
    expect(text).toContain(message(language, 'record.signaturesInPanel'))
    expect(text).toContain(invoiceSha)
    expect(text).toContain(collapse(exceptionReason))
    expect(text).toContain('LYON-2026-0042')
    expect(text).toContain('AB:CD:EF:01:23:45:67:89')
    // The quotes of both sides of the discrepancy, and the evidence that settled it.
    expect(text).toContain('người giao hàng để nó ngoài trời mưa')
    expect(text).toContain('il ne pleuvait pas')
    expect(text).toContain('photo-pluie-livraison.jpg')
    // Resolution codes: a built-in one in the record's language, a custom one from the caller's labels.
    const builtIn = {
      en: 'Replacement sent',
      fr: 'Remplacement envoyé',
      vi: 'Đã gửi hàng thay thế',
      ru: 'Отправлена замена',
    }
    expect(text).toContain(builtIn[language])
    expect(text).toContain('Geste commercial validé')
    // Money in the record's own format.
    const money = new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(1234.5)
    expect(text).toContain(collapse(money))
    // A date in the record's language: the letter was sent on 21 March 2026.
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
      new Date('2026-03-21T10:15:00Z'),
    )
    expect(text).toContain(collapse(day))

    // Sections in the order a reader follows the case: each heading is found after the one before it.
    let from = 0
    for (const section of [...sections, 'actionPlan', 'followUps', 'letters', 'closure', 'signOffs']) {
      const at = text.indexOf(message(language, `record.sections.${section}`), from)
      expect(at, section).toBeGreaterThanOrEqual(from)
      from = at
    }

    const fonts = pdfFonts(bytes)
    expect(fonts).toMatch(/NotoSans-Regular\S*\s+CID TrueType\s+Identity-H\s+yes/)
    expect(fonts).toMatch(/NotoSans-Bold\S*\s+CID TrueType\s+Identity-H\s+yes/)

    const info = pdfInfo(bytes)
    expect(info.get('Title')).toBe(message(language, 'record.documentTitle', { ref: 'LYON-2026-0042' }))
    expect(info.get('Creator')).toBe('Redress')
    expect(info.get('Author')).toBe('Électroménager Rhône SARL')
    expect(info.get('CreationDate')).toBe('2026-03-31T12:00:00Z')
    expect(info.get('Page size')).toMatch(/^595\.2\d? x 841\.8\d? pts \(A4\)/)

    // The signing step that follows cannot read compressed object streams.
    expect(rawPdf(bytes)).not.toContain('/ObjStm')
    expect(rawPdf(bytes)).toMatch(/\nxref\n/)
  })
})

describe('closure record', () => {
  it('gives the same bytes for the same case and clock', async () => {
    const input = { bundle: richBundle(), language: 'fr' as const, fontsDir, now, timeZone: 'UTC' }
    const first = await renderClosureRecord(input)
    const second = await renderClosureRecord(input)
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true)
  })

  it('runs over many pages with the reference and page counter on each', async () => {
    const base = richBundle()
    const story = `${customerSentence}\n`.repeat(40)
    const parties: Party[] = Array.from({ length: 200 }, (_, i) =>
      party(
        100 + i,
        i % 3 === 0 ? 'witness' : 'staff',
        `Témoin ${i + 1} Иванов`,
        `Relation ${i + 1}: ${'a'.repeat(150)}`,
      ),
    )
    const bundle = { ...base, parties, case: { ...base.case, complaint: story } }
    const started = performance.now()
    const { bytes } = await renderClosureRecord({ bundle, language: 'ru', fontsDir, now, timeZone: 'UTC' })
    const elapsed = performance.now() - started
    const pages = Number(pdfInfo(bytes).get('Pages'))
    console.info(`200-party record: ${pages} pages, ${bytes.length} bytes, ${Math.round(elapsed)} ms`)
    expect(pages).toBeGreaterThan(5)
    for (const page of [1, Math.ceil(pages / 2), pages]) {
      const text = extractPage(bytes, page)
      expect(text).toContain(`стр. ${page} / ${pages}`)
      expect(text).toContain('LYON-2026-0042 · Électroménager Rhône SARL')
    }
    const text = extractText(bytes)
    expect(text).toContain('Témoin 200 Иванов')
    // A word wider than the line is cut, not lost.
    expect(text.replace(/ /g, '')).toContain('a'.repeat(150))
    expect(rawPdf(bytes)).not.toContain('/ObjStm')
  })

  it('reports characters the font cannot draw, replaces them, and still renders', async () => {
    const base = richBundle()
    const bundle = {
      ...base,
      case: { ...base.case, remedy: 'Xin hoàn tiền 🙏 và 中文 gửi thư\u0007 xin lỗi' },
    }
    const { bytes, unsupportedCharacters } = await renderClosureRecord({ bundle, language: 'vi', fontsDir, now })
    expect(unsupportedCharacters).toEqual(['🙏', '中', '文'])
    const text = extractText(bytes)
    // The bell control character is dropped; the unknown ones show as question marks.
    expect(text).toContain('Xin hoàn tiền ? và ?? gửi thư xin lỗi')
  })

  it('composes decomposed accents before drawing, so they extract as single characters', async () => {
    const base = richBundle()
    const decomposed = 'Re\u0301clamation de\u0301pose\u0301e a\u0300 Ha\u0300 No\u0323\u0302i'
    const bundle = { ...base, case: { ...base.case, remedy: decomposed } }
    const { bytes, unsupportedCharacters } = await renderClosureRecord({ bundle, language: 'fr', fontsDir, now })
    expect(unsupportedCharacters).toEqual([])
    const text = extractText(bytes)
    expect(text).toContain('Réclamation déposée à Hà Nội')
    expect(text).not.toContain('\u0301')
  })

  it('says plainly what is missing in a case still without decision or closure', async () => {
    const base = richBundle()
    const bundle = {
      ...base,
      case: { ...base.case, triage: null, escalations: [], status: 'investigation' as const },
      resolution: null,
      closure: null,
      letters: [],
      tasks: [],
    }
    const { bytes } = await renderClosureRecord({ bundle, language: 'en', fontsDir, now })
    const text = extractText(bytes)
    expect(text).toContain('The case has not been triaged.')
    expect(text).toContain('No decision recorded for this case.')
    expect(text).toContain('Investigation')
  })
})
