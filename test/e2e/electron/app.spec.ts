import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

/**
 * Path of the Electron binary if its download ever happened on this machine. Read
 * from the package's path.txt as electron's own index.js does, without requiring
 * it: recent versions try to download the binary when it is missing.
 */
function electronBinary(): string | null {
  try {
    const packageDir = dirname(createRequire(__filename).resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()

test.skip(
  binary === null,
  'No Electron binary on this machine: installs run with ELECTRON_SKIP_BINARY_DOWNLOAD=1 because the binary cannot be downloaded here. These tests run where the binary exists.',
)

test('the desktop app opens its window with window.api and no Node in the page', async () => {
  const app = await electron.launch({ executablePath: binary ?? undefined, args: [join(__dirname, '../../..')] })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 1, name: /Cases|Dossiers|Hồ sơ|Дела/ })).toBeVisible()
    expect(await page.evaluate(() => typeof window.api?.call)).toBe('function')
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined')
    expect(page.url()).toBe('app://redress/index.html#/cases')
    const info = await page.evaluate(() => window.api?.call('app.info', {}))
    expect(info).toMatchObject({ ok: true, value: { transport: 'ipc' } })
  } finally {
    await app.close()
  }
})
