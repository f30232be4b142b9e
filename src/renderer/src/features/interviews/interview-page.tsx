import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { CaseId, CaseRecord } from '@shared/domain/case'
import type { EvidenceId, EvidenceItem } from '@shared/domain/evidence'
import type { ExchangeItem, Interview, InterviewId } from '@shared/domain/investigation'
import { mergeGuide } from '@shared/domain/interviewing/question-guide'
import type { Profile } from '@shared/domain/profile'
import { isLanguage, languages } from '@shared/i18n/languages'
import { formatMediaTime } from '../../components/viewers/media-time'
import type { MediaSeekRequest } from '../../components/viewers/media-player'
import { db } from '../../db/db'
import { updateInterview } from '../../db/investigation-repo'
import { useProfile } from '../../hooks/use-profile'
import { formatDateTime } from '../../lib/format'
import { ExchangeForm } from './exchange-form'
import { RecordingPlayer } from '../../components/viewers/recording-player'
import { isRecording } from '@shared/domain/evidence'

/** One interview: the recording, the exchange as questions and answers, the question guide and the coach. */
export function InterviewPage(): ReactNode {
  const { caseId = '', interviewId = '' } = useParams()
  const { t } = useTranslation()
  const profile = useProfile()
  const data = useLiveQuery(async () => {
    const [record, interview] = await Promise.all([
      db.cases.get(caseId as CaseId),
      db.interviews.get(interviewId as InterviewId),
    ])
    if (!record || !interview || interview.caseId !== record.id) return null
    const [party, evidence, guide] = await Promise.all([
      db.parties.get(interview.partyId),
      db.evidence.where('caseId').equals(record.id).toArray(),
      record.category ? db.questionGuides.get(record.category) : undefined,
    ])
    return { record, interview, party: party ?? null, evidence, guide: guide ?? null }
  }, [caseId, interviewId])
  if (data === undefined || profile === undefined) return <p aria-busy="true">{t('app.loading')}</p>
  if (data === null || profile === null) {
    return (
      <p role="alert">
        {t('interviews.notFound')} <Link to={`/cases/${caseId}`}>{t('interviews.backToCase')}</Link>
      </p>
    )
  }
  return <InterviewView {...data} profile={profile} />
}

function InterviewView({
  record,
  interview,
  party,
  evidence,
  guide,
  profile,
}: {
  record: CaseRecord
  interview: Interview
  party: { name: string; role: string } | null
  evidence: EvidenceItem[]
  guide: Parameters<typeof mergeGuide>[0] | null
  profile: Profile
}): ReactNode {
  const { t, i18n } = useTranslation()
  const recordings = useMemo(
    () =>
      interview.recordings
        .map((id) => evidence.find((e) => e.id === id))
        .filter((e): e is EvidenceItem => e !== undefined),
    [interview.recordings, evidence],
  )
  const otherRecordings = evidence.filter(isRecording).filter((e) => !interview.recordings.includes(e.id))
  const [playingId, setPlayingId] = useState<EvidenceId | null>(recordings[0]?.id ?? null)
  const playing = recordings.find((r) => r.id === playingId) ?? recordings[0] ?? null
  const [seek, setSeek] = useState<MediaSeekRequest | undefined>(undefined)
  const currentTime = useRef(0)
  const [proposed, setProposed] = useState<{ text: string; nonce: number } | null>(null)
  const readOnly = record.status === 'closed' || record.status === 'declined'
  const language = isLanguage(interview.language) ? interview.language : profile.language
  const languageName = languages.find((l) => l.code === language)?.name ?? language
  const questions = record.category ? mergeGuide(guide ?? undefined, record.category)[language] : []
  const actor = { name: profile.name }

  const jump = (item: ExchangeItem): void => {
    if (item.recording === null || item.atSeconds === null) return
    setPlayingId(item.recording)
    const atSeconds = item.atSeconds
    setSeek((previous) => ({ atSeconds, nonce: (previous?.nonce ?? 0) + 1, play: false }))
  }

  const addExchange = (item: ExchangeItem): Promise<unknown> =>
    updateInterview(db, interview.id, actor, (i) => ({ ...i, exchange: [...i.exchange, item] }))

  const attach = (id: EvidenceId): Promise<unknown> =>
    updateInterview(db, interview.id, actor, (i) => ({ ...i, recordings: [...i.recordings, id] }))

  return (
    <>
      <nav aria-label={t('caseView.breadcrumb')} className="breadcrumb">
        <Link to="/cases">{t('nav.cases')}</Link> / <Link to={`/cases/${record.id}`}>{record.ref}</Link> /{' '}
        <span>{t('interviews.pageTitle', { name: party?.name ?? '—' })}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('interviews.pageTitle', { name: party?.name ?? '—' })}</h1>
          <p className="page-header__meta">
            {t('interviews.metaLine', {
              date: formatDateTime(interview.at, i18n.language),
              place: interview.place,
              by: interview.by,
              language: languageName,
            })}
          </p>
        </div>
      </header>
      <div className="interview-layout">
        <div className="stack">
          <section className="card" aria-labelledby="interview-recording">
            <h2 id="interview-recording">{t('interviews.recording')}</h2>
            {recordings.length > 1 ? (
              <label className="inline-field">
                {t('interviews.chooseRecording')}
                <select value={playing?.id ?? ''} onChange={(e) => setPlayingId(e.target.value as EvidenceId)}>
                  {recordings.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {playing ? (
              <RecordingPlayer
                item={playing}
                seekTo={seek}
                onTimeChange={(s) => {
                  currentTime.current = s
                }}
              />
            ) : (
              <p className="muted">{t('interviews.noRecordingYet')}</p>
            )}
            {!readOnly && otherRecordings.length > 0 ? (
              <div className="inline-form">
                {otherRecordings.map((r) => (
                  <button key={r.id} type="button" className="button" onClick={() => void attach(r.id)}>
                    {t('interviews.attachRecording', { name: r.name })}
                  </button>
                ))}
              </div>
            ) : null}
          </section>

          <section className="card" aria-labelledby="interview-exchange">
            <h2 id="interview-exchange">{t('interviews.exchange')}</h2>
            {interview.exchange.length === 0 ? <p className="muted">{t('interviews.noExchange')}</p> : null}
            <ol className="exchange">
              {interview.exchange.map((item) => {
                const recording = recordings.find((r) => r.id === item.recording)
                return (
                  <li key={item.id} className="exchange__item">
                    <p className="exchange__question">
                      <span className="exchange__label">{t('interviews.q')}</span> {item.question}
                    </p>
                    <p className="exchange__answer pre-line">
                      <span className="exchange__label">{t('interviews.a')}</span> {item.answer}
                    </p>
                    {recording && item.atSeconds !== null ? (
                      <button
                        type="button"
                        className="link-button exchange__time"
                        onClick={() => jump(item)}
                        aria-label={t('interviews.playFrom', {
                          time: formatMediaTime(item.atSeconds),
                          name: recording.name,
                        })}
                      >
                        ▶ {formatMediaTime(item.atSeconds)}
                      </button>
                    ) : null}
                  </li>
                )
              })}
            </ol>
            {!readOnly ? (
              <ExchangeForm
                language={language}
                recordings={recordings}
                defaultRecording={playing?.id ?? null}
                currentTime={() => currentTime.current}
                proposed={proposed}
                onAdd={addExchange}
              />
            ) : null}
          </section>
        </div>

        <aside className="card interview-guide" aria-labelledby="interview-guide">
          <h2 id="interview-guide">{t('interviews.guide.title')}</h2>
          {record.category ? (
            <>
              <p className="small muted">
                {t('interviews.guide.intro', { category: t(`category.${record.category}`), language: languageName })}
              </p>
              <ul className="guide-list" lang={language}>
                {questions.map((q) => (
                  <li key={q}>
                    <span>{q}</span>
                    {!readOnly ? (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('interviews.guide.askLabel', { question: q })}
                        onClick={() => setProposed((previous) => ({ text: q, nonce: (previous?.nonce ?? 0) + 1 }))}
                      >
                        {t('interviews.guide.ask')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('interviews.guide.noCategory')}</p>
          )}
        </aside>
      </div>
    </>
  )
}
