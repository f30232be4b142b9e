// Ingest throughput against the tools people trust, on the same file and disk.
// Usage: npm run bench:ingest [-- --size-mib 1024 --runs 3 --dir /some/folder --no-cold]
//
// Creates a file (1 GiB by default), ingests it through the real vault service
// (compiled from src/ with rolldown, the bundler electron-vite uses), and times
// `sha256sum`, `openssl dgst -sha256` and `cp` + `sync` on it: warm cache, then
// cold where the machine allows (drop_caches as root, else a fresh O_DIRECT copy
// of the file per run, which the page cache has never seen). The medians are
// printed, and the last line is one JSON object with the warm figures.
import { spawnSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'rolldown'

const projectRoot = resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    'size-mib': { type: 'string', default: '1024' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: tmpdir() },
    'no-cold': { type: 'boolean', default: false },
  },
})
const bytes = Number(values['size-mib']) * 1024 * 1024
const runs = Number(values.runs)
if (!Number.isInteger(bytes) || bytes <= 0 || !Number.isInteger(runs) || runs <= 0) {
  throw new Error('--size-mib and --runs must be positive integers')
}

const work = mkdtempSync(join(resolve(values.dir), 'redress-bench-'))

try {
  const driver = await buildDriver()
  const source = join(work, 'source.bin')
  log(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, SHA-NI: ${hasShaNi() ? 'yes' : 'no'}`)
  log(`Writing ${mib(bytes)} MiB of random data to ${source} …`)
  writeRandomFile(source, bytes)
  sh('sync')

  const tools = {
    ingest: (file, n) => ingest(driver, file, join(work, `vault-${n}`)),
    sha256sum: (file) => timed('sha256sum', [file]),
    openssl: (file) => timed('openssl', ['dgst', '-sha256', file]),
    cpSync: (file, n) => {
      const copy = join(work, `copy-${n}.bin`)
      const result = timed('sh', ['-c', 'cp "$1" "$2" && sync', 'sh', file, copy])
      rmSync(copy, { force: true })
      return result
    },
  }

  // Warm: everything reads the file from the page cache.
  sh('cat', [source], { stdio: ['ignore', 'ignore', 'inherit'] })
  const warm = await measure(tools, () => source)
  report('warm cache', warm)

  if (!values['no-cold']) {
    const cold = coldSource(source)
    if (cold) {
      const figures = await measure(tools, cold.prepare, cold.cleanup)
      report(`cold cache (${cold.how})`, figures)
    } else {
      log('\ncold cache: skipped (cannot drop caches, and O_DIRECT is not available here)')
    }
  }

  const result = {
    bytes,
    ingestMBps: round(warm.ingest.mbps),
    sha256sumMBps: round(warm.sha256sum.mbps),
    cpSyncMBps: round(warm.cpSync.mbps),
    ratioSha256sum: round(warm.ingest.mbps / warm.sha256sum.mbps, 2),
    ratioCpSync: round(warm.ingest.mbps / warm.cpSync.mbps, 2),
    peakRssMB: round(warm.ingest.peakRssMB),
  }
  console.log(JSON.stringify(result))
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** Bundles a tiny driver around the real createVault, so the bench measures the shipped code. */
async function buildDriver() {
  const entry = join(work, 'driver.ts')
  writeFileSync(
    entry,
    `import { createVault } from ${JSON.stringify(join(projectRoot, 'src/main/services/vault/vault.ts'))}
const [root, source] = process.argv.slice(2)
const vault = createVault({ root })
await vault.ready()
const started = performance.now()
const result = await vault.ingest(source)
const seconds = (performance.now() - started) / 1000
console.log(JSON.stringify({ seconds, sha256: result.sha256, size: result.size, maxRssKiB: process.resourceUsage().maxRSS }))
`,
  )
  const output = join(work, 'driver.mjs')
  await build({
    input: entry,
    platform: 'node',
    resolve: { alias: { '@shared': join(projectRoot, 'src/shared') } },
    output: { file: output, format: 'esm' },
    logLevel: 'silent',
  })
  return output
}

/** Runs each tool `runs` times on a file from `prepare`, syncing before each so no one pays for another's writes. */
async function measure(tools, prepare, cleanup = () => {}) {
  const figures = {}
  for (const [name, run] of Object.entries(tools)) {
    const samples = []
    for (let n = 0; n < runs; n++) {
      const file = prepare()
      sh('sync')
      const sample = run(file, n)
      samples.push(sample)
      cleanup(file)
      rmSync(join(work, `vault-${n}`), { recursive: true, force: true })
      sh('sync')
    }
    const seconds = median(samples.map((s) => s.seconds))
    figures[name] = {
      seconds,
      mbps: bytes / 1e6 / seconds,
      peakRssMB: Math.max(...samples.map((s) => s.peakRssMB ?? 0)),
    }
  }
  return figures
}

function ingest(driverPath, file, vaultRoot) {
  const run = spawnSync(process.execPath, [driverPath, vaultRoot, file], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`ingest failed: ${run.stderr}`)
  const answer = JSON.parse(run.stdout.trim().split('\n').at(-1))
  if (answer.size !== bytes) throw new Error(`ingest stored ${answer.size} bytes, expected ${bytes}`)
  return { seconds: answer.seconds, peakRssMB: (answer.maxRssKiB * 1024) / 1e6 }
}

function timed(command, args) {
  const started = performance.now()
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] })
  const seconds = (performance.now() - started) / 1000
  if (run.status !== 0) throw new Error(`${command} failed (${run.status ?? run.signal})`)
  return { seconds }
}

/** How to get a file whose bytes are not in the page cache, if the machine allows one. */
function coldSource(source) {
  const drop = () => {
    sh('sync')
    writeFileSync('/proc/sys/vm/drop_caches', '3')
  }
  try {
    drop()
    return { how: 'drop_caches', prepare: () => (drop(), source) }
  } catch {
    // Not root, or a container: fall through to O_DIRECT copies.
  }
  const probe = join(work, 'direct-probe.bin')
  const probed = spawnSync('dd', ['if=/dev/zero', `of=${probe}`, 'bs=1M', 'count=1', 'oflag=direct', 'status=none'])
  rmSync(probe, { force: true })
  if (probed.status !== 0) return null
  let copies = 0
  return {
    how: 'fresh O_DIRECT copy per run',
    prepare: () => {
      const copy = join(work, `cold-${copies++}.bin`)
      sh('dd', [`if=${source}`, `of=${copy}`, 'bs=16M', 'oflag=direct', 'status=none'])
      return copy
    },
    cleanup: (file) => rmSync(file, { force: true }),
  }
}

function report(title, figures) {
  log(`\n${title} (median of ${runs}, ${mib(bytes)} MiB):`)
  for (const [name, label] of [
    ['ingest', 'vault ingest (read + SHA-256 + write + fsync)'],
    ['sha256sum', 'sha256sum'],
    ['openssl', 'openssl dgst -sha256'],
    ['cpSync', 'cp + sync'],
  ]) {
    const f = figures[name]
    log(`  ${label.padEnd(46)} ${f.seconds.toFixed(2).padStart(6)} s  ${f.mbps.toFixed(0).padStart(6)} MB/s`)
  }
  const { ingest: i, sha256sum: s, openssl: o, cpSync: c } = figures
  log(`  ratio ingest / sha256sum   ${(i.mbps / s.mbps).toFixed(2)}  (target ≥ 1.5)`)
  log(`  ratio ingest / cp + sync   ${(i.mbps / c.mbps).toFixed(2)}  (target ≥ 0.6)`)
  log(`  ratio ingest / openssl     ${(i.mbps / o.mbps).toFixed(2)}`)
  log(`  ingest peak RSS            ${i.peakRssMB.toFixed(0)} MB  (target < 150)`)
}

function writeRandomFile(path, size) {
  const block = Buffer.alloc(16 * 1024 * 1024)
  const fd = openSync(path, 'w')
  try {
    for (let written = 0; written < size; written += block.length) {
      randomFillSync(block)
      writeSync(fd, block, 0, Math.min(block.length, size - written))
    }
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function log(line) {
  process.stderr.write(`${line}\n`)
}

function hasShaNi() {
  return existsSync('/proc/cpuinfo') && /\bsha_ni\b/.test(readFileSync('/proc/cpuinfo', 'utf8'))
}

function sh(command, args = [], options = { stdio: 'inherit' }) {
  const run = spawnSync(command, args, options)
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function mib(n) {
  return (n / 1024 / 1024).toFixed(0)
}

function round(n, digits = 1) {
  return Number(n.toFixed(digits))
}
