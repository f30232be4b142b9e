/**
 * Search that forgives accents and case, so a name typed on any keyboard is found:
 * `Nguyễn` by `nguyen`, `Élodie` by `elodie`, `ИВАНОВ` by `иванов`, `Ёлкина` by
 * `елкина`. Keys are built once when a record is written; queries are normalised
 * the same way.
 */

const combiningMarks = /\p{M}/gu
const whitespace = /\s+/gu
// Letters that are not a base letter plus a mark, so NFD leaves them alone; typists
// usually write them plainly (Đức as Duc, cœur as coeur). ’ and ʼ are the
// apostrophes word processors and phone keyboards put in names like O’Brien.
const plainSpellings: Readonly<Record<string, string>> = { đ: 'd', œ: 'oe', æ: 'ae', '’': "'", ʼ: "'" }
const plainSpellingPattern = /[đœæ’ʼ]/gu

/**
 * The comparable form of a text: without accents or other marks (this also folds
 * й into и and ё into е, as Russian readers do for ё), đ as d, lower case
 * (locale-independent: the same on every laptop), single spaces, trimmed.
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(combiningMarks, '')
    .toLowerCase()
    .replace(plainSpellingPattern, (c) => plainSpellings[c] ?? c)
    .replace(whitespace, ' ')
    .trim()
}

/**
 * Between the parts of a key: a newline can never be inside a query term (terms
 * are split on whitespace), so a term cannot match across two fields.
 */
const keySeparator = '\n'

/** The stored search key of a record (reference, customer, complaint…), built once when it is written. */
export function searchKey(parts: readonly string[]): string {
  return parts
    .map(normalizeText)
    .filter((p) => p !== '')
    .join(keySeparator)
}

/** The normalised terms of a query, in the order typed; none for a blank query. */
export function queryTerms(query: string): readonly string[] {
  const normalized = normalizeText(query)
  return normalized === '' ? [] : normalized.split(' ')
}

// The register calls matchesQuery once per row with the same query: remembering
// the last query's terms keeps a keystroke over 50,000 rows from normalising it
// 50,000 times.
let lastQuery: string | null = null
let lastTerms: readonly string[] = []

/**
 * Whether a search key (from searchKey) contains every term of a query, in any
 * order ("duc nguyen" finds Nguyễn Văn Đức). A blank query matches everything.
 */
export function matchesQuery(key: string, query: string): boolean {
  if (query !== lastQuery) {
    lastTerms = queryTerms(query)
    lastQuery = query
  }
  for (const term of lastTerms) if (!key.includes(term)) return false
  return true
}
