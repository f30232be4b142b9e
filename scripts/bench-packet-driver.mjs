// Builds src/main/services/packet/bench.ts into one ESM file with rolldown (the
// bundler electron-vite uses), so the packet benchmarks run the real services
// without Electron. Run as `node <driver> export|verify <json>`, the file is the
// child process whose peak memory the benchmarks report.
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'rolldown'

const projectRoot = resolve(import.meta.dirname, '..')

export async function buildPacketDriver(work) {
  const entry = join(work, 'packet-driver.ts')
  writeFileSync(
    entry,
    `export * from ${JSON.stringify(join(projectRoot, 'src/main/services/packet/bench.ts'))}
import { runBenchChild } from ${JSON.stringify(join(projectRoot, 'src/main/services/packet/bench.ts'))}
import { pathToFileURL } from 'node:url'
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runBenchChild(process.argv[2], process.argv[3])
`,
  )
  const output = join(work, 'packet-driver.mjs')
  await build({
    input: entry,
    platform: 'node',
    resolve: { alias: { '@shared': join(projectRoot, 'src/shared') } },
    external: [/^node:/],
    output: { file: output, format: 'esm' },
    logLevel: 'silent',
  })
  return output
}

/** The options both benchmarks take. */
export function benchArgs(parseArgs, tmpdir) {
  const { values } = parseArgs({
    options: {
      gib: { type: 'string', default: '1' },
      files: { type: 'string', default: '8' },
      runs: { type: 'string', default: '3' },
      dir: { type: 'string', default: tmpdir() },
      keep: { type: 'boolean', default: false },
    },
  })
  const gib = Number(values.gib)
  const files = Number(values.files)
  const runs = Number(values.runs)
  if (!(gib > 0) || !Number.isInteger(files) || files <= 0 || !Number.isInteger(runs) || runs <= 0) {
    throw new Error('--gib must be positive, --files and --runs positive integers')
  }
  return { gib, files, runs, dir: values.dir, keep: values.keep }
}
