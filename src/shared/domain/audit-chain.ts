import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { AuditEntry, FieldChange } from './audit'
import { DomainError } from './errors'

/**
 * The same value always gives the same text, whatever order its keys were built
 * in or came back from IndexedDB: object keys sorted (by UTF-16 code units),
 * arrays in order, undefined properties, functions and symbols omitted, as
 * JSON.stringify does (so toJSON, e.g. of a Date, is honoured). Throws on cycles
 * and bigints, which have no JSON form.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null'
}

function write(value: unknown, ancestors: Set<object>): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON()
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      // NaN and the infinities become null, as in JSON.stringify.
      return JSON.stringify(value)
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined
    case 'bigint':
      throw new DomainError('not_json', 'A bigint has no JSON form.')
  }
  if (value === null) return 'null'
  const object = value as object
  if (ancestors.has(object)) throw new DomainError('not_json', 'A value that contains itself has no JSON form.')
  ancestors.add(object)
  let text: string
  if (Array.isArray(object)) {
    text = `[${object.map((item: unknown) => write(item, ancestors) ?? 'null').join(',')}]`
  } else {
    const members: string[] = []
    for (const key of Object.keys(object).sort()) {
      const member = write((object as Record<string, unknown>)[key], ancestors)
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`)
    }
    text = `{${members.join(',')}}`
  }
  ancestors.delete(object)
  return text
}

/** prevHash of the first entry of every chain. */
export const genesisHash = '0'.repeat(64)

/**
 * The fields a hash covers: every field of AuditEntry but the hash itself, named
 * so that extra properties a store may add are ignored rather than breaking
 * verification. The check below fails to compile if AuditEntry gains a field
 * that is not listed here.
 */
const hashedFields = ['chain', 'seq', 'at', 'by', 'entity', 'entityId', 'action', 'changes', 'prevHash'] as const
type UnhashedField = Exclude<keyof AuditEntry, (typeof hashedFields)[number] | 'hash'>
const _everyFieldHashed: [UnhashedField] extends [never] ? true : UnhashedField = true

/**
 * The SHA-256 (hex) of an entry's canonical JSON, without its hash. Synchronous on
 * purpose: entries are appended inside the Dexie transaction that makes the
 * change, and awaiting WebCrypto's digest there would let IndexedDB commit the
 * transaction before the entry is written.
 */
export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const hashed: Record<string, unknown> = {}
  for (const field of hashedFields) hashed[field] = entry[field]
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(hashed))))
}

/**
 * The next entry of a chain (`previous` null for the first): numbered, linked to
 * the previous entry's hash and hashed itself. Throws if `previous` belongs to
 * another chain, which would splice two histories together.
 */
export function appendEntry(
  previous: AuditEntry | null,
  fields: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>,
): AuditEntry {
  if (previous && previous.chain !== fields.chain) {
    throw new DomainError('wrong_chain', `Cannot append to chain ${fields.chain} after an entry of ${previous.chain}.`)
  }
  const entry: Omit<AuditEntry, 'hash'> = {
    chain: fields.chain,
    seq: previous ? previous.seq + 1 : 1,
    at: fields.at,
    by: fields.by,
    entity: fields.entity,
    entityId: fields.entityId,
    action: fields.action,
    changes: fields.changes,
    prevHash: previous ? previous.hash : genesisHash,
  }
  return { ...entry, hash: hashEntry(entry) }
}

/** Why a chain failed verification, for the history panel to explain. */
export type ChainBreak = 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'wrong_chain'

/** Verdict on a chain; firstBroken is the seq of the first bad entry (its position + 1 if its seq is unusable). */
export type ChainVerdict =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly count: number; readonly firstBroken: number; readonly reason: ChainBreak }

/**
 * Checks a whole chain (the entries of one chain; any order, they are sorted by
 * seq) and reports the first entry that breaks it; count is the number of
 * entries given. An edited entry fails its own hash; an edited entry whose hash
 * was recomputed breaks the next entry's link; a deleted entry leaves a gap in
 * the numbering. Editing the last entry and recomputing its hash, or cutting the
 * tail, is only seen against a copy of the last hash kept elsewhere (a signed
 * export).
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  const count = entries.length
  const sorted = [...entries].sort((a, b) => a.seq - b.seq)
  const chain = sorted[0]?.chain
  let previous: AuditEntry | null = null
  for (const [index, entry] of sorted.entries()) {
    const broken = (reason: ChainBreak): ChainVerdict => ({
      ok: false,
      count,
      firstBroken: Number.isSafeInteger(entry.seq) && entry.seq > 0 ? entry.seq : index + 1,
      reason,
    })
    if (entry.chain !== chain) return broken('wrong_chain')
    if (entry.seq !== index + 1) return broken('sequence_gap')
    if (hashEntry(entry) !== entry.hash) return broken('hash_mismatch')
    if (entry.prevHash !== (previous ? previous.hash : genesisHash)) return broken('broken_link')
    previous = entry
  }
  return { ok: true, count }
}

/**
 * What changed between two versions of a record, as "field, old → new" for the
 * audit trail: dotted paths to leaf values, objects recursed, arrays compared
 * (and recorded) whole. A missing or undefined value is recorded as null, so
 * every change is plain JSON. For a new record (before null) every non-empty
 * leaf is listed, from null.
 */
export function diffFields(before: object | null, after: object): FieldChange[] {
  const next = flatten(after)
  if (before === null) {
    return [...next].filter(([, value]) => !isEmpty(value)).map(([field, to]) => ({ field, from: null, to }))
  }
  const previous = flatten(before)
  const changes: FieldChange[] = []
  const compare = (field: string): void => {
    const from = previous.get(field) ?? null
    const to = next.get(field) ?? null
    if (canonicalJson(from) !== canonicalJson(to)) changes.push({ field, from, to })
  }
  for (const field of next.keys()) compare(field)
  for (const field of previous.keys()) if (!next.has(field)) compare(field)
  return changes
}

/** Leaf values by dotted path, in the record's own field order. */
function flatten(value: object): Map<string, unknown> {
  const leaves = new Map<string, unknown>()
  const visit = (node: object, prefix: string): void => {
    for (const [key, child] of Object.entries(node)) {
      const path = prefix === '' ? key : `${prefix}.${key}`
      if (isPlainObject(child)) visit(child, path)
      else leaves.set(path, child)
    }
  }
  visit(value, '')
  return leaves
}

/** Objects to recurse into; arrays, dates and other class instances are leaves. */
function isPlainObject(value: unknown): value is object {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}
