import type { ApproximateDate, CommunicationChannel, DeclineReason, EscalationTarget } from '../domain/case'
import type { Language } from '../i18n/languages'
import { chance, pick, type Rng } from './prng'

/**
 * What a complaint is about. Finer than the product's topics because the words
 * differ: a fall in a store and an overheating kettle are both safety incidents.
 */
export const scenarios = [
  'delivery_late',
  'delivery_damaged',
  'billing_double',
  'billing_wrong',
  'staff_rude',
  'defect',
  'refund_refused',
  'safety_fall',
  'safety_overheat',
  'privacy',
  'warranty',
] as const
export type Scenario = (typeof scenarios)[number]

export const productKeys = [
  'washer',
  'fridge',
  'laptop',
  'phone',
  'tv',
  'vacuum',
  'microwave',
  'coffee',
  'kettle',
  'heater',
  'sofa',
  'mattress',
  'printer',
  'speaker',
  'hairdryer',
  'scooter',
] as const
export type ProductKey = (typeof productKeys)[number]

export type StaffRole = 'sales' | 'cashier' | 'security' | 'driver' | 'manager' | 'agent' | 'technician'

/** The shop a complaint about a visit refers to. */
export type StoreKey = 'lyon' | 'hanoi' | 'hcmc' | 'moscow'

/** Where a customer lives: picks the nearest store and, in English, pounds or euros. */
export type Region = 'fr' | 'hanoi' | 'hcmc' | 'danang' | 'moscow' | 'spb' | 'uk' | 'ie'

export type RemedyKind = 'refund' | 'replacement' | 'apology' | 'compensation' | 'repair'

/** How a closed case ended for the customer. */
export type Outcome = 'granted' | 'partial' | 'refused'

/** Scenarios grouped by who looks into them; progress messages follow the group. */
export type ScenarioGroup = 'delivery' | 'billing' | 'staff' | 'product' | 'safety' | 'privacy'

export const scenarioGroup: Readonly<Record<Scenario, ScenarioGroup>> = {
  delivery_late: 'delivery',
  delivery_damaged: 'delivery',
  billing_double: 'billing',
  billing_wrong: 'billing',
  staff_rude: 'staff',
  defect: 'product',
  refund_refused: 'billing',
  safety_fall: 'safety',
  safety_overheat: 'safety',
  privacy: 'privacy',
  warranty: 'product',
}

/** A customer as first met; later complaints may write the contact details differently. */
export interface Person {
  readonly language: Language
  readonly fem: boolean
  readonly given: string
  readonly family: string
  /** Russian patronymic when the customer gave one, else ''. */
  readonly patronymic: string
  readonly name: string
  readonly address: string
  readonly phone: string
  readonly email: string
  /** The phone number's digits without country code, so a variant writes the same number. */
  readonly phoneDigits: string
  readonly region: Region
}

export interface ContactVariant {
  readonly name: string
  readonly phone: string
  readonly email: string
}

/**
 * Everything a phrase bank needs to write about one case. Amounts are already in
 * the customer's currency (the bank's localPrice/localRound made them).
 */
export interface Facts {
  readonly scenario: Scenario
  readonly product: ProductKey
  readonly role: StaffRole
  readonly store: StoreKey
  readonly customer: Person
  readonly event: ApproximateDate
  readonly receivedMs: number
  readonly receivedYear: number
  readonly price: number
  readonly charged: number
  readonly refund: number
  readonly compensation: number
  /** Picks one of the ways this customer writes amounts, the same throughout the case. */
  readonly moneyStyle: number
  readonly orderNo: string
  readonly days: number
  readonly weeks: number
  readonly months: number
  readonly times: number
  readonly remedy: RemedyKind
}

/** One language's words: customers, their complaints, and what staff write or say about them. */
export interface PhraseBank {
  readonly language: Language
  person(rng: Rng): Person
  /** The same person written down differently by someone else (format, case, accents). */
  variant(rng: Rng, person: Person): ContactVariant
  /** A shelf price in the local currency for a price in euros. */
  localPrice(person: Person, eur: number): number
  /** A round sum (compensation, voucher) in the local currency. */
  localRound(person: Person, eur: number): number
  complaint(rng: Rng, facts: Facts): string
  remedy(rng: Rng, facts: Facts): string
  /** By phone or in person this is a note of what was said; in writing, the message itself. */
  acknowledgement(rng: Rng, facts: Facts, ref: string, handler: string, via: CommunicationChannel): string
  progress(rng: Rng, facts: Facts): string
  decision(rng: Rng, facts: Facts, outcome: Outcome): string
  declined(rng: Rng, facts: Facts, reason: DeclineReason, previousRef: string | null): string
  /** Investigator's notes, possibly in another language than the customer's. */
  triageNote(rng: Rng, facts: Facts): string
  declineNote(rng: Rng, facts: Facts, reason: DeclineReason, previousRef: string | null): string
  escalationNote(rng: Rng, facts: Facts, to: EscalationTarget): string
}

/** One language's escalation notes: who is told, and why, by the kind of stakes. */
export interface EscalationNotes {
  readonly managerIncident: string
  readonly managerOther: string
  readonly managerDelegation: string
  readonly legalSafety: string
  readonly legalPrivacy: string
  readonly legalOther: string
  readonly policeSafety: string
  readonly policeOther: string
}

/** The same choice in every language: incidents and staff cases go to the store, safety to liability… */
export function pickEscalationNote(notes: EscalationNotes, rng: Rng, facts: Facts, to: EscalationTarget): string {
  const group = scenarioGroup[facts.scenario]
  if (to === 'manager') {
    return pick(rng, [
      group === 'safety' || group === 'staff' ? notes.managerIncident : notes.managerOther,
      notes.managerDelegation,
    ])
  }
  if (to === 'legal')
    return group === 'safety' ? notes.legalSafety : group === 'privacy' ? notes.legalPrivacy : notes.legalOther
  return group === 'safety' ? notes.policeSafety : notes.policeOther
}

export type Line<C> = (c: C) => string

/**
 * Remembers the context built for the last case: a bank is asked for the
 * complaint, the remedy and each message of the same case in a row.
 */
export function lastOnly<C>(build: (facts: Facts) => C): (facts: Facts) => C {
  let lastFacts: Facts | null = null
  let last: C | null = null
  return (facts) => {
    if (facts !== lastFacts || last === null) {
      last = build(facts)
      lastFacts = facts
    }
    return last
  }
}

export interface ScenarioLines<C> {
  /** Context before the problem (what was bought, where); empty when none fits. */
  readonly openings: readonly Line<C>[]
  readonly problems: readonly Line<C>[]
  readonly details: readonly Line<C>[]
}

export interface CommonLines<C> {
  readonly followUps: readonly Line<C>[]
  readonly feelings: readonly Line<C>[]
  readonly closings: readonly Line<C>[]
}

/**
 * A complaint of 2 to 6 sentences: the problem always, the rest by chance, in the
 * order people tell it (context, problem, detail, what they tried, how they feel,
 * what they threaten), so thousands of cases rarely read alike.
 */
export function compose<C>(rng: Rng, lines: ScenarioLines<C>, common: CommonLines<C>, c: C): string {
  const out: string[] = []
  let length = 0
  const add = (line: Line<C>): void => {
    const sentence = line(c)
    out.push(sentence)
    length += sentence.length + 1
  }
  if (lines.openings.length > 0 && chance(rng, 0.75)) add(pick(rng, lines.openings))
  add(pick(rng, lines.problems))
  const detail = chance(rng, 0.65)
  if (detail) add(pick(rng, lines.details))
  const followUp = chance(rng, 0.55)
  if (followUp) add(pick(rng, common.followUps))
  const feeling = chance(rng, 0.35)
  if (feeling) add(pick(rng, common.feelings))
  const closing = chance(rng, 0.35)
  if (closing) add(pick(rng, common.closings))
  // A sentence or two of 80 characters reads like a note, not a complaint: say a little more.
  if ((length < 140 || out.length < 2) && !detail) add(pick(rng, lines.details))
  if (length < 140 && !followUp) add(pick(rng, common.followUps))
  if (length < 140 && !feeling) add(pick(rng, common.feelings))
  if (length < 140 && !closing) add(pick(rng, common.closings))
  return out.join(' ')
}

/**
 * The same text as one flat string. Strings built by concatenation are kept by V8
 * as trees of pieces, three times their size: 50,000 cases held 200 MB of them.
 * trim() flattens its input and returns it unchanged when there is nothing to
 * trim, which is always the case here.
 */
export function flat(s: string): string {
  return s.trim()
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

const baseLetters = new Map<string, string>([
  ['đ', 'd'],
  ['Đ', 'D'],
])

/**
 * "Élodie Lefèvre" → "Elodie Lefevre". Each letter is decomposed once and
 * remembered (normalize() on every name was a hot spot); đ has no decomposition.
 */
export function stripAccents(s: string): string {
  let out = ''
  for (const ch of s) {
    if (ch < '\u0080') {
      out += ch
      continue
    }
    let base = baseLetters.get(ch)
    if (base === undefined) {
      base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      baseLetters.set(ch, base)
    }
    out += base
  }
  return out
}

const asciiCache = new Map<string, string>()

/** Lower-case ASCII for an e-mail local part: accents dropped, spaces and apostrophes removed. */
export function asciiLocal(s: string): string {
  let out = asciiCache.get(s)
  if (out === undefined) {
    out = stripAccents(s)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
    asciiCache.set(s, out)
  }
  return out
}

/** Memoises a pure function: sample data asks for the same few thousand values again and again. */
export function memo<K, V>(build: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = build(key)
      cache.set(key, value)
    }
    return value
  }
}

/** How a language says when the event happened ("on 14 March") and since when ("since 14 March"). */
export interface DatePhrases {
  readonly when: string
  readonly When: string
  readonly since: string
  readonly Since: string
}

/** A memoised date phrasing: the phrase depends only on the event date and the year of receipt. */
export function datePhrases(
  build: (e: EventParts) => { readonly when: string; readonly since: string },
): (facts: Facts) => DatePhrases {
  const cached = memo((key: string): DatePhrases => {
    const value = key.slice(4)
    const precision = value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year'
    const year = Number(value.slice(0, 4))
    const { when, since } = build({
      precision,
      year,
      month: precision === 'year' ? 0 : Number(value.slice(5, 7)),
      day: precision === 'day' ? Number(value.slice(8, 10)) : 0,
      yearsAgo: Number(key.slice(0, 4)) - year,
    })
    return { when, When: cap(when), since, Since: cap(since) }
  })
  return (facts) => cached(`${facts.receivedYear}${facts.event.value}`)
}

export interface EventParts {
  readonly precision: ApproximateDate['precision']
  readonly year: number
  readonly month: number
  readonly day: number
  /** Years between the event and the receipt: 0 this year, 1 last year… */
  readonly yearsAgo: number
}

/** Slavic plural: 1 день, 2 дня, 5 дней, 21 день, 12 дней. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10
  const mod100 = n % 100
  if (mod10 === 1 && mod100 !== 11) return one
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few
  return many
}

/** Digits grouped by three with `separator`: 14790000 → "14.790.000". */
export function groupDigits(n: number, separator: string): string {
  const digits = String(Math.trunc(n))
  let out = ''
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator
    out += digits[i]
  }
  return out
}

/** Phone digits cut into groups: ("612345678", [1, 2, 2, 2, 2], ' ') → "6 12 34 56 78". */
export function groupPhone(digits: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = []
  let at = 0
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size))
    at += size
  }
  return parts.join(separator)
}

export function digits(rng: Rng, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += Math.floor(rng() * 10)
  return out
}
