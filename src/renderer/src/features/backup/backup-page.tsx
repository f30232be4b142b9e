import { useCallback, useEffect, useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { unwrap, type ApiErrorShape, type MethodOutput } from '@shared/contract'
import { ErrorMessage } from '../../components/error-message'
import { db } from '../../db/db'
import { useApi } from '../../lib/api/api-context'
import { formatBytes } from '../../lib/bytes'
import { formatDateTime } from '../../lib/format'
import { runBackup, toErrorShape, type BackupResult } from './backup-flow'
import { forgetAutomaticFailure, runAutomaticBackupIfDue } from './automatic-scheduler'
import { FlowError, FlowProgressBar } from './flow-parts'
import { useAutomaticOutcome, useRestoreProof } from './outcomes'
import { RestoreButton } from './restore-button'
import { suggestedBackupName } from './schedule'
import { useFlowProgress } from './use-flow-progress'

type Status = MethodOutput<'backup.status'>

/**
 * Main's backup status, refreshed after each change. The last answer stays on
 * screen while a refresh runs, so forms below it keep what they show.
 */
function useBackupStatus(): { status: Status | null; error: ApiErrorShape | null; refresh: () => void } {
  const api = useApi()
  const [status, setStatus] = useState<Status | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const refresh = useCallback(() => {
    void api.call('backup.status', {}).then((result) => {
      if (result.ok) {
        setStatus(result.value)
        setError(null)
      } else setError(result.error)
    })
  }, [api])
  useEffect(() => refresh(), [refresh])
  return { status, error, refresh }
}

export function BackupPage(): ReactNode {
  const { t } = useTranslation()
  const { status, error, refresh } = useBackupStatus()
  return (
    <>
      <header className="page-header">
        <h1>{t('backup.title')}</h1>
      </header>
      <p className="muted page-intro">{t('backup.intro')}</p>
      <RestoreProofCard />
      <BackupNow onWritten={refresh} />
      <section className="card" aria-labelledby="backup-restore">
        <h2 id="backup-restore">{t('backup.restore.title')}</h2>
        <p className="muted">{t('backup.restore.hint')}</p>
        <RestoreButton source="file" />
      </section>
      {status ? (
        <AutomaticBackups status={status} onChanged={refresh} />
      ) : error ? (
        <ErrorMessage error={error} onRetry={refresh} />
      ) : (
        <p aria-busy="true">{t('app.loading')}</p>
      )}
    </>
  )
}

function BackupNow({ onWritten }: { onWritten: () => void }): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const flow = useFlowProgress()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<BackupResult | null>(null)
  const [error, setError] = useState<ApiErrorShape | null>(null)

  const backUp = async (): Promise<void> => {
    setError(null)
    setResult(null)
    flow.start()
    setBusy(true)
    try {
      const target = unwrap(
        await api.call('dialog.saveFile', {
          title: t('backup.now.saveTitle'),
          suggestedName: suggestedBackupName(new Date()),
          filters: [{ name: t('backup.fileFilter'), extensions: ['zip'] }],
        }),
      )
      if (target.canceled) return
      setResult(await runBackup(api, db, { kind: 'file', grant: target.grant }, flow.callbacks))
      onWritten()
    } catch (failure) {
      setError(toErrorShape(failure))
    } finally {
      flow.stop()
      setBusy(false)
    }
  }

  return (
    <section className="card" aria-labelledby="backup-now">
      <h2 id="backup-now">{t('backup.now.title')}</h2>
      <p className="muted">{t('backup.now.hint')}</p>
      <div>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void backUp()}>
          {t('backup.now.button')}
        </button>
      </div>
      {flow.progress ? <FlowProgressBar progress={flow.progress} onCancel={flow.cancel} /> : null}
      {result ? (
        <p role="status" className="success-message">
          {t('backup.now.done', { name: result.name, size: formatBytes(result.size, i18n.language) })}{' '}
          {t('backup.now.holds', {
            cases: t('backup.count.cases', { count: result.cases }),
            files: t('backup.count.files', { count: result.files }),
          })}
        </p>
      ) : null}
      {error?.code === 'canceled' ? (
        <p role="status">{t('backup.now.canceled')}</p>
      ) : error ? (
        <FlowError error={error} />
      ) : null}
    </section>
  )
}

function RestoreProofCard(): ReactNode {
  const { t } = useTranslation()
  const proof = useRestoreProof()
  if (!proof) return null
  return (
    <section className="card card--success" role="status" aria-labelledby="backup-proof">
      <h2 id="backup-proof">{t('backup.proof.title')}</h2>
      <p>
        {t('backup.proof.restored', {
          name: proof.name,
          cases: t('backup.count.cases', { count: proof.cases }),
          evidence: t('backup.count.evidence', { count: proof.evidence }),
          audit: t('backup.count.audit', { count: proof.audit }),
        })}
      </p>
      <p>{t('backup.proof.hashes', { count: proof.tables.length })}</p>
      <p className="muted small">
        {t('backup.proof.files', {
          restored: t('backup.count.files', { count: proof.filesRestored }),
          present: t('backup.count.files', { count: proof.filesPresent }),
        })}
      </p>
    </section>
  )
}

function AutomaticBackups({ status, onChanged }: { status: Status; onChanged: () => void }): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const outcome = useAutomaticOutcome()
  const frequencyId = useId()
  const keepId = useId()
  const [frequency, setFrequency] = useState(status.schedule.frequency)
  const [keep, setKeep] = useState(String(status.schedule.keep))
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [saved, setSaved] = useState(false)
  const keepNumber = Number(keep)
  const keepValid = Number.isInteger(keepNumber) && keepNumber >= 1 && keepNumber <= 100

  const afterChange = (): void => {
    onChanged()
    forgetAutomaticFailure()
    // A first folder or a new schedule may make a backup due at once.
    void runAutomaticBackupIfDue(api).then((ran) => ran && onChanged())
  }

  const chooseFolder = async (): Promise<void> => {
    setError(null)
    try {
      const picked = unwrap(await api.call('dialog.openFolder', { title: t('backup.auto.folderTitle') }))
      if (picked.canceled) return
      unwrap(await api.call('backup.configure', { folder: picked.grant }))
      afterChange()
    } catch (failure) {
      setError(toErrorShape(failure))
    }
  }

  const saveSchedule = async (): Promise<void> => {
    setError(null)
    setSaved(false)
    if (!keepValid) return
    try {
      unwrap(await api.call('backup.configure', { schedule: { frequency, keep: keepNumber } }))
      setSaved(true)
      afterChange()
    } catch (failure) {
      setError(toErrorShape(failure))
    }
  }

  const last = status.lastBackup
  return (
    <section className="card" aria-labelledby="backup-auto">
      <h2 id="backup-auto">{t('backup.auto.title')}</h2>
      <p className="muted">{t('backup.auto.hint')}</p>
      <dl className="facts">
        <dt>{t('backup.auto.folder')}</dt>
        <dd>
          <span className="folder-choice">
            <span>{status.folderName ?? t('backup.auto.noFolder')}</span>
            <button type="button" onClick={() => void chooseFolder()}>
              {status.folderName ? t('backup.auto.changeFolder') : t('backup.auto.chooseFolder')}
            </button>
          </span>
        </dd>
        <dt>{t('backup.auto.last')}</dt>
        <dd>
          {last ? (
            <>
              {t(last.automatic ? 'backup.auto.lastAutomatic' : 'backup.auto.lastManual', {
                date: formatDateTime(last.createdAt, i18n.language),
                name: last.name,
              })}
              {last.available ? null : <span className="field__error"> {t('backup.auto.lastMissing')}</span>}
            </>
          ) : (
            t('backup.auto.never')
          )}
        </dd>
      </dl>
      <form
        className="inline-form schedule-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void saveSchedule()
        }}
      >
        <div className="field">
          <label htmlFor={frequencyId}>{t('backup.auto.frequency')}</label>
          <select
            id={frequencyId}
            value={frequency}
            onChange={(event) => setFrequency(event.target.value as Status['schedule']['frequency'])}
          >
            {(['daily', 'weekly', 'off'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`backup.auto.frequencies.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={keepId}>{t('backup.auto.keep')}</label>
          <input
            id={keepId}
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            value={keep}
            aria-invalid={!keepValid}
            aria-describedby={keepValid ? undefined : `${keepId}-error`}
            onChange={(event) => setKeep(event.target.value)}
          />
          {keepValid ? null : (
            <span id={`${keepId}-error`} className="field__error">
              {t('backup.auto.keepInvalid')}
            </span>
          )}
        </div>
        <button type="submit" className="button">
          {t('backup.auto.save')}
        </button>
        {saved ? <span role="status">{t('backup.auto.saved')}</span> : null}
      </form>
      {outcome?.ok === true ? (
        <p role="status" className="success-message">
          {t('backup.auto.written', { name: outcome.result.name })}
        </p>
      ) : outcome?.ok === false ? (
        <>
          <p className="field__error">{t('backup.auto.failed', { date: formatDateTime(outcome.at, i18n.language) })}</p>
          <FlowError error={outcome.error} />
        </>
      ) : null}
      {error ? <FlowError error={error} /> : null}
    </section>
  )
}
