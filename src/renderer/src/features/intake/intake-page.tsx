import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Controller, useForm, type FieldErrors } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { channels } from '@shared/domain/case'
import { computeDueDates } from '@shared/domain/sla'
import { emptyIntake, intakeFieldOrder, intakeSchema, type IntakeField, type IntakeValues } from '@shared/domain/intake'
import { newId } from '@shared/domain/ids'
import type { Profile } from '@shared/domain/profile'
import { ApproximateDateInput, PrecisionOptions } from '../../components/approximate-date'
import { Choices, Field } from '../../components/field'
import { LanguageOptions } from '../../components/profile-fields'
import { SignatureField } from '../../components/signature-field'
import { createCase, type NewCase } from '../../db/cases-repo'
import { db } from '../../db/db'
import { useProfile, useSla } from '../../hooks/use-profile'
import { fromLocalInput, toLocalInput } from '../../lib/dates'

/** Opens a new draft: `/intake/new` becomes `/intake/<id>`, so a reload finds the same draft. */
export function NewIntakeRedirect(): ReactNode {
  const navigate = useNavigate()
  const profile = useProfile()
  useEffect(() => {
    if (!profile) return
    const id = newId()
    const now = new Date().toISOString()
    const values = emptyIntake({
      receivedAt: toLocalInput(new Date()),
      receivedBy: profile.name,
      department: profile.department,
      language: profile.language,
    })
    void db.drafts
      .add({ id, values: values as unknown as Record<string, unknown>, createdAt: now, updatedAt: now })
      .then(() => navigate(`/intake/${id}`, { replace: true }))
  }, [profile, navigate])
  return null
}

export function IntakePage(): ReactNode {
  const { draftId = '' } = useParams()
  const { t } = useTranslation()
  const profile = useProfile()
  const [draft, setDraft] = useState<IntakeValues | null | undefined>(undefined)

  useEffect(() => {
    let live = true
    void db.drafts.get(draftId).then((d) => {
      if (live) setDraft(d ? (d.values as unknown as IntakeValues) : null)
    })
    return () => {
      live = false
    }
  }, [draftId])

  if (draft === undefined || !profile) return <p aria-busy="true">{t('app.loading')}</p>
  if (draft === null) return <p role="alert">{t('intake.draftMissing')}</p>
  return <IntakeForm draftId={draftId} initial={draft} profile={profile} />
}

/** Collects "field: message" for every invalid field, in form order. */
function missingFields(errors: FieldErrors<IntakeValues>): Array<{ field: IntakeField; message: string }> {
  const out: Array<{ field: IntakeField; message: string }> = []
  for (const field of intakeFieldOrder) {
    const error = field
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], errors) as
      { message?: string } | undefined
    if (error?.message) out.push({ field, message: error.message })
  }
  return out
}

function IntakeForm({
  draftId,
  initial,
  profile,
}: {
  draftId: string
  initial: IntakeValues
  profile: Profile
}): ReactNode {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const sla = useSla()
  const summaryRef = useRef<HTMLDivElement>(null)
  const [saved, setSaved] = useState<'saved' | 'saving' | 'idle'>('idle')
  const [submitError, setSubmitError] = useState<string | null>(null)
  const {
    register,
    control,
    handleSubmit,
    watch,
    setFocus,
    formState: { errors, isSubmitted, isSubmitting },
  } = useForm<IntakeValues>({
    resolver: zodResolver(intakeSchema),
    defaultValues: initial,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })

  // Drafts save themselves as the user types: nothing typed is lost, even if the app closes.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const subscription = watch((values) => {
      setSaved('saving')
      clearTimeout(timer)
      timer = setTimeout(() => {
        void db.drafts
          .update(draftId, { values: values as Record<string, unknown>, updatedAt: new Date().toISOString() })
          .then(() => setSaved('saved'))
      }, 300)
    })
    return () => {
      subscription.unsubscribe()
      clearTimeout(timer)
    }
  }, [watch, draftId])

  const precision = watch('eventDate.precision')
  const missing = isSubmitted ? missingFields(errors) : []

  const onValid = handleSubmit(
    async (values) => {
      setSubmitError(null)
      const parsed = intakeSchema.parse(values)
      const receivedAt = fromLocalInput(parsed.receivedAt)
      const record: NewCase = {
        channel: parsed.channel,
        receivedAt,
        receivedBy: parsed.receivedBy,
        department: parsed.department,
        customer: parsed.customer,
        eventDate: parsed.eventDate,
        complaint: parsed.complaint,
        remedy: parsed.remedy,
        signature: { image: parsed.signature, signedAt: new Date().toISOString() },
        due: computeDueDates({ receivedAt, severity: null, sla }),
        assignee: profile.name,
      }
      try {
        const created = await createCase(db, record, { name: profile.name }, profile.casePrefix, draftId)
        void navigate(`/cases/${created.id}`)
      } catch (error) {
        console.error(error)
        setSubmitError('errors.internal')
      }
    },
    () => {
      // Let the list of what is missing render, then bring it into view for the reader.
      setTimeout(() => summaryRef.current?.focus(), 0)
    },
  )

  return (
    <>
      <header className="page-header">
        <h1>{t('intake.title')}</h1>
        <p className="page-header__meta" aria-live="polite">
          {saved === 'saving' ? t('intake.saving') : saved === 'saved' ? t('intake.saved') : t('intake.autosave')}
        </p>
      </header>

      {missing.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="error-summary">
          <h2>{t('intake.incompleteTitle', { count: missing.length })}</h2>
          <p>{t('intake.incompleteBody')}</p>
          <ul>
            {missing.map(({ field, message }) => (
              <li key={field}>
                <a
                  href={`#field-${field}`}
                  onClick={(e) => {
                    e.preventDefault()
                    setFocus(field as never)
                  }}
                >
                  {t(`intake.fields.${field}`)}
                </a>
                {': '}
                {t(message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {submitError ? (
        <p role="alert" className="error-message">
          {t(submitError)}
        </p>
      ) : null}

      <form noValidate onSubmit={(e) => void onValid(e)} aria-label={t('intake.title')}>
        <section className="card form-grid" aria-labelledby="intake-receipt">
          <h2 id="intake-receipt" className="form-grid__full">
            {t('intake.sections.receipt')}
          </h2>
          <Field label={t('intake.fields.receivedAt')} error={errors.receivedAt?.message} required>
            {(p) => <input {...p} type="datetime-local" {...register('receivedAt')} />}
          </Field>
          <Field label={t('intake.fields.receivedBy')} error={errors.receivedBy?.message} required>
            {(p) => <input {...p} {...register('receivedBy')} />}
          </Field>
          <Field label={t('intake.fields.department')} error={errors.department?.message} required>
            {(p) => <input {...p} {...register('department')} />}
          </Field>
          <Choices legend={t('intake.fields.channel')} error={errors.channel?.message} required>
            {channels.map((c) => (
              <label key={c} className="choice">
                <input type="radio" value={c} {...register('channel')} />
                {t(`channel.${c}`)}
              </label>
            ))}
          </Choices>
        </section>

        <section className="card form-grid" aria-labelledby="intake-customer">
          <h2 id="intake-customer" className="form-grid__full">
            {t('intake.sections.customer')}
          </h2>
          <Field label={t('intake.fields.customer.name')} error={errors.customer?.name?.message} required>
            {(p) => <input {...p} {...register('customer.name')} />}
          </Field>
          <Field label={t('intake.fields.customer.language')} error={errors.customer?.language?.message} required>
            {(p) => (
              <select {...p} {...register('customer.language')}>
                <LanguageOptions />
              </select>
            )}
          </Field>
          <Field
            label={t('intake.fields.customer.address')}
            error={errors.customer?.address?.message}
            required
            className="form-grid__full"
          >
            {(p) => <textarea {...p} rows={2} {...register('customer.address')} />}
          </Field>
          <Field
            label={t('intake.fields.customer.phone')}
            hint={t('intake.contactHint')}
            error={errors.customer?.phone?.message}
          >
            {(p) => <input {...p} type="tel" {...register('customer.phone')} />}
          </Field>
          <Field label={t('intake.fields.customer.email')} error={errors.customer?.email?.message}>
            {(p) => <input {...p} type="email" {...register('customer.email')} />}
          </Field>
        </section>

        <section className="card form-grid" aria-labelledby="intake-complaint">
          <h2 id="intake-complaint" className="form-grid__full">
            {t('intake.sections.complaint')}
          </h2>
          <Field label={t('intake.fields.eventDate.precision')} error={errors.eventDate?.precision?.message} required>
            {(p) => (
              <select {...p} {...register('eventDate.precision')}>
                <PrecisionOptions />
              </select>
            )}
          </Field>
          <Field
            label={t('intake.fields.eventDate.value')}
            hint={t(`intake.precisionHint.${precision ?? 'day'}`)}
            error={errors.eventDate?.value?.message}
            required
          >
            {(p) => <ApproximateDateInput {...p} precision={precision ?? 'day'} {...register('eventDate.value')} />}
          </Field>
          <Field
            label={t('intake.fields.complaint')}
            hint={t('intake.complaintHint')}
            error={errors.complaint?.message}
            required
            className="form-grid__full"
          >
            {(p) => <textarea {...p} rows={6} {...register('complaint')} />}
          </Field>
          <Field label={t('intake.fields.remedy')} error={errors.remedy?.message} required className="form-grid__full">
            {(p) => <textarea {...p} rows={2} {...register('remedy')} />}
          </Field>
        </section>

        <section className="card" aria-labelledby="intake-signature">
          <h2 id="intake-signature">{t('intake.sections.signature')}</h2>
          <p className="muted" id="intake-signature-hint">
            {t('intake.signature.hint')}
          </p>
          <Controller
            control={control}
            name="signature"
            render={({ field, fieldState }) => (
              <>
                <SignatureField
                  value={field.value}
                  onChange={field.onChange}
                  label={t('intake.fields.signature')}
                  error={Boolean(fieldState.error)}
                  describedBy="intake-signature-hint"
                />
                {fieldState.error?.message ? <span className="field__error">{t(fieldState.error.message)}</span> : null}
              </>
            )}
          />
        </section>

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {t('intake.submit')}
          </button>
          <button type="button" className="button" onClick={() => void navigate('/cases')}>
            {t('intake.later')}
          </button>
        </div>
      </form>
    </>
  )
}
