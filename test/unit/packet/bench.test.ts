import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExportBench, runVerifyBench } from '../../../src/main/services/packet/bench'

// The benchmarks' own code, on 64 MiB: only with REDRESS_BENCH=1 (npm run bench:export runs the real thing).
describe.runIf(process.env.REDRESS_BENCH === '1')('packet benchmarks', () => {
  it('exports and verifies 64 MiB of evidence against zip -0 and sha256sum -c', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redress-bench-test-'))
    try {
      const exported = await runExportBench({ dir, gib: 1 / 16, files: 4 })
      expect(exported.bytes).toBe(64 * 1024 * 1024)
      expect(exported.exportMBps).toBeGreaterThan(0)
      expect(exported.zipMBps).toBeGreaterThan(0)
      const verified = await runVerifyBench({ dir, gib: 1 / 16, files: 4 })
      expect(verified.verified).toBe(true)
      expect(verified.sha256sumMBps).toBeGreaterThan(0)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
