import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiErrorShape } from '@shared/contract'
import type { FlowProgress } from './use-flow-progress'

/** The running step with its bar; Cancel where the step can still stop cleanly. */
export function FlowProgressBar({
  progress,
  onCancel,
}: {
  progress: FlowProgress
  onCancel?: (() => void) | undefined
}): ReactNode {
  const { t } = useTranslation()
  const label = t(`backup.stage.${progress.stage}`)
  const known = progress.total !== null && progress.total > 0
  return (
    <div className="progress-row" aria-live="polite">
      <span>{label}</span>
      <progress
        aria-label={label}
        max={known ? (progress.total ?? 1) : undefined}
        value={known ? progress.done : undefined}
      />
      {onCancel ? (
        <button type="button" onClick={onCancel}>
          {t('backup.cancel')}
        </button>
      ) : null}
    </div>
  )
}

/** A failure in the user's language, naming the file inside the backup when main said which. */
export function FlowError({ error }: { error: ApiErrorShape }): ReactNode {
  const { t } = useTranslation()
  return (
    <div role="alert" className="error-message">
      <p>{t(`errors.${error.code}`)}</p>
      {error.subject ? (
        <p className="small">
          {t('backup.errorSubject')} <code className="hash">{error.subject}</code>
        </p>
      ) : null}
      <p className="small">{t('backup.nothingChanged')}</p>
    </div>
  )
}
