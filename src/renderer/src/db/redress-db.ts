import Dexie, { type DexieOptions, type EntityTable } from 'dexie'
import type { CaseRecord } from '@shared/domain/case'

export const databaseName = 'redress'

/**
 * The case database in the renderer's IndexedDB. Versions only ever grow; a new
 * version(n).upgrade() is added only when data must move, each with its test.
 */
export class RedressDb extends Dexie {
  cases!: EntityTable<CaseRecord, 'id'>

  constructor(name: string = databaseName, options: DexieOptions = {}) {
    // 'strict' makes Chromium flush each transaction to disk before reporting
    // success: a laptop that loses power must not lose a signed intake form.
    super(name, { chromeTransactionDurability: 'strict', ...options })
    this.version(1).stores({
      cases: 'id, &ref, status, receivedAt, updatedAt',
    })
  }
}
