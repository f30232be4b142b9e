// Closure packet export throughput against `zip -0 -r -q` on the same evidence and disk.
// Usage: npm run bench:export [-- --gib 1 --files 8 --runs 3 --dir /some/folder --keep]
//
// Makes the evidence once (8 files of random bytes, 1 GiB in all by default),
// exports a packet with the real exportPacket (in a child process, so its peak
// memory is its own; the export flushes its file to disk), then zips the same
// files with `zip -0`, timed alone and with the `sync` that would make it as
// durable. The last line is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { benchArgs, buildPacketDriver } from './bench-packet-driver.mjs'

const { gib, files, runs, dir, keep } = benchArgs(parseArgs, tmpdir)
const work = mkdtempSync(join(resolve(dir), 'redress-bench-export-'))
try {
  const driver = await buildPacketDriver(work)
  const { runExportBench } = await import(driver)
  const result = await runExportBench({ dir: work, gib, files, runs, driver, log: (line) => console.log(line) })
  console.log(`Export ${result.exportMBps} MB/s vs zip -0 ${result.zipMBps} MB/s: ratio ${result.ratio} (target ≥ 1.5)`)
  console.log(`  against zip -0 + sync (${result.zipSyncMBps} MB/s): ratio ${result.ratioWithSync}`)
  console.log(`  peak RSS ${result.peakRssMB} MB (target < 150)`)
  console.log(
    JSON.stringify({
      bytes: result.bytes,
      exportMBps: result.exportMBps,
      zipMBps: result.zipMBps,
      ratio: result.ratio,
      peakRssMB: result.peakRssMB,
      zipSyncMBps: result.zipSyncMBps,
      ratioWithSync: result.ratioWithSync,
    }),
  )
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true })
}
