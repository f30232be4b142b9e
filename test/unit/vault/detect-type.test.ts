import { describe, expect, it } from 'vitest'
import { detectTextType } from '../../../src/main/services/vault/detect-type'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('detectTextType (files without a magic number)', () => {
  it('takes UTF-8 without NUL bytes for text', () => {
    expect(detectTextType(utf8('Đơn khiếu nại — réclamation — жалоба\n'), true)).toEqual({
      mime: 'text/plain',
      ext: 'txt',
    })
  })

  it('does not fail a sample whose last character the sample boundary cut', () => {
    const whole = utf8('abc жалоба')
    expect(detectTextType(whole.subarray(0, whole.length - 1), false)).toMatchObject({ mime: 'text/plain' })
    // The same cut at the real end of the file is broken text.
    expect(detectTextType(whole.subarray(0, whole.length - 1), true)).toBeNull()
  })

  it('takes NUL bytes, invalid UTF-8 and empty files for binary', () => {
    expect(detectTextType(utf8('a\0b'), true)).toBeNull()
    expect(detectTextType(Uint8Array.from([0x66, 0xff, 0xfe, 0x67]), true)).toBeNull()
    expect(detectTextType(new Uint8Array(0), true)).toBeNull()
  })

  it('recognises an e-mail by its header block, folded lines included', () => {
    const mail = 'Received: from mx\r\n  by host\r\nFrom: Ana <ana@example.org>\r\nSubject: refund\r\n\r\nBody'
    expect(detectTextType(utf8(mail), true)).toEqual({ mime: 'message/rfc822', ext: 'eml' })
    expect(detectTextType(utf8(`From ana@example.org Sat May  2 10:00:00 2026\n${mail}`), true)).toEqual({
      mime: 'application/mbox',
      ext: 'mbox',
    })
  })

  it.each([
    ['a note that mentions From:', 'From: me\nnothing else here'],
    ['headers without a sender', 'Subject: hi\nDate: today\n\nbody'],
    ['a sender alone', 'From: a@example.org\n\nbody'],
    ['prose that starts like a header', 'Note: the customer called.\nFrom: reception\n\nok'],
  ])('does not take %s for an e-mail', (_what, text) => {
    expect(detectTextType(utf8(text), true)).toEqual({ mime: 'text/plain', ext: 'txt' })
  })
})
