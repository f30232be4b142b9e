import type { Language } from '../i18n/languages'

export const roles = ['investigator', 'manager'] as const
export type Role = (typeof roles)[number]

/** Who uses this installation; every record and audit entry names them. */
export interface Profile {
  readonly id: 'me'
  readonly name: string
  readonly role: Role
  readonly organisation: string
  readonly department: string
  /** Prefix of case references, e.g. LYON in LYON-2026-0042. */
  readonly casePrefix: string
  readonly language: Language
  readonly createdAt: string
}

/** Service levels, editable in settings. */
export interface SlaSettings {
  readonly id: 'sla'
  /** Hours from receipt within which the customer must be acknowledged. */
  readonly acknowledgeHours: number
  /** Calendar days from receipt to resolution, by severity. */
  readonly resolveDays: { readonly minor: number; readonly major: number }
  /** IANA time zone in which calendar days are counted, e.g. Europe/Paris. */
  readonly timeZone: string
}

export const defaultSla = (timeZone: string): SlaSettings => ({
  id: 'sla',
  acknowledgeHours: 24,
  resolveDays: { minor: 30, major: 10 },
  timeZone,
})
