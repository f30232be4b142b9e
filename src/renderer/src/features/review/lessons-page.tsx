import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { lessonAreas, lessonStatuses, type Lesson, type LessonStatus } from '@shared/domain/review'
import { Field } from '../../components/field'
import { db } from '../../db/db'
import { updateLesson } from '../../db/review-repo'
import { useAllSummaries } from '../../db/summary-store'
import { useProfile } from '../../hooks/use-profile'
import { formatDate } from '../../lib/format'

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value)

/** Every lesson drawn from closed cases: who owns the change, where it stands; owner and status editable. */
export function LessonsPage(): ReactNode {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const lessons = useLiveQuery(() => db.lessons.orderBy('status').toArray(), [])
  const summaries = useAllSummaries()
  const status = isOneOf(lessonStatuses, params.get('status')) ? params.get('status') : null
  const area = isOneOf(lessonAreas, params.get('area')) ? params.get('area') : null
  const refs = useMemo(() => new Map((summaries ?? []).map((s) => [s.id as string, s.ref])), [summaries])

  const shown = useMemo(
    () =>
      (lessons ?? [])
        .filter((l) => (status === null || l.status === status) && (area === null || l.area === area))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [lessons, status, area],
  )

  const setFilter = (key: string, value: string): void => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
  }

  return (
    <>
      <nav aria-label={t('caseView.breadcrumb')} className="breadcrumb">
        <Link to="/review">{t('review.title')}</Link> / <span>{t('lessons.registerTitle')}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('lessons.registerTitle')}</h1>
          <p className="page-header__meta">{t('lessons.registerIntro')}</p>
        </div>
      </header>
      <div className="register__tools">
        <Field label={t('caseReview.lessons.status')} className="field--filter">
          {(p) => (
            <select {...p} value={status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
              <option value="">{t('review.filters.all')}</option>
              {lessonStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`caseReview.lessons.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('caseReview.lessons.area')} className="field--filter">
          {(p) => (
            <select {...p} value={area ?? ''} onChange={(e) => setFilter('area', e.target.value)}>
              <option value="">{t('review.filters.all')}</option>
              {lessonAreas.map((a) => (
                <option key={a} value={a}>
                  {t(`caseReview.lessons.areas.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p role="status" className="muted">
          {lessons ? t('lessons.count', { count: shown.length }) : t('app.loading')}
        </p>
      </div>
      {lessons && shown.length === 0 ? (
        <p className="muted">{t('lessons.empty')}</p>
      ) : (
        <div className="review-table-scroll card">
          <table className="data-table lessons-table">
            <caption className="visually-hidden">{t('lessons.registerTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('lessons.case')}</th>
                <th scope="col">{t('caseReview.lessons.area')}</th>
                <th scope="col">{t('caseReview.lessons.text')}</th>
                <th scope="col">{t('caseReview.lessons.owner')}</th>
                <th scope="col">{t('caseReview.lessons.status')}</th>
                <th scope="col">{t('lessons.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((lesson) => (
                <LessonRow
                  key={lesson.id}
                  lesson={lesson}
                  caseRef={refs.get(lesson.caseId) ?? '…'}
                  locale={i18n.language}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

function LessonRow({ lesson, caseRef, locale }: { lesson: Lesson; caseRef: string; locale: string }): ReactNode {
  const { t } = useTranslation()
  const profile = useProfile()
  const [owner, setOwner] = useState(lesson.owner)
  const [failed, setFailed] = useState(false)
  const actor = { name: profile?.name ?? '' }

  const save = async (change: Partial<Pick<Lesson, 'owner' | 'status'>>): Promise<void> => {
    setFailed(false)
    try {
      await updateLesson(db, lesson.id, actor, change)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  }
  const saveOwner = (): void => {
    const trimmed = owner.trim()
    if (trimmed === '') setOwner(lesson.owner)
    else if (trimmed !== lesson.owner) void save({ owner: trimmed })
  }

  return (
    <tr>
      <th scope="row">
        <Link to={`/cases/${lesson.caseId}`}>{caseRef}</Link>
      </th>
      <td>{t(`caseReview.lessons.areas.${lesson.area}`)}</td>
      <td className="pre-line lessons-table__text">{lesson.text}</td>
      <td>
        <input
          aria-label={t('lessons.ownerOf', { ref: caseRef })}
          value={owner}
          maxLength={200}
          onChange={(e) => setOwner(e.target.value)}
          onBlur={saveOwner}
          onKeyDown={(e) => {
            if (e.key === 'Enter') saveOwner()
          }}
        />
      </td>
      <td>
        <select
          aria-label={t('lessons.statusOf', { ref: caseRef })}
          value={lesson.status}
          onChange={(e) => void save({ status: e.target.value as LessonStatus })}
        >
          {lessonStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`caseReview.lessons.statuses.${s}`)}
            </option>
          ))}
        </select>
        {failed ? (
          <span role="alert" className="field__error">
            {t('errors.internal')}
          </span>
        ) : null}
      </td>
      <td>{formatDate(lesson.updatedAt, locale, 'short')}</td>
    </tr>
  )
}
