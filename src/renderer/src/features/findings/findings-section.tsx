import { useId, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case'
import type { FactId } from '@shared/domain/investigation'
import type { Profile } from '@shared/domain/profile'
import { DiscrepancyLog } from './discrepancy-log'
import { FactRegister, type FactHighlight } from './fact-register'
import { FindingsReadOnly, namesFor, useFindingsData } from './findings-data'
import { TasksList } from './tasks-list'

/**
 * What the investigation established: the discrepancy log, the register of facts
 * it feeds, and the follow-up tasks doubtful facts open.
 */
export function FindingsSection({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const id = useId()
  const data = useFindingsData(record.id)
  const [highlight, setHighlight] = useState<FactHighlight | null>(null)
  const names = useMemo(() => (data ? namesFor(data, t, i18n.language) : null), [data, t, i18n.language])
  const actor = useMemo(() => ({ name: profile.name }), [profile.name])
  const showFact = (factId: FactId): void => setHighlight((h) => ({ factId, n: (h?.n ?? 0) + 1 }))

  return (
    <section className="card findings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('findings.title')}</h2>
      {!data || !names ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <FindingsReadOnly.Provider value={record.status === 'closed' || record.status === 'declined'}>
          <DiscrepancyLog data={data} names={names} actor={actor} onShowFact={showFact} />
          <FactRegister caseId={record.id} data={data} names={names} actor={actor} highlight={highlight} />
          <TasksList data={data} actor={actor} onShowFact={showFact} />
        </FindingsReadOnly.Provider>
      )}
    </section>
  )
}
