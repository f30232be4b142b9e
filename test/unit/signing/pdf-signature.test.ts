import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unlockIdentity, type UnlockedSigner } from '../../../src/main/services/signing/cms'
import { signPdf, verifyPdfSignatures } from '../../../src/main/services/signing/pdf-signature'
import { cachedIdentity, flipByte, hasTool, run, scratchDir } from './signing-fixtures'

const space = scratchDir('pdf-signature')
afterAll(() => space.remove())
const havePdfsig = hasTool('pdfsig')
if (!havePdfsig) console.warn('pdfsig (poppler-utils) is not installed: the checks with pdfsig are skipped')

/** A one-page closure record in four languages, as the packet builder makes it with pdf-lib. */
async function closureRecord(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.registerFontkit(fontkit)
  const font = await pdf.embedFont(readFileSync(join('resources', 'fonts', 'NotoSans-Regular.ttf')), { subset: true })
  const page = pdf.addPage([595, 842])
  const lines = [
    'Closure record — case R-2026-0042',
    'Dossier clôturé : réponse envoyée au client',
    'Hồ sơ đã đóng: đã gửi thư trả lời cho khách hàng',
    'Дело закрыто: ответ клиенту отправлен',
  ]
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 24, size: 14, font, color: rgb(0, 0, 0) }))
  return pdf.save({ useObjectStreams: false })
}

let investigator: UnlockedSigner
let manager: UnlockedSigner
let record: Uint8Array
let countersigned: Uint8Array
beforeAll(async () => {
  investigator = await unlockIdentity(await cachedIdentity('rsa-3072', 'Claire Martin'))
  manager = await unlockIdentity(await cachedIdentity('ecdsa-p256', 'Trần Văn Minh'))
  record = await closureRecord()
  const signed = await signPdf(record, investigator, {
    name: 'Claire Martin',
    reason: 'Investigation closed',
    location: 'Lyon',
    signingTime: new Date('2026-11-26T10:00:00Z'),
  })
  countersigned = await signPdf(signed, manager, {
    name: 'Trần Văn Minh',
    reason: 'Approved',
    contactInfo: 'minh@example.vn',
    signingTime: new Date('2026-11-27T09:30:00Z'),
  })
})

/** An offset inside the first stream's data (the page's text or its font): bytes a reader renders. */
function pageContentOffset(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1')
  return text.indexOf('stream', text.indexOf('/Length')) + 'stream\n'.length + 4
}

function pdfsig(label: string, pdf: Uint8Array): string {
  const path = join(space.dir, `${label}.pdf`)
  writeFileSync(path, pdf)
  return run('pdfsig', [path]).out
}

/** pdfsig's report cut into one block per signature ("Signature #1:" …). */
const pdfsigBlocks = (output: string): string[] => output.split(/^Signature #\d+:/m).slice(1)

describe('signing a PDF', () => {
  it('finds no signature in an unsigned PDF, and survives garbage', () => {
    expect(verifyPdfSignatures(record)).toEqual([])
    expect(verifyPdfSignatures(new TextEncoder().encode('not a pdf'))).toEqual([])
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /ByteRange [0 10 20 99999] /Contents <00> >> endobj')
    expect(verifyPdfSignatures(broken)).toEqual([
      expect.objectContaining({ index: 0, valid: false, problem: 'byte_range_invalid' }),
    ])
    // a gap that frames some other hex string than the signature's /Contents
    const elsewhere = new TextEncoder().encode(
      '%PDF-1.7\n1 0 obj << /ByteRange [0 66 72 17] /Contents <00> /Other <abcd> >> endobj\n%%EOF\n',
    )
    expect(verifyPdfSignatures(elsewhere)[0]).toMatchObject({ valid: false, problem: 'byte_range_invalid' })
  })

  it('keeps the investigator’s signature valid when the manager countersigns; the last covers all', () => {
    const reports = verifyPdfSignatures(countersigned)
    expect(
      reports.map((r) => [r.index, r.signerName, r.subject.name, r.valid, r.coversWholeDocument, r.problem]),
    ).toEqual([
      [0, 'Claire Martin', 'Claire Martin', true, false, null],
      [1, 'Trần Văn Minh', 'Trần Văn Minh', true, true, null],
    ])
    expect(reports[0]!.fingerprint).toBe(investigator.fingerprint)
    expect(reports[1]!.fingerprint).toBe(manager.fingerprint)
    expect(reports[1]!.signingTime).toBe('2026-11-27T09:30:00.000Z')
  })

  it('a single signature covers the whole document', async () => {
    const signed = await signPdf(record, manager, {
      name: 'Trần Văn Minh',
      reason: 'Approved',
      signingTime: new Date(),
    })
    expect(verifyPdfSignatures(signed)).toEqual([expect.objectContaining({ valid: true, coversWholeDocument: true })])
  })

  it('reports a changed byte of the page for both signatures', () => {
    const tampered = flipByte(countersigned, pageContentOffset(countersigned))
    const reports = verifyPdfSignatures(tampered)
    expect(reports.map((r) => [r.valid, r.problem])).toEqual([
      [false, 'digest_mismatch'],
      [false, 'digest_mismatch'],
    ])
  })

  it('reports bytes appended after the last signature: it no longer covers the whole document', () => {
    const appended = Buffer.concat([Buffer.from(countersigned), Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n')])
    const reports = verifyPdfSignatures(appended)
    expect(reports.map((r) => [r.valid, r.coversWholeDocument])).toEqual([
      [true, false],
      [true, false],
    ])
  })
})

describe.skipIf(!havePdfsig)('pdfsig (poppler) agrees', () => {
  it('says both signatures are valid and the last signs the total document', () => {
    const output = pdfsig('countersigned', countersigned)
    const blocks = pdfsigBlocks(output)
    expect(blocks, output).toHaveLength(2)
    expect(blocks[0], output).toContain('Signature Validation: Signature is Valid.')
    expect(blocks[1], output).toContain('Signature Validation: Signature is Valid.')
    expect(blocks[0], output).toContain('Signer Certificate Common Name: Claire Martin')
    expect(blocks[1], output).toContain('Signer Certificate Common Name: Trần Văn Minh')
    expect(blocks[1], output).toContain('Total document signed')
    expect(blocks[0], output).not.toContain('Total document signed')
  })

  it('no longer says "Signature is Valid" once a byte of the page changed', () => {
    const output = pdfsig('tampered', flipByte(countersigned, pageContentOffset(countersigned)))
    const blocks = pdfsigBlocks(output)
    expect(blocks, output).toHaveLength(2)
    for (const block of blocks) expect(block, output).not.toContain('Signature is Valid')
  })
})
