import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '@shared/contract'
import { db } from '../../db/db'
import { useApi } from '../../lib/api/api-context'
import { formatDateTime } from '../../lib/format'
import { runAutomaticBackupIfDue } from './automatic-scheduler'
import { RestoreButton } from './restore-button'

type Status = MethodOutput<'backup.status'>

/** How often the schedule is checked while the app is open. */
const scheduleCheckMs = 5 * 60 * 1000
/** Case counts are reported once the database has been quiet this long. */
const reportDelayMs = 2000

/**
 * Watches over the database while the app is open: tells main how many cases
 * it holds, runs automatic backups when due, and — when the database opens
 * empty although main last counted cases in it (Chromium discards a corrupt
 * IndexedDB and reopens it empty) — says so before anything else, and offers
 * the latest backup.
 */
export function BackupGuard({ children }: { children: ReactNode }): ReactNode {
  const { t } = useTranslation()
  const api = useApi()
  const cases = useLiveQuery(() => db.cases.count(), [])
  const [status, setStatus] = useState<Status | null | 'unavailable'>(null)
  const [acceptedEmpty, setAcceptedEmpty] = useState(false)
  const reported = useRef<number | null>(null)

  useEffect(() => {
    let live = true
    void api.call('backup.status', {}).then((result) => {
      if (live) setStatus(result.ok ? result.value : 'unavailable')
    })
    return () => {
      live = false
    }
  }, [api])

  const known = status !== null && status !== 'unavailable' ? (status.caseCount?.count ?? 0) : 0
  const emptied = cases === 0 && known > 0 && !acceptedEmpty
  const settled = status !== null && cases !== undefined

  // Report the count, but never while an emptied database waits for the user's decision.
  useEffect(() => {
    if (!settled || emptied || cases === undefined || reported.current === cases) return
    const timer = setTimeout(() => {
      reported.current = cases
      void api.call('backup.recordCaseCount', { count: cases })
    }, reportDelayMs)
    return () => clearTimeout(timer)
  }, [api, settled, emptied, cases])

  useEffect(() => {
    if (!settled || emptied) return
    void runAutomaticBackupIfDue(api)
    const timer = setInterval(() => void runAutomaticBackupIfDue(api), scheduleCheckMs)
    return () => clearInterval(timer)
  }, [api, settled, emptied])

  const continueEmpty = useCallback(() => {
    setAcceptedEmpty(true)
    reported.current = 0
    void api.call('backup.recordCaseCount', { count: 0, acceptEmpty: true })
  }, [api])

  if (!settled) return <p aria-busy="true">{t('app.loading')}</p>
  if (emptied && status !== 'unavailable' && status !== null) {
    return <EmptiedDatabase status={status} onContinue={continueEmpty} />
  }
  return children
}

function EmptiedDatabase({ status, onContinue }: { status: Status; onContinue: () => void }): ReactNode {
  const { t, i18n } = useTranslation()
  const record = status.caseCount
  const latest = status.lastBackup
  return (
    <main id="main" className="standalone standalone--wide">
      <section role="alert" className="alert-panel" aria-labelledby="emptied-title">
        <h1 id="emptied-title">{t('backup.emptied.title')}</h1>
        <p>
          {t('backup.emptied.body', {
            cases: t('backup.count.cases', { count: record?.count ?? 0 }),
            date: record ? formatDateTime(record.at, i18n.language) : '',
          })}
        </p>
        <p className="muted">{t('backup.emptied.why')}</p>
      </section>
      <section className="card" aria-labelledby="emptied-latest">
        <h2 id="emptied-latest">{t('backup.emptied.offerTitle')}</h2>
        {latest?.available ? (
          <>
            <p>
              {t('backup.emptied.latest', {
                name: latest.name,
                date: formatDateTime(latest.createdAt, i18n.language),
                cases: t('backup.count.cases', { count: latest.cases }),
              })}
            </p>
          </>
        ) : (
          <p>{latest ? t('backup.emptied.latestMissing', { name: latest.name }) : t('backup.emptied.noBackup')}</p>
        )}
        <div className="stack">
          {latest?.available ? <RestoreButton source="latest" primary /> : null}
          <RestoreButton source="file" />
        </div>
      </section>
      <section className="card" aria-labelledby="emptied-continue">
        <h2 id="emptied-continue">{t('backup.emptied.continueTitle')}</h2>
        <p className="muted">{t('backup.emptied.continueHint')}</p>
        <div>
          <button type="button" className="button" onClick={onContinue}>
            {t('backup.emptied.continue')}
          </button>
        </div>
      </section>
    </main>
  )
}
