import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { unwrap, type ApiErrorShape } from '@shared/contract'
import { db } from '../../db/db'
import { useApi } from '../../lib/api/api-context'
import { formatBytes } from '../../lib/bytes'
import { formatDateTime } from '../../lib/format'
import { openBackup, restoreBackup, toErrorShape, type OpenedBackup } from './backup-flow'
import { FlowError, FlowProgressBar } from './flow-parts'
import { publishRestoreProof } from './outcomes'
import { useFlowProgress } from './use-flow-progress'

/**
 * Restore, from a file the user picks or from the latest backup main knows of.
 * The whole archive is checked before anything else; then a confirmation says
 * what the backup holds and that it replaces the current data; only then are the
 * vault and the database restored.
 */
export function RestoreButton({
  source,
  primary = false,
}: {
  source: 'file' | 'latest'
  primary?: boolean
}): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const navigate = useNavigate()
  const flow = useFlowProgress()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiErrorShape | null>(null)
  const [opened, setOpened] = useState<OpenedBackup | null>(null)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()

  useEffect(() => {
    if (opened && !dialogRef.current?.open) dialogRef.current?.showModal()
  }, [opened])

  const check = async (): Promise<void> => {
    setError(null)
    flow.start()
    setBusy(true)
    try {
      let picked: { kind: 'file'; grant: string } | { kind: 'latest' } = { kind: 'latest' }
      if (source === 'file') {
        const answer = await api.call('dialog.openFile', {
          title: t('backup.restore.pickTitle'),
          filters: [{ name: t('backup.fileFilter'), extensions: ['zip'] }],
        })
        const value = unwrap(answer)
        if (value.canceled || !value.files[0]) return
        picked = { kind: 'file', grant: value.files[0].grant }
      }
      setOpened(await openBackup(api, picked, flow.callbacks))
    } catch (failure) {
      setError(toErrorShape(failure))
    } finally {
      flow.stop()
      setBusy(false)
    }
  }

  const dismiss = (): void => {
    dialogRef.current?.close()
    if (opened) void api.call('backup.close', { id: opened.id })
    setOpened(null)
  }

  const restore = async (): Promise<void> => {
    if (!opened) return
    dialogRef.current?.close()
    setOpened(null)
    flow.start()
    setBusy(true)
    try {
      const proof = await restoreBackup(api, db, opened, flow.callbacks)
      publishRestoreProof(proof)
      void navigate('/backup')
    } catch (failure) {
      setError(toErrorShape(failure))
    } finally {
      flow.stop()
      setBusy(false)
    }
  }

  const rows = (name: string): number => opened?.database.tables.find((table) => table.name === name)?.rows ?? 0
  const cancellable = flow.progress?.stage === 'verify' || flow.progress?.stage === 'vault'

  return (
    <div className="stack">
      <div>
        <button
          type="button"
          className={primary ? 'button button--primary' : 'button'}
          disabled={busy}
          onClick={() => void check()}
        >
          {source === 'file' ? t('backup.restore.fromFile') : t('backup.restore.latest')}
        </button>
      </div>
      {flow.progress ? (
        <FlowProgressBar progress={flow.progress} onCancel={cancellable ? flow.cancel : undefined} />
      ) : null}
      {error ? <FlowError error={error} /> : null}
      <dialog
        ref={dialogRef}
        className="confirm-dialog"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onCancel={(event) => {
          event.preventDefault()
          dismiss()
        }}
      >
        {opened ? (
          <>
            <h2 id={titleId} className="confirm-dialog__title">
              {t('backup.restore.confirmTitle')}
            </h2>
            <div id={bodyId}>
              <p>
                {t('backup.restore.verified', {
                  name: opened.name,
                  date: formatDateTime(opened.createdAt, i18n.language),
                  version: opened.appVersion,
                })}
              </p>
              <p>
                {t('backup.restore.holds', {
                  cases: t('backup.count.cases', { count: rows('cases') }),
                  evidence: t('backup.count.evidence', { count: rows('evidence') }),
                  files: t('backup.count.files', { count: opened.vault.files }),
                  size: formatBytes(opened.vault.bytes, i18n.language),
                })}
              </p>
              <p>
                <strong>{t('backup.restore.replaces')}</strong>
              </p>
            </div>
            <div className="confirm-dialog__actions">
              {/* First in order, so the safe choice is the one a stray Enter picks. */}
              <button type="button" onClick={dismiss}>
                {t('backup.cancel')}
              </button>
              <button type="button" className="button--primary" onClick={() => void restore()}>
                {t('backup.restore.confirm')}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </div>
  )
}
