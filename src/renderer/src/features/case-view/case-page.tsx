import { useLiveQuery } from 'dexie-react-hooks'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { CaseId, CaseRecord } from '@shared/domain/case'
import type { Profile } from '@shared/domain/profile'
import { SlaBadge, SlaDetails, StatusBadge } from '../../components/sla-badge'
import { db } from '../../db/db'
import { useNow } from '../../hooks/use-now'
import { useProfile } from '../../hooks/use-profile'
import { formatApproximateDate, formatDateTime } from '../../lib/format'
import { CommunicationsPanel } from './communications-panel'
import { HistoryPanel } from './history-panel'
import { TriagePanel } from './triage-panel'

/** Sections other features add to the case page; the app shell composes them (features stay independent). */
export type CaseSections = (props: { record: CaseRecord; profile: Profile }) => ReactNode

export function CasePage({ sections }: { sections?: CaseSections }): ReactNode {
  const { caseId = '' } = useParams()
  const { t } = useTranslation()
  const record = useLiveQuery(async () => (await db.cases.get(caseId as CaseId)) ?? null, [caseId])
  const profile = useProfile()
  if (record === undefined || profile === undefined) return <p aria-busy="true">{t('app.loading')}</p>
  if (record === null || profile === null) {
    return (
      <p role="alert">
        {t('caseView.notFound')} <Link to="/cases">{t('caseView.backToRegister')}</Link>
      </p>
    )
  }
  return <CaseView record={record} profile={profile} sections={sections} />
}

function CaseView({
  record,
  profile,
  sections: Sections,
}: {
  record: CaseRecord
  profile: Profile
  sections?: CaseSections | undefined
}): ReactNode {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const locale = i18n.language
  return (
    <>
      <nav aria-label={t('caseView.breadcrumb')} className="breadcrumb">
        <Link to="/cases">{t('nav.cases')}</Link> / <span>{record.ref}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>
            {record.ref} · {record.customer.name}
          </h1>
          <p className="page-header__meta">
            {t('caseView.receivedLine', {
              date: formatDateTime(record.receivedAt, locale),
              by: record.receivedBy,
              department: record.department,
            })}
          </p>
        </div>
        <div className="badges">
          <StatusBadge status={record.status} />
          {record.triage ? (
            <span className={`badge badge--${record.triage.severity}`}>{t(`severity.${record.triage.severity}`)}</span>
          ) : null}
          <SlaBadge item={record} now={now} />
        </div>
      </header>

      <div className="case-grid">
        <section className="card" aria-labelledby="case-complaint">
          <h2 id="case-complaint">{t('caseView.complaint')}</h2>
          <dl className="facts">
            <dt>{t('intake.fields.channel')}</dt>
            <dd>{t(`channel.${record.channel}`)}</dd>
            <dt>{t('intake.fields.eventDate.value')}</dt>
            <dd>
              {formatApproximateDate(record.eventDate, locale)}
              {record.eventDate.precision !== 'day'
                ? ` (${t(`intake.approximate.${record.eventDate.precision}`)})`
                : ''}
            </dd>
            <dt>{t('intake.fields.customer.address')}</dt>
            <dd className="pre-line">{record.customer.address}</dd>
            <dt>{t('caseView.contact')}</dt>
            <dd>{[record.customer.phone, record.customer.email].filter(Boolean).join(' · ')}</dd>
            <dt>{t('intake.fields.customer.language')}</dt>
            <dd>{t(`languageName.${record.customer.language}`)}</dd>
          </dl>
          <h3>{t('intake.fields.complaint')}</h3>
          <blockquote lang={record.customer.language} className="quote">
            {record.complaint}
          </blockquote>
          <h3>{t('intake.fields.remedy')}</h3>
          <p lang={record.customer.language}>{record.remedy}</p>
          {record.signature ? (
            <figure className="signature-view">
              <img src={record.signature.image} alt={t('caseView.signatureAlt', { name: record.customer.name })} />
              <figcaption>
                {t('caseView.signedAt', { date: formatDateTime(record.signature.signedAt, locale) })}
              </figcaption>
            </figure>
          ) : null}
        </section>

        <section className="card" aria-labelledby="case-sla">
          <h2 id="case-sla">{t('sla.title')}</h2>
          <SlaDetails item={record} now={now} />
        </section>
      </div>

      <TriagePanel record={record} profile={profile} />
      <CommunicationsPanel record={record} profile={profile} />
      {Sections ? <Sections record={record} profile={profile} /> : null}
      <HistoryPanel record={record} />
    </>
  )
}
