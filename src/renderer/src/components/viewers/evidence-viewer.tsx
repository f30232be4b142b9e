import { lazy, Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ImageViewer } from './image-viewer'
import { MediaPlayer, type MediaBookmark, type MediaSeekRequest } from './media-player'
import { OpenExternally } from './open-externally'
import { TextViewer } from './text-viewer'
import { viewerKindOf } from './viewer-kind'
import './viewers.css'

// pdf.js is most of the viewers' weight: loaded the first time a PDF is opened, not with the app.
const PdfViewer = lazy(() => import('./pdf-viewer').then((module) => ({ default: module.PdfViewer })))

export interface EvidenceViewerProps {
  /** Media URL: `/media/<sha256>` in the harness, `media://vault/<sha256>` in Electron. */
  readonly src: string
  /** The file's original name, for labels. */
  readonly name: string
  /** The type detected from the bytes at ingest; null when nothing was recognised. */
  readonly mime: string | null
  /** Recordings only: see MediaPlayer. */
  readonly bookmarks?: readonly MediaBookmark[]
  readonly onAddBookmark?: (bookmark: MediaBookmark) => void
  readonly seekTo?: MediaSeekRequest
  /** Opens the file in the system's default application (after the user confirms); no button without it. */
  readonly onOpenExternally?: () => void
}

/** The right viewer for a stored file, or a way out to the system's application for types the app cannot show. */
export function EvidenceViewer({
  src,
  name,
  mime,
  bookmarks,
  onAddBookmark,
  seekTo,
  onOpenExternally,
}: EvidenceViewerProps): ReactNode {
  const { t } = useTranslation()
  const kind = viewerKindOf(mime)
  // The same way out when a file of a known type still cannot be shown (an unsupported codec, a damaged file).
  const fallbackAction = onOpenExternally ? <OpenExternally name={name} onOpen={onOpenExternally} /> : undefined

  switch (kind) {
    case 'video':
    case 'audio':
      return (
        <MediaPlayer
          key={src}
          src={src}
          name={name}
          kind={kind}
          bookmarks={bookmarks}
          onAddBookmark={onAddBookmark}
          seekTo={seekTo}
          fallbackAction={fallbackAction}
        />
      )
    case 'pdf':
      return (
        <Suspense
          fallback={
            <p role="status" className="viewer-status">
              {t('viewers.pdf.loading')}
            </p>
          }
        >
          <PdfViewer src={src} name={name} fallbackAction={fallbackAction} />
        </Suspense>
      )
    case 'image':
      return <ImageViewer src={src} name={name} fallbackAction={fallbackAction} />
    case 'text':
    case 'email':
      return <TextViewer src={src} name={name} email={kind === 'email'} fallbackAction={fallbackAction} />
    case null:
      return (
        <section className="viewer viewer--unsupported" aria-label={name}>
          <p className="viewer-unsupported__title">{t('viewers.unsupported.title')}</p>
          <p className="viewer-muted">
            {t('viewers.unsupported.body', { name, type: mime ?? t('viewers.unsupported.unknownType') })}
          </p>
          {fallbackAction}
        </section>
      )
  }
}
