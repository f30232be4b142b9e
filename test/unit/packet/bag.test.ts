import { describe, expect, it } from 'vitest'
import {
  buildBagInfo,
  buildManifest,
  isWindowsReservedName,
  parseManifest,
  parseTagFile,
  safePayloadName,
  tagLine,
} from '../../../src/main/services/packet/bag'

describe('safePayloadName', () => {
  it.each([
    ['Biên bản làm việc.pdf'.normalize('NFD'), 'Biên bản làm việc.pdf'.normalize('NFC')],
    ['a/b\\c:d*e?f"g<h>i|j.txt', 'a_b_c_d_e_f_g_h_i_j.txt'],
    ['100% sure.txt', '100_ sure.txt'],
    ['line\nbreak\ttab.txt', 'line_break_tab.txt'],
    ['.hidden', 'hidden'],
    ['...', 'file'],
    ['', 'file'],
    ['trailing. . ', 'trailing'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Lpt9.tar.gz', '_Lpt9.tar.gz'],
    ['COM¹.log', '_COM¹.log'],
    ['CONSOLE.txt', 'CONSOLE.txt'],
    ['../../etc/passwd', '_.._etc_passwd'],
  ])('%j → %j', (name, expected) => {
    expect(safePayloadName(name)).toBe(expected)
  })

  it('cuts long names to 120 bytes of UTF-8 between code points, keeping the extension', () => {
    const russian = `${'Жалоба '.repeat(30)}.docx`
    const safe = safePayloadName(russian)
    expect(Buffer.byteLength(safe, 'utf8')).toBeLessThanOrEqual(120)
    expect(safe.endsWith('.docx')).toBe(true)
    expect(safe).not.toMatch(/[ .]\.docx$/)
    expect(safe.startsWith('Жалоба Жалоба')).toBe(true)
    const emoji = `${'😀'.repeat(60)}.png`
    const cut = safePayloadName(emoji)
    expect(Buffer.byteLength(cut, 'utf8')).toBeLessThanOrEqual(120)
    expect(cut).toBe(`${'😀'.repeat(29)}.png`)
  })

  it('never returns a name it would change again', () => {
    for (const name of ['CON', ' .x. ', 'a:b', `${'é'.repeat(200)}.pdf`, 'NUL .txt']) {
      const safe = safePayloadName(name)
      expect(safePayloadName(safe)).toBe(safe)
      expect(isWindowsReservedName(safe)).toBe(false)
    }
  })
})

describe('tag files', () => {
  it('folds a long value at spaces and reads it back unchanged', () => {
    const value = 'Service de médiation des litiges de consommation, direction régionale Auvergne-Rhône-Alpes, Lyon'
    const line = tagLine('Source-Organization', value)
    const lines = line.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const folded of lines.slice(1)) expect(folded).toMatch(/^ \S/)
    for (const each of lines) expect(each.length).toBeLessThanOrEqual(79)
    const parsed = parseTagFile(line)
    expect(parsed).toEqual({ ok: true, elements: [['Source-Organization', value]] })
  })

  it('keeps a value on its own element: line breaks and control characters become spaces', () => {
    const info = buildBagInfo({
      organisation: 'Org\nExternal-Identifier: forged',
      caseRef: 'RDR-1',
      baggingDate: new Date(Date.UTC(2026, 1, 21)),
      payloadOctets: 10,
      payloadCount: 2,
      softwareAgent: 'Redress 0.1.0',
      received: '2026-01-05',
      closed: '2026-02-20',
    })
    const parsed = parseTagFile(info)
    expect(parsed.ok && parsed.elements.filter(([label]) => label === 'External-Identifier')).toEqual([
      ['External-Identifier', 'RDR-1'],
    ])
    expect(parsed.ok && parsed.elements[0]).toEqual(['Source-Organization', 'Org External-Identifier: forged'])
    expect(info).toContain('Payload-Oxum: 10.2\n')
  })

  it('refuses a label with a colon, and reports a line that is not an element', () => {
    expect(() => tagLine('Bad:Label', 'x')).toThrow()
    expect(parseTagFile('BagIt-Version: 1.0\nno colon here\n')).toEqual({ ok: false, line: 2 })
    expect(parseTagFile(' starts folded\n')).toEqual({ ok: false, line: 1 })
  })
})

describe('manifests', () => {
  it('sorts by UTF-8 bytes, writes sha256sum lines, and percent-encodes only CR, LF and %', () => {
    const digest = 'a'.repeat(64)
    const text = buildManifest([
      { sha256: digest, path: 'data/évidence.txt' },
      { sha256: digest, path: 'data/Zeta.txt' },
      { sha256: digest, path: 'data/50%\nof it.txt' },
    ])
    expect(text).toBe(`${digest}  data/50%25%0Aof it.txt\n${digest}  data/Zeta.txt\n${digest}  data/évidence.txt\n`)
    expect(parseManifest(text).lines.map((line) => line.path)).toEqual([
      'data/50%\nof it.txt',
      'data/Zeta.txt',
      'data/évidence.txt',
    ])
  })

  it('reports lines that are not a digest and a path', () => {
    expect(parseManifest(`${'b'.repeat(64)}  data/a\nnot a line\n${'c'.repeat(63)}  data/b\n`).badLines).toEqual([2, 3])
  })
})
