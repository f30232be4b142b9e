import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'redress-pdf-'))
let counter = 0

/** Writes the bytes where poppler's tools can read them. */
export function pdfFile(bytes: Uint8Array): string {
  counter += 1
  const path = join(dir, `doc-${counter}.pdf`)
  writeFileSync(path, bytes)
  return path
}

/** What a reader copying text out of the PDF gets, whitespace (line breaks of the layout) collapsed. */
export function extractText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile(bytes), '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim()
}

/** Text of one page (1-based), whitespace collapsed. */
export function extractPage(bytes: Uint8Array, page: number): string {
  const p = String(page)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', p, '-l', p, pdfFile(bytes), '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim()
}

export function pdfFonts(bytes: Uint8Array): string {
  return execFileSync('pdffonts', [pdfFile(bytes)], { encoding: 'utf8' })
}

/** pdfinfo's fields as a map: Pages, Title, Producer… */
export function pdfInfo(bytes: Uint8Array): Map<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', pdfFile(bytes)], { encoding: 'utf8' })
  return new Map(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  )
}

/** The PDF's bytes as Latin-1 text, to look for structural keywords. */
export function rawPdf(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1')
}
