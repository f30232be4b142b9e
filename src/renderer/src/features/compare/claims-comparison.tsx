import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseId } from '@shared/domain/case'
import { alignClaims, countStates, type AlignmentRow } from '@shared/domain/compare'
import type { AccountVersion, AlignmentVerdict, Claim, Discrepancy, TopicVerdict } from '@shared/domain/investigation'
import { HighlightedText } from '../../components/highlighted-text'
import { db } from '../../db/db'
import { openDiscrepancy, setVerdict } from '../../db/investigation-repo'
import { SyncColumns } from './sync-columns'
import { SaveFailed } from '../../components/save-failed'

/** Two parties' tellings: their claims lined up by topic, each row agreeing, conflicting or one-sided. */
export function ClaimsComparison({
  caseId,
  left,
  right,
  labels,
  claims,
  verdicts,
  discrepancies,
  actorName,
  readOnly,
}: {
  caseId: CaseId
  left: AccountVersion
  right: AccountVersion
  labels: readonly [string, string]
  claims: readonly Claim[]
  verdicts: readonly TopicVerdict[]
  discrepancies: readonly Discrepancy[]
  actorName: string
  readOnly: boolean
}): ReactNode {
  const { t } = useTranslation()
  const leftClaims = useMemo(() => claims.filter((c) => c.versionId === left.id), [claims, left.id])
  const rightClaims = useMemo(() => claims.filter((c) => c.versionId === right.id), [claims, right.id])
  const rows = useMemo(
    () =>
      alignClaims(
        left.accountId,
        leftClaims,
        right.accountId,
        rightClaims,
        new Map(verdicts.map((v) => [v.id, v.verdict])),
      ),
    [left.accountId, right.accountId, leftClaims, rightClaims, verdicts],
  )
  const counts = countStates(rows)
  return (
    <>
      <section className="card" aria-labelledby="compare-claims">
        <h2 id="compare-claims">{t('compare.claimsTitle')}</h2>
        {rows.length === 0 ? (
          <p className="muted">{t('compare.noClaims')}</p>
        ) : (
          <>
            <p role="status">
              {(['conflict', 'agree', 'to_assess', 'only_a', 'only_b'] as const)
                .filter((s) => counts[s] > 0)
                .map((s) => t(`compare.counts.${s}`, { count: counts[s] }))
                .join(' · ')}
            </p>
            <table className="data-table alignment-table">
              <thead>
                <tr>
                  <th scope="col">{t('claims.topic')}</th>
                  <th scope="col">{labels[0]}</th>
                  <th scope="col">{labels[1]}</th>
                  <th scope="col">{t('compare.state')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <AlignmentRowView
                    key={row.topicKey}
                    row={row}
                    caseId={caseId}
                    accounts={[left.accountId, right.accountId]}
                    discrepancies={discrepancies}
                    actorName={actorName}
                    readOnly={readOnly}
                  />
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="compare-texts">
        <h2 id="compare-texts">{t('compare.textsTitle')}</h2>
        <SyncColumns
          left={
            <div className="telling-column">
              <h3>{labels[0]}</h3>
              <HighlightedText text={left.text} claims={leftClaims} label={labels[0]} />
            </div>
          }
          right={
            <div className="telling-column">
              <h3>{labels[1]}</h3>
              <HighlightedText text={right.text} claims={rightClaims} label={labels[1]} />
            </div>
          }
        />
      </section>
    </>
  )
}

function AlignmentRowView({
  row,
  caseId,
  accounts,
  discrepancies,
  actorName,
  readOnly,
}: {
  row: AlignmentRow
  caseId: CaseId
  accounts: readonly [Claim['accountId'], Claim['accountId']]
  discrepancies: readonly Discrepancy[]
  actorName: string
  readOnly: boolean
}): ReactNode {
  const { t } = useTranslation()
  const [noting, setNoting] = useState(false)
  const [note, setNote] = useState('')
  const [failed, setFailed] = useState(false)
  const actor = { name: actorName }
  const both = row.a.length > 0 && row.b.length > 0
  const first = [row.a[0], row.b[0]] as const
  const recorded = discrepancies.find((d) => {
    const ids = new Set([d.a.claimId, d.b.claimId])
    return first[0] && first[1] && ids.has(first[0].id) && ids.has(first[1].id)
  })
  const decide = (verdict: AlignmentVerdict): void => {
    void setVerdict(db, caseId, actor, accounts, row.topicKey, verdict).catch((error: unknown) => {
      console.error(error)
      setFailed(true)
    })
  }
  const record = async (): Promise<void> => {
    if (!first[0] || !first[1]) return
    setFailed(false)
    try {
      await openDiscrepancy(db, caseId, actor, { topic: row.topic, claimA: first[0].id, claimB: first[1].id, note })
      setNoting(false)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  }
  const quotes = (list: readonly Claim[]): ReactNode =>
    list.length === 0 ? (
      <span className="muted">{t('compare.silent')}</span>
    ) : (
      list.map((c) => (
        <blockquote key={c.id} className="quote">
          {c.quote}
        </blockquote>
      ))
    )
  return (
    <tr className={`alignment-row alignment-row--${row.state}`}>
      <th scope="row">{row.topic}</th>
      <td>{quotes(row.a)}</td>
      <td>{quotes(row.b)}</td>
      <td className="alignment-row__state">
        <span className={`badge badge--align-${row.state}`}>{t(`compare.states.${row.state}`)}</span>
        {both && !row.decided && row.suggestion ? (
          <span className="small muted"> {t(`compare.suggested.${row.suggestion.reason}`)}</span>
        ) : null}
        {both && !readOnly ? (
          <div className="inline-form" role="group" aria-label={t('compare.verdictFor', { topic: row.topic })}>
            <button
              type="button"
              className="button button--small"
              aria-pressed={row.decided === 'agree'}
              onClick={() => decide('agree')}
            >
              {t('compare.markAgree')}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-pressed={row.decided === 'conflict'}
              onClick={() => decide('conflict')}
            >
              {t('compare.markConflict')}
            </button>
          </div>
        ) : null}
        {recorded ? (
          <p className="small">
            {t('compare.discrepancyRecorded', {
              status: t(`compare.discrepancyStatus.${recorded.status}`),
            })}
          </p>
        ) : both && row.state === 'conflict' && !readOnly ? (
          noting ? (
            <form
              className="stack"
              aria-label={t('compare.recordDiscrepancyFor', { topic: row.topic })}
              onSubmit={(e) => {
                e.preventDefault()
                void record()
              }}
            >
              <label className="field">
                <span>{t('compare.discrepancyNote')}</span>
                <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <div className="inline-form">
                <button type="submit" className="button button--primary button--small">
                  {t('compare.recordDiscrepancy')}
                </button>
                <button type="button" className="button button--small" onClick={() => setNoting(false)}>
                  {t('parties.cancel')}
                </button>
              </div>
            </form>
          ) : (
            <button type="button" className="button button--small" onClick={() => setNoting(true)}>
              {t('compare.toDiscrepancy')}
            </button>
          )
        ) : null}
        <SaveFailed failed={failed} />
      </td>
    </tr>
  )
}
