import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { bookmarkSecond, clampMediaTime, formatMediaTime, playbackRates, skipSeconds } from './media-time'
import './viewers.css'

/** A moment in a recording with what the investigator noted there. */
export interface MediaBookmark {
  /** Position in the recording, in seconds from the start. */
  readonly atSeconds: number
  /** What happens there, in the investigator's words (may be empty). */
  readonly note: string
}

/**
 * A seek asked for from outside (an interview answer, a claim, the chronology).
 * A new `nonce` asks again, even for the same time.
 */
export interface MediaSeekRequest {
  readonly atSeconds: number
  readonly nonce: number
  /** Start playing from there (default: only move). */
  readonly play?: boolean
}

export interface MediaPlayerProps {
  /** Media URL: `/media/<sha256>` in the harness, `media://vault/<sha256>` in Electron. */
  readonly src: string
  /** The file's name, for labels. */
  readonly name: string
  readonly kind: 'video' | 'audio'
  readonly bookmarks?: readonly MediaBookmark[]
  /** Without it, bookmarks are listed but none can be added (e.g. a closed case). */
  readonly onAddBookmark?: (bookmark: MediaBookmark) => void
  readonly seekTo?: MediaSeekRequest
  /** Shown with the error when the recording cannot be played, e.g. a way to open it elsewhere. */
  readonly fallbackAction?: ReactNode
  /** Told the position as it plays or is moved, e.g. to tie an interview answer to this moment. */
  readonly onTimeChange?: (seconds: number) => void
}

const noBookmarks: readonly MediaBookmark[] = []

/** The browser's player plus what an interview review needs: speed, skips, a time readout and bookmarks. */
export function MediaPlayer({
  src,
  name,
  kind,
  bookmarks = noBookmarks,
  onAddBookmark,
  seekTo,
  fallbackAction,
  onTimeChange,
}: MediaPlayerProps): ReactNode {
  const { t, i18n } = useTranslation()
  const videoRef = useRef<HTMLVideoElement>(null)
  const audioRef = useRef<HTMLAudioElement>(null)
  const [time, setTime] = useState(0)
  const [duration, setDuration] = useState(Number.NaN)
  const [rate, setRate] = useState(1)
  const [note, setNote] = useState('')
  const [failed, setFailed] = useState(false)
  const appliedSeek = useRef<number | null>(null)
  const noteId = useId()
  const speedId = useId()
  const bookmarksTitleId = useId()

  const mediaElement = (): HTMLMediaElement | null => videoRef.current ?? audioRef.current

  useEffect(() => {
    if (!seekTo || appliedSeek.current === seekTo.nonce) return
    appliedSeek.current = seekTo.nonce
    const media = videoRef.current ?? audioRef.current
    if (media) seekMedia(media, seekTo.atSeconds, seekTo.play ?? false)
  }, [seekTo])

  const sortedBookmarks = useMemo(() => [...bookmarks].sort((a, b) => a.atSeconds - b.atSeconds), [bookmarks])
  const numberFormat = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language])
  // The browser's own menu offers speeds ours lacks (0.25, 1.75): the select must still show the truth.
  const rates = playbackRates.includes(rate) ? playbackRates : [...playbackRates, rate].sort((a, b) => a - b)

  const showTime = (seconds: number): void => {
    setTime(seconds)
    onTimeChange?.(seconds)
  }

  const syncFromMedia = (media: HTMLMediaElement): void => {
    showTime(media.currentTime)
    setDuration(media.duration)
  }

  const skip = (delta: number): void => {
    const media = mediaElement()
    if (media) media.currentTime = clampMediaTime(media.currentTime + delta, media.duration)
  }

  const changeRate = (value: number): void => {
    const media = mediaElement()
    if (media) {
      // The default rate too, or loading another source would silently reset the speed.
      media.defaultPlaybackRate = value
      media.playbackRate = value
    }
    setRate(value)
  }

  const addBookmark = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    onAddBookmark?.({ atSeconds: bookmarkSecond(time), note: note.trim() })
    setNote('')
  }

  const currentLabel = formatMediaTime(time, duration)
  const durationLabel = formatMediaTime(duration, duration)

  const mediaProps = {
    src,
    controls: true,
    preload: 'metadata' as const,
    'aria-label': name,
    onLoadStart: () => setFailed(false),
    onLoadedMetadata: (e: { currentTarget: HTMLMediaElement }) => syncFromMedia(e.currentTarget),
    onDurationChange: (e: { currentTarget: HTMLMediaElement }) => setDuration(e.currentTarget.duration),
    onTimeUpdate: (e: { currentTarget: HTMLMediaElement }) => showTime(e.currentTarget.currentTime),
    onSeeked: (e: { currentTarget: HTMLMediaElement }) => showTime(e.currentTarget.currentTime),
    onEmptied: (e: { currentTarget: HTMLMediaElement }) => syncFromMedia(e.currentTarget),
    onRateChange: (e: { currentTarget: HTMLMediaElement }) => setRate(e.currentTarget.playbackRate),
    onError: () => setFailed(true),
  }

  return (
    <section className={`viewer viewer--${kind}`} aria-label={name} data-current-time={Math.round(time)}>
      {kind === 'video' ? (
        <video ref={videoRef} className="viewer-media viewer-media--video" playsInline {...mediaProps} />
      ) : (
        <audio ref={audioRef} className="viewer-media viewer-media--audio" {...mediaProps} />
      )}
      {failed ? (
        <div role="alert" className="viewer-error">
          <p>{t('viewers.media.cannotPlay')}</p>
          {fallbackAction}
        </div>
      ) : null}

      <div className="viewer-toolbar" role="group" aria-label={t('viewers.media.controls', { name })}>
        <button type="button" onClick={() => skip(-skipSeconds)}>
          {t('viewers.media.back', { seconds: skipSeconds })}
        </button>
        <button type="button" onClick={() => skip(skipSeconds)}>
          {t('viewers.media.forward', { seconds: skipSeconds })}
        </button>
        <span className="viewer-toolbar__field">
          <label htmlFor={speedId}>{t('viewers.media.speed')}</label>
          <select id={speedId} value={String(rate)} onChange={(e) => changeRate(Number(e.target.value))}>
            {rates.map((r) => (
              <option key={r} value={String(r)}>
                {t('viewers.media.rate', { rate: numberFormat.format(r) })}
              </option>
            ))}
          </select>
        </span>
        <span
          role="timer"
          className="viewer-toolbar__readout"
          aria-label={t('viewers.media.position', { current: currentLabel, duration: durationLabel })}
        >
          {currentLabel} / {durationLabel}
        </span>
      </div>

      <section className="viewer-bookmarks" aria-labelledby={bookmarksTitleId}>
        <h3 className="viewer-bookmarks__title">
          <span id={bookmarksTitleId}>{t('viewers.media.bookmarks')}</span>{' '}
          <span className="viewer-muted">{t('viewers.media.bookmarkCount', { count: sortedBookmarks.length })}</span>
        </h3>
        {onAddBookmark ? (
          <form className="viewer-bookmark-form" onSubmit={addBookmark}>
            <label htmlFor={noteId}>{t('viewers.media.bookmarkNote')}</label>
            <input id={noteId} type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            <button type="submit">{t('viewers.media.addBookmark', { time: formatMediaTime(time, duration) })}</button>
          </form>
        ) : null}
        {sortedBookmarks.length === 0 ? (
          <p className="viewer-muted">{t('viewers.media.noBookmarks')}</p>
        ) : (
          <ol className="viewer-bookmark-list">
            {sortedBookmarks.map((bookmark, index) => (
              <li key={`${bookmark.atSeconds}-${index}`}>
                <button
                  type="button"
                  className="viewer-bookmark"
                  onClick={() => {
                    const media = mediaElement()
                    if (media) seekMedia(media, bookmark.atSeconds, true)
                  }}
                >
                  <span className="visually-hidden">{t('viewers.media.playFrom')} </span>
                  <span className="viewer-bookmark__time">{formatMediaTime(bookmark.atSeconds, duration)}</span>
                  <span className="viewer-bookmark__note">{bookmark.note || t('viewers.media.noNote')}</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}

/**
 * Before metadata has loaded a seek may be dropped, so it waits for it; a refused
 * play() (the user paused meanwhile, or the source changed) is not an error to show.
 */
function seekMedia(media: HTMLMediaElement, atSeconds: number, play: boolean): void {
  const apply = (): void => {
    media.currentTime = clampMediaTime(atSeconds, media.duration)
    if (play) media.play().catch(() => {})
  }
  if (media.readyState >= HTMLMediaElement.HAVE_METADATA) apply()
  else media.addEventListener('loadedmetadata', apply, { once: true })
}
