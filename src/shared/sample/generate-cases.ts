import type {
  ApproximateDate,
  CaseId,
  CaseRecord,
  CaseStatus,
  Channel,
  Communication,
  CommunicationChannel,
  DeclineReason,
  Escalation,
  EscalationTarget,
  Severity,
  SeverityCriterion,
  Triage,
} from '../domain/case'
import type { Id } from '../domain/ids'
import type { Compensation, Outcome as ResolutionOutcome, Resolution, RootCauseCategory } from '../domain/resolution'
import type { Lesson, LessonArea, LessonStatus, Survey } from '../domain/review'
import type { Language } from '../i18n/languages'
import {
  flat,
  memo,
  scenarioGroup,
  type Facts,
  type Outcome,
  type Person,
  type PhraseBank,
  type ProductKey,
  type RemedyKind,
  type Scenario,
  type StaffRole,
  type StoreKey,
} from './bank'
import { englishBank } from './phrases-en'
import { frenchBank } from './phrases-fr'
import { russianBank } from './phrases-ru'
import { vietnameseBank } from './phrases-vi'
import { reviewPhrases, type TeachingCause } from './review-phrases'
import { chance, int, mulberry32, pick, uuidV7FromRandom, weighted, type Rng } from './prng'

export { mulberry32, uuidV7FromRandom, type Rng } from './prng'

export interface GenerateOptions {
  readonly count: number
  /**
   * Same seed, same cases (ids included). A sample database loaded on several
   * laptops should use a per-install seed, or merged sample ids would collide.
   */
  readonly seed: number
  /** "Now" for the data set: cases are received over the 18 months before it. */
  readonly now: Date
  /** Case reference prefix, e.g. 'LYON'; refs are PREFIX-YYYY-NNNN numbered per year in receipt order. */
  readonly prefix: string
  /** Who created the records, e.g. 'Sample data'. */
  readonly createdBy: string
  /** Offset so a second batch continues numbering: the first number of each year is this + 1 (default 0). */
  readonly numberOffset?: number
}

export interface GeneratedCase {
  readonly record: CaseRecord
  readonly communications: readonly Communication[]
  /** The decision of a closed case (outcome, root cause, compensation); null for any other status. */
  readonly resolution: Resolution | null
  /** The customer's answers after closure, for some closed cases. */
  readonly survey: Survey | null
  /** What a few closed cases taught. */
  readonly lessons: readonly Lesson[]
}

export const sampleDepartments = [
  'Magasin Lyon Part-Dieu',
  'Service après-vente',
  'Livraison',
  'Facturation',
  'Boutique en ligne',
  'Chi nhánh Hà Nội',
  'Chi nhánh TP. Hồ Chí Minh',
  'Склад Москва',
  'Customer care',
] as const
type Department = (typeof sampleDepartments)[number]

export interface SampleStaff {
  readonly name: string
  readonly languages: readonly Language[]
  /** Where they take complaints in person, if they work in a shop. */
  readonly store?: StoreKey
}

/** Who takes complaints in. */
export const sampleStaff: readonly SampleStaff[] = [
  { name: 'Camille Roux', languages: ['fr', 'en'], store: 'lyon' },
  { name: 'Julien Bernard', languages: ['fr'], store: 'lyon' },
  { name: 'Nadia Benali', languages: ['fr', 'en'] },
  { name: 'Thomas Girard', languages: ['fr'] },
  { name: 'Sarah Collins', languages: ['en', 'fr'] },
  { name: 'Phạm Thu Hà', languages: ['vi', 'en'], store: 'hanoi' },
  { name: 'Lê Minh Tuấn', languages: ['vi'], store: 'hcmc' },
  { name: 'Võ Thị Kim Anh', languages: ['vi', 'fr'] },
  { name: 'Анна Кузнецова', languages: ['ru', 'en'], store: 'moscow' },
  { name: 'Дмитрий Орлов', languages: ['ru'] },
]

/** Who investigates; every one of them also writes English. */
export const sampleInvestigators: readonly SampleStaff[] = [
  { name: 'Claire Dubois', languages: ['fr', 'en'] },
  { name: 'Marc Lefebvre', languages: ['fr', 'en'] },
  { name: 'Antoine Mercier', languages: ['fr', 'en'] },
  { name: 'Nguyễn Thu Trang', languages: ['vi', 'fr', 'en'] },
  { name: 'Сергей Волков', languages: ['ru', 'en'] },
  { name: 'Emma Walsh', languages: ['en', 'fr'] },
]

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** About eighteen months. */
const SPAN_DAYS = 548
/**
 * A fifth of the cases fall in the last six weeks, ever more densely towards now (a
 * growing caseload), so that even a sample of a few dozen shows open work at every
 * stage, including complaints still waiting for triage, not only history.
 */
const RECENT_SHARE = 0.2
const RECENT_DAYS = 42

const languageCodes: readonly Language[] = ['fr', 'vi', 'ru', 'en']
const pickLanguage = weighted<number>([
  [0, 40],
  [1, 25],
  [2, 20],
  [3, 15],
])
const banks: Readonly<Record<Language, PhraseBank>> = {
  fr: frenchBank,
  vi: vietnameseBank,
  ru: russianBank,
  en: englishBank,
}

interface ProductInfo {
  readonly min: number
  readonly max: number
  /** Delivered to the home by a carrier. */
  readonly big: boolean
  readonly electric: boolean
  /** Plausible in an overheating story. */
  readonly heats: boolean
}

const productInfo: Readonly<Record<ProductKey, ProductInfo>> = {
  washer: { min: 379, max: 899, big: true, electric: true, heats: false },
  fridge: { min: 449, max: 1299, big: true, electric: true, heats: false },
  laptop: { min: 499, max: 1599, big: false, electric: true, heats: true },
  phone: { min: 229, max: 1199, big: false, electric: true, heats: true },
  tv: { min: 349, max: 1499, big: true, electric: true, heats: false },
  vacuum: { min: 149, max: 499, big: false, electric: true, heats: false },
  microwave: { min: 79, max: 249, big: false, electric: true, heats: true },
  coffee: { min: 99, max: 699, big: false, electric: true, heats: true },
  kettle: { min: 25, max: 89, big: false, electric: true, heats: true },
  heater: { min: 49, max: 199, big: false, electric: true, heats: true },
  sofa: { min: 599, max: 1899, big: true, electric: false, heats: false },
  mattress: { min: 299, max: 999, big: true, electric: false, heats: false },
  printer: { min: 69, max: 299, big: false, electric: true, heats: false },
  speaker: { min: 39, max: 249, big: false, electric: true, heats: true },
  hairdryer: { min: 25, max: 129, big: false, electric: true, heats: true },
  scooter: { min: 299, max: 799, big: false, electric: true, heats: true },
}
const allProducts = Object.keys(productInfo) as ProductKey[]
const bigProducts = allProducts.filter((p) => productInfo[p].big)
const electricProducts = allProducts.filter((p) => productInfo[p].electric)
const heatingProducts = allProducts.filter((p) => productInfo[p].heats)

function productFor(rng: Rng, scenario: Scenario): ProductKey {
  switch (scenario) {
    case 'delivery_late':
    case 'delivery_damaged':
      return pick(rng, chance(rng, 0.65) ? bigProducts : allProducts)
    case 'defect':
    case 'warranty':
      return pick(rng, electricProducts)
    case 'safety_overheat':
      return pick(rng, heatingProducts)
    default:
      return pick(rng, allProducts)
  }
}

const scenarioWeights: readonly (readonly [Scenario, number])[] = [
  ['delivery_late', 14],
  ['delivery_damaged', 9],
  ['billing_double', 7],
  ['billing_wrong', 7],
  ['staff_rude', 11],
  ['defect', 14],
  ['refund_refused', 10],
  ['safety_fall', 4],
  ['safety_overheat', 5],
  ['privacy', 6],
  ['warranty', 13],
]
const pickScenario = weighted(scenarioWeights)
// English-speaking customers rarely set foot in the Lyon shop: fewer in-store stories.
const pickScenarioEnglish = weighted(
  scenarioWeights.map(([s, w]) => [s, s === 'staff_rude' || s === 'safety_fall' ? w / 3 : w] as const),
)

const rolesFor: Readonly<Record<Scenario, readonly StaffRole[]>> = {
  delivery_late: ['driver', 'agent'],
  delivery_damaged: ['driver'],
  billing_double: ['cashier', 'agent'],
  billing_wrong: ['cashier', 'sales', 'agent'],
  staff_rude: ['sales', 'cashier', 'security', 'manager'],
  defect: ['technician', 'sales', 'agent'],
  refund_refused: ['manager', 'sales', 'cashier', 'agent'],
  safety_fall: ['security', 'manager'],
  safety_overheat: ['agent', 'technician'],
  privacy: ['sales', 'cashier'],
  warranty: ['technician', 'agent'],
}

const remedyFor: Readonly<Record<Scenario, (rng: Rng) => RemedyKind>> = {
  delivery_late: weighted<RemedyKind>([
    ['compensation', 4],
    ['refund', 3],
    ['apology', 2],
  ]),
  delivery_damaged: weighted<RemedyKind>([
    ['replacement', 6],
    ['refund', 3],
    ['compensation', 1],
  ]),
  billing_double: weighted<RemedyKind>([
    ['refund', 9],
    ['compensation', 1],
  ]),
  billing_wrong: weighted<RemedyKind>([
    ['refund', 9],
    ['apology', 1],
  ]),
  staff_rude: weighted<RemedyKind>([
    ['apology', 8],
    ['compensation', 2],
  ]),
  defect: weighted<RemedyKind>([
    ['replacement', 4],
    ['repair', 3],
    ['refund', 3],
  ]),
  refund_refused: weighted<RemedyKind>([['refund', 1]]),
  safety_fall: weighted<RemedyKind>([
    ['compensation', 7],
    ['apology', 3],
  ]),
  safety_overheat: weighted<RemedyKind>([
    ['refund', 4],
    ['replacement', 2],
    ['compensation', 4],
  ]),
  privacy: weighted<RemedyKind>([
    ['apology', 8],
    ['compensation', 2],
  ]),
  warranty: weighted<RemedyKind>([
    ['repair', 5],
    ['replacement', 4],
    ['refund', 1],
  ]),
}

const storeDepartment: Readonly<Record<StoreKey, Department>> = {
  lyon: 'Magasin Lyon Part-Dieu',
  hanoi: 'Chi nhánh Hà Nội',
  hcmc: 'Chi nhánh TP. Hồ Chí Minh',
  moscow: 'Склад Москва',
}

function storeFor(rng: Rng, p: Person): StoreKey {
  switch (p.region) {
    case 'hanoi':
      return 'hanoi'
    case 'hcmc':
      return 'hcmc'
    case 'danang':
      return chance(rng, 0.5) ? 'hanoi' : 'hcmc'
    case 'moscow':
    case 'spb':
      return 'moscow'
    default:
      return 'lyon'
  }
}

function departmentFor(rng: Rng, scenario: Scenario, store: StoreKey, language: Language): Department {
  const shop = storeDepartment[store]
  const r = rng()
  let department: Department
  switch (scenario) {
    case 'delivery_late':
    case 'delivery_damaged':
      department = store === 'moscow' && r < 0.6 ? shop : store !== 'lyon' && r < 0.4 ? shop : 'Livraison'
      break
    case 'billing_double':
    case 'billing_wrong':
      department = r < 0.7 ? 'Facturation' : r < 0.9 ? 'Boutique en ligne' : shop
      break
    case 'staff_rude':
      department = r < 0.7 ? shop : 'Customer care'
      break
    case 'defect':
      department = r < 0.6 ? 'Service après-vente' : r < 0.85 ? shop : 'Boutique en ligne'
      break
    case 'warranty':
      department = r < 0.85 ? 'Service après-vente' : shop
      break
    case 'refund_refused':
      department = r < 0.35 ? 'Service après-vente' : r < 0.7 ? 'Boutique en ligne' : shop
      break
    case 'safety_fall':
      return shop
    case 'safety_overheat':
      department = r < 0.6 ? 'Service après-vente' : 'Customer care'
      break
    case 'privacy':
      department = r < 0.6 ? 'Boutique en ligne' : 'Customer care'
      break
  }
  // The English-language line is the usual door for English speakers.
  if (language === 'en' && department !== shop && chance(rng, 0.4)) return 'Customer care'
  return department
}

interface Stakes {
  readonly severity: Severity
  readonly criteria: readonly SeverityCriterion[]
}

// Shared, never mutated: 50,000 cases need only these few.
const majorSafety: Stakes = { severity: 'major', criteria: ['safety'] }
const majorSafetyLegal: Stakes = { severity: 'major', criteria: ['safety', 'legal'] }
const majorLegal: Stakes = { severity: 'major', criteria: ['legal'] }
const majorFinancial: Stakes = { severity: 'major', criteria: ['financial'] }
const minorOther: Stakes = { severity: 'minor', criteria: ['other'] }
const minorPlain: Stakes = { severity: 'minor', criteria: [] }
const noEscalations: readonly Escalation[] = []

function stakesFor(rng: Rng, scenario: Scenario, priceEur: number): Stakes {
  switch (scenario) {
    case 'safety_fall':
      return chance(rng, 0.3) ? majorSafetyLegal : majorSafety
    case 'safety_overheat':
      return chance(rng, 0.2) ? majorSafetyLegal : majorSafety
    case 'privacy':
      return majorLegal
    case 'billing_double':
    case 'billing_wrong':
      if (priceEur >= 300 || chance(rng, 0.25)) return majorFinancial
      break
    case 'refund_refused':
      if (priceEur >= 800) return majorFinancial
      if (chance(rng, 0.15)) return majorLegal
      break
    case 'delivery_damaged':
      if (priceEur >= 1000 && chance(rng, 0.5)) return majorFinancial
      break
    case 'staff_rude':
      if (chance(rng, 0.08)) return majorLegal
      break
    default:
      break
  }
  return chance(rng, 0.2) ? minorOther : minorPlain
}

function escalationTargets(rng: Rng, scenario: Scenario, stakes: Stakes): EscalationTarget[] {
  const group = scenarioGroup[scenario]
  if (!chance(rng, group === 'safety' ? 0.85 : 0.55)) return []
  const first: EscalationTarget =
    group === 'safety'
      ? chance(rng, 0.7)
        ? 'manager'
        : 'legal'
      : group === 'privacy'
        ? 'legal'
        : stakes.criteria.includes('legal') && chance(rng, 0.5)
          ? 'legal'
          : 'manager'
  if (!chance(rng, 0.3)) return [first]
  let second: EscalationTarget
  if (scenario === 'safety_fall' || scenario === 'billing_double') second = 'police'
  else second = first === 'manager' ? 'legal' : 'manager'
  return [first, second]
}

const pickDeclineReason = weighted<Exclude<DeclineReason, 'duplicate'>>([
  ['frivolous', 45],
  ['out_of_scope', 35],
  ['scam', 20],
])
const pickOutcome = weighted<Outcome>([
  ['granted', 55],
  ['partial', 30],
  ['refused', 15],
])
const pickChannel = weighted<Channel>([
  ['in_person', 28],
  ['phone', 27],
  ['email_web', 35],
  ['letter', 10],
])

/** Local clock offset from UTC, summer time approximated by month: close enough for office hours. */
function utcOffsetHours(language: Language, month: number): number {
  const summer = month >= 3 && month <= 9
  switch (language) {
    case 'fr':
      return summer ? 2 : 1
    case 'en':
      return summer ? 1 : 0
    case 'vi':
      return 7
    case 'ru':
      return 3
  }
}

interface Customer {
  readonly person: Person
  lastRef: string
  lastMs: number
  lastScenario: Scenario
}

const two: string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const three: string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'))

interface DayInfo {
  /** "2026-03-15T" */
  readonly prefix: string
  readonly year: number
  /** 0–11 */
  readonly month: number
}

/** Calendar facts of a UTC day (days since 1970), computed once per day. */
const dayInfo = memo((day: number): DayInfo => {
  const date = new Date(day * DAY)
  return { prefix: date.toISOString().slice(0, 11), year: date.getUTCFullYear(), month: date.getUTCMonth() }
})

/**
 * Date#toISOString, about three times faster (it was the largest single cost of a
 * 50,000-case run): the date part is cached per day, the time part built from tables.
 */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY)
  const prefix = dayInfo(day).prefix
  let rest = ms - day * DAY
  const h = Math.floor(rest / HOUR)
  rest -= h * HOUR
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const sec = Math.floor(rest / 1000)
  return flat(`${prefix}${two[h]}:${two[m]}:${two[sec]}.${three[rest - sec * 1000]}Z`)
}

function approximateDate(rng: Rng, receivedMs: number, scenario: Scenario): ApproximateDate {
  let delay: number
  if (scenario === 'warranty') delay = int(rng, 7, 120)
  else if (scenario === 'defect') delay = int(rng, 2, 60)
  else if (scenario === 'refund_refused') delay = int(rng, 1, 30)
  else delay = Math.floor(rng() * rng() * 15)
  const r = rng()
  const precision = r < 0.78 ? 'day' : r < 0.96 ? 'month' : 'year'
  // Someone who only remembers the year is talking about something older.
  if (precision === 'year') delay += int(rng, 60, 300)
  const iso10 = iso(Math.floor(receivedMs / DAY) * DAY - delay * DAY).slice(0, 10)
  const value = precision === 'day' ? iso10 : precision === 'month' ? iso10.slice(0, 7) : iso10.slice(0, 4)
  return { value, precision }
}

function shelfPrice(rng: Rng, product: ProductKey): number {
  const { min, max } = productInfo[product]
  const base = Math.max(10, Math.round(int(rng, min, max) / 10) * 10)
  const r = rng()
  return r < 0.45 ? base - 0.01 : r < 0.7 ? base - 0.1 : base
}

/** How the acknowledgement reaches the customer: on the spot only if it is given on the spot. */
function ackChannel(rng: Rng, channel: Channel, onTheSpot: boolean): CommunicationChannel {
  switch (channel) {
    case 'email_web':
      return 'email'
    case 'phone':
      return chance(rng, 0.6) ? 'phone' : 'sms'
    case 'in_person':
      return onTheSpot ? 'in_person' : chance(rng, 0.6) ? 'email' : 'phone'
    case 'letter':
      return chance(rng, 0.6) ? 'letter' : 'phone'
  }
}

const pickProgressChannel = weighted<CommunicationChannel>([
  ['email', 50],
  ['phone', 30],
  ['sms', 10],
  ['letter', 10],
])

/**
 * When a complaint arrives, in whose language, and whether during office hours
 * (after hours only the web form is open), packed into one sortable number.
 */
function receiptKey(rng: Rng, nowMs: number): number {
  const language = pickLanguage(rng)
  // Recent ages follow a triangle, densest at now: 1 - sqrt(u) of the window.
  const age = chance(rng, RECENT_SHARE) ? (1 - Math.sqrt(rng())) * RECENT_DAYS * DAY : rng() * SPAN_DAYS * DAY
  const approx = nowMs - age
  const shift = utcOffsetHours(languageCodes[language] as Language, dayInfo(Math.floor(approx / DAY)).month) * HOUR
  const localDay = Math.floor((approx + shift) / DAY) * DAY
  const office = chance(rng, 0.85)
  const minute = office
    ? int(rng, 8 * 60 + 30, 18 * 60 + 59)
    : chance(rng, 0.7)
      ? int(rng, 19 * 60, 23 * 60 + 50)
      : int(rng, 6 * 60, 8 * 60 + 29)
  let ms = localDay + minute * 60_000 + int(rng, 0, 59_999) - shift
  while (ms >= nowMs) ms -= DAY
  return ms * 8 + language * 2 + (office ? 1 : 0)
}

/**
 * Realistic complaint cases in French, Vietnamese, Russian and English, with
 * their triage, escalations and customer communications, consistent with each
 * case's status at `now`. Deterministic for a given seed; cases come in
 * receipt order.
 */
export function generateCases(options: GenerateOptions): GeneratedCase[] {
  const { count, seed, prefix, createdBy } = options
  const nowMs = options.now.getTime()
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
  if (!Number.isFinite(nowMs)) throw new RangeError('now must be a valid date')
  if (prefix.length === 0) throw new RangeError('prefix must not be empty')
  const offset = options.numberOffset ?? 0
  const rng = mulberry32(seed)

  // Receipt moments first, so references can be numbered in receipt order. Each key
  // packs the millisecond, the language and whether it fell in office hours, so one
  // numeric sort of a typed array orders everything.
  const keys = new Float64Array(count)
  for (let i = 0; i < count; i++) keys[i] = receiptKey(rng, nowMs)
  keys.sort()

  const shopStaffByStore = new Map<string, readonly SampleStaff[]>()
  for (const l of languageCodes)
    for (const store of Object.keys(storeDepartment))
      shopStaffByStore.set(
        `${l} ${store}`,
        sampleStaff.filter((s) => s.store === store && s.languages.includes(l)),
      )
  const run: Run = {
    rng,
    // A stream of its own for resolutions, surveys and lessons: adding them left
    // every case of a given seed exactly as it was before.
    reviewRng: mulberry32(seed ^ 0x5eed_7e57),
    nowMs,
    prefix,
    createdBy,
    offset,
    perYear: new Map(),
    customers: [[], [], [], []],
    staffByLanguage: new Map(languageCodes.map((l) => [l, sampleStaff.filter((s) => s.languages.includes(l))])),
    shopStaffByStore,
    investigatorsByLanguage: new Map(
      languageCodes.map((l) => [l, sampleInvestigators.filter((s) => s.languages.includes(l))]),
    ),
  }
  // One call per case rather than one long loop body: a small function is optimised
  // after a few cases, a long loop only once on-stack replacement catches up.
  const out: GeneratedCase[] = []
  for (let i = 0; i < count; i++) out.push(generateOne(run, keys[i] as number))
  return out
}

/** What generating one case needs from the whole run, including what earlier cases left. */
interface Run {
  readonly rng: Rng
  readonly reviewRng: Rng
  readonly nowMs: number
  readonly prefix: string
  readonly createdBy: string
  readonly offset: number
  /** Last reference number used, per year. */
  readonly perYear: Map<number, number>
  /** Customers met so far, per language index, for repeat complaints. */
  readonly customers: Customer[][]
  readonly staffByLanguage: ReadonlyMap<Language, readonly SampleStaff[]>
  readonly shopStaffByStore: ReadonlyMap<string, readonly SampleStaff[]>
  readonly investigatorsByLanguage: ReadonlyMap<Language, readonly SampleStaff[]>
}

function generateOne(run: Run, key: number): GeneratedCase {
  const { rng, nowMs, prefix, createdBy, offset, perYear, customers, staffByLanguage, shopStaffByStore } = run
  const investigatorsByLanguage = run.investigatorsByLanguage
  const receivedMs = Math.floor(key / 8)
  const code = key - receivedMs * 8
  const languageIndex = code >> 1
  const office = (code & 1) === 1
  const language = languageCodes[languageIndex] as Language
  const bank = banks[language]

  const year = dayInfo(Math.floor(receivedMs / DAY)).year
  const number = (perYear.get(year) ?? offset) + 1
  perYear.set(year, number)
  const ref = flat(`${prefix}-${year}-${String(number).padStart(4, '0')}`)
  const caseId = uuidV7FromRandom(receivedMs, rng) as CaseId

  // A minority complain again; then their details are often written differently.
  const pool = customers[languageIndex] as Customer[]
  let customer: Customer
  let repeat = false
  if (pool.length > 0 && chance(rng, 0.12)) {
    customer = pick(rng, pool)
    repeat = true
  } else {
    const made = bank.person(rng)
    const person: Person = {
      ...made,
      name: flat(made.name),
      address: flat(made.address),
      phone: flat(made.phone),
      email: flat(made.email),
    }
    customer = { person, lastRef: '', lastMs: 0, lastScenario: 'defect' }
    pool.push(customer)
  }
  const person = customer.person
  const variant = repeat && chance(rng, 0.5) ? bank.variant(rng, person) : null
  const contact = variant
    ? { name: flat(variant.name), phone: flat(variant.phone), email: flat(variant.email) }
    : person
  const duplicateOf = repeat && receivedMs - customer.lastMs < 45 * DAY && chance(rng, 0.4) ? customer.lastRef : null

  const channel: Channel = office ? pickChannel(rng) : 'email_web'
  const scenario: Scenario = duplicateOf
    ? customer.lastScenario
    : language === 'en'
      ? pickScenarioEnglish(rng)
      : pickScenario(rng)
  const product = productFor(rng, scenario)
  const store = storeFor(rng, person)
  const department = departmentFor(rng, scenario, store, language)

  const speakers = staffByLanguage.get(language) ?? []
  const shopStaff = shopStaffByStore.get(`${language} ${store}`) ?? []
  const receiver =
    channel === 'in_person' && shopStaff.length > 0
      ? pick(rng, shopStaff)
      : pick(rng, speakers.length > 0 && chance(rng, 0.9) ? speakers : sampleStaff)
  const fluent = investigatorsByLanguage.get(language) ?? []
  const assignee = pick(rng, fluent.length > 0 && chance(rng, 0.85) ? fluent : sampleInvestigators)
  // Investigators write their notes in the customer's language when they can, else in English.
  const noteBank = assignee.languages.includes(language) && chance(rng, 0.75) ? bank : englishBank

  const priceEur = shelfPrice(rng, product)
  const price = bank.localPrice(person, priceEur)
  let charged = price
  if (scenario === 'billing_wrong') {
    const extra = chance(rng, 0.5) ? priceEur * (0.08 + rng() * 0.27) : int(rng, 49, 129)
    // The wrong amount is a price too: same ending as the right one (649,99 € for 549,99 €).
    const ending = Math.round(priceEur) - priceEur
    charged = bank.localPrice(person, Math.max(10, Math.round((priceEur + Math.max(10, extra)) / 10) * 10) - ending)
    if (charged <= price) charged = price + bank.localRound(person, 20)
  }
  const refund = scenario === 'billing_wrong' ? Math.round((charged - price) * 100) / 100 : price
  const facts: Facts = {
    scenario,
    product,
    role: pick(rng, rolesFor[scenario]),
    store,
    customer: person,
    event: approximateDate(rng, receivedMs, scenario),
    receivedMs,
    receivedYear: year,
    price,
    charged,
    refund,
    compensation: bank.localRound(person, scenario === 'safety_fall' ? int(rng, 150, 1500) : int(rng, 20, 300)),
    moneyStyle: int(rng, 0, 3),
    orderNo: String(int(rng, 1_000_000, 9_999_999)),
    days: scenario === 'warranty' ? int(rng, 12, 60) : int(rng, 3, 21),
    weeks: int(rng, 2, 10),
    months: int(rng, 3, 22),
    times: int(rng, 0, 3),
    remedy: remedyFor[scenario](rng),
  }
  const complaint = flat(bank.complaint(rng, facts))
  const remedy = flat(bank.remedy(rng, facts))

  // Lifecycle: when each step happened, then which of them had happened by now.
  const ageMs = nowMs - receivedMs
  const stuckInIntake = ageMs < 3 * DAY && chance(rng, 0.25)
  const tr = rng()
  const triageMs =
    receivedMs +
    (tr < 0.7 ? int(rng, 1, 24) * HOUR : tr < 0.95 ? int(rng, 24, 96) * HOUR : int(rng, 4, 10) * DAY) +
    int(rng, 0, 59) * 60_000
  const triaged = !stuckInIntake && triageMs <= nowMs
  const declineReason: DeclineReason | null = duplicateOf
    ? chance(rng, 0.9)
      ? 'duplicate'
      : null
    : chance(rng, scenario === 'staff_rude' || scenario === 'delivery_late' ? 0.12 : 0.07)
      ? pickDeclineReason(rng)
      : null
  const stakes = stakesFor(rng, scenario, priceEur)
  const slow = chance(rng, 0.06) ? int(rng, 3, 6) : 1
  // A few cases stall for good (waiting for an expert, a court, a supplier): old and still open.
  const stalled = chance(rng, 0.02)
  const investigateDays = (stakes.severity === 'major' ? int(rng, 2, 8) : int(rng, 3, 25)) * slow
  const resolutionMs = triageMs + investigateDays * DAY + int(rng, 0, 8) * HOUR
  const closeMs = stalled ? Infinity : resolutionMs + int(rng, 1, 10) * slow * DAY + int(rng, 0, 8) * HOUR

  let status: CaseStatus
  let closedMs: number | null = null
  if (stuckInIntake) status = 'intake'
  else if (!triaged) status = 'triage'
  else if (declineReason) {
    status = 'declined'
    closedMs = Math.min(nowMs, triageMs + int(rng, 5, 120) * 60_000)
  } else if (nowMs < resolutionMs) status = 'investigation'
  else if (nowMs < closeMs) status = 'resolution'
  else {
    status = 'closed'
    closedMs = closeMs
  }

  // Acknowledgement: usually on the spot or within the day, sometimes late, a few never (overdue).
  let ackMs: number | null
  const ar = rng()
  if ((channel === 'in_person' || channel === 'phone') && ar < 0.6) ackMs = receivedMs + int(rng, 5, 40) * 60_000
  else if (ar < 0.8) ackMs = receivedMs + int(rng, 60, 20 * 60) * 60_000
  else if (ar < 0.94 || closedMs !== null) ackMs = receivedMs + int(rng, 25 * 60, 96 * 60) * 60_000
  else ackMs = null
  if (ackMs !== null && closedMs !== null && ackMs > closedMs)
    ackMs = receivedMs + Math.floor((closedMs - receivedMs) / 2)
  if (status === 'intake' || (ackMs !== null && ackMs > nowMs)) ackMs = null

  const decider = assignee.name
  let triage: Triage | null = null
  const escalations: Escalation[] = []
  let lastEscalationMs = 0
  if (triaged) {
    const declined = status === 'declined'
    const reason = flat(
      declined
        ? noteBank.declineNote(rng, facts, declineReason as DeclineReason, duplicateOf)
        : noteBank.triageNote(rng, facts),
    )
    triage = {
      decision: declined ? 'decline' : 'investigate',
      declineReason: declined ? declineReason : null,
      reason,
      severity: stakes.severity,
      criteria: stakes.criteria,
      decidedAt: iso(triageMs),
      decidedBy: decider,
    }
    if (!declined && stakes.severity === 'major') {
      let at = triageMs
      for (const to of escalationTargets(rng, scenario, stakes)) {
        at += int(rng, 10, 48 * 60) * 60_000
        if (at > nowMs) break
        escalations.push({ to, at: iso(at), by: decider, reason: flat(noteBank.escalationNote(rng, facts, to)) })
        lastEscalationMs = at
      }
    }
  }

  const communications: Communication[] = []
  let lastCommunicationMs = 0
  const addCommunication = (
    kind: Communication['kind'],
    via: CommunicationChannel,
    at: number,
    by: string,
    content: string,
    when = iso(at),
  ): void => {
    lastCommunicationMs = Math.max(lastCommunicationMs, at)
    communications.push({
      id: uuidV7FromRandom(at, rng) as Id<'communication'>,
      caseId,
      kind,
      channel: via,
      at: when,
      by,
      content: flat(content),
      createdAt: when,
      createdBy,
    })
  }
  const acknowledgedAt = ackMs === null ? null : iso(ackMs)
  const closedAt = closedMs === null ? null : iso(closedMs)
  if (ackMs !== null) {
    const onTheSpot = ackMs - receivedMs < HOUR
    const via = ackChannel(rng, channel, onTheSpot)
    const by = onTheSpot && (via === 'phone' || via === 'in_person') ? receiver.name : decider
    const content = bank.acknowledgement(rng, facts, ref, decider, via)
    addCommunication('acknowledgement', via, ackMs, by, content, acknowledgedAt ?? undefined)
  }
  if (status === 'investigation' || status === 'resolution' || status === 'closed') {
    const until = Math.min(nowMs, closedMs ?? nowMs)
    const n =
      status === 'investigation'
        ? chance(rng, 0.4)
          ? 1
          : 0
        : status === 'resolution'
          ? int(rng, 1, 2)
          : int(rng, 0, 2)
    const times: number[] = []
    for (let k = 0; k < n; k++) times.push(triageMs + Math.floor(rng() * Math.max(0, until - triageMs)))
    if (times.length === 2 && (times[0] as number) > (times[1] as number)) times.reverse()
    let previous = ''
    for (const at of times) {
      const via = channel === 'letter' && chance(rng, 0.5) ? 'letter' : pickProgressChannel(rng)
      let content = bank.progress(rng, facts)
      // Nobody sends the same update twice in a row.
      for (let attempt = 0; attempt < 3 && content === previous; attempt++) content = bank.progress(rng, facts)
      addCommunication('progress', via, at, decider, content)
      previous = content
    }
  }
  let review: Pick<GeneratedCase, 'resolution' | 'survey' | 'lessons'> = noReview
  if (closedMs !== null) {
    const via: CommunicationChannel = chance(rng, 0.45) ? 'letter' : chance(rng, 0.8) ? 'email' : 'phone'
    let content: string
    if (status === 'declined') content = bank.declined(rng, facts, declineReason as DeclineReason, duplicateOf)
    else {
      const outcome = pickOutcome(rng)
      content = bank.decision(rng, facts, outcome)
      review = reviewOf(run, {
        caseId,
        facts,
        outcome,
        decision: flat(content),
        decider,
        noteLanguage: noteBank.language,
        decidedMs: resolutionMs,
        closedMs,
      })
    }
    addCommunication('decision', via, closedMs, decider, content, closedAt ?? undefined)
  }

  let updatedMs = receivedMs
  if (ackMs !== null) updatedMs = Math.max(updatedMs, ackMs)
  if (triage) updatedMs = Math.max(updatedMs, triageMs)
  if (status === 'resolution' || status === 'closed') updatedMs = Math.max(updatedMs, resolutionMs)
  if (closedMs !== null) updatedMs = Math.max(updatedMs, closedMs)
  updatedMs = Math.max(updatedMs, lastEscalationMs, lastCommunicationMs)

  const receivedAt = iso(receivedMs)
  const record: CaseRecord = {
    id: caseId,
    ref,
    status,
    channel,
    receivedAt,
    receivedBy: receiver.name,
    department,
    customer: {
      name: contact.name,
      address: person.address,
      phone: contact.phone,
      email: contact.email,
      language,
    },
    eventDate: facts.event,
    complaint,
    remedy,
    signature: null,
    triage,
    category: triage ? scenarioGroup[scenario] : null,
    escalations: escalations.length > 0 ? escalations : noEscalations,
    due: {
      acknowledge: iso(receivedMs + DAY),
      resolve: triage ? iso(receivedMs + (triage.severity === 'major' ? 10 : 30) * DAY) : null,
    },
    acknowledgedAt,
    assignee: assignee.name,
    closedAt,
    createdAt: receivedAt,
    createdBy,
    updatedAt: updatedMs === closedMs ? (closedAt as string) : updatedMs === receivedMs ? receivedAt : iso(updatedMs),
  }

  customer.lastRef = ref
  customer.lastMs = receivedMs
  customer.lastScenario = scenario
  return { record, communications, ...review }
}

const noReview: Pick<GeneratedCase, 'resolution' | 'survey' | 'lessons'> = {
  resolution: null,
  survey: null,
  lessons: [],
}

/** The plausible causes of each kind of complaint, most frequent first. */
const causesFor: Readonly<Record<Scenario, (rng: Rng) => RootCauseCategory>> = {
  delivery_late: weighted<RootCauseCategory>([
    ['supplier', 5],
    ['process', 3],
    ['communication', 2],
    ['system', 1],
  ]),
  delivery_damaged: weighted<RootCauseCategory>([
    ['supplier', 6],
    ['process', 2],
    ['training', 2],
  ]),
  billing_double: weighted<RootCauseCategory>([
    ['system', 7],
    ['process', 3],
  ]),
  billing_wrong: weighted<RootCauseCategory>([
    ['system', 4],
    ['training', 3],
    ['process', 3],
  ]),
  staff_rude: weighted<RootCauseCategory>([
    ['staff_conduct', 6],
    ['training', 4],
  ]),
  defect: weighted<RootCauseCategory>([
    ['product_defect', 7],
    ['supplier', 3],
  ]),
  refund_refused: weighted<RootCauseCategory>([
    ['process', 4],
    ['training', 3],
    ['communication', 3],
  ]),
  safety_fall: weighted<RootCauseCategory>([
    ['equipment', 6],
    ['process', 2],
    ['training', 2],
  ]),
  safety_overheat: weighted<RootCauseCategory>([
    ['product_defect', 7],
    ['supplier', 3],
  ]),
  privacy: weighted<RootCauseCategory>([
    ['training', 5],
    ['process', 3],
    ['system', 2],
  ]),
  warranty: weighted<RootCauseCategory>([
    ['product_defect', 5],
    ['process', 3],
    ['communication', 2],
  ]),
}

const lessonArea: Readonly<Record<TeachingCause, LessonArea>> = {
  process: 'process',
  training: 'training',
  staff_conduct: 'training',
  product_defect: 'product',
  supplier: 'product',
  equipment: 'safety',
  communication: 'communication',
  system: 'process',
}

const pickHappyScore = weighted<number>([
  [5, 50],
  [4, 35],
  [3, 15],
])

const resolutionOutcome: Readonly<Record<Outcome, ResolutionOutcome>> = {
  granted: 'upheld',
  partial: 'partly_upheld',
  refused: 'not_upheld',
}

/** The customer's currency: the phrase banks already write amounts in it. */
function currencyOf(person: Person): string {
  switch (person.region) {
    case 'fr':
    case 'ie':
      return 'EUR'
    case 'uk':
      return 'GBP'
    case 'moscow':
    case 'spb':
      return 'RUB'
    case 'hanoi':
    case 'hcmc':
    case 'danang':
      return 'VND'
  }
}

/** What the decision letter promised, as the resolution records it. */
function compensationFor(facts: Facts, outcome: Outcome): Compensation[] {
  const currency = currencyOf(facts.customer)
  if (outcome === 'refused') return [{ kind: 'none', amount: null, currency: null }]
  if (outcome === 'partial') return [{ kind: 'credit', amount: facts.compensation, currency }]
  switch (facts.remedy) {
    case 'refund':
      return [{ kind: 'refund', amount: facts.refund, currency }]
    case 'replacement':
      return [{ kind: 'replacement', amount: facts.price, currency }]
    case 'compensation':
      return [{ kind: 'credit', amount: facts.compensation, currency }]
    case 'repair':
      return [{ kind: 'service', amount: null, currency: null }]
    case 'apology':
      return [{ kind: 'apology', amount: null, currency: null }]
  }
}

interface Decided {
  readonly caseId: CaseId
  readonly facts: Facts
  readonly outcome: Outcome
  /** The decision letter's text. */
  readonly decision: string
  readonly decider: string
  /** Language of the investigator's notes for this case. */
  readonly noteLanguage: Language
  readonly decidedMs: number
  readonly closedMs: number
}

/**
 * The resolution of a closed case, and sometimes the customer's survey and a
 * lesson, drawn from the review stream so the case itself stays as it was.
 */
function reviewOf(run: Run, d: Decided): Pick<GeneratedCase, 'resolution' | 'survey' | 'lessons'> {
  const { reviewRng: rng, nowMs, createdBy } = run
  const { caseId, facts, outcome } = d
  // A refused complaint is often one where nothing was wrong on our side.
  const category: RootCauseCategory =
    outcome === 'refused' && chance(rng, 0.6)
      ? chance(rng, 0.5)
        ? 'customer_error'
        : 'none_found'
      : causesFor[facts.scenario](rng)
  const decidedAt = iso(d.decidedMs)
  const notes = reviewPhrases[d.noteLanguage]
  const resolution: Resolution = {
    id: uuidV7FromRandom(d.decidedMs, rng) as Id<'resolution'>,
    caseId,
    responsibility:
      category === 'none_found'
        ? []
        : [
            {
              kind: category === 'supplier' ? 'supplier' : category === 'customer_error' ? 'customer' : 'company',
              partyId: null,
              share: null,
              note: '',
            },
          ],
    rootCause: { category, text: notes.rootCause[category] },
    outcome: resolutionOutcome[outcome],
    decision: d.decision,
    compensation: compensationFor(facts, outcome),
    decidedAt,
    decidedBy: d.decider,
    createdAt: decidedAt,
    createdBy,
    updatedAt: decidedAt,
  }

  // About four customers in ten answer the survey, within three weeks of closure.
  let survey: Survey | null = null
  const answeredMs = d.closedMs + int(rng, 1, 21) * DAY + int(rng, 0, 10) * HOUR
  if (chance(rng, 0.42) && answeredMs <= nowMs) {
    const mood = outcome === 'granted' ? 'good' : outcome === 'partial' ? 'mixed' : 'bad'
    const satisfaction = (
      mood === 'good' ? pickHappyScore(rng) : mood === 'mixed' ? int(rng, 2, 4) : int(rng, 1, 2)
    ) as Survey['satisfaction']
    const language = facts.customer.language
    const at = iso(answeredMs)
    survey = {
      id: uuidV7FromRandom(answeredMs, rng) as Id<'survey'>,
      caseId,
      at,
      language,
      satisfaction,
      fixAsWanted: mood === 'good' ? (chance(rng, 0.9) ? 'yes' : 'partly') : mood === 'mixed' ? 'partly' : 'no',
      wouldReturn:
        satisfaction >= 4
          ? chance(rng, 0.85)
            ? 'yes'
            : 'maybe'
          : satisfaction === 3
            ? 'maybe'
            : chance(rng, 0.7)
              ? 'no'
              : 'maybe',
      comment: chance(rng, 0.6) ? pick(rng, reviewPhrases[language].comments[mood]) : '',
      createdAt: at,
      createdBy,
    }
  }

  // Some cases teach something; safety incidents nearly always do.
  const lessons: Lesson[] = []
  const teaches = category !== 'customer_error' && category !== 'none_found'
  if (teaches && chance(rng, scenarioGroup[facts.scenario] === 'safety' ? 0.6 : 0.07)) {
    const createdMs = Math.min(nowMs, d.closedMs + int(rng, 0, 4) * DAY + int(rng, 1, 8) * HOUR)
    const ageDays = (nowMs - createdMs) / DAY
    const r = rng()
    const status: LessonStatus =
      ageDays > 90
        ? r < 0.7
          ? 'done'
          : r < 0.8
            ? 'dropped'
            : 'in_progress'
        : ageDays > 30
          ? r < 0.3
            ? 'done'
            : r < 0.8
              ? 'in_progress'
              : 'proposed'
          : r < 0.7
            ? 'proposed'
            : 'in_progress'
    const updatedMs =
      status === 'proposed' ? createdMs : Math.min(nowMs, createdMs + int(rng, 1, Math.max(1, ageDays)) * DAY)
    lessons.push({
      id: uuidV7FromRandom(createdMs, rng) as Id<'lesson'>,
      caseId,
      area: lessonArea[category],
      text: notes.lesson[category],
      owner: pick(rng, sampleInvestigators).name,
      status,
      createdAt: iso(createdMs),
      createdBy: d.decider,
      updatedAt: iso(updatedMs),
    })
  }
  return { resolution, survey, lessons }
}
