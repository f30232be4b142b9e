import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/security/csp'

/** Checks on what `npm run build` produced: run after the build (scripts/test-all.mjs does). */
const out = join(__dirname, '../../out')
const read = (path: string): string => readFileSync(join(out, path), 'utf8')
const requiresIn = (code: string): string[] => [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? '')

describe('the build', () => {
  it('produces main, harness, preload and renderer', () => {
    for (const path of ['main/index.js', 'main/harness.js', 'preload/index.cjs', 'renderer/index.html']) {
      expect(existsSync(join(out, path)), path).toBe(true)
    }
  })

  it('builds the preload as one CommonJS file that requires only electron (sandbox: true allows nothing else)', () => {
    const preload = read('preload/index.cjs')
    expect([...new Set(requiresIn(preload))]).toEqual(['electron'])
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(readdirSync(join(out, 'preload'))).toEqual(['index.cjs'])
  })

  it('builds a harness that runs without Electron', () => {
    const files = ['main/harness.js', ...readdirSync(join(out, 'main/chunks')).map((f) => `main/chunks/${f}`)]
    expect(files.flatMap((f) => requiresIn(read(f)))).not.toContain('electron')
  })

  it('ships the renderer with the strict CSP and nothing loaded from the network', () => {
    const html = read('renderer/index.html')
    expect(html).toContain(`content="${contentSecurityPolicy({ forMetaTag: true })}"`)
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '')
    expect(references.length).toBeGreaterThan(0)
    for (const ref of references) expect(ref, ref).toMatch(/^\.?\/[^/]/)
    for (const file of readdirSync(join(out, 'renderer/assets')).filter((f) => f.endsWith('.css'))) {
      expect(read(`renderer/assets/${file}`), file).not.toMatch(/url\((['"]?)(https?:)?\/\//)
    }
  })
})
