import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case'
import type { Profile } from '@shared/domain/profile'
import { lessonAreas, lessonStatuses } from '@shared/domain/review'
import {
  lessonSchema,
  surveySchema,
  type LessonInput,
  type LessonValues,
  type SurveyInput,
  type SurveyValues,
} from '@shared/domain/review-forms'
import { Choices, Field } from '../../components/field'
import { db } from '../../db/db'
import { addLesson, recordSurvey } from '../../db/review-repo'
import { fromLocalInput, toLocalInput } from '../../lib/dates'
import { formatDateTime } from '../../lib/format'
import { formatCell } from './review-table-view'
import { SaveFailed } from '../../components/save-failed'

/**
 * The review part of a closed case: its decision in figures, the customer's
 * survey (asked in the customer's language) and the lessons it teaches.
 */
export function CaseReviewPanel({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const data = useLiveQuery(async () => {
    const [resolution, surveys, lessons] = await Promise.all([
      db.resolutions.where('caseId').equals(record.id).first(),
      db.surveys.where('caseId').equals(record.id).toArray(),
      db.lessons.where('caseId').equals(record.id).sortBy('createdAt'),
    ])
    return { resolution: resolution ?? null, survey: surveys[0] ?? null, lessons }
  }, [record.id])
  if (record.status !== 'closed' || !data) return null
  const locale = i18n.language
  const { resolution, survey, lessons } = data
  return (
    <section className="card" aria-labelledby="case-review">
      <h2 id="case-review">{t('caseReview.title')}</h2>
      <h3>{t('caseReview.decision')}</h3>
      {resolution ? (
        <dl className="facts">
          <dt>{t('review.columns.outcome')}</dt>
          <dd>{t(`review.outcomes.${resolution.outcome}`)}</dd>
          <dt>{t('review.columns.rootCause')}</dt>
          <dd>
            {t(`review.rootCauses.${resolution.rootCause.category}`)}
            {resolution.rootCause.text ? <span className="muted"> — {resolution.rootCause.text}</span> : null}
          </dd>
          <dt>{t('caseReview.compensation')}</dt>
          <dd>
            {resolution.compensation
              .map((c) =>
                c.amount !== null && c.currency !== null
                  ? `${t(`caseReview.compensationKinds.${c.kind}`)} ${formatCell({ amount: c.amount, currency: c.currency }, locale, '')}`
                  : t(`caseReview.compensationKinds.${c.kind}`),
              )
              .join(' · ')}
          </dd>
        </dl>
      ) : (
        <p className="muted">{t('caseReview.noDecision')}</p>
      )}
      {survey ? (
        <>
          <h3>{t('caseReview.survey.title')}</h3>
          <p className="muted">
            {t('caseReview.survey.recorded', {
              date: formatDateTime(survey.at, locale),
              language: t(`languageName.${survey.language}`),
            })}
          </p>
          <dl className="facts">
            <dt>{t('review.figures.satisfaction')}</dt>
            <dd>{t(`review.scores.${survey.satisfaction}`)}</dd>
            <dt>{t('review.surveys.fixAsWanted')}</dt>
            <dd>{t(`review.surveys.answer.${survey.fixAsWanted}`)}</dd>
            <dt>{t('review.surveys.wouldReturn')}</dt>
            <dd>{t(`review.surveys.answer.${survey.wouldReturn}`)}</dd>
            {survey.comment ? (
              <>
                <dt>{t('caseReview.survey.comment')}</dt>
                <dd lang={survey.language} className="pre-line">
                  {survey.comment}
                </dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <SurveyForm record={record} profile={profile} />
      )}
      <h3>{t('caseReview.lessons.title')}</h3>
      {lessons.length > 0 ? (
        <ul className="timeline">
          {lessons.map((l) => (
            <li key={l.id}>
              <strong>{t(`caseReview.lessons.areas.${l.area}`)}</strong> ·{' '}
              {t(`caseReview.lessons.statuses.${l.status}`)} · {l.owner}
              <p className="pre-line">{l.text}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('caseReview.lessons.none')}</p>
      )}
      <LessonForm record={record} profile={profile} />
    </section>
  )
}

/** The survey's questions in the customer's language; the rest of the page stays in the user's. */
function SurveyForm({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const language = record.customer.language
  const ask = i18n.getFixedT(language)
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SurveyInput, unknown, SurveyValues>({
    resolver: zodResolver(surveySchema),
    defaultValues: { comment: '', at: toLocalInput(new Date()) },
  })
  const onSubmit = handleSubmit(async (values) => {
    setFailed(false)
    try {
      await recordSurvey(db, record.id, { name: profile.name }, { ...values, at: fromLocalInput(values.at), language })
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="form-grid" aria-label={t('caseReview.survey.title')}>
      <h3 className="form-grid__full">{t('caseReview.survey.title')}</h3>
      <p className="form-grid__full muted">
        {t('caseReview.survey.intro', { language: t(`languageName.${language}`) })}
      </p>
      <div className="form-grid__full stack" lang={language}>
        <Choices legend={ask('caseReview.questions.satisfaction')} error={errors.satisfaction?.message} required>
          {(['1', '2', '3', '4', '5'] as const).map((score) => (
            <label key={score} className="choice">
              <input type="radio" value={score} {...register('satisfaction')} />
              {ask(`review.scores.${score}`)}
            </label>
          ))}
        </Choices>
        <Choices legend={ask('caseReview.questions.fixAsWanted')} error={errors.fixAsWanted?.message} required>
          {(['yes', 'partly', 'no'] as const).map((a) => (
            <label key={a} className="choice">
              <input type="radio" value={a} {...register('fixAsWanted')} />
              {ask(`review.surveys.answer.${a}`)}
            </label>
          ))}
        </Choices>
        <Choices legend={ask('caseReview.questions.wouldReturn')} error={errors.wouldReturn?.message} required>
          {(['yes', 'maybe', 'no'] as const).map((a) => (
            <label key={a} className="choice">
              <input type="radio" value={a} {...register('wouldReturn')} />
              {ask(`review.surveys.answer.${a}`)}
            </label>
          ))}
        </Choices>
        <Field label={ask('caseReview.questions.comment')} error={errors.comment?.message}>
          {(p) => <textarea {...p} rows={2} {...register('comment')} />}
        </Field>
      </div>
      <Field label={t('caseReview.survey.at')} error={errors.at?.message} required>
        {(p) => <input {...p} type="datetime-local" {...register('at')} />}
      </Field>
      <SaveFailed failed={failed} className="form-grid__full" />
      <div className="form-actions form-grid__full">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('caseReview.survey.record')}
        </button>
      </div>
    </form>
  )
}

function LessonForm({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t } = useTranslation()
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<LessonInput, unknown, LessonValues>({
    resolver: zodResolver(lessonSchema),
    defaultValues: { area: 'process', text: '', owner: profile.name, status: 'proposed' },
  })
  const onSubmit = handleSubmit(async (values) => {
    setFailed(false)
    try {
      await addLesson(db, record.id, { name: profile.name }, values)
      reset({ area: values.area, text: '', owner: values.owner, status: 'proposed' })
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="form-grid" aria-label={t('caseReview.lessons.add')}>
      <h3 className="form-grid__full">{t('caseReview.lessons.add')}</h3>
      <Field label={t('caseReview.lessons.area')} error={errors.area?.message} required>
        {(p) => (
          <select {...p} {...register('area')}>
            {lessonAreas.map((a) => (
              <option key={a} value={a}>
                {t(`caseReview.lessons.areas.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('caseReview.lessons.owner')} error={errors.owner?.message} required>
        {(p) => <input {...p} {...register('owner')} />}
      </Field>
      <Field label={t('caseReview.lessons.status')} error={errors.status?.message} required>
        {(p) => (
          <select {...p} {...register('status')}>
            {lessonStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`caseReview.lessons.statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('caseReview.lessons.text')} error={errors.text?.message} required className="form-grid__full">
        {(p) => <textarea {...p} rows={2} {...register('text')} />}
      </Field>
      <SaveFailed failed={failed} className="form-grid__full" />
      <div className="form-actions form-grid__full">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('caseReview.lessons.save')}
        </button>
      </div>
    </form>
  )
}
