import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { zoomIn, zoomOut } from './zoom'
import './viewers.css'

export interface ImageViewerProps {
  /** Media URL: `/media/<sha256>` in the harness, `media://vault/<sha256>` in Electron. */
  readonly src: string
  /** The file's name, for labels and the image's alternative text. */
  readonly name: string
  /** Shown with the error when the image cannot be drawn, e.g. a way to open it elsewhere. */
  readonly fallbackAction?: ReactNode
}

/** A photo or scan, fitted to the space at first, zoomable and then scrollable. */
export function ImageViewer(props: ImageViewerProps): ReactNode {
  // A new file starts fitted again, without the previous one's error.
  return <ImageView key={props.src} {...props} />
}

interface NaturalSize {
  readonly width: number
  readonly height: number
}

function ImageView({ src, name, fallbackAction }: ImageViewerProps): ReactNode {
  const { t, i18n } = useTranslation()
  const [zoom, setZoom] = useState<number | 'fit'>('fit')
  const [natural, setNatural] = useState<NaturalSize | null>(null)
  const [fittedScale, setFittedScale] = useState(1)
  const [failed, setFailed] = useState(false)
  const imageRef = useRef<HTMLImageElement>(null)

  useEffect(() => {
    const image = imageRef.current
    if (!image) return
    // How large "fit" really is depends on the window: measured each time the drawn image resizes.
    const observer = new ResizeObserver(() => {
      if (image.naturalWidth > 0 && image.classList.contains('viewer-image--fit')) {
        setFittedScale(image.clientWidth / image.naturalWidth)
      }
    })
    observer.observe(image)
    return () => observer.disconnect()
  }, [])

  const percent = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
    [i18n.language],
  )
  const scale = zoom === 'fit' ? fittedScale : zoom
  const zoomedStyle =
    zoom !== 'fit' && natural ? { width: `${natural.width * zoom}px`, height: `${natural.height * zoom}px` } : undefined

  return (
    <section className="viewer viewer--image" aria-label={name}>
      <div className="viewer-toolbar" role="group" aria-label={t('viewers.image.controls', { name })}>
        <button type="button" onClick={() => setZoom(zoomOut(scale))} disabled={failed}>
          {t('viewers.zoom.out')}
        </button>
        <span role="status" className="viewer-toolbar__readout">
          <span className="visually-hidden">{t('viewers.zoom.level')} </span>
          {percent.format(scale)}
        </span>
        <button type="button" onClick={() => setZoom(zoomIn(scale))} disabled={failed}>
          {t('viewers.zoom.in')}
        </button>
        <button type="button" onClick={() => setZoom('fit')} disabled={failed || zoom === 'fit'}>
          {t('viewers.image.reset')}
        </button>
      </div>
      {failed ? (
        <div role="alert" className="viewer-error">
          <p>{t('viewers.image.unreadable')}</p>
          {fallbackAction}
        </div>
      ) : null}
      <div
        className="viewer-stage viewer-stage--image"
        role="group"
        tabIndex={0}
        aria-label={t('viewers.image.stage', { name })}
        hidden={failed}
      >
        <img
          ref={imageRef}
          src={src}
          alt={name}
          className={zoom === 'fit' ? 'viewer-image viewer-image--fit' : 'viewer-image'}
          style={zoomedStyle}
          draggable={false}
          onLoad={(e) => {
            const image = e.currentTarget
            // Some formats report no intrinsic size; treating them as 300 px keeps zoom usable.
            setNatural({ width: image.naturalWidth || 300, height: image.naturalHeight || 300 })
            if (image.naturalWidth > 0) setFittedScale(image.clientWidth / image.naturalWidth)
            setFailed(false)
          }}
          onError={() => setFailed(true)}
        />
      </div>
    </section>
  )
}
