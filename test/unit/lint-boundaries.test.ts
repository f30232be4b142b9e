import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The layering of DESIGN section 3 is a lint rule, not a wish: these cases lint
 * a file placed at a given path, and expect the boundary rule to fire (or not).
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

const boundary = ['import-x/no-restricted-paths', 'no-restricted-imports']

describe('import boundaries', () => {
  it.each([
    ['shared importing main', 'src/shared/domain/probe.ts', "export * from '../../main/dispatch'"],
    ['shared importing the renderer', 'src/shared/contract/probe.ts', "export * from '../../renderer/src/db/db'"],
    ['shared importing Node', 'src/shared/domain/probe.ts', "export { readFile } from 'node:fs/promises'"],
    ['shared importing Electron', 'src/shared/domain/probe.ts', "export { app } from 'electron'"],
    ['main importing the renderer', 'src/main/probe.ts', "export { db } from '../renderer/src/db/db'"],
    ['a service importing Electron', 'src/main/services/app-info/probe.ts', "export { dialog } from 'electron'"],
    ['the renderer importing main', 'src/renderer/src/lib/probe.ts', "export * from '../../../main/dispatch'"],
    ['the renderer importing Node', 'src/renderer/src/lib/probe.ts', "export { readFile } from 'node:fs'"],
    [
      'a feature importing another',
      'src/renderer/src/features/review/probe.tsx',
      "export { CasesPage } from '../cases/cases-page'",
    ],
    [
      'a component importing a feature',
      'src/renderer/src/components/probe.tsx',
      "export { ReviewPage } from '../features/review/review-page'",
    ],
  ])(
    'refuses %s',
    async (_what, filePath, code) => {
      const ids = await ruleIdsFor(filePath, code)
      expect(
        ids.some((id) => boundary.includes(id)),
        ids.join(', '),
      ).toBe(true)
    },
    30_000,
  )

  it.each([
    ['the renderer importing shared by alias', 'src/renderer/src/lib/probe.ts', "export * from '@shared/contract'"],
    [
      'a feature importing a component',
      'src/renderer/src/features/review/probe.tsx',
      "export { EmptyState } from '../../components/empty-state'",
    ],
    ['main importing shared', 'src/main/probe.ts', "export * from '@shared/contract'"],
    ['the preload importing shared', 'src/preload/probe.ts', "export * from '@shared/contract'"],
  ])(
    'allows %s',
    async (_what, filePath, code) => {
      const ids = await ruleIdsFor(filePath, code)
      expect(ids.filter((id) => boundary.includes(id))).toEqual([])
    },
    30_000,
  )
})
