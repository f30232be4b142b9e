import { describe, expect, it } from 'vitest'
import { decodeHeaderValue, htmlToText, parseEmail } from '../../../src/renderer/src/components/viewers/email'

const crlf = (lines: readonly string[]): string => lines.join('\r\n')

describe('parseEmail', () => {
  it('reads the header fields and the plain body', () => {
    const mail = parseEmail(
      crlf([
        'From: Ana Pereira <ana@example.org>',
        'To: complaints@example.com',
        'Date: Tue, 4 Mar 2025 09:12:00 +0100',
        'Subject: Broken boiler',
        'Message-ID: <1@example.org>',
        '',
        'Hello,',
        'the boiler broke again.',
      ]),
    )
    expect(mail.headers).toEqual({
      from: 'Ana Pereira <ana@example.org>',
      to: 'complaints@example.com',
      cc: undefined,
      date: 'Tue, 4 Mar 2025 09:12:00 +0100',
      subject: 'Broken boiler',
    })
    expect(mail.body).toBe('Hello,\r\nthe boiler broke again.')
    expect(mail.attachments).toEqual([])
  })

  it('unfolds long fields and joins repeated recipients', () => {
    const mail = parseEmail(
      ['Subject: A very long subject', '\tthat was folded', 'To: a@example.org', 'To: b@example.org', '', 'x'].join(
        '\n',
      ),
    )
    expect(mail.headers.subject).toBe('A very long subject\tthat was folded')
    expect(mail.headers.to).toBe('a@example.org, b@example.org')
  })

  it('decodes encoded words in any charset', () => {
    expect(decodeHeaderValue('=?UTF-8?B?0JbQsNC70L7QsdCw?=')).toBe('Жалоба')
    expect(decodeHeaderValue('=?ISO-8859-1?Q?R=E9clamation_urgente?=')).toBe('Réclamation urgente')
    expect(decodeHeaderValue('Re: =?utf-8?q?Khi=E1=BA=BFu_n=E1=BA=A1i?= (2)')).toBe('Re: Khiếu nại (2)')
  })

  it('joins adjacent encoded words, even when a character is split between them', () => {
    // "é" is C3 A9 in UTF-8, split across two words; the space between the words is not text.
    expect(decodeHeaderValue('=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9_cr=C3=A8me?=')).toBe('café crème')
    expect(decodeHeaderValue('=?UTF-8?Q?a?= b =?UTF-8?Q?c?=')).toBe('a b c')
  })

  it('skips the mbox separator line', () => {
    const mail = parseEmail('From ana@example.org Tue Mar  4 09:12:00 2025\nFrom: ana@example.org\nSubject: Hi\n\nBody')
    expect(mail.headers.from).toBe('ana@example.org')
    expect(mail.body).toBe('Body')
  })

  it('shows the plain alternative of a multipart message and lists its attachments', () => {
    const mail = parseEmail(
      crlf([
        'From: ana@example.org',
        'Subject: Invoice',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="outer"',
        '',
        'This is a multi-part message in MIME format.',
        '--outer',
        'Content-Type: multipart/alternative; boundary=inner',
        '',
        '--inner',
        'Content-Type: text/plain; charset=ISO-8859-1',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Voici la facture de d=E9cembre, avec une ligne tr=',
        '=E8s longue.',
        '--inner',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Voici la facture</p>',
        '--inner--',
        '--outer',
        'Content-Type: application/pdf; name="facture.pdf"',
        'Content-Disposition: attachment; filename="facture.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--outer',
        'Content-Type: image/png',
        "Content-Disposition: attachment; filename*=UTF-8''re%C3%A7u%20sign%C3%A9.png",
        '',
        'iVBORw0KGgo=',
        '--outer--',
        'epilogue',
      ]),
    )
    expect(mail.headers.subject).toBe('Invoice')
    expect(mail.body).toBe('Voici la facture de décembre, avec une ligne très longue.')
    expect(mail.attachments).toEqual(['facture.pdf', 'reçu signé.png'])
  })

  it('decodes a base64 body in its charset', () => {
    const body = Buffer.from('Здравствуйте', 'utf8').toString('base64')
    const mail = parseEmail(
      ['Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: base64', '', body].join('\n'),
    )
    expect(mail.body).toBe('Здравствуйте')
  })

  it('reduces an HTML-only message to its text', () => {
    const mail = parseEmail(
      [
        'Content-Type: text/html',
        '',
        '<html><head><style>p{color:red}</style></head><body><p>Dear&nbsp;team,</p><p>A &amp; B &#8212; see<br>below</p><script>alert(1)</script></body></html>',
      ].join('\n'),
    )
    expect(mail.body).toBe('Dear\u00a0team,\nA & B — see\nbelow')
  })

  it('still shows the parts of a message cut short before its closing boundary', () => {
    const mail = parseEmail(
      ['Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'first part'].join('\n'),
    )
    expect(mail.body).toBe('first part')
  })

  it('copes with a message without headers or body', () => {
    expect(parseEmail('').body).toBe('')
    expect(parseEmail('\n\njust text').body).toBe('\njust text')
    expect(parseEmail('Subject: only headers').headers.subject).toBe('only headers')
  })
})

describe('htmlToText', () => {
  it('never keeps tags, comments or scripts', () => {
    expect(htmlToText('<!-- hidden --><b>bold</b><img src=x onerror=alert(1)>&lt;tag&gt; &bogus;')).toBe(
      'bold<tag> &bogus;',
    )
  })
})
