import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { CaseRecord } from '@shared/domain/case'
import type { EvidenceId } from '@shared/domain/evidence'
import type { PartyId } from '@shared/domain/investigation'
import { interviewSchema, type InterviewValues } from '@shared/domain/investigation-forms'
import type { Profile } from '@shared/domain/profile'
import { languages } from '@shared/i18n/languages'
import { PartyOptions } from '../../components/party-options'
import { Choices, Field } from '../../components/field'
import { db } from '../../db/db'
import { addInterview } from '../../db/investigation-repo'
import { fromLocalInput, toLocalInput } from '../../lib/dates'
import { formatDateTime } from '../../lib/format'
import { isRecording } from '@shared/domain/evidence'
import { SaveFailed } from '../../components/save-failed'

/** The case's interviews: who was heard, when, where, on which recordings. */
export function InterviewsSection({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const data = useLiveQuery(async () => {
    const [interviews, parties, evidence] = await Promise.all([
      db.interviews.where('caseId').equals(record.id).sortBy('at'),
      db.parties.where('caseId').equals(record.id).toArray(),
      db.evidence.where('caseId').equals(record.id).toArray(),
    ])
    return { interviews, parties, recordings: evidence.filter(isRecording) }
  }, [record.id])
  const [adding, setAdding] = useState(false)
  const [failed, setFailed] = useState(false)
  const closed = record.status === 'closed' || record.status === 'declined'
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<InterviewValues>({
    resolver: zodResolver(interviewSchema),
    defaultValues: {
      partyId: '',
      at: toLocalInput(new Date()),
      place: '',
      language: profile.language,
      recordings: [],
    },
  })
  if (!data) return null
  const partyName = (id: PartyId): string => data.parties.find((p) => p.id === id)?.name ?? '—'

  const submit = handleSubmit(async (values) => {
    setFailed(false)
    const parsed = interviewSchema.parse(values)
    try {
      const interview = await addInterview(
        db,
        record.id,
        { name: profile.name },
        {
          partyId: parsed.partyId as PartyId,
          at: fromLocalInput(parsed.at),
          place: parsed.place,
          by: profile.name,
          language: parsed.language,
          recordings: parsed.recordings as EvidenceId[],
        },
      )
      void navigate(`/cases/${record.id}/interviews/${interview.id}`)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })

  return (
    <section className="card" aria-labelledby="case-interviews">
      <div className="section-header">
        <h2 id="case-interviews">{t('interviews.title')}</h2>
        {!closed && !adding && data.parties.length > 0 ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('interviews.add')}
          </button>
        ) : null}
      </div>
      {data.interviews.length === 0 && !adding ? (
        <p className="muted">{data.parties.length === 0 ? t('interviews.needParty') : t('interviews.none')}</p>
      ) : null}
      {data.interviews.length > 0 ? (
        <ul className="link-list">
          {data.interviews.map((i) => (
            <li key={i.id}>
              <Link to={`/cases/${record.id}/interviews/${i.id}`}>
                {t('interviews.linkLabel', { name: partyName(i.partyId), date: formatDateTime(i.at, i18n.language) })}
              </Link>{' '}
              <span className="small muted">
                {i.place} · {t('interviews.questions', { count: i.exchange.length })}
                {i.recordings.length > 0 ? ` · ${t('interviews.recordingCount', { count: i.recordings.length })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <form noValidate aria-label={t('interviews.addTitle')} className="stack" onSubmit={(e) => void submit(e)}>
          <div className="form-grid">
            <Field label={t('interviews.fields.party')} error={errors.partyId?.message} required>
              {(p) => (
                <select {...p} {...register('partyId')}>
                  <PartyOptions parties={data.parties} />
                </select>
              )}
            </Field>
            <Field label={t('interviews.fields.at')} error={errors.at?.message} required>
              {(p) => <input {...p} type="datetime-local" {...register('at')} />}
            </Field>
            <Field label={t('interviews.fields.place')} error={errors.place?.message} required>
              {(p) => <input {...p} {...register('place')} />}
            </Field>
            <Field
              label={t('interviews.fields.language')}
              hint={t('interviews.fields.languageHint')}
              error={errors.language?.message}
              required
            >
              {(p) => (
                <select {...p} {...register('language')}>
                  {languages.map((l) => (
                    <option key={l.code} value={l.code}>
                      {l.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Choices legend={t('interviews.fields.recordings')}>
            {data.recordings.length === 0 ? <p className="small muted">{t('interviews.noRecordings')}</p> : null}
            {data.recordings.map((r) => (
              <label key={r.id} className="choice">
                <input type="checkbox" value={r.id} {...register('recordings')} />
                {r.name}
              </label>
            ))}
          </Choices>
          <SaveFailed failed={failed} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {t('interviews.create')}
            </button>
            <button type="button" className="button" onClick={() => setAdding(false)}>
              {t('parties.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
