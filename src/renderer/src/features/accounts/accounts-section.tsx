import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import type { CaseRecord } from '@shared/domain/case'
import type { InterviewId, PartyId } from '@shared/domain/investigation'
import { accountSchema, type AccountValues } from '@shared/domain/investigation-forms'
import type { Profile } from '@shared/domain/profile'
import { PartyOptions } from '../../components/party-options'
import { Field } from '../../components/field'
import { db } from '../../db/db'
import { addAccount } from '../../db/investigation-repo'
import { formatDate } from '../../lib/format'
import { TellingFields } from './telling-fields'
import { SaveFailed } from '../../components/save-failed'

const today = (): string => new Date().toISOString().slice(0, 10)

/** What each party says happened, with how many times they told it; the way into the comparison. */
export function AccountsSection({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const data = useLiveQuery(async () => {
    const [accounts, versions, parties, interviews] = await Promise.all([
      db.accounts.where('caseId').equals(record.id).sortBy('createdAt'),
      db.accountVersions.where('caseId').equals(record.id).toArray(),
      db.parties.where('caseId').equals(record.id).toArray(),
      db.interviews.where('caseId').equals(record.id).toArray(),
    ])
    return { accounts, versions, parties, interviews }
  }, [record.id])
  const [adding, setAdding] = useState(false)
  const [failed, setFailed] = useState(false)
  const closed = record.status === 'closed' || record.status === 'declined'
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<AccountValues>({
    resolver: zodResolver(accountSchema),
    defaultValues: {
      partyId: '',
      title: '',
      telling: { toldAt: today(), source: 'written', interviewId: null, text: '' },
    },
  })
  if (!data) return null
  const partyName = (id: PartyId): string => data.parties.find((p) => p.id === id)?.name ?? '—'

  const submit = handleSubmit(async (values) => {
    setFailed(false)
    const parsed = accountSchema.parse(values)
    try {
      const { account } = await addAccount(
        db,
        record.id,
        { name: profile.name },
        {
          partyId: parsed.partyId as PartyId,
          title: parsed.title,
          telling: {
            ...parsed.telling,
            interviewId: parsed.telling.source === 'interview' ? (parsed.telling.interviewId as InterviewId) : null,
          },
        },
      )
      void navigate(`/cases/${record.id}/accounts/${account.id}`)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })

  return (
    <section className="card" aria-labelledby="case-accounts">
      <div className="section-header">
        <h2 id="case-accounts">{t('accounts.title')}</h2>
        <div className="inline-form">
          {data.accounts.length > 0 ? (
            <Link className="button" to={`/cases/${record.id}/compare`}>
              {t('accounts.compare')}
            </Link>
          ) : null}
          {!closed && !adding && data.parties.length > 0 ? (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('accounts.add')}
            </button>
          ) : null}
        </div>
      </div>
      {data.accounts.length === 0 && !adding ? (
        <p className="muted">{data.parties.length === 0 ? t('accounts.needParty') : t('accounts.none')}</p>
      ) : null}
      {data.accounts.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('accounts.columns.account')}</th>
              <th scope="col">{t('accounts.columns.party')}</th>
              <th scope="col">{t('accounts.columns.tellings')}</th>
              <th scope="col">{t('accounts.columns.lastTold')}</th>
            </tr>
          </thead>
          <tbody>
            {data.accounts.map((a) => {
              const tellings = data.versions.filter((v) => v.accountId === a.id).sort((x, y) => x.n - y.n)
              const last = tellings.at(-1)
              return (
                <tr key={a.id}>
                  <td>
                    <Link to={`/cases/${record.id}/accounts/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{partyName(a.partyId)}</td>
                  <td>{tellings.length}</td>
                  <td>
                    {last ? `${formatDate(last.toldAt, i18n.language)} · ${t(`accounts.sources.${last.source}`)}` : '—'}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      {adding ? (
        <form noValidate aria-label={t('accounts.addTitle')} className="stack" onSubmit={(e) => void submit(e)}>
          <div className="form-grid">
            <Field label={t('accounts.fields.party')} error={errors.partyId?.message} required>
              {(p) => (
                <select {...p} {...register('partyId')}>
                  <PartyOptions parties={data.parties} />
                </select>
              )}
            </Field>
            <Field
              label={t('accounts.fields.title')}
              hint={t('accounts.fields.titleHint')}
              error={errors.title?.message}
              required
            >
              {(p) => <input {...p} {...register('title')} />}
            </Field>
          </div>
          <TellingFields
            prefix="telling."
            register={register}
            watch={watch}
            errors={errors.telling}
            interviews={data.interviews}
            partyName={(i) => partyName(i.partyId)}
          />
          <SaveFailed failed={failed} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {t('accounts.create')}
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
