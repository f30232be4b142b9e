import type { ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../../components/empty-state'
import { db } from '../../db/db'
import { formatDateTime } from '../../lib/format'

export function CasesPage(): ReactNode {
  const { t, i18n } = useTranslation()
  const cases = useLiveQuery(() => db.cases.orderBy('receivedAt').reverse().toArray(), [])

  return (
    <>
      <header className="page-header">
        <h1>{t('cases.title')}</h1>
        {cases && cases.length > 0 ? (
          <p className="page-header__meta">{t('cases.count', { count: cases.length })}</p>
        ) : null}
      </header>
      {cases === undefined ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : cases.length === 0 ? (
        <EmptyState
          title={t('cases.emptyTitle')}
          action={
            <Link className="button button--primary" to="/settings">
              {t('cases.openSettings')}
            </Link>
          }
        >
          <p>{t('cases.emptyBody')}</p>
          <p>{t('cases.emptyFirstStep')}</p>
        </EmptyState>
      ) : (
        <table className="data-table" aria-label={t('cases.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('cases.columns.ref')}</th>
              <th scope="col">{t('cases.columns.customer')}</th>
              <th scope="col">{t('cases.columns.received')}</th>
              <th scope="col">{t('cases.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>{c.ref}</td>
                <td>{c.customerName}</td>
                <td>{formatDateTime(c.receivedAt, i18n.language)}</td>
                <td>{t(`status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
