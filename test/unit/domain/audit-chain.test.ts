import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../src/shared/domain/audit'
import {
  appendEntry,
  canonicalJson,
  diffFields,
  genesisHash,
  hashEntry,
  verifyChain,
} from '../../../src/shared/domain/audit-chain'
import { DomainError } from '../../../src/shared/domain/errors'

const caseId = '0190f1c2-7a3b-7c4d-8e5f-000000000001'

/** A chain of `n` entries for one case, as the repository would append them. */
function buildChain(n: number, chain = caseId): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let i = 1; i <= n; i++) {
    entries.push(
      appendEntry(entries.at(-1) ?? null, {
        chain,
        at: `2026-03-${String(10 + i).padStart(2, '0')}T09:00:00.000Z`,
        by: i % 2 ? 'Élodie Martin' : 'Nguyễn Văn Đức',
        entity: 'case',
        entityId: chain,
        action: i === 1 ? 'created' : 'updated',
        changes: [{ field: 'complaint', from: `version ${i - 1}`, to: `version ${i}` }],
      }),
    )
  }
  return entries
}

/** Rebuilds an entry with a fresh hash, as a tamperer who knows the scheme would. */
const rehash = (entry: AuditEntry): AuditEntry => {
  const { hash: _, ...rest } = entry
  return { ...rest, hash: hashEntry(rest) }
}

describe('canonicalJson', () => {
  it('sorts object keys recursively, whatever the insertion order', () => {
    const a = { b: 1, a: { d: [3, { y: 1, x: 2 }], c: 'x' } }
    const b = { a: { c: 'x', d: [3, { x: 2, y: 1 }] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"x":2,"y":1}]},"b":1}')
    expect(canonicalJson(b)).toBe(canonicalJson(a))
  })

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]')
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]))
  })

  it('omits undefined properties and writes undefined array items as null, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: null, c: 1 })).toBe('{"b":null,"c":1}')
    expect(canonicalJson([undefined, () => 1])).toBe('[null,null]')
    expect(canonicalJson({ f: () => 1, s: Symbol('s') })).toBe('{}')
  })

  it('agrees with JSON.stringify on primitives and escapes', () => {
    for (const value of ['Nguyễn "Đức"\n\u2028', 0, -0, 1.5, 1e21, true, false, null, Number.NaN, Infinity]) {
      expect(canonicalJson(value)).toBe(JSON.stringify(value))
    }
    expect(canonicalJson(undefined)).toBe('null')
  })

  it('honours toJSON (dates become ISO strings)', () => {
    expect(canonicalJson({ at: new Date('2026-03-29T01:00:00.000Z') })).toBe('{"at":"2026-03-29T01:00:00.000Z"}')
  })

  it('refuses what has no JSON form', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => canonicalJson(cyclic)).toThrow(DomainError)
    expect(() => canonicalJson({ n: 1n })).toThrow(DomainError)
  })

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 }
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}')
  })
})

describe('hashEntry and appendEntry', () => {
  it('starts every chain from 64 zeros', () => {
    expect(genesisHash).toBe('0'.repeat(64))
  })

  it('numbers the first entry 1 and links it to the genesis hash', () => {
    const [first] = buildChain(1)
    expect(first!.seq).toBe(1)
    expect(first!.prevHash).toBe(genesisHash)
    expect(first!.hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('hashes the canonical JSON of every field but the hash with SHA-256', () => {
    const [first] = buildChain(1)
    const { hash, ...rest } = first!
    const expected = createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex')
    expect(hash).toBe(expected)
    expect(hashEntry(rest)).toBe(expected)
  })

  it('is synchronous (usable inside an IndexedDB transaction)', () => {
    const [first] = buildChain(1)
    expect(typeof hashEntry(first!)).toBe('string')
  })

  it('ignores the hash itself and any property a store might add', () => {
    const [first] = buildChain(1)
    expect(hashEntry(first!)).toBe(first!.hash)
    expect(hashEntry({ ...first!, id: 42 } as unknown as AuditEntry)).toBe(first!.hash)
  })

  it('does not depend on key order (as IndexedDB might return it)', () => {
    const [first] = buildChain(1)
    const reordered = Object.fromEntries(Object.entries(first!).reverse()) as unknown as AuditEntry
    expect(hashEntry(reordered)).toBe(first!.hash)
  })

  it('numbers each entry after the previous one and links it', () => {
    const entries = buildChain(3)
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash)
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash)
    expect(new Set(entries.map((e) => e.hash)).size).toBe(3)
  })

  it('keeps only the fields of an audit entry', () => {
    const entry = appendEntry(null, {
      chain: 'settings',
      at: '2026-03-10T09:00:00.000Z',
      by: 'Иван',
      entity: 'profile',
      entityId: 'me',
      action: 'created',
      changes: [],
      extra: 'dropped',
    } as Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>)
    expect(Object.keys(entry).sort()).toEqual(
      ['action', 'at', 'by', 'chain', 'changes', 'entity', 'entityId', 'hash', 'prevHash', 'seq'].sort(),
    )
  })

  it('refuses to append to another chain', () => {
    const [first] = buildChain(1)
    let thrown: unknown
    try {
      appendEntry(first!, { ...first!, chain: 'settings' })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DomainError)
    expect((thrown as DomainError).code).toBe('wrong_chain')
  })
})

describe('verifyChain', () => {
  it('accepts an intact chain and counts it', () => {
    expect(verifyChain(buildChain(5))).toEqual({ ok: true, count: 5 })
  })

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0 })
  })

  it('sorts by seq itself', () => {
    const entries = buildChain(5)
    expect(verifyChain([entries[3]!, entries[0]!, entries[4]!, entries[2]!, entries[1]!])).toEqual({
      ok: true,
      count: 5,
    })
  })

  it('survives a storage round trip (structured clone, JSON)', () => {
    const entries = buildChain(5)
    expect(verifyChain(structuredClone(entries)).ok).toBe(true)
    expect(verifyChain(JSON.parse(JSON.stringify(entries)) as AuditEntry[]).ok).toBe(true)
  })

  it('detects one character edited in the changes of an entry, at that entry', () => {
    const entries = buildChain(5)
    const e = entries[2]!
    entries[2] = { ...e, changes: [{ ...e.changes[0]!, to: 'version 4' }] }
    expect(verifyChain(entries)).toEqual({ ok: false, count: 5, firstBroken: 3, reason: 'hash_mismatch' })
  })

  it.each([
    ['at', '2026-03-13T09:00:00.001Z'],
    ['by', 'Elodie Martin'],
    ['action', 'created'],
    ['entity', 'communication'],
    ['entityId', 'other'],
  ] as const)('detects an edited %s', (field, value) => {
    const entries = buildChain(5)
    entries[1] = { ...entries[1]!, [field]: value }
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 2, reason: 'hash_mismatch' })
  })

  it('detects an edited entry whose hash was recomputed, at the next entry', () => {
    const entries = buildChain(5)
    entries[1] = rehash({ ...entries[1]!, by: 'Someone else' })
    expect(verifyChain(entries)).toEqual({ ok: false, count: 5, firstBroken: 3, reason: 'broken_link' })
  })

  it('detects an edited prevHash', () => {
    const entries = buildChain(5)
    entries[3] = rehash({ ...entries[3]!, prevHash: genesisHash })
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 4, reason: 'broken_link' })
  })

  it('detects the deletion of entry 3 of 5, at seq 4', () => {
    const entries = buildChain(5)
    entries.splice(2, 1)
    expect(verifyChain(entries)).toEqual({ ok: false, count: 4, firstBroken: 4, reason: 'sequence_gap' })
  })

  it('detects the deletion of entry 3 even when later entries were renumbered and rehashed', () => {
    const entries = buildChain(5)
    entries.splice(2, 1)
    entries[2] = rehash({ ...entries[2]!, seq: 3 })
    entries[3] = rehash({ ...entries[3]!, seq: 4 })
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 3, reason: 'broken_link' })
  })

  it('detects the deletion of the first entry', () => {
    const entries = buildChain(3).slice(1)
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 2, reason: 'sequence_gap' })
  })

  it('detects two entries that swapped places (their seq edited)', () => {
    const entries = buildChain(5)
    const [a, b] = [entries[1]!, entries[2]!]
    entries[1] = { ...b, seq: 2 }
    entries[2] = { ...a, seq: 3 }
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 2, reason: 'hash_mismatch' })
  })

  it('detects two entries that swapped places with recomputed hashes', () => {
    const entries = buildChain(5)
    const [a, b] = [entries[1]!, entries[2]!]
    entries[1] = rehash({ ...b, seq: 2 })
    entries[2] = rehash({ ...a, seq: 3 })
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 2, reason: 'broken_link' })
  })

  it('detects a duplicated entry', () => {
    const entries = buildChain(4)
    entries.splice(2, 0, entries[2]!)
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 3, reason: 'sequence_gap' })
  })

  it('detects an entry of another chain', () => {
    const entries = buildChain(5)
    entries[3] = buildChain(5, 'settings')[3]!
    expect(verifyChain(entries)).toEqual({ ok: false, count: 5, firstBroken: 4, reason: 'wrong_chain' })
  })

  it('detects an entry moved to another chain with recomputed hash', () => {
    const entries = buildChain(5)
    entries[3] = rehash({ ...entries[3]!, chain: 'settings' })
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 4, reason: 'wrong_chain' })
  })

  it('reports the position when the seq itself is unusable', () => {
    const entries = buildChain(3)
    entries[2] = { ...entries[2]!, seq: Number.NaN }
    expect(verifyChain(entries)).toMatchObject({ ok: false, firstBroken: 3 })
  })
})

describe('diffFields', () => {
  const before = {
    id: 'c1',
    status: 'triage',
    customer: { name: 'Élodie Martin', phone: '', email: 'e@example.fr' },
    triage: null as null | { severity: string; criteria: string[] },
    escalations: [] as Array<{ to: string }>,
    acknowledgedAt: null as string | null,
  }

  it('lists nothing when nothing changed', () => {
    expect(diffFields(before, structuredClone(before))).toEqual([])
  })

  it('lists changed leaves with dotted paths, old and new', () => {
    const after = { ...before, status: 'investigation', customer: { ...before.customer, phone: '06 12 34 56 78' } }
    expect(diffFields(before, after)).toEqual([
      { field: 'status', from: 'triage', to: 'investigation' },
      { field: 'customer.phone', from: '', to: '06 12 34 56 78' },
    ])
  })

  it('compares and records arrays whole', () => {
    const after = { ...before, escalations: [{ to: 'manager' }] }
    expect(diffFields(before, after)).toEqual([{ field: 'escalations', from: [], to: [{ to: 'manager' }] }])
    expect(diffFields(after, { ...after, escalations: [{ to: 'manager' }] })).toEqual([])
  })

  it('records an object set from null field by field', () => {
    const after = { ...before, triage: { severity: 'major', criteria: ['legal'] } }
    expect(diffFields(before, after)).toEqual([
      { field: 'triage.severity', from: null, to: 'major' },
      { field: 'triage.criteria', from: null, to: ['legal'] },
    ])
  })

  it('records an object set back to null field by field', () => {
    const withTriage = { ...before, triage: { severity: 'major', criteria: ['legal'] } }
    expect(diffFields(withTriage, before)).toEqual([
      { field: 'triage.severity', from: 'major', to: null },
      { field: 'triage.criteria', from: ['legal'], to: null },
    ])
  })

  it('records removed and added fields, missing as null', () => {
    expect(diffFields({ a: 1, b: 2 }, { b: 2, c: 3 })).toEqual([
      { field: 'c', from: null, to: 3 },
      { field: 'a', from: 1, to: null },
    ])
    expect(diffFields({ a: undefined }, { a: null })).toEqual([])
  })

  it('ignores key order', () => {
    expect(diffFields({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([])
  })

  it('treats dates as values', () => {
    expect(diffFields({ at: new Date('2026-01-01T00:00:00Z') }, { at: new Date('2026-01-02T00:00:00Z') })).toEqual([
      { field: 'at', from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') },
    ])
  })

  it('lists every non-empty leaf of a created record, from null', () => {
    expect(diffFields(null, before)).toEqual([
      { field: 'id', from: null, to: 'c1' },
      { field: 'status', from: null, to: 'triage' },
      { field: 'customer.name', from: null, to: 'Élodie Martin' },
      { field: 'customer.email', from: null, to: 'e@example.fr' },
    ])
  })

  it('keeps 0 and false in a created record', () => {
    expect(diffFields(null, { n: 0, b: false, s: '', u: undefined })).toEqual([
      { field: 'n', from: null, to: 0 },
      { field: 'b', from: null, to: false },
    ])
  })

  it('gives changes that can go straight into a chain and verify', () => {
    const changes = diffFields(before, { ...before, status: 'declined', acknowledgedAt: '2026-03-10T09:00:00.000Z' })
    const entry = appendEntry(null, {
      chain: caseId,
      at: '2026-03-10T09:00:00.000Z',
      by: 'Élodie Martin',
      entity: 'case',
      entityId: caseId,
      action: 'status',
      changes,
    })
    expect(verifyChain([structuredClone(entry)])).toEqual({ ok: true, count: 1 })
  })
})
