import { useLiveQuery } from 'dexie-react-hooks'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { db } from '../../db/db'
import { formatDateTime } from '../../lib/format'

/** Intake forms started and not finished: they survive a restart and wait here. */
export function DraftsList(): ReactNode {
  const { t, i18n } = useTranslation()
  const drafts = useLiveQuery(() => db.drafts.orderBy('updatedAt').reverse().toArray(), [])
  if (!drafts || drafts.length === 0) return null
  return (
    <section className="card drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('cases.drafts', { count: drafts.length })}</h2>
      <ul>
        {drafts.map((d) => {
          const name = ((d.values['customer'] as { name?: string } | undefined)?.name ?? '').trim()
          return (
            <li key={d.id}>
              <Link to={`/intake/${d.id}`}>{name || t('cases.untitledDraft')}</Link>{' '}
              <span className="muted small">
                {t('cases.draftEdited', { date: formatDateTime(d.updatedAt, i18n.language) })}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
