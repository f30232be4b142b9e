import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { unwrap } from '@shared/contract'
import type { PacketReport } from '@shared/contract/closure-methods'
import type { AuditEntry } from '@shared/domain/audit'
import type { CaseBundle } from '@shared/domain/case-bundle'
import { importCaseBundle, type ImportOutcome } from '../../db/closure-repo'
import { db } from '../../db/db'
import { useProfile } from '../../hooks/use-profile'
import { useApi } from '../../lib/api/api-context'
import { failureKey, useTaskProgress } from './closure-data'
import { PacketReportView } from './packet-report'
import { TaskProgress } from './task-progress'
import './closure.css'

type Report = PacketReport & { name: string }

/**
 * Closure packets that arrive from elsewhere: verify one (the same checks as
 * `npm run verify`), and import a verified one into this database — how a
 * manager receives a case to countersign.
 */
export function PacketsPage(): ReactNode {
  const { t } = useTranslation()
  const api = useApi()
  const profile = useProfile()
  const task = useTaskProgress()
  const [report, setReport] = useState<Report | null>(null)
  const [imported, setImported] = useState<ImportOutcome | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const pick = async (): Promise<string | null> => {
    const picked = unwrap(
      await api.call('dialog.openFile', {
        title: t('packets.pickTitle'),
        filters: [{ name: t('closure.export.fileFilter'), extensions: ['zip'] }],
        multiple: false,
      }),
    )
    return picked.canceled ? null : (picked.files[0]?.grant ?? null)
  }

  const run = async (mode: 'verify' | 'import'): Promise<void> => {
    setReport(null)
    setImported(null)
    setFailure(null)
    try {
      const grant = await pick()
      if (!grant) return
      const taskId = task.begin()
      if (mode === 'verify') {
        setReport(unwrap(await api.call('packet.verify', { grant, taskId })))
        return
      }
      const result = unwrap(await api.call('packet.import', { grant, taskId }))
      setReport(result.report)
      if (!result.report.ok || result.bundleJson === null || result.auditJsonl === null) return
      const bundle = JSON.parse(result.bundleJson) as CaseBundle
      const audit = result.auditJsonl
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as AuditEntry)
      setImported(await importCaseBundle(db, bundle, audit, { name: profile?.name ?? '' }))
    } catch (error) {
      setFailure(failureKey(error).key)
    } finally {
      task.end()
    }
  }

  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t('packets.title')}</h1>
          <p className="page-header__meta">{t('packets.intro')}</p>
        </div>
      </header>
      <section className="card" aria-labelledby="packets-actions">
        <h2 id="packets-actions">{t('packets.actions')}</h2>
        <div className="form-actions">
          <button type="button" className="button" disabled={task.progress !== null} onClick={() => void run('verify')}>
            {t('packets.verify')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={task.progress !== null}
            onClick={() => void run('import')}
          >
            {t('packets.import')}
          </button>
        </div>
        <p className="muted small">{t('packets.cliHint')}</p>
        {task.progress ? (
          <TaskProgress label={t('packets.running')} progress={task.progress} onCancel={task.cancel} />
        ) : null}
        {failure ? (
          <p role="alert" className="error-message">
            {t(failure === 'errors.canceled' ? 'packets.canceled' : failure)}
          </p>
        ) : null}
        {imported ? (
          <p role="status" className="success-message">
            {t(imported.kind === 'created' ? 'packets.imported.created' : 'packets.imported.updated', {
              ref: imported.ref,
            })}{' '}
            <Link to={`/cases/${imported.caseId}`}>{t('packets.imported.open', { ref: imported.ref })}</Link>
          </p>
        ) : null}
      </section>
      {report ? (
        <section className="card" aria-labelledby="packets-report">
          <h2 id="packets-report">{t('packets.report')}</h2>
          <PacketReportView report={report} />
        </section>
      ) : null}
    </>
  )
}
