import type { Language } from '@shared/i18n/languages'
import { createLayout, type RenderedDocument } from './pdf-layout'
import { documentTranslator } from './record-i18n'

export interface LetterInput {
  /** The sender. */
  readonly organisation: string
  /** The sender's postal address, over several lines. */
  readonly organisationAddress?: string
  /** Town written before the date ("Lyon, le 31 mars 2026"); the date stands alone without it. */
  readonly place?: string
  /** The letter's date: an ISO date (YYYY-MM-DD) or date-time. */
  readonly date: string | Date
  readonly language: Language
  readonly recipient: { readonly name: string; readonly address: string }
  /** The case reference. */
  readonly reference: string
  readonly subject: string
  /** The letter's text, placeholders already filled; blank lines separate paragraphs. */
  readonly body: string
  readonly signatureName: string
  readonly fontsDir: string
  /** The clock, for the PDF's metadata. */
  readonly now: Date
  /** Told of every message key the catalogs lack (tests fail on it). */
  readonly onMissingMessage?: (key: string) => void
}

/**
 * The customer's response letter as a business letter: sender, recipient's
 * address where a window envelope shows it, place and date, reference, subject,
 * the body as written, and the signatory's name.
 */
export async function renderLetter(input: LetterInput): Promise<RenderedDocument> {
  const t = documentTranslator(input.language, input.onMissingMessage)
  const layout = await createLayout({
    fontsDir: input.fontsDir,
    info: {
      title: input.subject,
      author: input.organisation,
      subject: t('record.letter.reference', { reference: input.reference }),
      keywords: [input.reference],
      language: input.language,
      now: input.now,
    },
    footerReference: `${input.organisation} · ${input.reference}`,
    pageLabel: (page, total) => t('record.page', { page, total }),
  })
  // The recipient's block sits in the right half, where a DL window envelope shows it.
  const rightColumn = layout.textWidth * 0.52

  layout.paragraph(input.organisation, { weight: 'bold', size: 12 })
  if (input.organisationAddress?.trim()) layout.paragraph(input.organisationAddress.trim(), { color: 'muted' })
  layout.space(36)
  layout.paragraph(input.recipient.name, { weight: 'bold', indent: rightColumn })
  if (input.recipient.address.trim()) layout.paragraph(input.recipient.address.trim(), { indent: rightColumn })
  layout.space(30)
  const date = formatDay(input.date, input.language)
  const place = input.place?.trim()
  layout.paragraph(place ? t('record.letter.placeDate', { place, date }) : date, { indent: rightColumn })
  layout.space(18)
  layout.paragraph(t('record.letter.reference', { reference: input.reference }))
  layout.space(4)
  layout.paragraph(t('record.letter.subject', { subject: input.subject }), { weight: 'bold' })
  layout.space(16)

  const paragraphs = input.body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '')
  for (const paragraph of paragraphs) {
    layout.paragraph(paragraph, { size: 10.5 })
    layout.space(8)
  }
  layout.space(24)
  layout.paragraph(input.signatureName, { weight: 'bold', indent: rightColumn })
  layout.paragraph(input.organisation, { indent: rightColumn, color: 'muted' })
  return layout.save()
}

function formatDay(value: string | Date, language: Language): string {
  const plainDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
  const date = typeof value === 'string' ? new Date(plainDay ? `${value}T00:00:00Z` : value) : value
  if (Number.isNaN(date.getTime())) return String(value)
  // A calendar day is shown as written, whatever the machine's time zone.
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: plainDay ? 'UTC' : undefined }).format(date)
}
