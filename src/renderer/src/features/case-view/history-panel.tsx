import Dexie from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { verifyChain } from '@shared/domain/audit-chain'
import type { FieldChange } from '@shared/domain/audit'
import type { CaseRecord } from '@shared/domain/case'
import { db } from '../../db/db'
import { formatDateTime } from '../../lib/format'

/** Shows a recorded value briefly: long texts and images are cut, objects shown as JSON. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') {
    if (value.startsWith('data:image/')) return '[image]'
    return value.length > 120 ? `${value.slice(0, 120)}…` : value
  }
  const json = JSON.stringify(value)
  return json.length > 120 ? `${json.slice(0, 120)}…` : json
}

const latestShown = 15
const changesShown = 4

function Change({ change }: { change: FieldChange }): ReactNode {
  return (
    <li>
      <code>{change.field}</code>:{' '}
      {change.from === null || change.from === undefined
        ? show(change.to)
        : `${show(change.from)} → ${show(change.to)}`}
    </li>
  )
}

/** The case's audit trail, newest first, with the verdict of its hash chain. */
export function HistoryPanel({ record }: { record: CaseRecord }): ReactNode {
  const { t, i18n } = useTranslation()
  const entries = useLiveQuery(
    () => db.audit.where('[chain+seq]').between([record.id, Dexie.minKey], [record.id, Dexie.maxKey]).toArray(),
    [record.id],
  )
  const [showAll, setShowAll] = useState(false)
  if (!entries) return null
  const verdict = verifyChain(entries)
  // A long investigation writes hundreds of entries: the latest first, the rest on request.
  const newestFirst = [...entries].reverse()
  const shown = showAll ? newestFirst : newestFirst.slice(0, latestShown)
  return (
    <section className="card" aria-labelledby="case-history">
      <h2 id="case-history">{t('history.title')}</h2>
      <p role="status" className={verdict.ok ? 'chain chain--ok' : 'chain chain--broken'}>
        {verdict.ok
          ? t('history.chainOk', { count: verdict.count })
          : t('history.chainBroken', { seq: verdict.firstBroken, reason: t(`history.reasons.${verdict.reason}`) })}
      </p>
      <ol className="timeline" reversed>
        {shown.map((e) => (
          <li key={e.seq}>
            <div>
              <strong>#{e.seq}</strong> · {formatDateTime(e.at, i18n.language)} · {e.by} ·{' '}
              {t(`history.actions.${e.action}`, { defaultValue: e.action })} (
              {t(`history.entities.${e.entity}`, { defaultValue: e.entity })})
            </div>
            <ul className="changes">
              {e.changes.slice(0, changesShown).map((c) => (
                <Change key={c.field} change={c} />
              ))}
              {e.changes.length > changesShown ? (
                <li>
                  <details>
                    <summary>{t('history.more', { count: e.changes.length - changesShown })}</summary>
                    <ul>
                      {e.changes.slice(changesShown).map((c) => (
                        <Change key={c.field} change={c} />
                      ))}
                    </ul>
                  </details>
                </li>
              ) : null}
            </ul>
          </li>
        ))}
      </ol>
      {newestFirst.length > latestShown ? (
        <button type="button" className="button" onClick={() => setShowAll(!showAll)}>
          {showAll
            ? t('history.showLatest', { count: latestShown })
            : t('history.showAll', { count: newestFirst.length })}
        </button>
      ) : null}
    </section>
  )
}
