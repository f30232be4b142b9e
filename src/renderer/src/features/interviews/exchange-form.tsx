import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvidenceId, EvidenceItem } from '@shared/domain/evidence'
import type { ExchangeItem } from '@shared/domain/investigation'
import { coachQuestion } from '@shared/domain/interviewing/coach'
import type { Language } from '@shared/i18n/languages'
import { formatMediaTime, parseMediaTime } from '../../components/viewers/media-time'
import { SaveFailed } from '../../components/save-failed'

/**
 * Adds a question and its answer to the interview. As the question is typed, the
 * coach flags leading or suggestive forms in the interview's language and offers
 * an open rewrite, which the investigator may take and edit.
 */
export function ExchangeForm({
  language,
  recordings,
  defaultRecording,
  currentTime,
  proposed,
  onAdd,
}: {
  language: Language
  recordings: readonly EvidenceItem[]
  defaultRecording: EvidenceId | null
  currentTime: () => number
  /** A question chosen in the guide: replaces the question being typed. */
  proposed: { text: string; nonce: number } | null
  onAdd: (item: ExchangeItem) => Promise<unknown>
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const [question, setQuestion] = useState('')
  const [answer, setAnswer] = useState('')
  // Null follows the recording on screen until the investigator picks one.
  const [pickedRecording, setRecording] = useState<string | null>(null)
  const recording = pickedRecording ?? defaultRecording ?? ''
  const [time, setTime] = useState('')
  const [errors, setErrors] = useState<{ question?: string; answer?: string; time?: string }>({})
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [appliedProposal, setAppliedProposal] = useState<number | null>(null)

  // A question picked in the guide replaces the one being typed (adjusting state while rendering, as React advises).
  if (proposed && proposed.nonce !== appliedProposal) {
    setAppliedProposal(proposed.nonce)
    setQuestion(proposed.text)
  }

  const coach = useMemo(() => coachQuestion(question, language), [question, language])

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const next: typeof errors = {}
    if (!question.trim()) next.question = 'intake.errors.required'
    if (!answer.trim()) next.answer = 'intake.errors.required'
    const seconds = time.trim() === '' ? null : parseMediaTime(time)
    if (time.trim() !== '' && seconds === null) next.time = 'interviews.errors.time'
    if (seconds !== null && !recording) next.time = 'interviews.errors.timeWithoutRecording'
    setErrors(next)
    if (Object.keys(next).length > 0) return
    setBusy(true)
    setFailed(false)
    try {
      await onAdd({
        id: crypto.randomUUID(),
        question: question.trim(),
        answer: answer.trim(),
        recording: seconds !== null && recording ? (recording as EvidenceId) : null,
        atSeconds: seconds,
      })
      setQuestion('')
      setAnswer('')
      setTime('')
    } catch (error) {
      console.error(error)
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  const flagged = coach.flags.length > 0
  return (
    <form noValidate aria-label={t('interviews.addExchange')} className="stack exchange-form" onSubmit={submit}>
      <div className={`field ${errors.question ? 'field--invalid' : ''}`}>
        <label htmlFor={`${id}-q`}>
          {t('interviews.question')}
          <span className="field__required"> *</span>
        </label>
        <textarea
          id={`${id}-q`}
          rows={2}
          lang={language}
          value={question}
          aria-invalid={Boolean(errors.question)}
          aria-describedby={`${id}-coach`}
          onChange={(e) => setQuestion(e.target.value)}
        />
        {errors.question ? <span className="field__error">{t(errors.question)}</span> : null}
      </div>
      <div id={`${id}-coach`} role="status" aria-live="polite" className={flagged ? 'coach coach--flagged' : 'coach'}>
        {flagged ? (
          <>
            <p className="coach__title">{t('interviews.coachHeading')}</p>
            <ul className="coach__flags">
              {coach.flags.map((flag) => (
                <li key={`${flag.ruleId}-${flag.start}`}>
                  <span className={`badge coach__kind coach__kind--${flag.kind}`}>{t(`coach.kinds.${flag.kind}`)}</span>{' '}
                  <q lang={language}>{flag.match}</q> — {t(`coach.why.${flag.kind}`)}
                </li>
              ))}
            </ul>
            {coach.suggestion ? (
              <div className="coach__suggestion">
                <p>
                  {t('coach.suggestion')}: <q lang={language}>{coach.suggestion}</q>
                </p>
                <button type="button" className="button" onClick={() => setQuestion(coach.suggestion ?? question)}>
                  {t('coach.useSuggestion')}
                </button>
              </div>
            ) : null}
          </>
        ) : question.trim() ? (
          <p className="small muted">{t('interviews.coachOpen')}</p>
        ) : null}
      </div>
      <div className={`field ${errors.answer ? 'field--invalid' : ''}`}>
        <label htmlFor={`${id}-a`}>
          {t('interviews.answer')}
          <span className="field__required"> *</span>
        </label>
        <textarea
          id={`${id}-a`}
          rows={3}
          lang={language}
          value={answer}
          aria-invalid={Boolean(errors.answer)}
          onChange={(e) => setAnswer(e.target.value)}
        />
        {errors.answer ? <span className="field__error">{t(errors.answer)}</span> : null}
      </div>
      {recordings.length > 0 ? (
        <div className="inline-form exchange-form__time">
          <div className="field">
            <label htmlFor={`${id}-rec`}>{t('interviews.answerRecording')}</label>
            <select id={`${id}-rec`} value={recording} onChange={(e) => setRecording(e.target.value)}>
              <option value="">{t('interviews.noLink')}</option>
              {recordings.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <div className={`field ${errors.time ? 'field--invalid' : ''}`}>
            <label htmlFor={`${id}-t`}>{t('interviews.answerTime')}</label>
            <input
              id={`${id}-t`}
              inputMode="numeric"
              placeholder="mm:ss"
              value={time}
              aria-invalid={Boolean(errors.time)}
              onChange={(e) => setTime(e.target.value)}
            />
            {errors.time ? <span className="field__error">{t(errors.time)}</span> : null}
          </div>
          <button type="button" className="button" onClick={() => setTime(formatMediaTime(Math.floor(currentTime())))}>
            {t('interviews.usePlayerTime')}
          </button>
        </div>
      ) : null}
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('interviews.addToRecord')}
        </button>
      </div>
    </form>
  )
}
