import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'

export interface Harness {
  /** The address the harness printed, token included: what a person opens. */
  readonly url: string
  readonly origin: string
  readonly token: string
  /** The harness's --data folder. */
  readonly dataDir: string
  /** Says what "the user" picks in the next native dialog. */
  answerNextDialog(answer: DialogAnswer): Promise<void>
}

/** What "the user" picks in the next native dialog: files, a target file, a folder, or nothing. */
export type DialogAnswer =
  | { kind: 'open'; paths: string[] }
  | { kind: 'save'; path: string }
  | { kind: 'folder'; path: string }
  | { kind: 'cancel' }

/** Starts `node out/main/harness.js` (built by `npm run build`) and reads the line it prints. */
async function startHarness(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(__dirname, '../../../out/main/harness.js'), '--port', '0', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`Harness did not start:\n${output}`)), 15_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /^Redress harness: (\S+)$/m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Harness exited with ${code}:\n${output}`))
    })
  })
  return { child, url }
}

/**
 * Starts a harness on its own data folder (a fresh one when none is given):
 * another computer, for tests that move data from one installation to another.
 */
export async function launchHarness(dataDir?: string): Promise<Harness & { stop(): void }> {
  const folder = dataDir ?? mkdtempSync(join(tmpdir(), 'redress-e2e-'))
  const { child, url } = await startHarness(folder)
  const parsed = new URL(url)
  const token = parsed.searchParams.get('token') ?? ''
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir: folder,
    async answerNextDialog(answer) {
      const response = await fetch(`${parsed.origin}/__harness/dialog`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(answer),
      })
      if (!response.ok) throw new Error(`Harness refused the dialog answer: ${response.status}`)
    },
    stop() {
      child.kill('SIGTERM')
      if (dataDir === undefined) rmSync(folder, { recursive: true, force: true })
    },
  }
}

export const test = base.extend<{ freshProfile: void }, { harness: Harness }>({
  // Each test opens a new, empty browser profile against the worker's harness. Main
  // remembers how many cases the last profile had (to notice a database Chromium
  // emptied); for a new profile on purpose, that memory is forgotten first.
  freshProfile: [
    async ({ harness }, use) => {
      rmSync(join(harness.dataDir, 'case-count.json'), { force: true })
      await use()
    },
    { auto: true },
  ],
  harness: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const harness = await launchHarness()
      await use(harness)
      harness.stop()
    },
    { scope: 'worker' },
  ],
})

export { expect }
