import { appendEntry, diffFields } from '@shared/domain/audit-chain'
import type { AuditEntry } from '@shared/domain/audit'
import { generateCases } from '@shared/sample/generate-cases'
import { summarize } from './cases-repo'
import type { RedressDb } from './redress-db'

/** Sample cases carry their own prefix, so they never collide with real references. */
export const samplePrefix = 'DEMO'
export const sampleAuthor = 'Sample data'

export interface SeedProgress {
  readonly done: number
  readonly total: number
}

/**
 * Loads `count` generated cases (with communications, the resolutions, surveys
 * and lessons of closed ones, and their audit entries) in chunks, one transaction per chunk so progress shows and a
 * cancel keeps what was already written consistent.
 */
export async function seedSampleCases(
  db: RedressDb,
  count: number,
  options: { signal?: AbortSignal; onProgress?: (progress: SeedProgress) => void; now?: Date; seed?: number } = {},
): Promise<number> {
  const counters = await db.counters.where('id').startsWith(`${samplePrefix}-`).toArray()
  const offset = counters.reduce((max, c) => Math.max(max, c.last), 0)
  const generated = generateCases({
    count,
    seed: options.seed ?? Date.now() % 2 ** 31,
    now: options.now ?? new Date(),
    prefix: samplePrefix,
    createdBy: sampleAuthor,
    numberOffset: offset,
  })
  const chunk = 1000
  let done = 0
  for (let start = 0; start < generated.length; start += chunk) {
    if (options.signal?.aborted) break
    const slice = generated.slice(start, start + chunk)
    await db.transaction(
      'rw',
      [db.cases, db.caseSummaries, db.communications, db.audit, db.counters, db.resolutions, db.surveys, db.lessons],
      async () => {
        const audit: AuditEntry[] = []
        for (const { record, resolution, survey, lessons } of slice) {
          // Each case's chain tells its story: created, then decided, surveyed, a lesson drawn.
          let last = appendEntry(null, {
            chain: record.id,
            at: record.createdAt,
            by: sampleAuthor,
            entity: 'case',
            entityId: record.id,
            action: 'created',
            changes: diffFields(null, record),
          })
          audit.push(last)
          const later: { entity: string; id: string; at: string; value: object }[] = []
          if (resolution)
            later.push({ entity: 'resolution', id: resolution.id, at: resolution.createdAt, value: resolution })
          if (survey) later.push({ entity: 'survey', id: survey.id, at: survey.createdAt, value: survey })
          for (const lesson of lessons)
            later.push({ entity: 'lesson', id: lesson.id, at: lesson.createdAt, value: lesson })
          later.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
          for (const item of later) {
            last = appendEntry(last, {
              chain: record.id,
              at: item.at,
              by: sampleAuthor,
              entity: item.entity,
              entityId: item.id,
              action: 'created',
              changes: diffFields(null, item.value),
            })
            audit.push(last)
          }
        }
        await db.cases.bulkAdd(slice.map((g) => g.record))
        await db.caseSummaries.bulkPut(slice.map((g) => summarize(g.record)))
        await db.communications.bulkAdd(slice.flatMap((g) => [...g.communications]))
        await db.resolutions.bulkAdd(slice.flatMap((g) => (g.resolution ? [g.resolution] : [])))
        await db.surveys.bulkAdd(slice.flatMap((g) => (g.survey ? [g.survey] : [])))
        await db.lessons.bulkAdd(slice.flatMap((g) => [...g.lessons]))
        await db.audit.bulkAdd(audit)
        // Highest number per year in this chunk, so new real cases never reuse a sample's reference.
        const highest = new Map<string, number>()
        for (const { record } of slice) {
          const [, year, n] = /^.+-(\d{4})-(\d+)$/.exec(record.ref) ?? []
          if (year && n) highest.set(year, Math.max(highest.get(year) ?? 0, Number(n)))
        }
        for (const [year, last] of highest) {
          const id = `${samplePrefix}-${year}`
          const current = await db.counters.get(id)
          if (!current || current.last < last) await db.counters.put({ id, last })
        }
      },
    )
    done += slice.length
    options.onProgress?.({ done, total: generated.length })
  }
  return done
}
