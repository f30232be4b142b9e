import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import * as pdfjs from 'pdfjs-dist'
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import { zoomIn, zoomOut } from './zoom'
import './viewers.css'

// Vite emits the worker as a file of our own origin, which is all worker-src 'self' allows.
pdfjs.GlobalWorkerOptions.workerSrc = workerUrl

export interface PdfViewerProps {
  /** Media URL: `/media/<sha256>` in the harness, `media://vault/<sha256>` in Electron. */
  readonly src: string
  /** The file's name, for labels. */
  readonly name: string
  /** Shown with the error when the file cannot be read, e.g. a way to open it elsewhere. */
  readonly fallbackAction?: ReactNode
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly doc: PDFDocumentProxy }
  | { readonly status: 'error'; readonly reason: 'unreadable' | 'password' }

/**
 * Options that keep pdf.js inside the page's CSP: no eval, no WebAssembly (the CSP
 * has no 'wasm-unsafe-eval'; pdf.js falls back to JavaScript decoders), and no range
 * or streaming requests of its own since the bytes are handed over whole.
 * `isEvalSupported` is gone from pdf.js 6 (it no longer compiles with eval); it is
 * still passed so that an older pdf.js could never turn eval back on.
 */
const safeOptions = {
  isEvalSupported: false,
  useWasm: false,
  disableRange: true,
  disableStream: true,
  disableAutoFetch: true,
  enableXfa: false,
} as const

/** A PDF drawn page by page with pdf.js, with page navigation and zoom. */
export function PdfViewer(props: PdfViewerProps): ReactNode {
  // A new file starts from a clean state (loading, page 1, fit width).
  return <PdfDocumentView key={props.src} {...props} />
}

function PdfDocumentView({ src, name, fallbackAction }: PdfViewerProps): ReactNode {
  const { t } = useTranslation()
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  useEffect(() => {
    const abort = new AbortController()
    let task: PDFDocumentLoadingTask | null = null
    const open = async (): Promise<void> => {
      try {
        // Fetched here, not by pdf.js: one plain request that works the same over HTTP and media://.
        const response = await fetch(src, { signal: abort.signal })
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        const data = new Uint8Array(await response.arrayBuffer())
        if (abort.signal.aborted) return
        task = pdfjs.getDocument({ data, ...safeOptions })
        const doc = await task.promise
        if (!abort.signal.aborted) setLoad({ status: 'ready', doc })
      } catch (error) {
        if (abort.signal.aborted) return
        const password = error instanceof Error && error.name === 'PasswordException'
        setLoad({ status: 'error', reason: password ? 'password' : 'unreadable' })
      }
    }
    void open()
    return () => {
      abort.abort()
      // Destroying the task also destroys its document and frees the worker.
      void task?.destroy()
    }
  }, [src])

  return (
    <section className="viewer viewer--pdf" aria-label={name}>
      {load.status === 'loading' ? (
        <p role="status" className="viewer-status">
          {t('viewers.pdf.loading')}
        </p>
      ) : load.status === 'error' ? (
        <div role="alert" className="viewer-error">
          <p>{t(load.reason === 'password' ? 'viewers.pdf.password' : 'viewers.pdf.unreadable')}</p>
          {fallbackAction}
        </div>
      ) : (
        <PdfPages doc={load.doc} name={name} />
      )}
    </section>
  )
}

/** Above this many device pixels a page canvas costs too much memory; the sharpness is capped instead. */
const maxCanvasPixels = 16_777_216

/** Room left around a fitted page so its edges and shadow stay visible. */
const stageMargin = 16

function PdfPages({ doc, name }: { doc: PDFDocumentProxy; name: string }): ReactNode {
  const { t, i18n } = useTranslation()
  const total = doc.numPages
  const [page, setPage] = useState(1)
  const [pageDraft, setPageDraft] = useState('1')
  const [zoom, setZoom] = useState<number | 'fit'>('fit')
  const [stageWidth, setStageWidth] = useState(0)
  const [renderedScale, setRenderedScale] = useState<number | null>(null)
  const [renderFailed, setRenderFailed] = useState(false)
  const stageRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const pageInputId = useId()

  useEffect(() => {
    const stage = stageRef.current
    if (!stage) return
    // The first callback arrives right after observe(): that is the initial measurement.
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? 0
      setStageWidth(Math.floor(width))
    })
    observer.observe(stage)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (zoom === 'fit' && stageWidth === 0) return
    let cancelled = false
    let task: RenderTask | null = null
    const draw = async (): Promise<void> => {
      try {
        const pdfPage = await doc.getPage(page)
        const canvas = canvasRef.current
        if (cancelled || !canvas) return
        // 100 % is the page's real size on screen, as in a PDF reader, not one CSS pixel per point.
        const natural = pdfPage.getViewport({ scale: pdfjs.PixelsPerInch.PDF_TO_CSS_UNITS })
        const scale = zoom === 'fit' ? Math.max(0.05, (stageWidth - stageMargin) / natural.width) : zoom
        const viewport = pdfPage.getViewport({ scale: scale * pdfjs.PixelsPerInch.PDF_TO_CSS_UNITS })
        const area = viewport.width * viewport.height
        const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(maxCanvasPixels / Math.max(1, area)))
        canvas.width = Math.floor(viewport.width * ratio)
        canvas.height = Math.floor(viewport.height * ratio)
        canvas.style.width = `${Math.floor(viewport.width)}px`
        canvas.style.height = `${Math.floor(viewport.height)}px`
        task = pdfPage.render({
          canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        })
        await task.promise
        if (cancelled) return
        setRenderedScale(scale)
        setRenderFailed(false)
      } catch (error) {
        if (cancelled || error instanceof pdfjs.RenderingCancelledException) return
        setRenderFailed(true)
      }
    }
    void draw()
    return () => {
      cancelled = true
      task?.cancel()
    }
  }, [doc, page, zoom, stageWidth])

  const goTo = (target: number): void => {
    const next = Math.min(Math.max(1, target), total)
    setPage(next)
    setPageDraft(String(next))
    if (stageRef.current) stageRef.current.scrollTop = 0
  }

  const effectiveScale = zoom === 'fit' ? (renderedScale ?? 1) : zoom
  const percent = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }),
    [i18n.language],
  )

  return (
    <>
      <div className="viewer-toolbar" role="group" aria-label={t('viewers.pdf.controls', { name })}>
        <button type="button" onClick={() => goTo(page - 1)} disabled={page <= 1}>
          {t('viewers.pdf.previous')}
        </button>
        <span className="viewer-toolbar__field">
          <label htmlFor={pageInputId}>{t('viewers.pdf.page')}</label>
          <input
            id={pageInputId}
            className="viewer-page-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={total}
            value={pageDraft}
            onChange={(e) => {
              setPageDraft(e.target.value)
              const wanted = Number(e.target.value)
              if (Number.isInteger(wanted) && wanted >= 1 && wanted <= total) setPage(wanted)
            }}
            onBlur={() => setPageDraft(String(page))}
          />
          <span>{t('viewers.pdf.ofTotal', { total })}</span>
        </span>
        <button type="button" onClick={() => goTo(page + 1)} disabled={page >= total}>
          {t('viewers.pdf.next')}
        </button>
        <span className="viewer-toolbar__separator" aria-hidden="true" />
        <button type="button" onClick={() => setZoom(zoomOut(effectiveScale))}>
          {t('viewers.zoom.out')}
        </button>
        <span role="status" className="viewer-toolbar__readout">
          <span className="visually-hidden">{t('viewers.zoom.level')} </span>
          {percent.format(effectiveScale)}
        </span>
        <button type="button" onClick={() => setZoom(zoomIn(effectiveScale))}>
          {t('viewers.zoom.in')}
        </button>
        <button type="button" aria-pressed={zoom === 'fit'} onClick={() => setZoom('fit')}>
          {t('viewers.pdf.fitWidth')}
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {t('viewers.pdf.pageStatus', { page, total })}
      </p>
      {renderFailed ? (
        <p role="alert" className="viewer-error">
          {t('viewers.pdf.pageUnreadable')}
        </p>
      ) : null}
      <div
        ref={stageRef}
        className="viewer-stage viewer-stage--pdf"
        role="group"
        tabIndex={0}
        aria-label={t('viewers.pdf.stage', { name })}
      >
        <canvas
          ref={canvasRef}
          className="viewer-pdf-page"
          role="img"
          aria-label={t('viewers.pdf.pageImage', { page, total, name })}
        />
      </div>
    </>
  )
}
