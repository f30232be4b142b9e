import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case'
import { slaState, type SlaFlag } from '@shared/domain/sla'
import { formatDateTime } from '../lib/format'

/** The most urgent service-level state of a case, shown wherever the case appears. */
export function SlaBadge({
  item,
  now,
}: {
  item: Pick<CaseRecord, 'due' | 'acknowledgedAt' | 'status' | 'closedAt' | 'receivedAt'>
  now: Date
}): ReactNode {
  const { t } = useTranslation()
  const state = slaState(item, now)
  if (state.worst !== 'overdue' && state.worst !== 'due_soon') return null
  const which = state.acknowledge === state.worst ? 'acknowledge' : 'resolve'
  return <span className={`badge badge--${state.worst}`}>{t(`sla.${state.worst}.${which}`)}</span>
}

/** Both deadlines with their state, for the case page. */
export function SlaDetails({
  item,
  now,
}: {
  item: Pick<CaseRecord, 'due' | 'acknowledgedAt' | 'status' | 'closedAt' | 'receivedAt'>
  now: Date
}): ReactNode {
  const { t, i18n } = useTranslation()
  const state = slaState(item, now)
  const row = (which: 'acknowledge' | 'resolve', due: string | null, flag: SlaFlag): ReactNode => (
    <>
      <dt>{t(`sla.due.${which}`)}</dt>
      <dd>
        {due ? formatDateTime(due, i18n.language) : t('sla.notSet')}{' '}
        <span className={`badge badge--${flag}`}>{t(`sla.flag.${flag}`)}</span>
      </dd>
    </>
  )
  return (
    <dl className="facts facts--stacked">
      {row('acknowledge', item.due.acknowledge, state.acknowledge)}
      {row('resolve', item.due.resolve, state.resolve)}
    </dl>
  )
}

export function StatusBadge({ status }: { status: CaseRecord['status'] }): ReactNode {
  const { t } = useTranslation()
  return <span className={`badge badge--status badge--${status}`}>{t(`status.${status}`)}</span>
}
