import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useRef, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Discrepancy, FactId, SettledBy } from '@shared/domain/investigation'
import { Choices, Field } from '../../components/field'
import type { Actor } from '../../db/cases-repo'
import { db } from '../../db/db'
import { reopenDiscrepancy, resolveDiscrepancy } from '../../db/investigation-repo'
import { formatDateTime } from '../../lib/format'
import { errorKeyOf, type FindingsData, type Names, useFindingsReadOnly } from './findings-data'

const filters = ['all', 'open', 'resolved'] as const
type Filter = (typeof filters)[number]

const resolveSchema = z
  .object({
    settledKind: z.enum(['evidence', 'account'], { message: 'findings.errors.settledByRequired' }),
    evidenceId: z.string(),
    versionId: z.string(),
    bearsOut: z.enum(['a', 'b', 'neither'], { message: 'findings.errors.sideRequired' }),
    how: z.string().trim().min(1, 'findings.errors.howRequired'),
    fact: z.string().trim().min(1, 'findings.errors.factRequired'),
  })
  .superRefine((values, ctx) => {
    if (values.settledKind === 'evidence' && values.evidenceId === '')
      ctx.addIssue({ code: 'custom', path: ['evidenceId'], message: 'findings.errors.evidenceRequired' })
    if (values.settledKind === 'account' && values.versionId === '')
      ctx.addIssue({ code: 'custom', path: ['versionId'], message: 'findings.errors.tellingRequired' })
  })
type ResolveValues = z.input<typeof resolveSchema>

/** The discrepancy log: each conflict between two accounts, until evidence or a later statement settles it. */
export function DiscrepancyLog({
  data,
  names,
  actor,
  onShowFact,
}: {
  data: FindingsData
  names: Names
  actor: Actor
  onShowFact: (factId: FactId) => void
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const [filter, setFilter] = useState<Filter>('all')
  const [message, setMessage] = useState('')
  const open = data.discrepancies.filter((d) => d.status === 'open').length
  const shown = data.discrepancies.filter((d) => filter === 'all' || d.status === filter)

  return (
    <section aria-labelledby={`${id}-title`} className="findings-block">
      <h3 id={`${id}-title`}>{t('findings.discrepancies.title')}</h3>
      <p className="muted">{t('findings.discrepancies.intro')}</p>
      {data.discrepancies.length === 0 ? (
        <p className="muted">{t('findings.discrepancies.none')}</p>
      ) : (
        <>
          <div className="findings-toolbar">
            <Choices legend={t('findings.discrepancies.filter')}>
              {filters.map((f) => (
                <label key={f} className="choice">
                  <input
                    type="radio"
                    name={`${id}-filter`}
                    value={f}
                    checked={filter === f}
                    onChange={() => setFilter(f)}
                  />
                  {t(`findings.discrepancies.filters.${f}`)}
                </label>
              ))}
            </Choices>
            <p className="muted small">
              {t('findings.discrepancies.counts', { open, resolved: data.discrepancies.length - open })}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="muted">{t('findings.discrepancies.noneInView')}</p>
          ) : (
            <ul className="findings-entries">
              {shown.map((d) => (
                <DiscrepancyEntry
                  key={d.id}
                  discrepancy={d}
                  data={data}
                  names={names}
                  actor={actor}
                  onShowFact={onShowFact}
                  onMessage={setMessage}
                />
              ))}
            </ul>
          )}
        </>
      )}
      <p role="status" className="findings-status-message">
        {message}
      </p>
    </section>
  )
}

function DiscrepancyEntry({
  discrepancy: d,
  data,
  names,
  actor,
  onShowFact,
  onMessage,
}: {
  discrepancy: Discrepancy
  data: FindingsData
  names: Names
  actor: Actor
  onShowFact: (factId: FactId) => void
  onMessage: (message: string) => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const readOnly = useFindingsReadOnly()
  const id = useId()
  const [resolving, setResolving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const entryRef = useRef<HTMLElement>(null)
  const resolveButton = useRef<HTMLButtonElement>(null)
  const resolution = d.status === 'resolved' ? d.resolution : null

  const reopen = async (): Promise<void> => {
    setError(null)
    try {
      await reopenDiscrepancy(db, d.id, actor)
      onMessage(t('findings.discrepancies.reopenedMessage'))
      // The Reopen button goes away: the focus moves to the Resolve button that takes its place.
      requestAnimationFrame(() => resolveButton.current?.focus())
    } catch (e) {
      setError(errorKeyOf(e))
    }
  }

  return (
    <li>
      <article aria-labelledby={`${id}-topic`} className="findings-entry" ref={entryRef} tabIndex={-1}>
        <header className="findings-entry__header">
          <h4 id={`${id}-topic`}>{d.topic}</h4>
          <span className={`badge findings-badge--${d.status}`}>{t(`findings.discrepancies.status.${d.status}`)}</span>
        </header>
        <div className="findings-sides">
          {(['a', 'b'] as const).map((key) => (
            <figure key={key} className="findings-side">
              <figcaption>
                <strong>
                  {t(key === 'a' ? 'findings.discrepancies.firstSide' : 'findings.discrepancies.secondSide')}
                </strong>
                <span className="muted"> · {names.side(d[key])}</span>
              </figcaption>
              <blockquote className="quote">{d[key].quote}</blockquote>
            </figure>
          ))}
        </div>
        {d.note ? (
          <dl className="facts facts--compact">
            <dt>{t('findings.discrepancies.note')}</dt>
            <dd className="pre-line">{d.note}</dd>
          </dl>
        ) : null}
        {resolution ? (
          <>
            <dl className="facts facts--compact">
              <dt>{t('findings.discrepancies.how')}</dt>
              <dd className="pre-line">{resolution.how}</dd>
              <dt>{t('findings.discrepancies.settledBy')}</dt>
              <dd>{names.settledBy(resolution.settledBy)}</dd>
              <dt>{t('findings.discrepancies.bearsOut')}</dt>
              <dd>
                {resolution.bearsOut === 'neither'
                  ? t('findings.discrepancies.bearsOutNeither')
                  : t(
                      resolution.bearsOut === 'a'
                        ? 'findings.discrepancies.bearsOutA'
                        : 'findings.discrepancies.bearsOutB',
                      {
                        party: names.party(d[resolution.bearsOut].partyId),
                      },
                    )}
              </dd>
              <dt>{t('findings.discrepancies.resolvedBy')}</dt>
              <dd>{t('findings.byAt', { by: resolution.by, at: formatDateTime(resolution.at, i18n.language) })}</dd>
            </dl>
            <div className="form-actions">
              {resolution.factId && data.factById.has(resolution.factId) ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => resolution.factId && onShowFact(resolution.factId)}
                >
                  {t('findings.discrepancies.showFact')}
                </button>
              ) : null}
              {readOnly ? null : (
                <button type="button" className="button" onClick={() => void reopen()}>
                  {t('findings.discrepancies.reopen')}
                </button>
              )}
            </div>
          </>
        ) : resolving ? (
          <ResolveForm
            discrepancy={d}
            data={data}
            names={names}
            actor={actor}
            onCancel={() => {
              setResolving(false)
              // The form goes away with the focus in it: hand the focus back to what opened it.
              requestAnimationFrame(() => resolveButton.current?.focus())
            }}
            onResolved={() => {
              setResolving(false)
              onMessage(t('findings.discrepancies.resolvedMessage'))
              requestAnimationFrame(() => entryRef.current?.focus())
            }}
          />
        ) : readOnly ? null : (
          <div className="form-actions">
            <button
              type="button"
              ref={resolveButton}
              className="button button--primary"
              onClick={() => setResolving(true)}
            >
              {t('findings.discrepancies.resolve')}
            </button>
          </div>
        )}
        {error ? (
          <p role="alert" className="error-message">
            {t(error)}
          </p>
        ) : null}
      </article>
    </li>
  )
}

function ResolveForm({
  discrepancy: d,
  data,
  names,
  actor,
  onCancel,
  onResolved,
}: {
  discrepancy: Discrepancy
  data: FindingsData
  names: Names
  actor: Actor
  onCancel: () => void
  onResolved: () => void
}): ReactNode {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<string | null>(null)
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ResolveValues>({
    resolver: zodResolver(resolveSchema),
    defaultValues: {
      settledKind: data.evidence.length > 0 || data.versions.length === 0 ? 'evidence' : 'account',
      evidenceId: '',
      versionId: '',
      how: '',
      fact: '',
    },
  })
  const settledKind = watch('settledKind')

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null)
    const parsed = resolveSchema.parse(values)
    let settledBy: SettledBy
    if (parsed.settledKind === 'evidence') {
      const item = data.evidenceById.get(parsed.evidenceId)
      if (!item) return setFailure('findings.errors.evidenceRequired')
      settledBy = { kind: 'evidence', evidenceId: item.id }
    } else {
      const version = data.versionById.get(parsed.versionId)
      if (!version) return setFailure('findings.errors.tellingRequired')
      settledBy = { kind: 'account', accountId: version.accountId, versionId: version.id }
    }
    try {
      await resolveDiscrepancy(db, d.id, actor, {
        how: parsed.how,
        settledBy,
        bearsOut: parsed.bearsOut,
        fact: parsed.fact,
      })
      onResolved()
    } catch (error) {
      // What the investigator typed stays in the form.
      setFailure(errorKeyOf(error))
    }
  })

  return (
    <form
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-grid findings-form"
      aria-label={t('findings.resolve.formName', { topic: d.topic })}
    >
      <Choices legend={t('findings.resolve.settledBy')} error={errors.settledKind?.message} required>
        {(['evidence', 'account'] as const).map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" value={kind} {...register('settledKind')} />
            {t(`findings.resolve.kinds.${kind}`)}
          </label>
        ))}
      </Choices>
      {settledKind === 'evidence' ? (
        <Field
          label={t('findings.resolve.evidence')}
          hint={data.evidence.length === 0 ? t('findings.resolve.noEvidence') : undefined}
          error={errors.evidenceId?.message}
          required
        >
          {(p) => (
            <select {...p} {...register('evidenceId')}>
              <option value="">{t('findings.choose')}</option>
              {data.evidence.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field
          label={t('findings.resolve.statement')}
          hint={data.versions.length === 0 ? t('findings.resolve.noStatements') : undefined}
          error={errors.versionId?.message}
          required
        >
          {(p) => (
            <select {...p} {...register('versionId')}>
              <option value="">{t('findings.choose')}</option>
              {data.versions.map((version) => (
                <option key={version.id} value={version.id}>
                  {names.telling(version.id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="form-grid__full">
        <Choices legend={t('findings.resolve.bearsOut')} error={errors.bearsOut?.message} required>
          <label className="choice">
            <input type="radio" value="a" {...register('bearsOut')} />
            {t('findings.resolve.sideA', { party: names.party(d.a.partyId) })}
          </label>
          <label className="choice">
            <input type="radio" value="b" {...register('bearsOut')} />
            {t('findings.resolve.sideB', { party: names.party(d.b.partyId) })}
          </label>
          <label className="choice">
            <input type="radio" value="neither" {...register('bearsOut')} />
            {t('findings.resolve.neither')}
          </label>
        </Choices>
      </div>
      <Field
        label={t('findings.resolve.how')}
        hint={t('findings.resolve.howHint')}
        error={errors.how?.message}
        required
        className="form-grid__full"
      >
        {(p) => <textarea {...p} rows={3} {...register('how')} />}
      </Field>
      <Field
        label={t('findings.resolve.fact')}
        hint={t('findings.resolve.factHint')}
        error={errors.fact?.message}
        required
        className="form-grid__full"
      >
        {(p) => <input {...p} type="text" {...register('fact')} />}
      </Field>
      {failure ? (
        <p role="alert" className="error-message form-grid__full">
          {t(failure)}
        </p>
      ) : null}
      <div className="form-actions form-grid__full">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('findings.resolve.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('findings.cancel')}
        </button>
      </div>
    </form>
  )
}
