import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import yauzl from 'yauzl'
import { ZipFile } from 'yazl'
import { AppError } from '../../../src/shared/contract'

export const sha256Of = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex')

/** The error code and subject a promise rejects with; fails the test if it resolves. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; subject: string | undefined }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, subject: error.subject }
    throw error
  }
  throw new Error('expected a refusal')
}

/** Every entry of a ZIP with its raw bytes, in archive order. */
export async function readEntries(
  path: string,
): Promise<Array<{ name: string; data: Buffer; dataStart: number; compressed: boolean }>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false })
  const out: Array<{ name: string; data: Buffer; dataStart: number; compressed: boolean }> = []
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry)
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      const header = await zip.readLocalFileHeaderPromise(entry, { minimal: true })
      out.push({
        name: entry.fileName,
        data: Buffer.concat(chunks),
        dataStart: header.fileDataStart,
        compressed: entry.compressionMethod !== 0,
      })
    }
  } finally {
    zip.close()
  }
  return out
}

/** Writes a ZIP holding exactly these entries (names yazl accepts). */
export async function writeZip(
  path: string,
  entries: ReadonlyArray<{ name: string; data: Buffer; compress?: boolean }>,
): Promise<void> {
  const zip = new ZipFile()
  for (const entry of entries) zip.addBuffer(entry.data, entry.name, { compress: entry.compress ?? false })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  writeFileSync(path, Buffer.concat(chunks))
}

/** Replaces a name everywhere it appears in the archive's bytes (headers and directory); same length only. */
export function renameInPlace(path: string, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('same length only')
  const bytes = readFileSync(path)
  const needle = Buffer.from(from, 'latin1')
  let at = bytes.indexOf(needle)
  let found = 0
  while (at >= 0) {
    bytes.write(to, at, 'latin1')
    found++
    at = bytes.indexOf(needle, at + needle.length)
  }
  if (found === 0) throw new Error(`${from} not found`)
  writeFileSync(path, bytes)
}

export function flipByte(path: string, at: number): void {
  const bytes = readFileSync(path)
  bytes[at] = (bytes[at] ?? 0) ^ 0x5a
  writeFileSync(path, bytes)
}

/** A dexie-export-import-shaped export with a few rows, and its manifest summary. */
export function sampleExport(dir: string): {
  path: string
  sha256: string
  summary: { name: string; version: number; tables: Array<{ name: string; rows: number; sha256: string }> }
} {
  mkdirSync(dir, { recursive: true })
  const rows = Array.from({ length: 200 }, (_, i) => ({ id: `case-${i}`, ref: `LYON-2026-${i}`, text: 'é'.repeat(i) }))
  const json = JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'redress',
      databaseVersion: 2,
      tables: [{ name: 'cases', schema: 'id', rowCount: rows.length }],
      data: [{ tableName: 'cases', inbound: true, rows }],
    },
  })
  const path = join(dir, 'export.json')
  writeFileSync(path, json)
  return {
    path,
    sha256: sha256Of(json),
    summary: { name: 'redress', version: 2, tables: [{ name: 'cases', rows: rows.length, sha256: sha256Of('rows') }] },
  }
}
