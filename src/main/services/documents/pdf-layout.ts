import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'

/** A4 in PDF points (1/72 inch). */
const pageWidth = 595.28
const pageHeight = 841.89
const margin = { top: 56, bottom: 64, left: 56, right: 56 }
const footerSize = 8
const bodySize = 10
const lineGap = 1.35
const ink = rgb(0.1, 0.1, 0.12)
const muted = rgb(0.4, 0.4, 0.45)
const rule = rgb(0.75, 0.75, 0.78)

export type FontWeight = 'regular' | 'bold'

/** The font files every document embeds: Noto Sans covers Latin (Vietnamese included) and Cyrillic. */
const fontFiles: Readonly<Record<FontWeight, string>> = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
}

interface FontSource {
  readonly bytes: Uint8Array
  /** Parsed once, to ask which code points the font draws before pdf-lib meets them. */
  readonly face: fontkit.Font
}

/** Font bytes per fonts directory and weight: read once per process, whatever the number of documents. */
const fontCache = new Map<string, Promise<FontSource>>()

function loadFont(fontsDir: string, weight: FontWeight): Promise<FontSource> {
  const path = join(fontsDir, fontFiles[weight])
  let source = fontCache.get(path)
  if (!source) {
    source = readFile(path).then((buffer) => {
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      return { bytes, face: fontkit.create(bytes) }
    })
    // A failed read must not poison the cache: the next document tries again.
    source.catch(() => fontCache.delete(path))
    fontCache.set(path, source)
  }
  return source
}

/** What a document says about itself in its metadata; dates come from the caller's clock so output is reproducible. */
export interface DocumentInfo {
  readonly title: string
  readonly author: string
  readonly subject: string
  /** BCP 47 language of the text (en, fr, vi, ru). */
  readonly language: string
  readonly keywords?: readonly string[]
  /** Creation and modification date. */
  readonly now: Date
}

export interface LayoutOptions {
  /** Folder holding NotoSans-Regular.ttf and NotoSans-Bold.ttf. */
  readonly fontsDir: string
  readonly info: DocumentInfo
  /** Printed at the bottom left of every page (the case reference). */
  readonly footerReference: string
  /** Text of the page counter, already translated: (3, 12) → "page 3 / 12". */
  readonly pageLabel: (page: number, total: number) => string
}

export interface TextStyle {
  readonly weight?: FontWeight
  readonly size?: number
  /** Extra left indent in points. */
  readonly indent?: number
  readonly color?: 'ink' | 'muted'
}

export interface TableColumn {
  readonly header: string
  /** Share of the text width; shares are normalised over the columns. */
  readonly width: number
}

export interface RenderedDocument {
  readonly bytes: Uint8Array
  /** Characters the fonts cannot draw, replaced by "?" in the document; each listed once, in order met. */
  readonly unsupportedCharacters: string[]
}

export const producer = 'Redress (pdf-lib)'

/** Creates a layout: call its block methods in reading order, then `save`. */
export async function createLayout(options: LayoutOptions): Promise<PdfLayout> {
  const [regular, bold] = await Promise.all([loadFont(options.fontsDir, 'regular'), loadFont(options.fontsDir, 'bold')])
  // updateMetadata: false keeps pdf-lib from stamping its own producer and the wall-clock time.
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.registerFontkit(fontkit)
  const fonts = {
    regular: await doc.embedFont(regular.bytes, { subset: true }),
    bold: await doc.embedFont(bold.bytes, { subset: true }),
  }
  return new PdfLayout(doc, fonts, { regular: regular.face, bold: bold.face }, options)
}

/**
 * A top-to-bottom flow of blocks over A4 pages: text is normalised, checked
 * against the fonts, wrapped by measured width and carried to a new page when
 * the current one is full. Footers are drawn at save, once the page count is known.
 */
export class PdfLayout {
  private page: PDFPage
  private y = pageHeight - margin.top
  private readonly unsupported = new Set<string>()
  private readonly widths = { regular: new Map<string, number>(), bold: new Map<string, number>() }
  private readonly segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

  /** Width available to text between the margins. */
  readonly textWidth = pageWidth - margin.left - margin.right

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Readonly<Record<FontWeight, PDFFont>>,
    private readonly faces: Readonly<Record<FontWeight, fontkit.Font>>,
    private readonly options: LayoutOptions,
  ) {
    this.page = this.doc.addPage([pageWidth, pageHeight])
  }

  /**
   * NFC (so "e" + combining acute measures, draws and extracts as "é"), control
   * characters dropped except newline, tabs as spaces, and anything the font has
   * no glyph for replaced by "?" and remembered for the caller's warning.
   */
  clean(text: string, weight: FontWeight = 'regular'): string {
    const face = this.faces[weight]
    let out = ''
    for (const char of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
      const code = char.codePointAt(0) ?? 0
      if (char === '\n') out += char
      else if (char === '\t') out += '    '
      else if (/\p{Cc}/u.test(char)) continue
      // Zero-width joiners, variation selectors and other format characters have no glyph to draw.
      else if (/\p{Cf}/u.test(char)) continue
      else if (face.hasGlyphForCodePoint(code)) out += char
      else {
        this.unsupported.add(char)
        out += '?'
      }
    }
    return out
  }

  /** Measured width of already-cleaned text. */
  measure(text: string, weight: FontWeight, size: number): number {
    const cache = this.widths[weight]
    let unit = cache.get(text)
    if (unit === undefined) {
      unit = this.fonts[weight].widthOfTextAtSize(text, 1000)
      if (cache.size < 50_000) cache.set(text, unit)
    }
    return (unit * size) / 1000
  }

  /**
   * Breaks cleaned text into lines no wider than `width`, keeping the writer's
   * own line breaks; a word wider than a line is cut between graphemes so a
   * letter never loses its diacritics.
   */
  wrap(text: string, weight: FontWeight, size: number, width: number): string[] {
    const lines: string[] = []
    const space = this.measure(' ', weight, size)
    for (const paragraph of text.split('\n')) {
      let line = ''
      let lineWidth = 0
      // Runs of spaces collapse: a line never starts with blanks the writer typed to align text.
      for (const word of paragraph.split(' ').filter((w) => w !== '')) {
        const wordWidth = this.measure(word, weight, size)
        if (line !== '' && lineWidth + space + wordWidth <= width) {
          line += ` ${word}`
          lineWidth += space + wordWidth
          continue
        }
        if (line !== '') lines.push(line)
        line = word
        lineWidth = wordWidth
        while (lineWidth > width) {
          const { head, tail } = this.cut(line, weight, size, width)
          lines.push(head)
          line = tail
          lineWidth = this.measure(line, weight, size)
        }
      }
      lines.push(line)
    }
    return lines
  }

  private cut(word: string, weight: FontWeight, size: number, width: number): { head: string; tail: string } {
    let head = ''
    for (const { segment, index } of this.segmenter.segment(word)) {
      if (head !== '' && this.measure(head + segment, weight, size) > width) {
        return { head, tail: word.slice(index) }
      }
      head += segment
    }
    return { head, tail: '' }
  }

  private lineHeight(size: number): number {
    return size * lineGap
  }

  /** Starts a new page when fewer than `height` points remain. */
  ensure(height: number): void {
    if (this.y - height < margin.bottom) this.newPage()
  }

  newPage(): void {
    this.page = this.doc.addPage([pageWidth, pageHeight])
    this.y = pageHeight - margin.top
  }

  space(points: number): void {
    this.y -= points
    if (this.y < margin.bottom) this.newPage()
  }

  private drawLines(lines: readonly string[], x: number, style: Required<TextStyle>): void {
    const height = this.lineHeight(style.size)
    for (const line of lines) {
      this.ensure(height)
      this.y -= height
      if (line !== '') {
        this.page.drawText(line, {
          x,
          y: this.y + (height - style.size) / 2 + style.size * 0.2,
          size: style.size,
          font: this.fonts[style.weight],
          color: style.color === 'muted' ? muted : ink,
        })
      }
    }
  }

  private style(style: TextStyle | undefined): Required<TextStyle> {
    return { weight: 'regular', size: bodySize, indent: 0, color: 'ink', ...style }
  }

  /** A paragraph of free text; the writer's line breaks stay. */
  paragraph(text: string, style?: TextStyle): void {
    const s = this.style(style)
    const clean = this.clean(text, s.weight)
    this.drawLines(this.wrap(clean, s.weight, s.size, this.textWidth - s.indent), margin.left + s.indent, s)
  }

  /** A section title, kept together with at least the first lines that follow it. */
  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 18 : level === 2 ? 13 : 11
    const before = level === 1 ? 0 : level === 2 ? 14 : 8
    const clean = this.clean(text, 'bold')
    const lines = this.wrap(clean, 'bold', size, this.textWidth)
    if (this.y < pageHeight - margin.top) this.space(before)
    this.ensure(lines.length * this.lineHeight(size) + 3 * this.lineHeight(bodySize))
    this.drawLines(lines, margin.left, { weight: 'bold', size, indent: 0, color: 'ink' })
    if (level === 2) {
      this.page.drawLine({
        start: { x: margin.left, y: this.y - 2 },
        end: { x: pageWidth - margin.right, y: this.y - 2 },
        thickness: 0.5,
        color: rule,
      })
      this.y -= 5
    }
  }

  /**
   * A label and its value side by side, the value wrapping in its own column;
   * `stacked` puts a long unbreakable value (a hash, a fingerprint) under its
   * label across the full width instead.
   */
  keyValue(
    label: string,
    value: string,
    options: { indent?: number; labelWidth?: number; stacked?: boolean; valueSize?: number } = {},
  ): void {
    const indent = options.indent ?? 0
    const labelWidth = options.stacked ? this.textWidth - indent : (options.labelWidth ?? 150)
    const size = bodySize
    const valueSize = options.valueSize ?? bodySize
    const valueX = margin.left + indent + (options.stacked ? 0 : labelWidth)
    const valueWidth = options.stacked ? this.textWidth - indent : this.textWidth - indent - labelWidth
    const labelLines = this.wrap(this.clean(label, 'bold'), 'bold', size, labelWidth - 8)
    const valueLines = this.wrap(this.clean(value), 'regular', valueSize, valueWidth)
    if (options.stacked) {
      this.ensure(this.lineHeight(size) + this.lineHeight(valueSize))
      this.drawLines(labelLines, margin.left + indent, { weight: 'bold', size, indent, color: 'muted' })
      this.drawLines(valueLines, valueX, { weight: 'regular', size: valueSize, indent, color: 'ink' })
      return
    }
    const rows = Math.max(labelLines.length, valueLines.length)
    const height = this.lineHeight(size)
    for (let i = 0; i < rows; i += 1) {
      this.ensure(height)
      this.y -= height
      const baseline = this.y + (height - size) / 2 + size * 0.2
      const l = labelLines[i]
      const v = valueLines[i]
      if (l) this.page.drawText(l, { x: margin.left + indent, y: baseline, size, font: this.fonts.bold, color: muted })
      if (v) this.page.drawText(v, { x: valueX, y: baseline, size: valueSize, font: this.fonts.regular, color: ink })
    }
  }

  /** A bulleted item; continuation lines align with the text, not the bullet. */
  bullet(text: string, style?: TextStyle): void {
    const s = this.style(style)
    const clean = this.clean(text, s.weight)
    const lines = this.wrap(clean, s.weight, s.size, this.textWidth - s.indent - 12)
    const height = this.lineHeight(s.size)
    this.ensure(height)
    this.page.drawText('•', {
      x: margin.left + s.indent + 2,
      y: this.y - height + (height - s.size) / 2 + s.size * 0.2,
      size: s.size,
      font: this.fonts.regular,
      color: ink,
    })
    this.drawLines(lines, margin.left + s.indent + 12, s)
  }

  /**
   * A table with a bold header repeated on each page it runs over; each cell
   * wraps within its column, and a row taller than a page continues on the next.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], options: { size?: number } = {}): void {
    const size = options.size ?? 9
    const padding = 4
    const total = columns.reduce((sum, c) => sum + c.width, 0)
    const widths = columns.map((c) => (c.width / total) * this.textWidth)
    const height = this.lineHeight(size)
    const header = columns.map((c, i) =>
      this.wrap(this.clean(c.header, 'bold'), 'bold', size, (widths[i] ?? 0) - padding * 2),
    )
    const headerRows = Math.max(...header.map((h) => h.length))

    const drawRow = (cells: readonly (readonly string[])[], weight: FontWeight, from: number, count: number): void => {
      let x = margin.left
      const top = this.y
      for (let c = 0; c < columns.length; c += 1) {
        const lines = cells[c] ?? []
        for (let i = 0; i < count; i += 1) {
          const line = lines[from + i]
          if (!line) continue
          this.page.drawText(line, {
            x: x + padding,
            y: top - (i + 1) * height + (height - size) / 2 + size * 0.2,
            size,
            font: this.fonts[weight],
            color: ink,
          })
        }
        x += widths[c] ?? 0
      }
      this.y = top - count * height
    }
    const drawRule = (): void => {
      this.page.drawLine({
        start: { x: margin.left, y: this.y - 1 },
        end: { x: pageWidth - margin.right, y: this.y - 1 },
        thickness: 0.4,
        color: rule,
      })
      this.y -= 3
    }
    const drawHeader = (): void => {
      drawRow(header, 'bold', 0, headerRows)
      drawRule()
    }

    this.ensure((headerRows + 2) * height)
    drawHeader()
    for (const row of rows) {
      const cells = columns.map((_, i) =>
        this.wrap(this.clean(row[i] ?? ''), 'regular', size, (widths[i] ?? 0) - padding * 2),
      )
      const lineCount = Math.max(1, ...cells.map((c) => c.length))
      let done = 0
      while (done < lineCount) {
        let fit = Math.floor((this.y - margin.bottom - 3) / height)
        if (fit < 1 || (done === 0 && fit < Math.min(lineCount, 3))) {
          this.newPage()
          drawHeader()
          fit = Math.floor((this.y - margin.bottom - 3) / height)
        }
        const count = Math.min(fit, lineCount - done)
        drawRow(cells, 'regular', done, count)
        done += count
      }
      drawRule()
    }
  }

  /** Characters met so far that the fonts cannot draw. */
  get unsupportedCharacters(): string[] {
    return [...this.unsupported]
  }

  /**
   * Draws the footers and writes the file: no object streams (the signing step
   * that follows reads classic cross-reference tables only) and metadata taken
   * from the caller, so the same input gives the same bytes.
   */
  async save(): Promise<RenderedDocument> {
    const pages = this.doc.getPages()
    const reference = this.clean(this.options.footerReference)
    pages.forEach((page, index) => {
      const label = this.clean(this.options.pageLabel(index + 1, pages.length))
      const y = margin.bottom / 2
      page.drawLine({
        start: { x: margin.left, y: y + footerSize + 4 },
        end: { x: pageWidth - margin.right, y: y + footerSize + 4 },
        thickness: 0.4,
        color: rule,
      })
      page.drawText(reference, { x: margin.left, y, size: footerSize, font: this.fonts.regular, color: muted })
      const width = this.measure(label, 'regular', footerSize)
      page.drawText(label, {
        x: pageWidth - margin.right - width,
        y,
        size: footerSize,
        font: this.fonts.regular,
        color: muted,
      })
    })
    const { info } = this.options
    this.doc.setTitle(this.clean(info.title), { showInWindowTitleBar: true })
    this.doc.setAuthor(this.clean(info.author))
    this.doc.setSubject(this.clean(info.subject))
    this.doc.setKeywords((info.keywords ?? []).map((k) => this.clean(k)))
    this.doc.setCreator('Redress')
    this.doc.setProducer(producer)
    this.doc.setLanguage(info.language)
    this.doc.setCreationDate(info.now)
    this.doc.setModificationDate(info.now)
    const bytes = await this.doc.save({ useObjectStreams: false })
    return { bytes, unsupportedCharacters: this.unsupportedCharacters }
  }
}
