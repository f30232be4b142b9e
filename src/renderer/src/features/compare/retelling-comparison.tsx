import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { diffRetellings } from '@shared/domain/compare'
import type { AccountVersion, Claim } from '@shared/domain/investigation'
import { HighlightedText } from '../../components/highlighted-text'
import { SyncColumns } from './sync-columns'

/** Two tellings by one party: what the later one adds, drops or changes, word by word. */
export function RetellingComparison({
  before,
  after,
  labels,
  claims,
}: {
  before: AccountVersion
  after: AccountVersion
  labels: readonly [string, string]
  claims: readonly Claim[]
}): ReactNode {
  const { t } = useTranslation()
  // Oldest on the left whatever order they were picked in, so "added" means added later.
  const [older, newer, olderLabel, newerLabel] =
    before.n <= after.n ? [before, after, labels[0], labels[1]] : [after, before, labels[1], labels[0]]
  const diff = useMemo(() => diffRetellings(older.text, newer.text), [older.text, newer.text])
  const unchanged = diff.addedWords === 0 && diff.removedWords === 0
  return (
    <section className="card" aria-labelledby="compare-retelling">
      <h2 id="compare-retelling">{t('compare.retellingTitle')}</h2>
      <p role="status">
        {unchanged
          ? t('compare.noChange')
          : t('compare.changeSummary', {
              added: t('compare.words', { count: diff.addedWords }),
              removed: t('compare.words', { count: diff.removedWords }),
            })}
        {!diff.wordLevel ? ` ${t('compare.bySentence')}` : ''}
      </p>
      <p className="small muted">
        <del className="diff-removed">{t('compare.legendRemoved')}</del>{' '}
        <ins className="diff-added">{t('compare.legendAdded')}</ins>
      </p>
      <SyncColumns
        left={
          <div role="region" aria-label={olderLabel} className="telling-column">
            <h3>{olderLabel}</h3>
            <p className="pre-line">
              {diff.segments.map((s, i) =>
                s.kind === 'added' ? null : s.kind === 'removed' ? (
                  <del key={i} className="diff-removed">
                    {s.text}
                  </del>
                ) : (
                  <span key={i}>{s.text}</span>
                ),
              )}
            </p>
          </div>
        }
        right={
          <div role="region" aria-label={newerLabel} className="telling-column">
            <h3>{newerLabel}</h3>
            <p className="pre-line">
              {diff.segments.map((s, i) =>
                s.kind === 'removed' ? null : s.kind === 'added' ? (
                  <ins key={i} className="diff-added">
                    {s.text}
                  </ins>
                ) : (
                  <span key={i}>{s.text}</span>
                ),
              )}
            </p>
          </div>
        }
      />
      <details>
        <summary>{t('compare.claimsInTellings')}</summary>
        <SyncColumns
          left={
            <HighlightedText
              text={older.text}
              claims={claims.filter((c) => c.versionId === older.id)}
              label={`${t('claims.title')}: ${olderLabel}`}
            />
          }
          right={
            <HighlightedText
              text={newer.text}
              claims={claims.filter((c) => c.versionId === newer.id)}
              label={`${t('claims.title')}: ${newerLabel}`}
            />
          }
        />
      </details>
    </section>
  )
}
