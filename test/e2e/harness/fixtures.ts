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
  answerNextDialog(
    answer: { kind: 'open'; paths: string[] } | { kind: 'save'; path: string } | { kind: 'cancel' },
  ): Promise<void>
}

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

export const test = base.extend<object, { harness: Harness }>({
  harness: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'redress-e2e-'))
      const { child, url } = await startHarness(dataDir)
      const parsed = new URL(url)
      const token = parsed.searchParams.get('token') ?? ''
      await use({
        url,
        origin: parsed.origin,
        token,
        dataDir,
        async answerNextDialog(answer) {
          const response = await fetch(`${parsed.origin}/__harness/dialog`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(answer),
          })
          if (!response.ok) throw new Error(`Harness refused the dialog answer: ${response.status}`)
        },
      })
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
})

export { expect }
