import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/contract'
import { createFileGrants, type FileGrants } from '../../../src/main/services/dialogs/file-grants'
import { createTextFileWriter } from '../../../src/main/services/files/text-file-writer'
import { enospc, scratch } from '../vault/vault-fixtures'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
  throw new Error('expected a failure')
}

describe('text file writer', () => {
  let space: ReturnType<typeof scratch>
  let grants: FileGrants
  beforeEach(() => {
    space = scratch('files')
    grants = createFileGrants()
  })
  afterEach(() => space.remove())

  it('writes UTF-8 text to the file chosen in the save dialog, byte order mark and all', async () => {
    const target = join(space.dir, 'bilan-2025.csv')
    const text = '\uFEFFDépartement,Nombre\r\nChi nhánh Hà Nội,3\r\nСклад Москва,2\r\n'
    const result = await createTextFileWriter({ grants }).writeText({ grant: grants.issue(target, 'write'), text })
    const bytes = readFileSync(target)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toBe(text)
    expect(result).toEqual({ name: 'bilan-2025.csv', bytes: bytes.length })
    expect(readdirSync(space.dir)).toEqual(['bilan-2025.csv'])
  })

  it('replaces an existing file whole, and spends the grant', async () => {
    const target = join(space.dir, 'export.csv')
    writeFileSync(target, 'old content that is longer than the new one')
    const grant = grants.issue(target, 'write')
    await createTextFileWriter({ grants }).writeText({ grant, text: 'new' })
    expect(readFileSync(target, 'utf8')).toBe('new')
    expect(await codeOf(createTextFileWriter({ grants }).writeText({ grant, text: 'again' }))).toBe('not_found')
  })

  it('refuses a grant for reading: a picked file is not a place to write', async () => {
    const source = join(space.dir, 'evidence.pdf')
    writeFileSync(source, 'original')
    const grant = grants.issue(source, 'read')
    expect(await codeOf(createTextFileWriter({ grants }).writeText({ grant, text: 'overwritten' }))).toBe('not_found')
    expect(readFileSync(source, 'utf8')).toBe('original')
  })

  it('leaves the existing file as it was and no temporary file when the disk is full', async () => {
    const target = join(space.dir, 'export.csv')
    writeFileSync(target, 'previous export')
    const full: typeof writeFile = async (path, data, options) => {
      await writeFile(path, String(data).slice(0, 2), options)
      throw enospc()
    }
    const writer = createTextFileWriter({ grants, writeFile: full })
    expect(await codeOf(writer.writeText({ grant: grants.issue(target, 'write'), text: 'new export' }))).toBe(
      'disk_full',
    )
    expect(readFileSync(target, 'utf8')).toBe('previous export')
    expect(readdirSync(space.dir)).toEqual(['export.csv'])
  })

  it('says the folder is gone when it was removed after the dialog', async () => {
    const folder = join(space.dir, 'usb')
    mkdirSync(folder)
    const grant = grants.issue(join(folder, 'export.csv'), 'write')
    rmSync(folder, { recursive: true })
    expect(await codeOf(createTextFileWriter({ grants }).writeText({ grant, text: 'x' }))).toBe('not_found')
  })
})
