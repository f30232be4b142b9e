import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Said next to a form whose save failed: nothing typed is lost, the user can try again. */
export function SaveFailed({ failed, className }: { failed: boolean; className?: string }): ReactNode {
  const { t } = useTranslation()
  return failed ? (
    <p role="alert" className={`error-message ${className ?? ''}`.trim()}>
      {t('errors.internal')}
    </p>
  ) : null
}
