import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { communicationChannels, communicationKinds, type CaseRecord } from '@shared/domain/case'
import { communicationSchema, type CommunicationValues } from '@shared/domain/intake'
import type { Profile } from '@shared/domain/profile'
import { Field } from '../../components/field'
import { addCommunication } from '../../db/cases-repo'
import { db } from '../../db/db'
import { fromLocalInput, toLocalInput } from '../../lib/dates'
import { formatDateTime } from '../../lib/format'
import { SaveFailed } from '../../components/save-failed'

/** The customer communication log: acknowledgement, progress, decision. */
export function CommunicationsPanel({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const entries = useLiveQuery(() => db.communications.where('caseId').equals(record.id).sortBy('at'), [record.id])
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CommunicationValues>({
    resolver: zodResolver(communicationSchema),
    defaultValues: {
      kind: record.acknowledgedAt ? 'progress' : 'acknowledgement',
      channel: 'phone',
      at: toLocalInput(new Date()),
      content: '',
    },
  })

  const onSubmit = handleSubmit(async (values) => {
    setFailed(false)
    const parsed = communicationSchema.parse(values)
    try {
      await addCommunication(
        db,
        record.id,
        { name: profile.name },
        { ...parsed, at: fromLocalInput(parsed.at), by: profile.name },
      )
      reset({ kind: 'progress', channel: parsed.channel, at: toLocalInput(new Date()), content: '' })
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })

  return (
    <section className="card" aria-labelledby="case-communications">
      <h2 id="case-communications">{t('communications.title')}</h2>
      {entries && entries.length > 0 ? (
        <ol className="timeline">
          {entries.map((c) => (
            <li key={c.id}>
              <strong>{t(`communications.kinds.${c.kind}`)}</strong> · {t(`communications.channels.${c.channel}`)} ·{' '}
              {formatDateTime(c.at, i18n.language)} · {c.by}
              <p className="pre-line">{c.content}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t('communications.none')}</p>
      )}
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="form-grid" aria-label={t('communications.add')}>
        <h3 className="form-grid__full">{t('communications.add')}</h3>
        <Field label={t('communications.kind')} error={errors.kind?.message} required>
          {(p) => (
            <select {...p} {...register('kind')}>
              {communicationKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`communications.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('communications.channel')} error={errors.channel?.message} required>
          {(p) => (
            <select {...p} {...register('channel')}>
              {communicationChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`communications.channels.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('communications.at')} error={errors.at?.message} required>
          {(p) => <input {...p} type="datetime-local" {...register('at')} />}
        </Field>
        <Field label={t('communications.content')} error={errors.content?.message} required className="form-grid__full">
          {(p) => <textarea {...p} rows={2} {...register('content')} />}
        </Field>
        <SaveFailed failed={failed} className="form-grid__full" />
        <div className="form-actions form-grid__full">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {t('communications.record')}
          </button>
        </div>
      </form>
    </section>
  )
}
