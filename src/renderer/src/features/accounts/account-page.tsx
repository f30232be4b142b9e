import { zodResolver } from '@hookform/resolvers/zod'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { CaseId } from '@shared/domain/case'
import type { EvidenceId } from '@shared/domain/evidence'
import type { Account, AccountId, AccountVersion, InterviewId } from '@shared/domain/investigation'
import { tellingSchema, type TellingValues } from '@shared/domain/investigation-forms'
import { HighlightedText } from '../../components/highlighted-text'
import type { MediaSeekRequest } from '../../components/viewers/media-player'
import { formatMediaTime } from '../../components/viewers/media-time'
import { RecordingPlayer } from '../../components/viewers/recording-player'
import { db } from '../../db/db'
import { retellAccount, versionsOf } from '../../db/investigation-repo'
import { useProfile } from '../../hooks/use-profile'
import { formatDate } from '../../lib/format'
import { ClaimForm } from './claim-form'
import { TellingFields } from './telling-fields'
import { SaveFailed } from '../../components/save-failed'

const today = (): string => new Date().toISOString().slice(0, 10)

/** One party's account: every telling kept as it was given, retellings, and the claims marked in them. */
export function AccountPage(): ReactNode {
  const { caseId = '', accountId = '' } = useParams()
  const { t, i18n } = useTranslation()
  const profile = useProfile()
  const data = useLiveQuery(async () => {
    const [record, account] = await Promise.all([
      db.cases.get(caseId as CaseId),
      db.accounts.get(accountId as AccountId),
    ])
    if (!record || !account || account.caseId !== record.id) return null
    const [party, versions, claims, interviews, parties, evidence] = await Promise.all([
      db.parties.get(account.partyId),
      versionsOf(db, account.id),
      db.claims.where('accountId').equals(account.id).toArray(),
      db.interviews.where('caseId').equals(record.id).toArray(),
      db.parties.where('caseId').equals(record.id).toArray(),
      db.evidence.where('caseId').equals(record.id).toArray(),
    ])
    const topics = [...new Set((await db.claims.where('caseId').equals(record.id).toArray()).map((c) => c.topic))]
    return { record, account, party: party ?? null, versions, claims, interviews, parties, evidence, topics }
  }, [caseId, accountId])
  const [shown, setShown] = useState<number | null>(null)
  const [retelling, setRetelling] = useState(false)
  // The recording a claim points into, playing from the claimed moment.
  const [listening, setListening] = useState<{ evidenceId: EvidenceId; seek: MediaSeekRequest } | null>(null)
  if (data === undefined || profile === undefined) return <p aria-busy="true">{t('app.loading')}</p>
  if (data === null || profile === null) {
    return (
      <p role="alert">
        {t('accounts.notFound')} <Link to={`/cases/${caseId}`}>{t('interviews.backToCase')}</Link>
      </p>
    )
  }
  const { record, account, versions } = data
  const latest = versions.at(-1)
  const version = versions.find((v) => v.n === shown) ?? latest
  const readOnly = record.status === 'closed' || record.status === 'declined'
  const partyName = data.party?.name ?? '—'
  const claims = version ? data.claims.filter((c) => c.versionId === version.id).sort((a, b) => a.start - b.start) : []
  const previous = version ? versions.find((v) => v.n === version.n - 1) : undefined
  const listeningTo = listening ? data.evidence.find((e) => e.id === listening.evidenceId) : undefined

  return (
    <>
      <nav aria-label={t('caseView.breadcrumb')} className="breadcrumb">
        <Link to="/cases">{t('nav.cases')}</Link> / <Link to={`/cases/${record.id}`}>{record.ref}</Link> /{' '}
        <span>{account.title}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('accounts.pageTitle', { title: account.title, name: partyName })}</h1>
          <p className="page-header__meta">{t('accounts.tellingCount', { count: versions.length })}</p>
        </div>
        <div className="inline-form">
          {previous && version ? (
            <Link className="button" to={`/cases/${record.id}/compare?a=${previous.id}&b=${version.id}`}>
              {t('accounts.compareWithPrevious', { n: version.n, previous: previous.n })}
            </Link>
          ) : null}
          {!readOnly && !retelling ? (
            <button type="button" className="button button--primary" onClick={() => setRetelling(true)}>
              {t('accounts.retell')}
            </button>
          ) : null}
        </div>
      </header>

      {retelling && latest ? (
        <RetellForm
          account={account}
          latest={latest}
          profileName={profile.name}
          interviews={data.interviews}
          partyName={(id) => data.parties.find((p) => p.id === id)?.name ?? '—'}
          onDone={(n) => {
            setRetelling(false)
            setShown(n)
          }}
          onCancel={() => setRetelling(false)}
        />
      ) : null}

      {version ? (
        <div className="account-layout">
          <section className="card" aria-labelledby="account-telling">
            <div className="section-header">
              <h2 id="account-telling">
                {t('accounts.tellingTitle', {
                  n: version.n,
                  date: formatDate(version.toldAt, i18n.language),
                  source: t(`accounts.sources.${version.source}`),
                })}
              </h2>
              {versions.length > 1 ? (
                <label className="inline-field">
                  {t('accounts.showTelling')}
                  <select value={version.n} onChange={(e) => setShown(Number(e.target.value))}>
                    {versions.map((v) => (
                      <option key={v.id} value={v.n}>
                        {t('accounts.tellingOption', { n: v.n, date: formatDate(v.toldAt, i18n.language) })}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
            </div>
            <HighlightedText text={version.text} claims={claims} className="account-text" label={account.title} />
          </section>
          <section className="card" aria-labelledby="account-claims">
            <h2 id="account-claims">{t('claims.title')}</h2>
            {claims.length === 0 ? <p className="muted">{t('claims.none')}</p> : null}
            <ul className="claim-list">
              {claims.map((c) => (
                <li key={c.id}>
                  <strong>{c.topic}</strong>
                  <blockquote className="quote">{c.quote}</blockquote>
                  {c.link?.kind === 'recording' ? (
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() => {
                        const link = c.link
                        if (link?.kind !== 'recording') return
                        setListening((previous) => ({
                          evidenceId: link.evidenceId,
                          seek: { atSeconds: link.atSeconds, nonce: (previous?.seek.nonce ?? 0) + 1, play: true },
                        }))
                      }}
                    >
                      ▶{' '}
                      {t('claims.linkedRecording', {
                        name: data.evidence.find((e) => e.id === c.link?.evidenceId)?.name ?? '—',
                        time: formatMediaTime(c.link.atSeconds),
                      })}
                    </button>
                  ) : c.link?.kind === 'evidence' ? (
                    <p className="small muted">
                      {t('claims.linkedEvidence', {
                        name: data.evidence.find((e) => e.id === c.link?.evidenceId)?.name ?? '—',
                      })}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
            {listeningTo ? <RecordingPlayer item={listeningTo} seekTo={listening?.seek} /> : null}
            {!readOnly ? (
              <ClaimForm version={version} topics={data.topics} evidence={data.evidence} actorName={profile.name} />
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  )
}

function RetellForm({
  account,
  latest,
  profileName,
  interviews,
  partyName,
  onDone,
  onCancel,
}: {
  account: Account
  latest: AccountVersion
  profileName: string
  interviews: Parameters<typeof TellingFields>[0]['interviews']
  partyName: (id: Account['partyId']) => string
  onDone: (n: number) => void
  onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const [failed, setFailed] = useState(false)
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<TellingValues>({
    resolver: zodResolver(tellingSchema),
    // The previous telling as a starting point: the investigator writes down what changed.
    defaultValues: { toldAt: today(), source: latest.source, interviewId: latest.interviewId, text: latest.text },
  })
  const submit = handleSubmit(async (values) => {
    setFailed(false)
    const parsed = tellingSchema.parse(values)
    try {
      const version = await retellAccount(
        db,
        account.id,
        { name: profileName },
        { ...parsed, interviewId: parsed.source === 'interview' ? (parsed.interviewId as InterviewId) : null },
      )
      onDone(version.n)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  })
  return (
    <form noValidate aria-label={t('accounts.retellTitle')} className="card stack" onSubmit={(e) => void submit(e)}>
      <h2>{t('accounts.retellTitle')}</h2>
      <p className="small muted">{t('accounts.retellHint', { n: latest.n + 1 })}</p>
      <TellingFields
        prefix=""
        register={register}
        watch={watch}
        errors={errors}
        interviews={interviews}
        partyName={(i) => partyName(i.partyId)}
      />
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('accounts.saveRetelling')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('parties.cancel')}
        </button>
      </div>
    </form>
  )
}
