import { describe, expect, it } from 'vitest'
import { tablesToCsv, toCsv, utf8Bom } from '../../../src/shared/domain/csv'

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and ends every line with CRLF', () => {
    const csv = toCsv([
      ['a', 'b'],
      [1, 2.5],
    ])
    expect(csv).toBe(`${utf8Bom}a,b\r\n1,2.5\r\n`)
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(toCsv([['Dupont, Marie', 'dit "Mimi"', 'ligne 1\nligne 2', 'a\rb', 'plain']])).toBe(
      `${utf8Bom}"Dupont, Marie","dit ""Mimi""","ligne 1\nligne 2","a\rb",plain\r\n`,
    )
  })

  it('keeps accents, Vietnamese and Cyrillic as they are', () => {
    const csv = toCsv([['Service après-vente', 'Chi nhánh Hà Nội', 'Склад Москва']])
    expect(csv).toBe(`${utf8Bom}Service après-vente,Chi nhánh Hà Nội,Склад Москва\r\n`)
  })

  it('writes empty cells for null and for numbers that are not finite', () => {
    expect(toCsv([[null, Number.NaN, Number.POSITIVE_INFINITY, 0]])).toBe(`${utf8Bom},,,0\r\n`)
  })

  it('keeps text that a spreadsheet would run as a formula as text, but not negative numbers', () => {
    expect(toCsv([['=HYPERLINK("http://x")', '+33 6', '-1', '@SUM(A1)', -12.5]])).toBe(
      `${utf8Bom}"'=HYPERLINK(""http://x"")",'+33 6,'-1,'@SUM(A1),-12.5\r\n`,
    )
  })

  it('gives just the BOM for no rows', () => {
    expect(toCsv([])).toBe(utf8Bom)
  })
})

describe('tablesToCsv', () => {
  it('writes each table with its title and header, a blank line between tables', () => {
    const csv = tablesToCsv([
      { title: 'Summary', columns: ['Figure', 'Value'], rows: [['Received', 12]] },
      { title: 'Compensation', columns: ['Currency', 'Amount'], rows: [['EUR', 170.5]] },
    ])
    expect(csv).toBe(
      `${utf8Bom}Summary\r\nFigure,Value\r\nReceived,12\r\n\r\nCompensation\r\nCurrency,Amount\r\nEUR,170.5\r\n`,
    )
  })
})
