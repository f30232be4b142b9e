import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { DatePrecision } from '@shared/domain/case'
import { reliabilities, type EvidenceItem, type Reliability } from '@shared/domain/evidence'
import { newId } from '@shared/domain/ids'
import type { ApiErrorShape } from '@shared/contract'
import { ErrorMessage } from '../../components/error-message'
import { ApproximateDateInput, PrecisionOptions } from '../../components/approximate-date'
import { Field } from '../../components/field'
import { EvidenceViewer } from '../../components/viewers/evidence-viewer'
import { db } from '../../db/db'
import { addBookmark, recordCustody, updateEvidence } from '../../db/evidence-repo'
import { useApiCall } from '../../hooks/use-api-call'
import { useApi } from '../../lib/api/api-context'
import { formatDateTime } from '../../lib/format'

interface DetailsForm {
  description: string
  providedBy: string
  reliability: Reliability
  reliabilityNote: string
  eventPrecision: DatePrecision | ''
  eventValue: string
}

/** One item: shown in the app, described, re-verified, with its chain of custody. */
export function EvidenceDetail({ item, actor }: { item: EvidenceItem; actor: { name: string } }): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const stat = useApiCall('vault.stat', { sha256: item.sha256 })
  const custody = useLiveQuery(() => db.custody.where('evidenceId').equals(item.id).sortBy('at'), [item.id])
  const [verifying, setVerifying] = useState(false)
  const [openError, setOpenError] = useState<ApiErrorShape | null>(null)
  const [saved, setSaved] = useState(false)

  // Opening an item is a custody event: who looked at it, and when.
  const viewedFor = useRef<string | null>(null)
  useEffect(() => {
    if (viewedFor.current === item.id) return
    viewedFor.current = item.id
    void recordCustody(db, item, actor, { action: 'viewed', how: 'opened in Redress', result: null, detail: '' })
  }, [item, actor])

  const { register, handleSubmit, watch } = useForm<DetailsForm>({
    defaultValues: {
      description: item.description,
      providedBy: item.providedBy,
      reliability: item.reliability,
      reliabilityNote: item.reliabilityNote,
      eventPrecision: item.eventDate?.precision ?? '',
      eventValue: item.eventDate?.value ?? '',
    },
  })
  const precision = watch('eventPrecision')

  const save = handleSubmit(async (v) => {
    await updateEvidence(db, item.id, actor, (current) => ({
      ...current,
      description: v.description.trim(),
      providedBy: v.providedBy.trim(),
      reliability: v.reliability,
      reliabilityNote: v.reliabilityNote.trim(),
      eventDate:
        v.eventPrecision && v.eventValue.trim() ? { precision: v.eventPrecision, value: v.eventValue.trim() } : null,
    }))
    setSaved(true)
  })

  const openExternally = async (): Promise<void> => {
    setOpenError(null)
    const result = await api.call('vault.openExternally', { sha256: item.sha256, name: item.name })
    if (!result.ok) setOpenError(result.error)
    else {
      await recordCustody(db, item, actor, {
        action: 'viewed',
        how: "opened in the system's application (read-only copy)",
        result: null,
        detail: '',
      })
    }
  }

  const verify = async (): Promise<void> => {
    setVerifying(true)
    const result = await api.call('vault.verify', { sha256: item.sha256, taskId: `verify-${newId()}` })
    await recordCustody(db, item, actor, {
      action: 'verified',
      how: 're-hashed (SHA-256) in the vault',
      result: result.ok && result.value.ok ? 'ok' : 'failed',
      detail: result.ok ? `sha256 ${result.value.actualSha256}` : `${result.error.code}: ${result.error.message}`,
    })
    setVerifying(false)
  }

  const lastCheck = custody?.filter((c) => c.action === 'verified').at(-1)
  return (
    <article className="evidence-detail" aria-labelledby={`evidence-${item.id}`}>
      <h3 id={`evidence-${item.id}`}>{item.name}</h3>
      <p className="muted small">
        SHA-256 <code className="hash">{item.sha256}</code>
      </p>
      {stat.status === 'ok' && stat.value.mediaUrl ? (
        <EvidenceViewer
          src={stat.value.mediaUrl}
          name={item.name}
          mime={item.type?.mime ?? null}
          bookmarks={item.bookmarks}
          onAddBookmark={(b) => void addBookmark(db, item.id, actor, b)}
          onOpenExternally={() => void openExternally()}
        />
      ) : stat.status === 'ok' ? (
        <p role="alert" className="error-message">
          {t('evidence.missingFromVault')}
        </p>
      ) : null}

      {openError ? <ErrorMessage error={openError} /> : null}
      <div className="evidence-actions">
        <button type="button" className="button" onClick={() => void verify()} disabled={verifying}>
          {verifying ? t('evidence.verifying') : t('evidence.verify')}
        </button>
        {lastCheck ? (
          <span role="status" className={lastCheck.result === 'ok' ? 'chain chain--ok' : 'chain chain--broken'}>
            {lastCheck.result === 'ok'
              ? t('evidence.verifiedOk', { date: formatDateTime(lastCheck.at, i18n.language) })
              : t('evidence.verifiedFailed', { date: formatDateTime(lastCheck.at, i18n.language) })}
          </span>
        ) : null}
      </div>

      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => void save(e)}
        onChange={() => setSaved(false)}
        aria-label={t('evidence.details')}
      >
        <Field label={t('evidence.description')} className="form-grid__full">
          {(p) => <textarea {...p} rows={2} {...register('description')} />}
        </Field>
        <Field label={t('evidence.providedBy')}>{(p) => <input {...p} {...register('providedBy')} />}</Field>
        <Field label={t('evidence.reliability')}>
          {(p) => (
            <select {...p} {...register('reliability')}>
              {reliabilities.map((r) => (
                <option key={r} value={r}>
                  {t(`evidence.reliabilities.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('evidence.reliabilityNote')} className="form-grid__full">
          {(p) => <input {...p} {...register('reliabilityNote')} />}
        </Field>
        <Field label={t('evidence.eventPrecision')}>
          {(p) => (
            <select {...p} {...register('eventPrecision')}>
              <option value="">{t('evidence.noEventDate')}</option>
              <PrecisionOptions />
            </select>
          )}
        </Field>
        {precision ? (
          <Field label={t('evidence.eventDate')}>
            {(p) => <ApproximateDateInput {...p} precision={precision} {...register('eventValue')} />}
          </Field>
        ) : null}
        <div className="form-actions form-grid__full">
          <button type="submit" className="button button--primary">
            {t('evidence.saveDetails')}
          </button>
          {saved ? <span role="status">{t('settings.saved')}</span> : null}
        </div>
      </form>

      <h4>{t('evidence.custody')}</h4>
      <ol className="timeline" aria-label={t('evidence.custody')}>
        {(custody ?? []).map((c) => (
          <li key={c.id}>
            <strong>{t(`evidence.custodyActions.${c.action}`)}</strong> · {formatDateTime(c.at, i18n.language)} · {c.by}
            {c.result ? (
              <span className={`badge badge--${c.result === 'ok' ? 'met' : 'overdue'}`}>
                {t(`evidence.results.${c.result}`)}
              </span>
            ) : null}
            <div className="muted small">
              {c.how}
              {c.detail ? ` — ${c.detail}` : ''}
            </div>
          </li>
        ))}
      </ol>
    </article>
  )
}
