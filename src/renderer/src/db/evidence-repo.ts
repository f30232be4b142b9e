import { diffFields } from '@shared/domain/audit-chain'
import type { CaseId } from '@shared/domain/case'
import type { Bookmark, CustodyEntry, EvidenceId, EvidenceItem } from '@shared/domain/evidence'
import { newId } from '@shared/domain/ids'
import { appendAudit, type Actor } from './cases-repo'
import type { RedressDb } from './redress-db'

type NewCustody = Omit<CustodyEntry, 'id' | 'evidenceId' | 'caseId' | 'at' | 'by'> & { at?: string }

function custody(item: Pick<EvidenceItem, 'id' | 'caseId'>, actor: Actor, entry: NewCustody): CustodyEntry {
  return {
    id: newId<'custody'>(),
    evidenceId: item.id,
    caseId: item.caseId,
    at: entry.at ?? new Date().toISOString(),
    by: actor.name,
    action: entry.action,
    how: entry.how,
    result: entry.result,
    detail: entry.detail,
  }
}

/**
 * Records an item that main has just stored in the vault: the item, its first two
 * custody links (received, ingested) and the case's audit entry, in one transaction.
 */
export async function addEvidence(
  db: RedressDb,
  caseId: CaseId,
  actor: Actor,
  stored: {
    sha256: string
    size: number
    name: string
    type: EvidenceItem['type']
    receivedAt: string
    deduplicated: boolean
  },
  providedBy: string,
): Promise<EvidenceItem> {
  return db.transaction('rw', [db.evidence, db.custody, db.audit], async () => {
    const now = new Date().toISOString()
    const item: EvidenceItem = {
      id: newId<'evidence'>(),
      caseId,
      sha256: stored.sha256,
      name: stored.name,
      size: stored.size,
      type: stored.type,
      providedBy,
      acquiredAt: now,
      acquiredBy: actor.name,
      description: '',
      eventDate: null,
      reliability: 'unverified',
      reliabilityNote: '',
      bookmarks: [],
      createdAt: now,
      createdBy: actor.name,
    }
    await db.evidence.add(item)
    await db.custody.bulkAdd([
      custody(item, actor, {
        action: 'received',
        at: stored.receivedAt,
        how: 'file picked in the file dialog',
        result: null,
        detail: stored.name,
      }),
      custody(item, actor, {
        action: 'ingested',
        how: 'hashed (SHA-256) while copied into the vault',
        result: 'ok',
        detail: `sha256 ${stored.sha256}${stored.deduplicated ? ' (same bytes already in the vault)' : ''}`,
      }),
    ])
    await appendAudit(db, {
      chain: caseId,
      at: now,
      by: actor.name,
      entity: 'evidence',
      entityId: item.id,
      action: 'appended',
      changes: diffFields(null, item),
    })
    return item
  })
}

/** Appends a custody link (viewed, verified, exported). */
export async function recordCustody(
  db: RedressDb,
  item: EvidenceItem,
  actor: Actor,
  entry: NewCustody,
): Promise<CustodyEntry> {
  const link = custody(item, actor, entry)
  await db.custody.add(link)
  return link
}

/** Changes what the investigator says about an item (never its bytes or hash), audited. */
export async function updateEvidence(
  db: RedressDb,
  id: EvidenceId,
  actor: Actor,
  change: (item: EvidenceItem) => EvidenceItem,
): Promise<void> {
  await db.transaction('rw', [db.evidence, db.audit], async () => {
    const current = await db.evidence.get(id)
    if (!current) throw new Error(`No evidence ${id}`)
    const changed = change(current)
    // Identity and acquisition facts are fixed at ingest.
    const next: EvidenceItem = {
      ...changed,
      id: current.id,
      caseId: current.caseId,
      sha256: current.sha256,
      size: current.size,
      type: current.type,
      acquiredAt: current.acquiredAt,
      acquiredBy: current.acquiredBy,
    }
    const changes = diffFields(current, next)
    if (changes.length === 0) return
    await db.evidence.put(next)
    await appendAudit(db, {
      chain: current.caseId,
      at: new Date().toISOString(),
      by: actor.name,
      entity: 'evidence',
      entityId: id,
      action: 'updated',
      changes,
    })
  })
}

export function addBookmark(
  db: RedressDb,
  id: EvidenceId,
  actor: Actor,
  bookmark: Omit<Bookmark, 'at' | 'by'>,
): Promise<void> {
  return updateEvidence(db, id, actor, (item) => ({
    ...item,
    bookmarks: [...item.bookmarks, { ...bookmark, at: new Date().toISOString(), by: actor.name }].sort(
      (a, b) => a.atSeconds - b.atSeconds,
    ),
  }))
}
