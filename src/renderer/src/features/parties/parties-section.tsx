import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case'
import {
  credibilityFactors,
  credibilityFindings,
  partyRoles,
  type Credibility,
  type Party,
} from '@shared/domain/investigation'
import { partySchema, type PartyValues } from '@shared/domain/investigation-forms'
import type { Profile } from '@shared/domain/profile'
import { Field } from '../../components/field'
import { db } from '../../db/db'
import { addParty, updateParty } from '../../db/investigation-repo'
import { SaveFailed } from '../../components/save-failed'

/** The people in the case, each with their part, contact and, for witnesses, a credibility assessment. */
export function PartiesSection({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t } = useTranslation()
  const parties = useLiveQuery(() => db.parties.where('caseId').equals(record.id).sortBy('createdAt'), [record.id])
  const [adding, setAdding] = useState(false)
  const closed = record.status === 'closed' || record.status === 'declined'
  return (
    <section className="card" aria-labelledby="case-parties">
      <div className="section-header">
        <h2 id="case-parties">{t('parties.title')}</h2>
        {!closed && !adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('parties.add')}
          </button>
        ) : null}
      </div>
      {parties && parties.length === 0 && !adding ? <p className="muted">{t('parties.none')}</p> : null}
      {parties && parties.length > 0 ? (
        <ul className="party-list">
          {parties.map((p) => (
            <PartyItem key={p.id} party={p} profile={profile} readOnly={closed} />
          ))}
        </ul>
      ) : null}
      {adding ? (
        <PartyForm
          onCancel={() => setAdding(false)}
          onSave={async (values) => {
            await addParty(db, record.id, { name: profile.name }, values)
            setAdding(false)
          }}
        />
      ) : null}
    </section>
  )
}

function PartyForm({
  onSave,
  onCancel,
}: {
  onSave: (values: ReturnType<typeof partySchema.parse>) => Promise<void>
  onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<PartyValues>({
    resolver: zodResolver(partySchema),
    defaultValues: { role: 'witness', name: '', relation: '', phone: '', email: '', address: '' },
  })
  const submit = handleSubmit(async (values) => {
    setFailed(false)
    try {
      await onSave(partySchema.parse(values))
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  return (
    <form noValidate aria-label={t('parties.addTitle')} className="stack" onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <Field label={t('parties.fields.role')} error={errors.role?.message} required>
          {(p) => (
            <select {...p} {...register('role')}>
              {partyRoles.map((r) => (
                <option key={r} value={r}>
                  {t(`parties.roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('parties.fields.name')} error={errors.name?.message} required>
          {(p) => <input {...p} autoComplete="off" {...register('name')} />}
        </Field>
        <Field
          label={t('parties.fields.relation')}
          hint={t('parties.fields.relationHint')}
          error={errors.relation?.message}
          className="form-grid__full"
        >
          {(p) => <input {...p} {...register('relation')} />}
        </Field>
        <Field label={t('parties.fields.phone')} error={errors.phone?.message}>
          {(p) => <input {...p} type="tel" {...register('phone')} />}
        </Field>
        <Field label={t('parties.fields.email')} error={errors.email?.message}>
          {(p) => <input {...p} type="email" {...register('email')} />}
        </Field>
        <Field label={t('parties.fields.address')} error={errors.address?.message} className="form-grid__full">
          {(p) => <textarea {...p} rows={2} {...register('address')} />}
        </Field>
      </div>
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('parties.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('parties.cancel')}
        </button>
      </div>
    </form>
  )
}

function PartyItem({ party, profile, readOnly }: { party: Party; profile: Profile; readOnly: boolean }): ReactNode {
  const { t } = useTranslation()
  const contact = [party.phone, party.email].filter(Boolean).join(' · ')
  const assessed = credibilityFactors.filter((f) => party.credibility[f].finding !== 'not_assessed').length
  return (
    <li className="party">
      <div className="party__head">
        <strong>{party.name}</strong> <span className="badge">{t(`parties.roles.${party.role}`)}</span>
        {party.relation ? <span className="muted"> — {party.relation}</span> : null}
      </div>
      {contact || party.address ? (
        <p className="small muted">
          {contact}
          {party.address ? ` · ${party.address}` : ''}
        </p>
      ) : null}
      <details className="credibility">
        <summary>
          {t('parties.credibility.title', { name: party.name })} ·{' '}
          {t('parties.credibility.assessed', { count: assessed, total: credibilityFactors.length })}
        </summary>
        <CredibilityForm party={party} profile={profile} readOnly={readOnly} />
      </details>
    </li>
  )
}

/** Factor by factor with a note each; never added up into a score. */
function CredibilityForm({
  party,
  profile,
  readOnly,
}: {
  party: Party
  profile: Profile
  readOnly: boolean
}): ReactNode {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Credibility>(party.credibility)
  const [saved, setSaved] = useState(false)
  const [failed, setFailed] = useState(false)
  const dirty = JSON.stringify(draft) !== JSON.stringify(party.credibility)
  const save = async (): Promise<void> => {
    setFailed(false)
    try {
      await updateParty(db, party.id, { name: profile.name }, (p) => ({ ...p, credibility: draft }))
      setSaved(true)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  }
  return (
    <form
      className="stack credibility__form"
      aria-label={t('parties.credibility.title', { name: party.name })}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <p className="small muted">{t('parties.credibility.informs')}</p>
      <table className="data-table credibility__table">
        <thead>
          <tr>
            <th scope="col">{t('parties.credibility.factor')}</th>
            <th scope="col">{t('parties.credibility.finding')}</th>
            <th scope="col">{t('parties.credibility.note')}</th>
          </tr>
        </thead>
        <tbody>
          {credibilityFactors.map((factor) => (
            <tr key={factor}>
              <th scope="row">
                {t(`parties.credibility.factors.${factor}`)}
                <span className="small muted credibility__question">
                  {t(`parties.credibility.questions.${factor}`)}
                </span>
              </th>
              <td>
                <select
                  aria-label={t('parties.credibility.findingFor', {
                    factor: t(`parties.credibility.factors.${factor}`),
                  })}
                  value={draft[factor].finding}
                  disabled={readOnly}
                  onChange={(e) => {
                    setSaved(false)
                    setDraft({
                      ...draft,
                      [factor]: { ...draft[factor], finding: e.target.value as (typeof credibilityFindings)[number] },
                    })
                  }}
                >
                  {credibilityFindings.map((f) => (
                    <option key={f} value={f}>
                      {t(`parties.credibility.findings.${f}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <textarea
                  rows={2}
                  aria-label={t('parties.credibility.noteFor', {
                    factor: t(`parties.credibility.factors.${factor}`),
                  })}
                  value={draft[factor].note}
                  readOnly={readOnly}
                  onChange={(e) => {
                    setSaved(false)
                    setDraft({ ...draft, [factor]: { ...draft[factor], note: e.target.value } })
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SaveFailed failed={failed} />
      {!readOnly ? (
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={!dirty}>
            {t('parties.credibility.save')}
          </button>
          {saved && !dirty ? <span role="status">{t('parties.credibility.saved')}</span> : null}
        </div>
      ) : null}
    </form>
  )
}
