// Closure packet verification throughput against `sha256sum -c` over the same bag.
// Usage: npm run bench:verify [-- --gib 1 --files 8 --runs 3 --dir /some/folder --keep]
//
// Exports a packet of random evidence (1 GiB by default), verifies it with the
// real verifyPacket in a child process (extraction to a temporary folder, CRC and
// SHA-256 of every entry, manifests, signatures, audit chain), then extracts the
// same packet with unzip and times `sha256sum -c manifest-sha256.txt` from inside
// the bag (extraction not counted for sha256sum). The last line is one JSON object.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { benchArgs, buildPacketDriver } from './bench-packet-driver.mjs'

const { gib, files, runs, dir, keep } = benchArgs(parseArgs, tmpdir)
const work = mkdtempSync(join(resolve(dir), 'redress-bench-verify-'))
try {
  const driver = await buildPacketDriver(work)
  const { runVerifyBench } = await import(driver)
  const result = await runVerifyBench({ dir: work, gib, files, runs, driver, log: (line) => console.log(line) })
  if (!result.verified) console.log('WARNING: the packet did not verify; the figures measure a failing run')
  console.log(
    `Verify ${result.verifyMBps} MB/s vs sha256sum -c ${result.sha256sumMBps} MB/s: ratio ${result.ratio} (target ≥ 2)`,
  )
  console.log(
    `  extracting every file as the import does: ${result.verifyExtractMBps} MB/s, ratio ${result.ratioExtract}`,
  )
  console.log(`  peak RSS ${result.peakRssMB} MB`)
  console.log(
    JSON.stringify({
      bytes: result.bytes,
      verifyMBps: result.verifyMBps,
      sha256sumMBps: result.sha256sumMBps,
      ratio: result.ratio,
      peakRssMB: result.peakRssMB,
      verifyExtractMBps: result.verifyExtractMBps,
      ratioExtract: result.ratioExtract,
    }),
  )
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true })
}
