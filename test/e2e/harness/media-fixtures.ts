import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(__dirname, '../../../.test-output/fixtures')

/**
 * A 30-second test video made with ffmpeg (Debian's package; .ci/run installs it):
 * VP9 in WebM, which every Chromium plays, with cues so seeking works.
 */
export function makeTestVideo(): string {
  const path = join(dir, 'interview-test.webm')
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  execFileSync(
    'ffmpeg',
    [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=30:size=320x240:rate=10',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=30',
      '-c:v',
      'libvpx-vp9',
      '-b:v',
      '150k',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-c:a',
      'libopus',
      '-b:a',
      '32k',
      '-shortest',
      path,
    ],
    { stdio: 'inherit' },
  )
  return path
}

/** A one-page PDF written by hand, with a correct cross-reference table. */
export function makeTestPdf(text = 'Contrat de vente - Maison Lumiere'): string {
  const path = join(dir, 'contract-test.pdf')
  if (existsSync(path)) return path
  mkdirSync(dir, { recursive: true })
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  writeFileSync(path, body, 'latin1')
  return path
}
