/**
 * CSV as RFC 4180 writes it (comma separated, CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break, quotes doubled), preceded by a UTF-8
 * byte order mark: without it Excel reads the file in the system's code page and
 * "Hà Nội", "Склад Москва" or "Facturation – été" come out garbled.
 */

export type CsvCell = string | number | null

/** The byte order mark Excel looks for to read UTF-8. */
export const utf8Bom = '\uFEFF'

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a leading
 * tab or carriage return) gets a leading apostrophe: a customer's name typed as
 * "=HYPERLINK(…)" must stay text (OWASP "CSV injection"). Numbers are written as
 * numbers, so negative amounts are untouched.
 */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function cell(value: CsvCell): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : neutralise(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text with the BOM; every line, the last included, ends with CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return utf8Bom + rows.map((row) => `${row.map(cell).join(',')}\r\n`).join('')
}

/** A titled table: the dashboard shows it on screen and writes it into the export. */
export interface CsvTable {
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly CsvCell[])[]
}

/** Several tables one after the other, each with its title line and header, a blank line between them. */
export function tablesToCsv(tables: readonly CsvTable[]): string {
  const rows: CsvCell[][] = []
  tables.forEach((table, index) => {
    if (index > 0) rows.push([])
    rows.push([table.title])
    rows.push([...table.columns])
    for (const row of table.rows) rows.push([...row])
  })
  return toCsv(rows)
}
