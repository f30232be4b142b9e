import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A scratch folder holding the sources and, under vault/, the vault. */
export function scratch(label: string): { readonly dir: string; readonly vaultRoot: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `redress-${label}-`))
  return { dir, vaultRoot: join(dir, 'vault'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Everything under a folder, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return (
    readdirSync(dir, { recursive: true, withFileTypes: true }) as Array<{
      isFile(): boolean
      parentPath: string
      name: string
    }>
  )
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

/** The vault's invariant: every stored file sits at sha256/<first two>/<its own hash>. */
export function misplacedInStore(vaultRoot: string): string[] {
  const store = join(vaultRoot, 'sha256')
  return listFiles(store).filter((relative) => {
    const [shard, name, ...rest] = relative.split('/')
    if (rest.length > 0 || !name || !/^[0-9a-f]{64}$/.test(name) || shard !== name.slice(0, 2)) return true
    return sha256Of(readFileSync(join(store, relative))) !== name
  })
}

export const enospc = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 })
