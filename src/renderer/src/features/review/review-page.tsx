import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'

export function ReviewPage(): ReactNode {
  const { t } = useTranslation()
  return (
    <>
      <header className="page-header">
        <h1>{t('review.title')}</h1>
      </header>
      <EmptyState title={t('review.emptyTitle')}>
        <p>{t('review.emptyBody')}</p>
      </EmptyState>
    </>
  )
}
