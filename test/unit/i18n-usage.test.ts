import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogs } from '../../src/shared/i18n/catalogs'

/** Every source file of the renderer and shared code that may show text. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

function has(key: string): boolean {
  const lookup = (k: string): unknown =>
    k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogs.en)
  return typeof lookup(key) === 'string' || typeof lookup(`${key}_other`) === 'string'
}

describe('messages used by the code', () => {
  const root = join(__dirname, '../../src')
  const files = [...sources(join(root, 'renderer/src')), ...sources(join(root, 'shared'))]

  it('exist in the catalog for every literal t("…") key, so no screen ever shows a raw key', () => {
    const missing: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*\.[\w.]+)'/g)) {
        const key = match[1] ?? ''
        if (!has(key)) missing.push(`${file.slice(root.length + 1)}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('exist for the message keys that schemas and rules return (i18n keys as error messages)', () => {
    const missing: string[] = []
    for (const file of sources(join(root, 'shared/domain'))) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(/'((?:intake|triage|findings|compare|claims|interviews)\.errors\.\w+)'/g)) {
        const key = match[1] ?? ''
        if (!has(key)) missing.push(`${file.slice(root.length + 1)}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})
