import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** A running export, verification or import: its bar and its Cancel. */
export function TaskProgress({
  label,
  progress,
  onCancel,
}: {
  label: string
  progress: { done: number; total: number | null }
  onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const known = progress.total !== null && progress.total > 0
  return (
    <div className="progress-row" aria-live="polite">
      <span>{label}</span>
      <progress
        aria-label={label}
        max={known ? (progress.total ?? 1) : undefined}
        value={known ? progress.done : undefined}
      />
      <button type="button" onClick={onCancel}>
        {t('closure.cancel')}
      </button>
    </div>
  )
}
