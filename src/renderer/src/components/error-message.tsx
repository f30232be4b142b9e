import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiErrorShape } from '@shared/contract'

/** Shows an error from main in the user's language, with a way to try again. */
export function ErrorMessage({ error, onRetry }: { error: ApiErrorShape; onRetry?: () => void }): ReactNode {
  const { t } = useTranslation()
  return (
    <div role="alert" className="error-message">
      <strong>{t('errors.title')}</strong>
      <p>{t(`errors.${error.code}`)}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      ) : null}
    </div>
  )
}
