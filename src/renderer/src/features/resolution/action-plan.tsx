import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CaseId } from '@shared/domain/case'
import { isMeasureOverdue } from '@shared/domain/closure'
import type { EvidenceItem } from '@shared/domain/evidence'
import type { Task } from '@shared/domain/investigation'
import {
  measureSchema,
  verificationSchema,
  type MeasureInput,
  type MeasureValues,
  type VerificationInput,
  type VerificationValues,
} from '@shared/domain/resolution-forms'
import { Field } from '../../components/field'
import { SaveFailed } from '../../components/save-failed'
import type { Actor } from '../../db/cases-repo'
import { db } from '../../db/db'
import { addMeasure, clearVerification, updateMeasure, verifyMeasure } from '../../db/resolution-repo'
import { useNow } from '../../hooks/use-now'
import { fromLocalInput, toLocalInput } from '../../lib/dates'
import { formatDate, formatDateTime } from '../../lib/format'
import { dayAsDate, errorKeyOf, localDay, useResolutionReadOnly, type ResolutionData } from './resolution-data'

/** The corrective measures, each with an owner and a deadline, and the proof that it was carried out. */
export function ActionPlan({ caseId, data, actor }: { caseId: CaseId; data: ResolutionData; actor: Actor }): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const readOnly = useResolutionReadOnly()
  const [adding, setAdding] = useState(false)
  const today = localDay(useNow())
  return (
    <section aria-labelledby={`${id}-title`} className="resolution-block">
      <div className="section-header">
        <h3 id={`${id}-title`}>{t('resolution.plan.title')}</h3>
        {!readOnly && !adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('resolution.plan.add')}
          </button>
        ) : null}
      </div>
      {data.measures.length === 0 && !adding ? <p className="muted">{t('resolution.plan.none')}</p> : null}
      {data.measures.length > 0 ? (
        <ul className="findings-tasks" aria-label={t('resolution.plan.list')}>
          {data.measures.map((measure) => (
            <MeasureItem
              key={measure.id}
              measure={measure}
              overdue={isMeasureOverdue(measure, today)}
              evidence={data.evidence}
              actor={actor}
            />
          ))}
        </ul>
      ) : null}
      {adding ? (
        <MeasureForm
          initial={{ text: '', owner: actor.name, due: '' }}
          title={t('resolution.plan.addTitle')}
          submitLabel={t('resolution.plan.save')}
          onCancel={() => setAdding(false)}
          onSave={async (values) => {
            await addMeasure(db, caseId, actor, values)
            setAdding(false)
          }}
        />
      ) : null}
    </section>
  )
}

function MeasureForm({
  initial,
  title,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: MeasureInput
  title: string
  submitLabel: string
  onSave: (values: MeasureValues) => Promise<void>
  onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<MeasureInput, unknown, MeasureValues>({
    resolver: zodResolver(measureSchema),
    defaultValues: initial,
  })
  const submit = handleSubmit(async (values) => {
    setFailed(false)
    try {
      await onSave(values)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  return (
    <form noValidate aria-label={title} className="stack resolution-subform" onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <Field label={t('resolution.plan.text')} error={errors.text?.message} required className="form-grid__full">
          {(p) => <textarea {...p} rows={2} {...register('text')} />}
        </Field>
        <Field label={t('resolution.plan.owner')} error={errors.owner?.message} required>
          {(p) => <input {...p} {...register('owner')} />}
        </Field>
        <Field label={t('resolution.plan.due')} error={errors.due?.message} required>
          {(p) => <input {...p} type="date" {...register('due')} />}
        </Field>
      </div>
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('resolution.cancel')}
        </button>
      </div>
    </form>
  )
}

function MeasureItem({
  measure,
  overdue,
  evidence,
  actor,
}: {
  measure: Task
  overdue: boolean
  evidence: readonly EvidenceItem[]
  actor: Actor
}): ReactNode {
  const { t, i18n } = useTranslation()
  const readOnly = useResolutionReadOnly()
  const id = useId()
  const locale = i18n.language
  const [verifying, setVerifying] = useState(false)
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const verification = measure.verification
  const evidenceName = verification?.evidenceId
    ? (evidence.find((e) => e.id === verification.evidenceId)?.name ?? t('findings.removed'))
    : null
  const clear = async (): Promise<void> => {
    setError(null)
    try {
      await clearVerification(db, measure.id, actor)
    } catch (failure) {
      setError(errorKeyOf(failure))
    }
  }
  return (
    <li className={`findings-task findings-task--${verification ? 'done' : 'open'}`} aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`} className="findings-task__text">
        {measure.text}
      </p>
      <p className="muted small">
        {t('resolution.plan.meta', {
          owner: measure.owner,
          date: measure.due ? formatDate(dayAsDate(measure.due), locale, 'short') : '—',
        })}{' '}
        {overdue ? <span className="badge badge--overdue">{t('sla.flag.overdue')}</span> : null}
      </p>
      {verification ? (
        <div className="resolution-verification">
          <p className="small">
            <strong>
              {t('resolution.plan.verified', { by: verification.by, date: formatDateTime(verification.at, locale) })}
            </strong>
          </p>
          <p className="small pre-line">{verification.note}</p>
          {evidenceName ? <p className="small">{t('resolution.plan.evidenceIs', { name: evidenceName })}</p> : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="error-message">
          {t(error)}
        </p>
      ) : null}
      {readOnly ? null : editing ? (
        <MeasureForm
          initial={{ text: measure.text, owner: measure.owner, due: measure.due ?? '' }}
          title={t('resolution.plan.editTitle', { text: measure.text })}
          submitLabel={t('resolution.plan.update')}
          onCancel={() => setEditing(false)}
          onSave={async (values) => {
            await updateMeasure(db, measure.id, actor, values)
            setEditing(false)
          }}
        />
      ) : verification ? (
        <div className="form-actions">
          <button type="button" className="link-button" aria-describedby={`${id}-text`} onClick={() => void clear()}>
            {t('resolution.plan.clear')}
          </button>
        </div>
      ) : verifying ? (
        <VerificationForm
          title={t('resolution.plan.verifyTitle', { text: measure.text })}
          by={actor.name}
          evidence={evidence}
          onCancel={() => setVerifying(false)}
          onSave={async (values) => {
            await verifyMeasure(db, measure.id, actor, { ...values, at: fromLocalInput(values.at) })
            setVerifying(false)
          }}
        />
      ) : (
        <div className="form-actions">
          <button
            type="button"
            className="button button--primary"
            aria-describedby={`${id}-text`}
            onClick={() => setVerifying(true)}
          >
            {t('resolution.plan.verify')}
          </button>
          <button type="button" className="button" aria-describedby={`${id}-text`} onClick={() => setEditing(true)}>
            {t('resolution.plan.edit')}
          </button>
        </div>
      )}
    </li>
  )
}

function VerificationForm({
  title,
  by,
  evidence,
  onSave,
  onCancel,
}: {
  title: string
  by: string
  evidence: readonly EvidenceItem[]
  onSave: (values: VerificationValues) => Promise<void>
  onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<VerificationInput, unknown, VerificationValues>({
    resolver: zodResolver(verificationSchema),
    defaultValues: { by, at: toLocalInput(new Date()), note: '', evidenceId: '' },
  })
  const submit = handleSubmit(async (values) => {
    setFailed(false)
    try {
      await onSave(values)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  return (
    <form noValidate aria-label={title} className="stack resolution-subform" onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <Field label={t('resolution.plan.by')} error={errors.by?.message} required>
          {(p) => <input {...p} {...register('by')} />}
        </Field>
        <Field label={t('resolution.plan.at')} error={errors.at?.message} required>
          {(p) => <input {...p} type="datetime-local" {...register('at')} />}
        </Field>
        <Field label={t('resolution.plan.note')} error={errors.note?.message} required className="form-grid__full">
          {(p) => <textarea {...p} rows={2} {...register('note')} />}
        </Field>
        <Field label={t('resolution.plan.evidence')} className="form-grid__full">
          {(p) => (
            <select {...p} {...register('evidenceId')}>
              <option value="">{t('resolution.plan.noEvidence')}</option>
              {evidence.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('resolution.plan.record')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('resolution.cancel')}
        </button>
      </div>
    </form>
  )
}
