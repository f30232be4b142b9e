import type { Customer } from './case'
import { normalizeText } from './text'

/**
 * Keys that find the same customer across cases despite how a name or number was
 * typed; stored with each case so triage can look up the customer's history by
 * index. Empty means "too little to match on".
 */
export interface CustomerKeys {
  readonly name: string
  readonly phone: string
  readonly email: string
}

/** Which key made two customers look like the same person, shown beside the history as information. */
export type MatchReason = keyof CustomerKeys

/** Apostrophes join (O'Brien = OBrien); other punctuation separates (Jean-Pierre = Jean Pierre). */
const apostrophes = /['’ʼ`]/gu
const nonWordCharacters = /[^\p{L}\p{N}]+/gu

/** A phone number shorter than this is a typo or an extension, not a way to tell people apart. */
const minPhoneDigits = 6
/**
 * Trailing digits compared: enough for a subscriber number in France (9), Vietnam
 * (9) and Russia (10, of which the last 9), while dropping country codes and
 * trunk prefixes: +33 6…, 0033 6… and 06… all end the same way.
 */
const phoneDigitsCompared = 9

/** The matching keys of a customer: name tokens in any order, phone's last digits, email in lower case. */
export function customerKeys(c: Pick<Customer, 'name' | 'phone' | 'email'>): CustomerKeys {
  return { name: nameKey(c.name), phone: phoneKey(c.phone), email: emailKey(c.email) }
}

/** Which keys two customers (or their stored keys) share; empty keys never match. */
export function matchReasons(a: CustomerKeys, b: CustomerKeys): MatchReason[] {
  return (['name', 'phone', 'email'] as const).filter((k) => a[k] !== '' && a[k] === b[k])
}

/** Vietnamese and Russian names are written family-name first or last: sorted tokens ignore the order. */
function nameKey(name: string): string {
  return normalizeText(name.replace(apostrophes, ''))
    .replace(nonWordCharacters, ' ')
    .split(' ')
    .filter((t) => t !== '')
    .sort()
    .join(' ')
}

function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.length < minPhoneDigits ? '' : digits.slice(-phoneDigitsCompared)
}

function emailKey(email: string): string {
  const key = email.trim().toLowerCase()
  return key.includes('@') ? key : ''
}
