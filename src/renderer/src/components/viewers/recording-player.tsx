import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '@shared/domain/evidence'
import { ErrorMessage } from '../error-message'
import { MediaPlayer, type MediaSeekRequest } from './media-player'
import { useApiCall } from '../../hooks/use-api-call'

/** A recording of the vault, played from main's media route; seeks asked for by the exchange. */
export function RecordingPlayer({
  item,
  seekTo,
  onTimeChange,
}: {
  item: EvidenceItem
  seekTo: MediaSeekRequest | undefined
  onTimeChange?: (seconds: number) => void
}): ReactNode {
  const { t } = useTranslation()
  const stat = useApiCall('vault.stat', { sha256: item.sha256 })
  if (stat.status === 'loading') return <p aria-busy="true" className="muted" />
  if (stat.status === 'error') return <ErrorMessage error={stat.error} onRetry={stat.retry} />
  if (!stat.value.mediaUrl) return <p role="alert">{t('interviews.recordingMissing', { name: item.name })}</p>
  return (
    <MediaPlayer
      key={item.id}
      src={stat.value.mediaUrl}
      name={item.name}
      kind={item.type?.mime.startsWith('audio/') ? 'audio' : 'video'}
      seekTo={seekTo}
      onTimeChange={onTimeChange}
    />
  )
}
