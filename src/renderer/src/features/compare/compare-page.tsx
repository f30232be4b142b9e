import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { CaseId } from '@shared/domain/case'
import type { AccountVersionId } from '@shared/domain/investigation'
import { db } from '../../db/db'
import { useProfile } from '../../hooks/use-profile'
import { formatDate } from '../../lib/format'
import { ClaimsComparison } from './claims-comparison'
import { RetellingComparison } from './retelling-comparison'

/** Any two tellings side by side: two parties' accounts, or two retellings by one party. */
export function ComparePage(): ReactNode {
  const { caseId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  const { t, i18n } = useTranslation()
  const profile = useProfile()
  const data = useLiveQuery(async () => {
    const record = await db.cases.get(caseId as CaseId)
    if (!record) return null
    const [accounts, versions, parties, claims, verdicts, discrepancies] = await Promise.all([
      db.accounts.where('caseId').equals(record.id).sortBy('createdAt'),
      db.accountVersions.where('caseId').equals(record.id).toArray(),
      db.parties.where('caseId').equals(record.id).toArray(),
      db.claims.where('caseId').equals(record.id).toArray(),
      db.topicVerdicts.where('caseId').equals(record.id).toArray(),
      db.discrepancies.where('caseId').equals(record.id).toArray(),
    ])
    return { record, accounts, versions, parties, claims, verdicts, discrepancies }
  }, [caseId])

  const options = useMemo(() => {
    if (!data) return []
    return data.accounts.map((account) => ({
      account,
      party: data.parties.find((p) => p.id === account.partyId)?.name ?? '—',
      versions: data.versions.filter((v) => v.accountId === account.id).sort((a, b) => a.n - b.n),
    }))
  }, [data])

  if (data === undefined || profile === undefined) return <p aria-busy="true">{t('app.loading')}</p>
  if (data === null || profile === null) {
    return (
      <p role="alert">
        {t('caseView.notFound')} <Link to="/cases">{t('caseView.backToRegister')}</Link>
      </p>
    )
  }
  const { record } = data
  const left = data.versions.find((v) => v.id === params.get('a')) ?? null
  const right = data.versions.find((v) => v.id === params.get('b')) ?? null
  const choose = (side: 'a' | 'b', id: string): void => {
    const next = new URLSearchParams(params)
    if (id) next.set(side, id)
    else next.delete(side)
    setParams(next, { replace: true })
  }
  const describe = (versionId: AccountVersionId | undefined): string => {
    const version = data.versions.find((v) => v.id === versionId)
    const option = options.find((o) => o.account.id === version?.accountId)
    if (!version || !option) return '—'
    return t('compare.columnLabel', {
      name: option.party,
      title: option.account.title,
      n: version.n,
      date: formatDate(version.toldAt, i18n.language),
    })
  }

  const picker = (side: 'a' | 'b', label: string): ReactNode => (
    <label className="field">
      <span>{label}</span>
      <select value={params.get(side) ?? ''} onChange={(e) => choose(side, e.target.value)}>
        <option value="">{t('triage.choose')}</option>
        {options.map((o) => (
          <optgroup key={o.account.id} label={`${o.party} — ${o.account.title}`}>
            {o.versions.map((v) => (
              <option key={v.id} value={v.id}>
                {t('accounts.tellingOption', { n: v.n, date: formatDate(v.toldAt, i18n.language) })} · {o.party}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  )

  return (
    <>
      <nav aria-label={t('caseView.breadcrumb')} className="breadcrumb">
        <Link to="/cases">{t('nav.cases')}</Link> / <Link to={`/cases/${record.id}`}>{record.ref}</Link> /{' '}
        <span>{t('compare.title')}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('compare.title')}</h1>
          <p className="page-header__meta">{t('compare.intro')}</p>
        </div>
      </header>
      <div className="card compare-pickers" role="group" aria-label={t('compare.choose')}>
        {picker('a', t('compare.left'))}
        {picker('b', t('compare.right'))}
      </div>
      {!left || !right ? (
        <p className="muted">{t('compare.chooseTwo')}</p>
      ) : left.id === right.id ? (
        <p className="muted">{t('compare.sameTelling')}</p>
      ) : left.accountId === right.accountId ? (
        <RetellingComparison
          before={left}
          after={right}
          labels={[describe(left.id), describe(right.id)]}
          claims={data.claims}
        />
      ) : (
        <ClaimsComparison
          caseId={record.id}
          left={left}
          right={right}
          labels={[describe(left.id), describe(right.id)]}
          claims={data.claims}
          verdicts={data.verdicts}
          discrepancies={data.discrepancies}
          actorName={profile.name}
          readOnly={record.status === 'closed' || record.status === 'declined'}
        />
      )}
    </>
  )
}
