import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { parseEmail, type EmailHeaderFields } from './email'
import { decodeUtf8, readCapped, textCapBytes } from './read-capped'
import './viewers.css'

export interface TextViewerProps {
  /** Media URL: `/media/<sha256>` in the harness, `media://vault/<sha256>` in Electron. */
  readonly src: string
  /** The file's name, for labels. */
  readonly name: string
  /** An e-mail (RFC 5322): its From, To, Date and Subject are shown above the decoded body. */
  readonly email?: boolean
  /** Shown with the error when the file cannot be read, e.g. a way to open it elsewhere. */
  readonly fallbackAction?: ReactNode
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly text: string; readonly truncated: boolean }
  | { readonly status: 'error' }

/** Plain text or an e-mail, shown as inert text (never as HTML), wrapped, at most the first 2 MB. */
export function TextViewer(props: TextViewerProps): ReactNode {
  // A new file starts from "loading" rather than showing the previous one's text.
  return <TextView key={props.src} {...props} />
}

const headerOrder: readonly (keyof EmailHeaderFields)[] = ['from', 'to', 'cc', 'date', 'subject']

function TextView({ src, name, email = false, fallbackAction }: TextViewerProps): ReactNode {
  const { t, i18n } = useTranslation()
  const [load, setLoad] = useState<Load>({ status: 'loading' })

  useEffect(() => {
    const abort = new AbortController()
    fetch(src, { signal: abort.signal })
      .then((response) => readCapped(response, textCapBytes))
      .then(
        ({ bytes, truncated }) => setLoad({ status: 'ready', text: decodeUtf8(bytes, truncated), truncated }),
        () => {
          if (!abort.signal.aborted) setLoad({ status: 'error' })
        },
      )
    return () => abort.abort()
  }, [src])

  const parsed = useMemo(() => (email && load.status === 'ready' ? parseEmail(load.text) : null), [email, load])
  const limit = useMemo(
    () =>
      new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 }).format(
        textCapBytes / (1024 * 1024),
      ),
    [i18n.language],
  )

  if (load.status === 'loading') {
    return (
      <section className="viewer viewer--text" aria-label={name}>
        <p role="status" className="viewer-status">
          {t('viewers.text.loading')}
        </p>
      </section>
    )
  }
  if (load.status === 'error') {
    return (
      <section className="viewer viewer--text" aria-label={name}>
        <div role="alert" className="viewer-error">
          <p>{t('viewers.text.unreadable')}</p>
          {fallbackAction}
        </div>
      </section>
    )
  }

  const shownHeaders = parsed ? headerOrder.filter((field) => field !== 'cc' || parsed.headers.cc !== undefined) : []
  return (
    <section className="viewer viewer--text" aria-label={name}>
      {load.truncated ? (
        <p role="note" className="viewer-notice">
          {t('viewers.text.truncated', { limit })}
        </p>
      ) : null}
      {parsed ? (
        <dl className="viewer-email-headers" aria-label={t('viewers.email.headers')}>
          {shownHeaders.map((field) => (
            <div key={field} className="viewer-email-headers__row">
              <dt>{t(`viewers.email.${field}`)}</dt>
              <dd>{parsed.headers[field] || '—'}</dd>
            </div>
          ))}
          {parsed.attachments.length > 0 ? (
            <div className="viewer-email-headers__row">
              <dt>{t('viewers.email.attachments', { count: parsed.attachments.length })}</dt>
              <dd>{parsed.attachments.join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <pre
        className="viewer-text"
        role="region"
        tabIndex={0}
        aria-label={t(parsed ? 'viewers.email.body' : 'viewers.text.content', { name })}
      >
        {parsed ? parsed.body : load.text}
      </pre>
    </section>
  )
}
