import { diffWordsWithSpace, diffSentences } from 'diff'
import type { AccountId, AlignmentVerdict, Claim } from './investigation'
import { normalizeText } from './text'

/** A run of text in a comparison of two retellings. */
export interface DiffSegment {
  readonly kind: 'same' | 'added' | 'removed'
  readonly text: string
}

export interface RetellingDiff {
  readonly segments: readonly DiffSegment[]
  /** Words the later telling adds, and words it drops. */
  readonly addedWords: number
  readonly removedWords: number
  /** False when the texts differ too much for a word-level comparison in time: the diff is by sentence. */
  readonly wordLevel: boolean
}

const wordPattern = /[\p{L}\p{N}]+/gu
const countWords = (text: string): number => text.match(wordPattern)?.length ?? 0

/**
 * What changed between two tellings of an account, word by word (jsdiff). Two
 * very different texts of several thousand words would take long word by word:
 * past the time limit the comparison falls back to whole sentences.
 */
export function diffRetellings(before: string, after: string, timeoutMs = 400): RetellingDiff {
  const a = before.normalize('NFC')
  const b = after.normalize('NFC')
  const byWord = diffWordsWithSpace(a, b, { timeout: timeoutMs })
  // Texts with almost nothing in common: by sentence, and failing that, one whole replacement.
  const changes = byWord ??
    diffSentences(a, b, { timeout: timeoutMs }) ?? [
      { value: a, added: false, removed: true, count: 1 },
      { value: b, added: true, removed: false, count: 1 },
    ]
  let addedWords = 0
  let removedWords = 0
  const segments: DiffSegment[] = []
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same'
    if (kind === 'added') addedWords += countWords(change.value)
    if (kind === 'removed') removedWords += countWords(change.value)
    const last = segments.at(-1)
    // jsdiff may split one run in two; joining keeps the highlighting whole.
    if (last?.kind === kind) segments[segments.length - 1] = { kind, text: last.text + change.value }
    else segments.push({ kind, text: change.value })
  }
  return { segments, addedWords, removedWords, wordLevel: byWord !== undefined }
}

/** The comparable form of a topic: "Time of delivery" and "time of  délivery" align. */
export function topicKeyOf(topic: string): string {
  return normalizeText(topic)
}

/** The id of the investigator's verdict on one topic of two accounts, the same whichever column each is in. */
export function verdictId(accountA: AccountId, accountB: AccountId, topicKey: string): string {
  const [first, second] = accountA < accountB ? [accountA, accountB] : [accountB, accountA]
  return `${first}|${second}|${topicKey}`
}

/** Words that turn a statement into its opposite, normalised like normalizeText (no accents). */
const negations = new Set([
  // en
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  "didn't",
  "wasn't",
  "don't",
  "doesn't",
  "isn't",
  "weren't",
  "haven't",
  "hasn't",
  "couldn't",
  "won't",
  // fr (ne … pas / jamais / rien / personne / aucun)
  'ne',
  "n'",
  'pas',
  'jamais',
  'rien',
  'aucun',
  'aucune',
  // ru (after normalizeText, й → и)
  'не',
  'нет',
  'никогда',
  'ничего',
  'никто',
  // vi
  'khong',
  'chua',
  'chang',
])

const tokenPattern = /[\p{L}\p{N}':.,]+/gu

/** Numbers, times and amounts as written: "14:05", "14h05", "2 pm" → comparable tokens. */
function salient(text: string): { numbers: Set<string>; negated: boolean } {
  const normal = normalizeText(text)
  const numbers = new Set<string>()
  for (const match of normal.matchAll(/\d+(?:[:h.,]\d+)?/g)) {
    numbers.add(match[0].replace(/[h.,]/g, ':').replace(/^0(\d)/, '$1'))
  }
  let negated = false
  for (const token of normal.match(tokenPattern) ?? []) {
    const word = token.replace(/[.,:]+$/u, '')
    if (negations.has(word) || /^n'/u.test(word) || /n't$/u.test(word)) negated = true
  }
  return { numbers, negated }
}

/** Why a verdict is suggested, for the investigator to confirm or overrule. */
export type SuggestionReason = 'same_words' | 'different_numbers' | 'negation'

export interface VerdictSuggestion {
  readonly verdict: AlignmentVerdict
  readonly reason: SuggestionReason
}

/**
 * A first reading of two sides on one topic: the same words agree; different
 * numbers, times or amounts, or a denial on one side only, conflict. Anything
 * else is for the investigator to judge: null.
 */
export function suggestVerdict(quotesA: readonly string[], quotesB: readonly string[]): VerdictSuggestion | null {
  if (quotesA.length === 0 || quotesB.length === 0) return null
  const textA = quotesA.join(' ')
  const textB = quotesB.join(' ')
  const words = (text: string): string =>
    normalizeText(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  if (words(textA) === words(textB)) return { verdict: 'agree', reason: 'same_words' }
  const a = salient(textA)
  const b = salient(textB)
  if (a.numbers.size > 0 && b.numbers.size > 0) {
    const same = a.numbers.size === b.numbers.size && [...a.numbers].every((n) => b.numbers.has(n))
    if (!same) return { verdict: 'conflict', reason: 'different_numbers' }
  }
  if (a.negated !== b.negated) return { verdict: 'conflict', reason: 'negation' }
  return null
}

export type RowState = 'agree' | 'conflict' | 'only_a' | 'only_b' | 'to_assess'

/** One topic across the two columns of the comparison. */
export interface AlignmentRow {
  readonly topicKey: string
  /** The topic as first written. */
  readonly topic: string
  readonly a: readonly Claim[]
  readonly b: readonly Claim[]
  readonly state: RowState
  /** The investigator's verdict, when given; it overrides the suggestion. */
  readonly decided: AlignmentVerdict | null
  readonly suggestion: VerdictSuggestion | null
}

/**
 * Lines up the claims of two accounts by topic: one row per topic, in the order
 * the first account raises them, then the topics only the second raises.
 */
export function alignClaims(
  accountA: AccountId,
  claimsA: readonly Claim[],
  accountB: AccountId,
  claimsB: readonly Claim[],
  verdicts: ReadonlyMap<string, AlignmentVerdict>,
): AlignmentRow[] {
  const byStart = (x: Claim, y: Claim): number => x.start - y.start
  const groups = new Map<string, { topic: string; a: Claim[]; b: Claim[] }>()
  const group = (claim: Claim): { topic: string; a: Claim[]; b: Claim[] } => {
    let found = groups.get(claim.topicKey)
    if (!found) {
      found = { topic: claim.topic, a: [], b: [] }
      groups.set(claim.topicKey, found)
    }
    return found
  }
  for (const claim of [...claimsA].sort(byStart)) group(claim).a.push(claim)
  for (const claim of [...claimsB].sort(byStart)) group(claim).b.push(claim)

  return [...groups].map(([topicKey, { topic, a, b }]) => {
    const decided = verdicts.get(verdictId(accountA, accountB, topicKey)) ?? null
    const suggestion = suggestVerdict(
      a.map((c) => c.quote),
      b.map((c) => c.quote),
    )
    let state: RowState
    if (a.length === 0) state = 'only_b'
    else if (b.length === 0) state = 'only_a'
    else state = decided ?? suggestion?.verdict ?? 'to_assess'
    return { topicKey, topic, a, b, state, decided: a.length > 0 && b.length > 0 ? decided : null, suggestion }
  })
}

/** Counts per state, for the comparison's summary line. */
export function countStates(rows: readonly AlignmentRow[]): Readonly<Record<RowState, number>> {
  const counts: Record<RowState, number> = { agree: 0, conflict: 0, only_a: 0, only_b: 0, to_assess: 0 }
  for (const row of rows) counts[row.state]++
  return counts
}

/**
 * Where a quote sits in a text: the first exact occurrence, or, failing that, one
 * that differs only in spacing, case or accents. Null when it is not there: a claim
 * must quote the account.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const wanted = quote.trim()
  if (!wanted) return null
  const exact = text.indexOf(wanted)
  if (exact >= 0) return { start: exact, end: exact + wanted.length }
  // Map each character of the normalised text back to its place in the original.
  const target = normalizeText(wanted)
  let normal = ''
  const origin: number[] = []
  let previousSpace = true
  for (let i = 0; i < text.length; i++) {
    const piece = normalizeText(text[i] ?? '')
    if (piece === '') {
      if (/\s/u.test(text[i] ?? '') && !previousSpace) {
        normal += ' '
        origin.push(i)
        previousSpace = true
      }
      continue
    }
    for (const ch of piece) {
      normal += ch
      origin.push(i)
    }
    previousSpace = false
  }
  const at = normal.indexOf(target)
  if (at < 0) return null
  const start = origin[at] ?? 0
  const end = (origin[at + target.length - 1] ?? start) + 1
  return { start, end }
}
