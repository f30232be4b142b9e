import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Party } from '@shared/domain/investigation'

/** The options of a "who" select: nothing chosen yet, then each person with their part in the case. */
export function PartyOptions({ parties }: { parties: readonly Party[] }): ReactNode {
  const { t } = useTranslation()
  return (
    <>
      <option value="">{t('triage.choose')}</option>
      {parties.map((party) => (
        <option key={party.id} value={party.id}>
          {party.name} ({t(`parties.roles.${party.role}`)})
        </option>
      ))}
    </>
  )
}
