import { zodResolver } from '@hookform/resolvers/zod'
import type { TFunction } from 'i18next'
import { useId, useState, type ReactNode } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CaseId } from '@shared/domain/case'
import type { Party } from '@shared/domain/investigation'
import {
  compensationKinds,
  outcomes,
  responsibleKinds,
  rootCauseCategories,
  type Compensation,
  type Resolution,
} from '@shared/domain/resolution'
import {
  blankCompensation,
  blankResponsibility,
  resolutionSchema,
  resolutionToForm,
  type ResolutionFormValues,
  type ResolutionInput,
} from '@shared/domain/resolution-forms'
import { Field } from '../../components/field'
import { PartyOptions } from '../../components/party-options'
import { SaveFailed } from '../../components/save-failed'
import type { Actor } from '../../db/cases-repo'
import { db } from '../../db/db'
import { saveResolution } from '../../db/resolution-repo'
import { formatDate } from '../../lib/format'

/** An amount in its currency, in the given language ("49,90 €"); a malformed code falls back to plain digits. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount)
  } catch {
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`
  }
}

/** The decision: who is responsible and how much, the root cause, the outcome, the decision and compensation. */
export function DecisionForm({
  caseId,
  resolution,
  parties,
  actor,
}: {
  caseId: CaseId
  resolution: Resolution | null
  parties: readonly Party[]
  actor: Actor
}): ReactNode {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [failed, setFailed] = useState(false)
  const [saved, setSaved] = useState(false)
  const {
    register,
    control,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ResolutionInput, unknown, ResolutionFormValues>({
    resolver: zodResolver(resolutionSchema),
    defaultValues: resolutionToForm(resolution),
  })
  const responsibility = useFieldArray({ control, name: 'responsibility' })
  const compensation = useFieldArray({ control, name: 'compensation' })

  const submit = handleSubmit(async (values) => {
    setFailed(false)
    setSaved(false)
    try {
      await saveResolution(db, caseId, actor, values)
      setSaved(true)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  const arrayError = (e: { message?: string; root?: { message?: string } } | undefined): string | undefined =>
    e?.root?.message ?? e?.message

  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      className="stack resolution-block"
      onSubmit={(e) => void submit(e)}
      onChange={() => setSaved(false)}
    >
      <h3 id={`${id}-title`}>{t('resolution.decision.title')}</h3>

      <fieldset className="resolution-rows">
        <legend>{t('resolution.decision.responsibility')}</legend>
        <p className="field__hint">{t('resolution.decision.responsibilityHint')}</p>
        {responsibility.fields.map((row, index) => {
          const n = index + 1
          const rowErrors = errors.responsibility?.[index]
          const isParty = watch(`responsibility.${index}.kind`) === 'party'
          return (
            <div key={row.id} className="resolution-row">
              <Field label={t('resolution.decision.kindFor', { n })} error={rowErrors?.kind?.message}>
                {(p) => (
                  <select {...p} {...register(`responsibility.${index}.kind`)}>
                    {responsibleKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`resolution.decision.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {isParty ? (
                <Field label={t('resolution.decision.partyFor', { n })} error={rowErrors?.partyId?.message}>
                  {(p) => (
                    <select {...p} {...register(`responsibility.${index}.partyId`)}>
                      <PartyOptions parties={parties} />
                    </select>
                  )}
                </Field>
              ) : null}
              <Field
                label={t('resolution.decision.shareFor', { n })}
                error={rowErrors?.share?.message}
                className="resolution-row__share"
              >
                {(p) => <input {...p} inputMode="decimal" {...register(`responsibility.${index}.share`)} />}
              </Field>
              <Field
                label={t('resolution.decision.noteFor', { n })}
                error={rowErrors?.note?.message}
                className="resolution-row__wide"
              >
                {(p) => <input {...p} {...register(`responsibility.${index}.note`)} />}
              </Field>
              <button
                type="button"
                className="button resolution-row__remove"
                aria-label={t('resolution.decision.removeResponsible', { n })}
                title={t('resolution.decision.removeResponsible', { n })}
                onClick={() => responsibility.remove(index)}
              >
                ×
              </button>
            </div>
          )
        })}
        {arrayError(errors.responsibility) ? (
          <p className="field__error" role="alert">
            {t(arrayError(errors.responsibility) ?? '')}
          </p>
        ) : null}
        <div>
          <button type="button" className="button" onClick={() => responsibility.append(blankResponsibility)}>
            {t('resolution.decision.addResponsible')}
          </button>
        </div>
      </fieldset>

      <div className="form-grid">
        <Field label={t('resolution.decision.rootCause')} error={errors.rootCause?.category?.message} required>
          {(p) => (
            <select {...p} {...register('rootCause.category')}>
              <option value="">{t('triage.choose')}</option>
              {rootCauseCategories.map((category) => (
                <option key={category} value={category}>
                  {t(`review.rootCauses.${category}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('resolution.decision.outcome')} error={errors.outcome?.message} required>
          {(p) => (
            <select {...p} {...register('outcome')}>
              <option value="">{t('triage.choose')}</option>
              {outcomes.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`review.outcomes.${outcome}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('resolution.decision.rootCauseText')}
          error={errors.rootCause?.text?.message}
          required
          className="form-grid__full"
        >
          {(p) => <textarea {...p} rows={2} {...register('rootCause.text')} />}
        </Field>
        <Field
          label={t('resolution.decision.text')}
          hint={t('resolution.decision.textHint')}
          error={errors.decision?.message}
          required
          className="form-grid__full"
        >
          {(p) => <textarea {...p} rows={4} {...register('decision')} />}
        </Field>
      </div>

      <fieldset className="resolution-rows">
        <legend>{t('resolution.decision.compensation')}</legend>
        {compensation.fields.length === 0 ? <p className="muted">{t('resolution.decision.noCompensation')}</p> : null}
        {compensation.fields.map((row, index) => {
          const n = index + 1
          const rowErrors = errors.compensation?.[index]
          return (
            <div key={row.id} className="resolution-row">
              <Field label={t('resolution.decision.compensationFor', { n })} error={rowErrors?.kind?.message}>
                {(p) => (
                  <select {...p} {...register(`compensation.${index}.kind`)}>
                    {compensationKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`caseReview.compensationKinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label={t('resolution.decision.amountFor', { n })}
                error={rowErrors?.amount?.message}
                className="resolution-row__share"
              >
                {(p) => <input {...p} inputMode="decimal" {...register(`compensation.${index}.amount`)} />}
              </Field>
              <Field
                label={t('resolution.decision.currencyFor', { n })}
                error={rowErrors?.currency?.message}
                className="resolution-row__currency"
              >
                {(p) => (
                  <input
                    {...p}
                    maxLength={3}
                    autoCapitalize="characters"
                    className="resolution-currency"
                    {...register(`compensation.${index}.currency`)}
                  />
                )}
              </Field>
              <button
                type="button"
                className="button resolution-row__remove"
                aria-label={t('resolution.decision.removeCompensation', { n })}
                title={t('resolution.decision.removeCompensation', { n })}
                onClick={() => compensation.remove(index)}
              >
                ×
              </button>
            </div>
          )
        })}
        <div>
          <button type="button" className="button" onClick={() => compensation.append(blankCompensation)}>
            {t('resolution.decision.addCompensation')}
          </button>
        </div>
      </fieldset>

      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('resolution.decision.save')}
        </button>
        <span role="status" className="muted">
          {saved ? t('resolution.decision.saved') : ''}
        </span>
        {resolution ? (
          <span className="muted small">
            {t('resolution.decision.decidedBy', {
              by: resolution.decidedBy,
              date: formatDate(resolution.decidedAt, i18n.language, 'short'),
            })}
          </span>
        ) : null}
      </div>
    </form>
  )
}

/**
 * A compensation line in a language (t fixed to it): its kind translated, its
 * amount in its currency, with that language's punctuation ("Remboursement : 49,90 €").
 */
export function compensationText(c: Compensation, t: TFunction, locale: string): string {
  const kind = t(`caseReview.compensationKinds.${c.kind}`)
  return c.amount !== null && c.currency
    ? t('resolution.letter.compensationLine', { kind, amount: formatMoney(c.amount, c.currency, locale) })
    : kind
}

/** The decision of a closed case, as it was recorded. */
export function DecisionView({
  resolution,
  parties,
}: {
  resolution: Resolution | null
  parties: readonly Party[]
}): ReactNode {
  const { t, i18n } = useTranslation()
  const id = useId()
  const locale = i18n.language
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const who = (r: Resolution['responsibility'][number]): string =>
    r.kind === 'party'
      ? (parties.find((p) => p.id === r.partyId)?.name ?? t('findings.unknownParty'))
      : t(`resolution.decision.kinds.${r.kind}`)
  return (
    <section aria-labelledby={`${id}-title`} className="resolution-block">
      <h3 id={`${id}-title`}>{t('resolution.decision.title')}</h3>
      {!resolution ? (
        <p className="muted">{t('resolution.decision.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('resolution.decision.responsibility')}</dt>
          <dd>
            <ul className="plain-list">
              {resolution.responsibility.map((r, index) => (
                <li key={index}>
                  {who(r)}
                  {r.share !== null || r.note
                    ? ` — ${[r.share !== null ? percent.format(r.share / 100) : '', r.note].filter(Boolean).join(' · ')}`
                    : ''}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('resolution.decision.rootCause')}</dt>
          <dd>
            {t(`review.rootCauses.${resolution.rootCause.category}`)} — {resolution.rootCause.text}
          </dd>
          <dt>{t('resolution.decision.outcome')}</dt>
          <dd>{t(`review.outcomes.${resolution.outcome}`)}</dd>
          <dt>{t('resolution.decision.text')}</dt>
          <dd className="pre-line">{resolution.decision}</dd>
          <dt>{t('resolution.decision.compensation')}</dt>
          <dd>
            {resolution.compensation.length === 0
              ? t('resolution.decision.noCompensation')
              : resolution.compensation.map((c) => compensationText(c, t, locale)).join(' · ')}
          </dd>
        </dl>
      )}
      {resolution ? (
        <p className="muted small">
          {t('resolution.decision.decidedBy', {
            by: resolution.decidedBy,
            date: formatDate(resolution.decidedAt, locale, 'short'),
          })}
        </p>
      ) : null}
    </section>
  )
}
