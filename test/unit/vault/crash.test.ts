import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import { readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'rolldown'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVault } from '../../../src/main/services/vault/vault'
import { misplacedInStore, scratch } from './vault-fixtures'

/**
 * `kill -9` of a process in the middle of ingests, several times at different
 * moments: the store must only ever hold whole files named by their own hash,
 * and what was left in tmp must be gone at the next start.
 */
describe('an ingest killed with SIGKILL', () => {
  const MiB = 1024 * 1024
  let space: ReturnType<typeof scratch>
  let childScript: string
  let sources: string[]

  beforeAll(async () => {
    space = scratch('crash')
    childScript = join(space.dir, 'ingest-child.mjs')
    // The child runs the real service, compiled as the app's build would.
    await build({
      input: resolve(import.meta.dirname, 'fixtures/ingest-child.ts'),
      platform: 'node',
      resolve: { alias: { '@shared': resolve(import.meta.dirname, '../../../src/shared') } },
      output: { file: childScript, format: 'esm' },
      logLevel: 'silent',
    })
    // Different sizes so kills land in copies, syncs and renames alike; above 16 MiB hashing is on a worker.
    sources = [6, 20, 12].map((size, index) => {
      const path = join(space.dir, `source-${index}.bin`)
      writeFileSync(path, randomBytes(size * MiB))
      return path
    })
  }, 30_000)
  afterAll(() => space.remove())

  const start = (mode: 'hold' | 'run'): { child: ChildProcess; said: (line: string) => Promise<void> } => {
    const child = spawn(process.execPath, [childScript, space.vaultRoot, mode, ...shuffle(sources)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    const waiting: Array<{ line: string; resolve: () => void }> = []
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      for (const waiter of [...waiting]) {
        if (output.includes(`${waiter.line}\n`)) waiter.resolve()
      }
    })
    return {
      child,
      said: (line) =>
        new Promise((resolve, reject) => {
          if (output.includes(`${line}\n`)) return resolve()
          waiting.push({ line, resolve })
          child.once('exit', () => reject(new Error(`child exited before saying ${line}`)))
        }),
    }
  }

  const kill = (child: ChildProcess): Promise<void> =>
    new Promise((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })

  it('never leaves a partial or misnamed file in the store, and the next start sweeps tmp', async () => {
    const tmp = join(space.vaultRoot, 'tmp')
    let leftoversSeen = 0
    for (let round = 0; round < 6; round++) {
      const holding = round % 2 === 0
      const { child, said } = start(holding ? 'hold' : 'run')
      await said('ready')
      // Starting swept whatever the previous kill left (the marker stands for it).
      expect(readdirSync(tmp)).not.toContain('swept-marker')
      if (holding) await said('writing')
      else await new Promise((r) => setTimeout(r, randomInt(0, 400)))
      await kill(child)

      expect(misplacedInStore(space.vaultRoot)).toEqual([])
      const left = readdirSync(tmp)
      // A kill while writing leaves its temporary file: it is what the sweep is for.
      if (holding) expect(left.length).toBeGreaterThan(0)
      leftoversSeen += left.length
      writeFileSync(join(tmp, 'swept-marker'), '')
    }
    expect(leftoversSeen).toBeGreaterThan(0)

    await createVault({ root: space.vaultRoot }).ready()
    expect(readdirSync(tmp)).toEqual([])
    expect(misplacedInStore(space.vaultRoot)).toEqual([])
  }, 60_000)
})

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(0, i + 1)
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}
