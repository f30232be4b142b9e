import { describe, expect, it } from 'vitest'
import { caseStatuses, channels, type CaseRecord } from '../../../src/shared/domain/case'
import { isId } from '../../../src/shared/domain/ids'
import { compensationKinds, outcomes, rootCauseCategories } from '../../../src/shared/domain/resolution'
import { lessonAreas, lessonStatuses } from '../../../src/shared/domain/review'
import {
  generateCases,
  mulberry32,
  sampleDepartments,
  sampleInvestigators,
  sampleStaff,
  uuidV7FromRandom,
  type GeneratedCase,
  type GenerateOptions,
} from '../../../src/shared/sample/generate-cases'

const DAY = 86_400_000
const now = new Date('2026-03-15T10:00:00.000Z')
const options: GenerateOptions = { count: 600, seed: 20260315, now, prefix: 'LYON', createdBy: 'Sample data' }
const cases = generateCases(options)
const records = cases.map((c) => c.record)

const ms = (iso: string): number => Date.parse(iso)
/** Milliseconds held in a UUIDv7's first 48 bits. */
const idTime = (id: string): number => parseInt(id.replace(/-/g, '').slice(0, 12), 16)
const open = new Set(['intake', 'triage', 'investigation', 'resolution'])
const byLanguage = (language: string): CaseRecord[] => records.filter((r) => r.customer.language === language)

describe('generateCases: determinism and counts', () => {
  it('gives the same cases for the same seed, ids included', () => {
    expect(generateCases({ ...options, count: 80 })).toEqual(generateCases({ ...options, count: 80 }))
  })

  it('gives different cases for different seeds', () => {
    const a = generateCases({ ...options, count: 50, seed: 1 })
    const b = generateCases({ ...options, count: 50, seed: 2 })
    expect(a.map((c) => c.record.complaint)).not.toEqual(b.map((c) => c.record.complaint))
    expect(a.map((c) => c.record.id)).not.toEqual(b.map((c) => c.record.id))
  })

  it('makes exactly the number of cases asked for, zero included', () => {
    expect(generateCases({ ...options, count: 0 })).toEqual([])
    expect(generateCases({ ...options, count: 37 })).toHaveLength(37)
    expect(cases).toHaveLength(600)
  })

  it('refuses options it cannot honour', () => {
    expect(() => generateCases({ ...options, count: -1 })).toThrow(RangeError)
    expect(() => generateCases({ ...options, count: 1.5 })).toThrow(RangeError)
    expect(() => generateCases({ ...options, now: new Date(Number.NaN) })).toThrow(RangeError)
    expect(() => generateCases({ ...options, prefix: '' })).toThrow(RangeError)
  })
})

describe('generateCases: references and ids', () => {
  it('numbers references per year in receipt order, unique, four digits at least', () => {
    const refs = new Set<string>()
    const lastPerYear = new Map<string, number>()
    let previous = 0
    for (const r of records) {
      const match = /^LYON-(\d{4})-(\d{4,})$/.exec(r.ref)
      expect(match, r.ref).not.toBeNull()
      const [, year, number] = match as RegExpExecArray
      expect(year).toBe(r.receivedAt.slice(0, 4))
      expect(Number(number)).toBe((lastPerYear.get(year as string) ?? 0) + 1)
      lastPerYear.set(year as string, Number(number))
      expect(ms(r.receivedAt)).toBeGreaterThanOrEqual(previous)
      previous = ms(r.receivedAt)
      refs.add(r.ref)
    }
    expect(refs.size).toBe(records.length)
  })

  it('continues numbering after an offset', () => {
    const second = generateCases({ ...options, count: 60, seed: 9, numberOffset: 600 })
    const firstOfYear = new Map<string, string>()
    for (const { record } of second)
      if (!firstOfYear.has(record.ref.slice(5, 9))) firstOfYear.set(record.ref.slice(5, 9), record.ref)
    for (const [year, ref] of firstOfYear) expect(ref).toBe(`LYON-${year}-0601`)
  })

  it('uses valid, unique UUIDv7 ids stamped with the moment they describe', () => {
    const ids = new Set<string>()
    for (const { record, communications } of cases) {
      expect(isId(record.id)).toBe(true)
      expect(idTime(record.id)).toBe(ms(record.receivedAt))
      ids.add(record.id)
      for (const c of communications) {
        expect(isId(c.id)).toBe(true)
        expect(idTime(c.id)).toBe(ms(c.at))
        expect(c.caseId).toBe(record.id)
        ids.add(c.id)
      }
    }
    expect(ids.size).toBe(cases.reduce((n, c) => n + 1 + c.communications.length, 0))
  })

  it('exports a reproducible, sortable UUIDv7 helper', () => {
    const a = uuidV7FromRandom(1_700_000_000_000, mulberry32(1))
    expect(a).toBe(uuidV7FromRandom(1_700_000_000_000, mulberry32(1)))
    expect(isId(a)).toBe(true)
    expect(idTime(a)).toBe(1_700_000_000_000)
    expect(uuidV7FromRandom(1_700_000_000_001, mulberry32(99)) > a).toBe(true)
  })
})

describe('generateCases: every record is consistent', () => {
  it('receives cases over the 18 months before now, from known people and places', () => {
    for (const r of records) {
      expect(ms(r.receivedAt)).toBeLessThan(now.getTime())
      expect(ms(r.receivedAt)).toBeGreaterThan(now.getTime() - 550 * DAY)
      expect(caseStatuses).toContain(r.status)
      expect(channels).toContain(r.channel)
      expect(sampleDepartments).toContain(r.department)
      expect(sampleStaff.map((s) => s.name)).toContain(r.receivedBy)
      expect(sampleInvestigators.map((s) => s.name)).toContain(r.assignee)
      expect(r.signature).toBeNull()
      expect(r.createdAt).toBe(r.receivedAt)
      expect(r.createdBy).toBe('Sample data')
    }
    expect(new Set(records.map((r) => r.channel)).size).toBe(channels.length)
    expect(new Set(records.map((r) => r.department)).size).toBeGreaterThanOrEqual(8)
  })

  it('dates the event before the receipt, truncated to its precision', () => {
    const patterns = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }
    const precisions = new Set<string>()
    for (const r of records) {
      expect(r.eventDate.value).toMatch(patterns[r.eventDate.precision])
      expect(r.eventDate.value <= r.receivedAt.slice(0, r.eventDate.value.length)).toBe(true)
      precisions.add(r.eventDate.precision)
    }
    expect(precisions).toEqual(new Set(['day', 'month', 'year']))
  })

  it('sets service-level dates from the receipt and the severity', () => {
    for (const r of records) {
      expect(ms(r.due.acknowledge)).toBe(ms(r.receivedAt) + DAY)
      if (r.triage === null) expect(r.due.resolve).toBeNull()
      else expect(ms(r.due.resolve as string)).toBe(ms(r.receivedAt) + (r.triage.severity === 'major' ? 10 : 30) * DAY)
    }
  })

  it('has a triage exactly when the case is past triage, with a reason for every decline', () => {
    for (const r of records) {
      expect(r.triage === null, `${r.ref} ${r.status}`).toBe(r.status === 'intake' || r.status === 'triage')
      if (r.triage === null) {
        expect(r.escalations).toEqual([])
        continue
      }
      expect(r.triage.reason.length).toBeGreaterThan(10)
      expect(ms(r.triage.decidedAt)).toBeGreaterThanOrEqual(ms(r.receivedAt))
      expect(ms(r.triage.decidedAt)).toBeLessThanOrEqual(now.getTime())
      if (r.status === 'declined') {
        expect(r.triage.decision).toBe('decline')
        expect(r.triage.declineReason).not.toBeNull()
      } else {
        expect(r.triage.decision).toBe('investigate')
        expect(r.triage.declineReason).toBeNull()
      }
      if (r.triage.severity === 'major')
        expect(r.triage.criteria.some((c) => c === 'legal' || c === 'safety' || c === 'financial')).toBe(true)
      for (const e of r.escalations) {
        expect(r.triage.severity).toBe('major')
        expect(ms(e.at)).toBeGreaterThanOrEqual(ms(r.triage.decidedAt))
        expect(ms(e.at)).toBeLessThanOrEqual(now.getTime())
        expect(e.reason.length).toBeGreaterThan(10)
      }
    }
    expect(records.some((r) => r.escalations.length > 0)).toBe(true)
  })

  it('closes exactly the closed and declined cases, and keeps every date in order', () => {
    for (const r of records) {
      expect(r.closedAt !== null).toBe(r.status === 'closed' || r.status === 'declined')
      const times = [r.acknowledgedAt, r.closedAt, r.triage?.decidedAt ?? null, ...r.escalations.map((e) => e.at)]
      for (const t of times) {
        if (t === null) continue
        expect(ms(t)).toBeGreaterThanOrEqual(ms(r.receivedAt))
        expect(ms(t)).toBeLessThanOrEqual(ms(r.updatedAt))
      }
      expect(ms(r.updatedAt)).toBeLessThanOrEqual(now.getTime())
      if (r.status === 'intake') expect(r.acknowledgedAt).toBeNull()
    }
  })

  it('logs the acknowledgement, the updates and the decision the record implies', () => {
    for (const { record: r, communications } of cases) {
      const acks = communications.filter((c) => c.kind === 'acknowledgement')
      const decisions = communications.filter((c) => c.kind === 'decision')
      expect(acks.map((c) => c.at)).toEqual(r.acknowledgedAt === null ? [] : [r.acknowledgedAt])
      expect(decisions.map((c) => c.at)).toEqual(r.closedAt === null ? [] : [r.closedAt])
      for (const c of communications) {
        expect(ms(c.at)).toBeGreaterThanOrEqual(ms(r.receivedAt))
        expect(ms(c.at)).toBeLessThanOrEqual(ms(r.updatedAt))
        expect(c.createdAt).toBe(c.at)
        expect(c.createdBy).toBe('Sample data')
        expect(c.content.length).toBeGreaterThan(20)
      }
    }
  })
})

describe('generateCases: a realistic population', () => {
  it('speaks the four languages in roughly the intended shares', () => {
    const sample = records.slice(0, 200)
    expect(new Set(sample.map((r) => r.customer.language))).toEqual(new Set(['fr', 'vi', 'ru', 'en']))
    const share = (language: string): number => byLanguage(language).length / records.length
    expect(share('fr')).toBeGreaterThan(0.3)
    expect(share('fr')).toBeLessThan(0.5)
    expect(share('vi')).toBeGreaterThan(0.17)
    expect(share('ru')).toBeGreaterThan(0.13)
    expect(share('en')).toBeGreaterThan(0.08)
  })

  it('writes complaints and remedies in the customer’s own script, of a readable length', () => {
    const scripts: Record<string, RegExp> = {
      fr: /[éèêàâçùîôœ]/,
      vi: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/,
      ru: /[а-яё]/i,
    }
    for (const r of records) {
      expect(r.complaint.length, r.complaint).toBeGreaterThanOrEqual(90)
      expect(r.complaint.length, r.complaint).toBeLessThanOrEqual(700)
      expect(r.complaint).not.toMatch(/undefined|NaN|\$\{|\.\./)
      expect(r.remedy).not.toMatch(/undefined|NaN|\$\{|\.\./)
      const script = scripts[r.customer.language]
      if (script) {
        expect(r.complaint, r.complaint).toMatch(script)
        // A French remedy can be accent-free ("Le remboursement de 49 € sur ma carte bancaire.").
        if (r.customer.language !== 'fr') expect(r.remedy, r.remedy).toMatch(script)
      } else expect(r.complaint).toMatch(/^[\x20-\x7e£€áéíóú’]+$/)
    }
    const french = byLanguage('fr')
    expect(french.filter((r) => /[éèêàâçùîôœ]/.test(r.remedy)).length / french.length).toBeGreaterThan(0.5)
    expect(new Set(records.map((r) => r.complaint)).size).toBe(records.length)
  })

  it('gives names with their diacritics and contact details in local formats', () => {
    expect(byLanguage('fr').some((r) => /[ÉéèëïçÀ-ÿ]/.test(r.customer.name))).toBe(true)
    expect(byLanguage('vi').some((r) => /Nguyễn|Trần|Đ|ư|ơ/.test(r.customer.name))).toBe(true)
    expect(byLanguage('ru').every((r) => /[А-ЯЁа-яё]/.test(r.customer.name))).toBe(true)
    const phones: Record<string, RegExp> = {
      fr: /^(\+33 [1-9]|0[1-9])/,
      vi: /^(\+84 |0)[3789]/,
      ru: /^(\+7|8)/,
      en: /^(\+44 |\+353 |0)/,
    }
    const cities: Record<string, RegExp> = {
      fr: /\n\d{5} \S/,
      vi: /Hà Nội|TP\. Hồ Chí Minh|Đà Nẵng/,
      ru: /Москва|Санкт-Петербург/,
      en: /[A-Z]{1,2}\d{1,2} \d[A-Z]{2}|[A-Z]\d{2} [A-Z0-9]{4}/,
    }
    for (const r of records) {
      expect(r.customer.phone, r.customer.phone).toMatch(phones[r.customer.language] as RegExp)
      expect(r.customer.address, r.customer.address).toMatch(cities[r.customer.language] as RegExp)
      expect(r.customer.email, r.customer.email).toMatch(/^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}$/i)
    }
  })

  it('has some customers complain more than once, sometimes written differently', () => {
    const byPhone = new Map<string, Set<string>>()
    for (const r of records) {
      // Compare the last nine digits: +33 6… and 06… are the same number.
      const digits = r.customer.phone.replace(/\D/g, '').slice(-9)
      byPhone.set(digits, (byPhone.get(digits) ?? new Set()).add(r.customer.phone + r.customer.name + r.customer.email))
    }
    const repeats = [...byPhone.values()]
    const sample200 = new Set(records.slice(0, 200).map((r) => r.customer.phone.replace(/\D/g, '').slice(-9)))
    expect(sample200.size).toBeLessThan(200)
    expect(repeats.filter((s) => s.size > 1).length).toBeGreaterThan(0)
    expect(records.some((r) => r.triage?.declineReason === 'duplicate')).toBe(true)
  })

  it('closes most old cases and keeps recent ones open, with intake rare', () => {
    const old = records.filter((r) => ms(r.receivedAt) < now.getTime() - 120 * DAY)
    const recent = records.filter((r) => ms(r.receivedAt) > now.getTime() - 7 * DAY)
    expect(old.filter((r) => !open.has(r.status)).length / old.length).toBeGreaterThan(0.9)
    expect(recent.filter((r) => open.has(r.status)).length / recent.length).toBeGreaterThan(0.7)
    expect(records.filter((r) => r.status === 'intake').length / records.length).toBeLessThan(0.03)
    for (const status of caseStatuses.filter((s) => s !== 'intake'))
      expect(records.some((r) => r.status === status)).toBe(true)
  })

  it('shows open work at every stage even in a sample of a few dozen', () => {
    const sample: readonly GeneratedCase[] = generateCases({ ...options, count: 40, seed: 7 })
    const statuses = new Set(sample.map((c) => c.record.status))
    expect(statuses.has('closed')).toBe(true)
    expect([...statuses].filter((s) => open.has(s)).length).toBeGreaterThanOrEqual(2)
    expect(new Set(sample.map((c) => c.record.customer.language)).size).toBe(4)
  })
})

describe('generateCases: resolutions, surveys and lessons for the review', () => {
  const closed = cases.filter((c) => c.record.status === 'closed')

  it('decides every closed case and no other, when the case was in resolution', () => {
    for (const { record, resolution } of cases) {
      expect(resolution !== null, `${record.ref} ${record.status}`).toBe(record.status === 'closed')
      if (!resolution) continue
      expect(resolution.caseId).toBe(record.id)
      expect(isId(resolution.id)).toBe(true)
      expect(idTime(resolution.id)).toBe(ms(resolution.decidedAt))
      expect(ms(resolution.decidedAt)).toBeGreaterThan(ms(record.triage?.decidedAt ?? ''))
      expect(ms(resolution.decidedAt)).toBeLessThanOrEqual(ms(record.closedAt ?? ''))
      expect(resolution.decidedBy).toBe(record.assignee)
      expect(outcomes).toContain(resolution.outcome)
      expect(rootCauseCategories).toContain(resolution.rootCause.category)
      expect(resolution.rootCause.text.length).toBeGreaterThan(20)
      expect(resolution.decision.length).toBeGreaterThan(20)
    }
    const causes = new Set(closed.map((c) => c.resolution?.rootCause.category))
    expect(causes.size).toBeGreaterThanOrEqual(8)
    expect(new Set(closed.map((c) => c.resolution?.outcome))).toEqual(new Set(outcomes))
  })

  it('compensates in the customer’s currency: euros in France and Ireland, pounds in the UK, dong, roubles', () => {
    const currencies = new Map<string, Set<string>>()
    for (const { record, resolution } of closed) {
      for (const item of resolution?.compensation ?? []) {
        expect(compensationKinds).toContain(item.kind)
        const money = item.kind === 'refund' || item.kind === 'credit' || item.kind === 'replacement'
        expect(item.amount !== null, item.kind).toBe(money)
        expect(item.currency !== null).toBe(money)
        if (!money || item.currency === null) continue
        expect(item.amount).toBeGreaterThan(0)
        // An Irish address ends with an Eircode (D02 X285), a British one with a postcode (SW1A 1AA).
        const where =
          record.customer.language === 'en'
            ? /\b[A-Z]\d{2} [A-Z0-9]{4}\b/.test(record.customer.address)
              ? 'ie'
              : 'uk'
            : ''
        const key = `${record.customer.language}${where ? `-${where}` : ''}`
        currencies.set(key, (currencies.get(key) ?? new Set()).add(item.currency))
      }
    }
    expect(currencies.get('fr')).toEqual(new Set(['EUR']))
    expect(currencies.get('vi')).toEqual(new Set(['VND']))
    expect(currencies.get('ru')).toEqual(new Set(['RUB']))
    expect(currencies.get('en-uk')).toEqual(new Set(['GBP']))
    expect(currencies.get('en-ie')).toEqual(new Set(['EUR']))
  })

  it('records the survey of some closed cases, after closure, in the customer’s language', () => {
    const surveyed = closed.filter((c) => c.survey !== null)
    expect(surveyed.length / closed.length).toBeGreaterThan(0.25)
    expect(surveyed.length / closed.length).toBeLessThan(0.5)
    for (const { record, survey } of cases) {
      if (!survey) continue
      expect(record.status).toBe('closed')
      expect(survey.caseId).toBe(record.id)
      expect(survey.language).toBe(record.customer.language)
      expect(ms(survey.at)).toBeGreaterThan(ms(record.closedAt ?? ''))
      expect(ms(survey.at)).toBeLessThanOrEqual(now.getTime())
      expect([1, 2, 3, 4, 5]).toContain(survey.satisfaction)
      if (survey.comment && record.customer.language === 'ru') expect(survey.comment).toMatch(/[а-яё]/i)
    }
    // Customers who got what they asked for are happier than those who did not.
    const mean = (outcome: string): number => {
      const s = surveyed
        .filter((c) => c.resolution?.outcome === outcome)
        .map((c): number => c.survey?.satisfaction ?? 0)
      return s.reduce((a, b) => a + b, 0) / s.length
    }
    expect(mean('upheld')).toBeGreaterThan(mean('not_upheld') + 1.5)
  })

  it('draws a few lessons from closed cases, each with an area, an owner and a status that fits its age', () => {
    const lessons = cases.flatMap((c) => c.lessons.map((lesson) => ({ lesson, record: c.record })))
    expect(lessons.length).toBeGreaterThan(5)
    expect(lessons.length).toBeLessThan(closed.length / 4)
    for (const { lesson, record } of lessons) {
      expect(record.status).toBe('closed')
      expect(lesson.caseId).toBe(record.id)
      expect(lessonAreas).toContain(lesson.area)
      expect(lessonStatuses).toContain(lesson.status)
      expect(sampleInvestigators.map((s) => s.name)).toContain(lesson.owner)
      expect(lesson.text.length).toBeGreaterThan(20)
      expect(ms(lesson.createdAt)).toBeGreaterThanOrEqual(ms(record.closedAt ?? ''))
      expect(ms(lesson.updatedAt)).toBeGreaterThanOrEqual(ms(lesson.createdAt))
      expect(ms(lesson.updatedAt)).toBeLessThanOrEqual(now.getTime())
    }
    expect(new Set(lessons.map((l) => l.lesson.status)).size).toBeGreaterThanOrEqual(3)
  })
})
