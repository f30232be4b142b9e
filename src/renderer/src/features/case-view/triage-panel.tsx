import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import {
  complaintCategories,
  declineReasons,
  escalationTargets,
  severityCriteria,
  type CaseRecord,
  type EscalationTarget,
} from '@shared/domain/case'
import { customerKeys } from '@shared/domain/customer-match'
import { triageSchema, type TriageValues } from '@shared/domain/intake'
import type { Profile } from '@shared/domain/profile'
import { computeDueDates } from '@shared/domain/sla'
import { Choices, Field } from '../../components/field'
import { SlaBadge, StatusBadge } from '../../components/sla-badge'
import { findCustomerHistory, moveCase, updateCase } from '../../db/cases-repo'
import { db } from '../../db/db'
import { useNow } from '../../hooks/use-now'
import { useSla } from '../../hooks/use-profile'
import { formatDate, formatDateTime } from '../../lib/format'
import { SaveFailed } from '../../components/save-failed'

export function TriagePanel({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  return (
    <section className="card" aria-labelledby="case-triage">
      <h2 id="case-triage">{t('triage.title')}</h2>
      <div className="triage-layout">
        <div>
          {record.status === 'triage' ? (
            <TriageForm record={record} profile={profile} />
          ) : record.triage ? (
            <dl className="facts">
              <dt>{t('triage.decision')}</dt>
              <dd>
                {t(`triage.decisions.${record.triage.decision}`)}
                {record.triage.declineReason ? ` — ${t(`triage.declineReasons.${record.triage.declineReason}`)}` : ''}
              </dd>
              <dt>{t('triage.category')}</dt>
              <dd>{record.category ? t(`category.${record.category}`) : '—'}</dd>
              <dt>{t('triage.reason')}</dt>
              <dd className="pre-line">{record.triage.reason}</dd>
              <dt>{t('triage.severity')}</dt>
              <dd>
                {t(`severity.${record.triage.severity}`)}
                {record.triage.criteria.length > 0
                  ? ` (${record.triage.criteria.map((c) => t(`triage.criteria.${c}`)).join(', ')})`
                  : ''}
              </dd>
              <dt>{t('triage.decidedBy')}</dt>
              <dd>
                {record.triage.decidedBy}, {formatDateTime(record.triage.decidedAt, i18n.language)}
              </dd>
              {record.escalations.map((e) => (
                <EscalationFact key={`${e.to}-${e.at}`} to={e.to} at={e.at} by={e.by} reason={e.reason} />
              ))}
            </dl>
          ) : record.status === 'intake' ? (
            <div className="stack">
              <p className="muted">{t('triage.notYet')}</p>
              <div>
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void moveCase(db, record.id, { name: profile.name }, 'triage')}
                >
                  {t('triage.start')}
                </button>
              </div>
            </div>
          ) : (
            <p className="muted">{t('triage.notYet')}</p>
          )}
        </div>
        <CustomerHistory record={record} />
      </div>
    </section>
  )
}

function EscalationFact(props: { to: EscalationTarget; at: string; by: string; reason: string }): ReactNode {
  const { t, i18n } = useTranslation()
  return (
    <>
      <dt>{t('triage.escalatedTo', { to: t(`triage.targets.${props.to}`) })}</dt>
      <dd>
        {formatDateTime(props.at, i18n.language)}, {props.by}: {props.reason}
      </dd>
    </>
  )
}

function TriageForm({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t } = useTranslation()
  const sla = useSla()
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TriageValues>({
    resolver: zodResolver(triageSchema),
    defaultValues: {
      decision: 'investigate',
      declineReason: null,
      reason: '',
      severity: 'minor',
      criteria: [],
      category: undefined as unknown as TriageValues['category'],
      escalations: [],
    },
  })
  const escalations = useFieldArray({ control, name: 'escalations' })
  const decision = watch('decision')
  const severity = watch('severity')
  const criteria = watch('criteria')
  const chosenTargets = new Set(watch('escalations').map((e) => e.to))

  const onSubmit = handleSubmit(async (values) => {
    setFailed(false)
    const parsed = triageSchema.parse(values)
    const now = new Date().toISOString()
    try {
      await updateCase(db, record.id, { name: profile.name }, 'triage', (c) => ({
        ...c,
        status: parsed.decision === 'decline' ? 'declined' : 'investigation',
        triage: {
          decision: parsed.decision,
          declineReason: parsed.decision === 'decline' ? parsed.declineReason : null,
          reason: parsed.reason,
          severity: parsed.severity,
          criteria: parsed.criteria,
          decidedAt: now,
          decidedBy: profile.name,
        },
        category: parsed.category,
        escalations: [...c.escalations, ...parsed.escalations.map((e) => ({ ...e, at: now, by: profile.name }))],
        due: computeDueDates({ receivedAt: c.receivedAt, severity: parsed.severity, sla }),
        closedAt: parsed.decision === 'decline' ? now : null,
      }))
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t('triage.title')} className="stack">
      <Choices legend={t('triage.decision')} error={errors.decision?.message} required>
        {(['investigate', 'decline'] as const).map((d) => (
          <label key={d} className="choice">
            <input type="radio" value={d} {...register('decision')} />
            {t(`triage.decisions.${d}`)}
          </label>
        ))}
      </Choices>
      {decision === 'decline' ? (
        <Field label={t('triage.declineReason')} error={errors.declineReason?.message} required>
          {(p) => (
            <select {...p} {...register('declineReason', { setValueAs: (v: string) => v || null })}>
              <option value="">{t('triage.choose')}</option>
              {declineReasons.map((r) => (
                <option key={r} value={r}>
                  {t(`triage.declineReasons.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('triage.category')} error={errors.category?.message} required>
        {(p) => (
          <select {...p} {...register('category')}>
            <option value="">{t('triage.choose')}</option>
            {complaintCategories.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('triage.reason')} hint={t('triage.reasonHint')} error={errors.reason?.message} required>
        {(p) => <textarea {...p} rows={3} {...register('reason')} />}
      </Field>
      <Choices legend={t('triage.criteriaLegend')} error={errors.criteria?.message}>
        {severityCriteria.map((c) => (
          <label key={c} className="choice">
            <input
              type="checkbox"
              value={c}
              {...register('criteria', {
                // Legal, safety or financial stakes make a complaint major.
                onChange: () => {
                  const ticked = watch('criteria')
                  if (ticked.some((x) => x !== 'other')) setValue('severity', 'major')
                },
              })}
            />
            {t(`triage.criteria.${c}`)}
          </label>
        ))}
      </Choices>
      <Choices legend={t('triage.severity')} error={errors.severity?.message} required>
        {(['minor', 'major'] as const).map((s) => (
          <label key={s} className="choice">
            <input type="radio" value={s} {...register('severity')} />
            {t(`severity.${s}`)}
          </label>
        ))}
      </Choices>
      {severity === 'major' ? (
        <div className="callout" role="group" aria-labelledby="escalation-title">
          <h3 id="escalation-title">{t('triage.escalationTitle')}</h3>
          <p className="muted">{t('triage.escalationHint')}</p>
          <div className="choices__options">
            {escalationTargets.map((to) => (
              <label key={to} className="choice">
                <input
                  type="checkbox"
                  checked={chosenTargets.has(to)}
                  onChange={(e) => {
                    const index = escalations.fields.findIndex((f) => f.to === to)
                    if (e.target.checked && index < 0) escalations.append({ to, reason: '' })
                    if (!e.target.checked && index >= 0) escalations.remove(index)
                  }}
                />
                {t('triage.escalateTo', { to: t(`triage.targets.${to}`) })}
              </label>
            ))}
          </div>
          {escalations.fields.map((f, index) => (
            <Field
              key={f.id}
              label={t('triage.escalationReason', { to: t(`triage.targets.${f.to}`) })}
              error={errors.escalations?.[index]?.reason?.message}
              required
            >
              {(p) => <textarea {...p} rows={2} {...register(`escalations.${index}.reason`)} />}
            </Field>
          ))}
          {criteria.length > 0 && escalations.fields.length === 0 ? (
            <p className="muted">{t('triage.noEscalation')}</p>
          ) : null}
        </div>
      ) : null}
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('triage.save')}
        </button>
      </div>
    </form>
  )
}

/** The customer's other cases, as information beside the decision, never as a verdict. */
function CustomerHistory({ record }: { record: CaseRecord }): ReactNode {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const history = useLiveQuery(() => findCustomerHistory(db, record), [record])
  const mine = customerKeys(record.customer)
  return (
    <aside className="history-aside" aria-labelledby="customer-history">
      <h3 id="customer-history">{t('triage.historyTitle')}</h3>
      <p className="muted small">{t('triage.historyNote')}</p>
      {history === undefined ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : history.length === 0 ? (
        <p>{t('triage.historyNone')}</p>
      ) : (
        <ul className="history-list">
          {history.map((h) => (
            <li key={h.id}>
              <Link to={`/cases/${h.id}`}>{h.ref}</Link> · {formatDate(h.receivedAt, i18n.language, 'short')}{' '}
              <StatusBadge status={h.status} />
              {h.declineReason ? (
                <span className="badge badge--flag">{t(`triage.declineReasons.${h.declineReason}`)}</span>
              ) : null}
              <SlaBadge item={h} now={now} />
              <div className="muted small">
                {t('triage.matchedOn', {
                  keys: (['name', 'phone', 'email'] as const)
                    .filter((k) => mine[k] !== '' && h[`${k}Key`] === mine[k])
                    .map((k) => t(`triage.matchKeys.${k}`))
                    .join(', '),
                })}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
