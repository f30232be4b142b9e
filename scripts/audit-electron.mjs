// Runs @doyensec/electronegativity on the sources and fails on any HIGH or MEDIUM
// finding. The tool always exits 0, so its CSV report is parsed here.
// Usage: npm run audit:electron
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version

/**
 * Findings electronegativity marks for manual review (manualReview: true in its
 * source), each reviewed by a person with the reason it is acceptable. A finding
 * is only accepted at the exact file it was reviewed in.
 */
const reviewed = [
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/windows/main-window.ts',
    reason:
      'The preload (src/preload/index.ts) exposes only window.api built by createApiClient: call() and on(), never ' +
      'ipcRenderer; main checks sender, method and input of every call (test/contract/ipc.test.ts).',
  },
]

function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field.trim())
      field = ''
    } else if (c === '\n') {
      row.push(field.trim())
      rows.push(row)
      row = []
      field = ''
    } else if (c !== '\r') field += c
  }
  if (field || row.length) rows.push([...row, field.trim()])
  return rows.filter((r) => r.length > 1)
}

const dir = mkdtempSync(join(tmpdir(), 'redress-audit-'))
const report = join(dir, 'report.csv')
const run = spawnSync(
  process.execPath,
  [
    require.resolve('@doyensec/electronegativity/dist/index.js'),
    '-i',
    'src',
    '-o',
    report,
    '-r',
    '-v',
    'false',
    '-e',
    electronVersion,
  ],
  { encoding: 'utf8', timeout: 5 * 60_000 },
)
let rows
try {
  rows = parseCsv(readFileSync(report, 'utf8'))
} catch {
  console.error(run.stdout, run.stderr)
  console.error('electronegativity produced no report: the audit did not run.')
  process.exit(2)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const [header, ...findings] = rows
if (!header || header[0] !== 'issue') {
  console.error('Unexpected electronegativity report format.')
  process.exit(2)
}
let blocking = 0
console.log(`electronegativity on src/ (Electron ${electronVersion}): ${findings.length} finding(s)`)
for (const [issue, severity, confidence, file, location, , description] of findings) {
  const review = reviewed.find((r) => r.check === issue && r.file === file)
  const serious = severity === 'HIGH' || severity === 'MEDIUM'
  const verdict = !serious ? 'ok (low/informational)' : review ? `reviewed: ${review.reason}` : 'BLOCKING'
  if (serious && !review) blocking++
  console.log(`- ${severity} ${issue} (${confidence}) ${file}:${location} — ${description}\n  ${verdict}`)
}
console.log(blocking === 0 ? 'No unreviewed HIGH or MEDIUM finding.' : `${blocking} HIGH/MEDIUM finding(s) to fix.`)
process.exit(blocking === 0 ? 0 : 1)
