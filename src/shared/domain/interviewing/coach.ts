/**
 * The leading-question coach: as an investigator types a question, it points at
 * leading, forced-choice, closed and double questions and offers an open prompt
 * instead. It knows no language itself; every form lives in coach-rules.ts.
 */
import type { Language } from '../../i18n/languages'
import { coachLanguages, type CoachKind, type CoachRule, type LanguageCoach } from './coach-rules'

export { coachKinds, type CoachKind } from './coach-rules'

/** One problem found in a question. */
export interface CoachFlag {
  /** The rule that found it (`en.tag_negative`…). */
  readonly ruleId: string
  readonly kind: CoachKind
  /** Offsets in the text as given (UTF-16 units), before any normalisation: [start, end). */
  readonly start: number
  readonly end: number
  /** The flagged words, as given. */
  readonly match: string
}

export interface CoachResult {
  /** In the order they appear in the question. */
  readonly flags: readonly CoachFlag[]
  /** An open prompt to ask instead, in the question's language; null when nothing is flagged. */
  readonly suggestion: string | null
}

/** How far into the question `start` rules look and how far back `end` rules look. */
const window = 400

const priority: Readonly<Record<CoachKind, number>> = { leading: 0, forced_choice: 1, closed: 2, multiple: 3 }

interface CompiledRule {
  readonly rule: CoachRule
  readonly order: number
  readonly regex: RegExp
}

// Compiled once: 'g' to find every occurrence, 'd' for the offsets of the named groups.
function compile(coach: LanguageCoach): readonly CompiledRule[] {
  return coach.rules.map((rule, order) => ({
    rule,
    order,
    regex: new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gdy]/g, '')}gd`),
  }))
}

const compiled: Readonly<Record<Language, readonly CompiledRule[]>> = {
  en: compile(coachLanguages.en),
  fr: compile(coachLanguages.fr),
  vi: compile(coachLanguages.vi),
  ru: compile(coachLanguages.ru),
}

/**
 * The NFC form of a text and, for each of its UTF-16 units, where the character it
 * belongs to starts and ends in the original (a decomposed "ế" is three units there
 * and one here). Each base letter is normalised with its marks, never across them.
 */
interface Normalised {
  readonly text: string
  readonly starts: readonly number[] | null
  readonly ends: readonly number[] | null
}

function normalise(original: string): Normalised {
  const text = original.normalize('NFC')
  if (text === original) return { text, starts: null, ends: null }
  let out = ''
  const starts: number[] = []
  const ends: number[] = []
  for (const cluster of original.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const piece = cluster[0].normalize('NFC')
    const start = cluster.index
    const end = start + cluster[0].length
    for (let i = 0; i < piece.length; i += 1) {
      starts.push(start)
      ends.push(end)
    }
    out += piece
  }
  return { text: out, starts, ends }
}

function originalRange(n: Normalised, start: number, end: number): [number, number] {
  if (!n.starts || !n.ends) return [start, end]
  const s = start < n.starts.length ? (n.starts[start] ?? 0) : (n.ends[n.ends.length - 1] ?? 0)
  const e = end > 0 ? (n.ends[end - 1] ?? s) : 0
  return [s, Math.max(s, e)]
}

interface Found {
  readonly rule: CoachRule
  readonly order: number
  /** Highlighted span in the NFC text. */
  readonly start: number
  readonly end: number
  /** Span the rule's replaceWith stands for, in the NFC text. */
  readonly frameStart: number
  readonly frameEnd: number
  readonly groups: Readonly<Record<string, string | undefined>>
}

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c)
}

/** Runs one rule over the part of the text its scope allows. */
function find(compiledRule: CompiledRule, text: string): Found[] {
  const { rule, order, regex } = compiledRule
  const offset = rule.scope === 'end' ? Math.max(0, text.length - window) : 0
  const part = rule.scope === 'start' ? text.slice(0, window) : rule.scope === 'end' ? text.slice(offset) : text
  const out: Found[] = []
  for (const m of part.matchAll(regex)) {
    if (m[0] === '') continue
    const whole = m.indices?.[0]
    const flag = m.indices?.groups?.['flag'] ?? whole
    const frame = m.indices?.groups?.['frame'] ?? whole
    if (!flag || !frame) continue
    // The highlight never starts or ends on a space the pattern had to cross.
    let start = flag[0]
    let end = flag[1]
    while (start < end && isSpace(part[start])) start += 1
    while (end > start && isSpace(part[end - 1])) end -= 1
    if (start === end) continue
    out.push({
      rule,
      order,
      start: start + offset,
      end: end + offset,
      frameStart: frame[0] + offset,
      frameEnd: frame[1] + offset,
      groups: m.groups ?? {},
    })
  }
  return out
}

/**
 * Adds a flag unless it overlaps one already kept. `kept` stays sorted and free of
 * overlaps, so only the two neighbours of the insertion point can collide (a pasted
 * transcript with thousands of question marks stays fast).
 */
function keep(kept: Found[], f: Found): void {
  let lo = 0
  let hi = kept.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((kept[mid]?.start ?? 0) < f.start) lo = mid + 1
    else hi = mid
  }
  const before = kept[lo - 1]
  const after = kept[lo]
  if ((before && before.end > f.start) || (after && after.start < f.end)) return
  kept.splice(lo, 0, f)
}

/**
 * The flags worth showing, in text order: earlier rules win overlaps (a whole second
 * question, flagged as `multiple`, may contain others), and a closed hint is dropped
 * beside a worse problem.
 */
function select(text: string, rules: readonly CompiledRule[]): Found[] {
  const kept: Found[] = []
  const questions: Found[] = []
  for (const r of rules) {
    for (const f of find(r, text)) {
      if (r.rule.kind === 'multiple') questions.push(f)
      else keep(kept, f)
    }
  }
  const worse = kept.some((f) => f.rule.kind === 'leading' || f.rule.kind === 'forced_choice')
  return [...(worse ? kept.filter((f) => f.rule.kind !== 'closed') : kept), ...questions].sort(
    (a, b) => a.start - b.start || a.order - b.order,
  )
}

function fill(template: string, groups: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (groups[name] ?? '').toLowerCase())
}

const leadingJunk = new Set([',', ';', ':', '-', '–', '—', '…', '.'])
const trailingJunk = new Set([',', ';', ':', '-', '–', '—', '…', '.', '?', '？', '!', '"', '»', '«'])

/** Trims spaces and stray punctuation at both ends without a backtracking pattern. */
function trimJunk(s: string): string {
  let start = 0
  let end = s.length
  while (start < end && (isSpace(s[start]) || leadingJunk.has(s[start] ?? ''))) start += 1
  while (end > start && (isSpace(s[end - 1]) || trailingJunk.has(s[end - 1] ?? ''))) end -= 1
  return s.slice(start, end)
}

/** Drops whole words from one end while they are in the list ("so, …", "… không"). */
function dropWords(s: string, words: readonly string[], from: 'start' | 'end'): string {
  let out = s
  for (let changed = true; changed;) {
    changed = false
    const lower = out.toLowerCase()
    for (const w of words) {
      const hit =
        from === 'start'
          ? lower.startsWith(`${w} `) || lower.startsWith(`${w},`)
          : lower.endsWith(` ${w}`) || lower.endsWith(`,${w}`)
      if (hit && out.length > w.length + 1) {
        out = trimJunk(from === 'start' ? out.slice(w.length) : out.slice(0, out.length - w.length))
        changed = true
      }
    }
  }
  return out
}

/** Lower-cases the first letter when the first word is one written in lower case mid-sentence. */
function decapitalise(s: string, coach: LanguageCoach): string {
  const first = s.split(/[\s,]/u, 1)[0] ?? ''
  const lower = first.toLowerCase()
  const known = coach.lowercaseStarts.some((w) => lower === w || (w.endsWith("'") && lower.startsWith(w)))
  if (!known || first === first.toUpperCase()) return s
  return s.charAt(0).toLowerCase() + s.slice(1)
}

function suggest(text: string, found: readonly Found[], coach: LanguageCoach): string | null {
  const lead = [...found].sort((a, b) => priority[a.rule.kind] - priority[b.rule.kind] || a.order - b.order)[0]
  if (!lead) return null
  if (lead.rule.recast === 'first') {
    // The rule's match starts on the first question's own question mark.
    const first = trimJunk(text.slice(0, lead.frameStart))
    return first === '' ? coach.templates.fallback : `${first}${text.charAt(lead.frameStart)}`
  }
  // Every flagged frame with a replacement is rewritten, left to right.
  const frames = found
    .filter((f) => f.rule.replaceWith !== undefined)
    .sort((a, b) => a.frameStart - b.frameStart)
    .filter((f, i, all) => i === 0 || f.frameStart >= (all[i - 1]?.frameEnd ?? 0))
  let proposition = ''
  let at = 0
  for (const f of frames) {
    proposition += `${text.slice(at, f.frameStart)} ${fill(f.rule.replaceWith ?? '', f.groups)} `
    at = f.frameEnd
  }
  proposition += text.slice(at)
  // One space everywhere first: the later clean-ups then only ever see single spaces.
  proposition = proposition
    .replace(/\s+/gu, ' ')
    .replace(/ ?,(?: ?,)+/g, ',')
    .replace(/ ,/g, ',')
  proposition = trimJunk(proposition)
  proposition = dropWords(proposition, coach.fillers, 'start')
  proposition = dropWords(proposition, coach.trailingParticles, 'end')
  proposition = decapitalise(trimJunk(proposition), coach)
  if (proposition === '') return coach.templates.fallback
  const template = lead.rule.recast === 'topic' ? coach.templates.topic : coach.templates.clause
  return template.split('{proposition}').join(proposition)
}

/**
 * Checks a question as it is typed. Flags carry offsets in the text as given, so the
 * editor can highlight them; the suggestion is an open prompt in the same language,
 * built from what the question asserts, without its leading frame.
 */
export function coachQuestion(text: string, language: Language): CoachResult {
  const n = normalise(text)
  const found = select(n.text, compiled[language])
  if (found.length === 0) return { flags: [], suggestion: null }
  const flags = found.map((f): CoachFlag => {
    const [start, end] = originalRange(n, f.start, f.end)
    return { ruleId: f.rule.id, kind: f.rule.kind, start, end, match: text.slice(start, end) }
  })
  return { flags, suggestion: suggest(n.text, found, coachLanguages[language]) }
}
