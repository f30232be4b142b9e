import type { TFunction } from 'i18next'
import type { CaseRecord } from '@shared/domain/case'
import type { Task } from '@shared/domain/investigation'
import type { LetterValues } from '@shared/domain/letter-template'
import type { Profile } from '@shared/domain/profile'
import type { Resolution } from '@shared/domain/resolution'
import type { Language } from '@shared/i18n/languages'
import { formatDate } from '../../lib/format'
import { compensationText } from './decision-form'

/**
 * What the letter's placeholders become, in the letter's language (which may
 * differ from the handler's): kinds of compensation in that language, amounts
 * in its currency format, one measure per line.
 */
export function letterValues(input: {
  record: CaseRecord
  profile: Profile
  resolution: Resolution | null
  measures: readonly Task[]
  language: Language
  /** A t fixed to the letter's language. */
  t: TFunction
}): LetterValues {
  const { record, profile, resolution, measures, language, t } = input
  const compensation = resolution?.compensation ?? []
  return {
    customer: record.customer.name,
    reference: record.ref,
    ...(resolution ? { decision: resolution.decision } : {}),
    ...(resolution
      ? {
          compensation:
            compensation.length === 0
              ? t('caseReview.compensationKinds.none')
              : compensation.map((c) => compensationText(c, t, language)).join('; '),
        }
      : {}),
    measures: measures.length === 0 ? t('resolution.letter.noMeasures') : measures.map((m) => `– ${m.text}`).join('\n'),
    ...(profile.organisation ? { organisation: profile.organisation } : {}),
    handler: profile.name,
    date: formatDate(record.receivedAt, language),
  }
}
