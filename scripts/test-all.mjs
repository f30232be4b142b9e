// `npm test`: every check the project has, in order, with one closing count.
// typecheck, lint, unit + contract tests, build, build checks, the Electron
// audit, and end-to-end tests in Chromium against the harness. Each step runs
// even if an earlier one failed (but e2e needs the build), so one run shows
// everything that is wrong. Ends with the line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const outputDir = '.test-output'
rmSync(outputDir, { recursive: true, force: true })
mkdirSync(outputDir, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const summary = []

function run(label, command, args) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { ok: result.status === 0, seconds }
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, command, args) {
  const { ok, seconds } = run(label, command, args)
  totals[ok ? 'passed' : 'failed']++
  summary.push(`${ok ? 'PASS' : 'FAIL'}  ${label} (${seconds}s)`)
  return ok
}

/** A step whose test runner writes a JSON report: count its tests. */
function suite(label, command, args, reportPath, count) {
  const { ok, seconds } = run(label, command, args)
  let counts
  try {
    counts = count(JSON.parse(readFileSync(reportPath, 'utf8')))
  } catch {
    counts = null
  }
  if (!counts) {
    totals.failed++
    summary.push(`FAIL  ${label}: no report (${seconds}s)`)
    return false
  }
  // A runner that exits non-zero with no failed test (a crash, an error outside tests) still fails.
  const failed = counts.failed + (ok || counts.failed > 0 ? 0 : 1)
  totals.passed += counts.passed
  totals.failed += failed
  totals.skipped += counts.skipped
  summary.push(
    `${failed === 0 ? 'PASS' : 'FAIL'}  ${label}: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped (${seconds}s)`,
  )
  return failed === 0
}

const vitestCounts = (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
  skipped: report.numPendingTests + (report.numTodoTests ?? 0),
})
const playwrightCounts = (report) => ({
  passed: (report.stats.expected ?? 0) + (report.stats.flaky ?? 0),
  failed: report.stats.unexpected ?? 0,
  skipped: report.stats.skipped ?? 0,
})

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

check('typecheck', npm, ['run', '--silent', 'typecheck'])
check('lint', npm, ['run', '--silent', 'lint'])
suite(
  'unit and contract tests',
  npx,
  [
    'vitest',
    'run',
    '--project',
    'unit',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${join(outputDir, 'vitest-unit.json')}`,
  ],
  join(outputDir, 'vitest-unit.json'),
  vitestCounts,
)
const built = check('build', npm, ['run', '--silent', 'build'])
if (built) {
  suite(
    'build checks',
    npx,
    [
      'vitest',
      'run',
      '--project',
      'build',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(outputDir, 'vitest-build.json')}`,
    ],
    join(outputDir, 'vitest-build.json'),
    vitestCounts,
  )
}
check('electron security audit', npm, ['run', '--silent', 'audit:electron'])
if (built && existsSync('out/main/harness.js')) {
  suite('end-to-end (Playwright)', npx, ['playwright', 'test'], join(outputDir, 'playwright.json'), playwrightCounts)
} else {
  totals.failed++
  summary.push('FAIL  end-to-end (Playwright): not run, the build failed')
}

console.log('\n=== Summary')
for (const line of summary) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed === 0 ? 0 : 1)
