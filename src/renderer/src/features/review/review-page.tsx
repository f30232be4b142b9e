import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { channels, complaintCategories, severities, type Channel, type ComplaintCategory } from '@shared/domain/case'
import { tablesToCsv } from '@shared/domain/csv'
import {
  bucketSizeFor,
  customPeriod,
  periodDays,
  periodPresets,
  presetPeriod,
  reviewBuckets,
  type PeriodPreset,
} from '@shared/domain/review-period'
import { computeReviewStats, type ReviewFilters, type ReviewStats } from '@shared/domain/review-stats'
import { EmptyState } from '../../components/empty-state'
import { Field } from '../../components/field'
import { useReviewFacts } from '../../db/review-store'
import { useAllSummaries } from '../../db/summary-store'
import { useApi } from '../../lib/api/api-context'
import { formatDate } from '../../lib/format'
import { ChartCard, CountBarChart, ParetoChart, VolumeChart } from './review-charts'
import { ReviewTableView, formatCell } from './review-table-view'
import { reviewCsvTables, reviewTables } from './review-tables'

type PeriodChoice = PeriodPreset | 'custom'

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T =>
  value !== null && (values as readonly string[]).includes(value)

/** Local calendar day, so presets follow midnight rather than every minute. */
function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`
}

/**
 * The review dashboard: what was received and closed over a period, how fast,
 * why, at what cost and with what satisfaction. Period and filters live in the
 * address (#/review?period=lastYear&department=…), so a view can be returned to.
 */
export function ReviewPage(): ReactNode {
  const { t, i18n } = useTranslation()
  const summaries = useAllSummaries()
  const facts = useReviewFacts()
  const [params, setParams] = useSearchParams()
  const day = today()

  const choice: PeriodChoice = isOneOf([...periodPresets, 'custom'] as const, params.get('period'))
    ? (params.get('period') as PeriodChoice)
    : 'thisYear'
  const filters: ReviewFilters = {
    department: params.get('department') || null,
    channel: isOneOf(channels, params.get('channel')) ? (params.get('channel') as Channel) : null,
    category: isOneOf(complaintCategories, params.get('category'))
      ? (params.get('category') as ComplaintCategory)
      : null,
    severity: isOneOf(severities, params.get('severity')) ? (params.get('severity') as 'minor' | 'major') : null,
  }
  const fromParam = params.get('from') ?? ''
  const toParam = params.get('to') ?? ''
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `day` recomputes presets at midnight
  const preset = useMemo(() => (choice === 'custom' ? null : presetPeriod(choice, new Date())), [choice, day])
  const period = choice === 'custom' ? customPeriod(fromParam, toParam) : preset

  const update = (changes: Record<string, string | null>): void => {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key)
      else next.set(key, value)
    }
    setParams(next, { replace: true })
  }

  const departments = useMemo(
    () =>
      summaries
        ? [...new Set(summaries.map((s) => s.department))].sort((a, b) => a.localeCompare(b, i18n.language))
        : [],
    [summaries, i18n.language],
  )

  const stats = useMemo((): ReviewStats | null => {
    if (!summaries || !facts || !period) return null
    return computeReviewStats({
      cases: summaries,
      resolutions: facts.resolutions,
      surveys: facts.surveys,
      period,
      filters,
      now: new Date(),
      buckets: reviewBuckets(period),
    })
    // The filter object is rebuilt each render; its fields are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    summaries,
    facts,
    period?.from,
    period?.to,
    filters.department,
    filters.channel,
    filters.category,
    filters.severity,
  ])

  useEffect(() => {
    // For bench:review: when the figures of a period are on screen.
    if (stats)
      performance.mark('redress:review-rendered', { detail: { from: stats.period.from, received: stats.received } })
  }, [stats])

  if (summaries !== undefined && summaries.length === 0) {
    return (
      <>
        <header className="page-header">
          <h1>{t('review.title')}</h1>
        </header>
        <EmptyState title={t('review.emptyTitle')}>
          <p>{t('review.emptyBody')}</p>
        </EmptyState>
      </>
    )
  }

  const days = period ? periodDays(period) : { from: fromParam, to: toParam }
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t('review.title')}</h1>
          <p className="page-header__meta">{t('review.intro')}</p>
        </div>
        <div className="page-header__actions">
          <Link to="/lessons" className="button">
            {t('lessons.registerTitle')}
          </Link>
          {stats && period ? <ExportButton stats={stats} period={period} filters={filters} /> : null}
        </div>
      </header>

      <form
        className="card review-controls"
        aria-label={t('review.filters.label')}
        onSubmit={(e) => e.preventDefault()}
      >
        <Field label={t('review.period.label')}>
          {(p) => (
            <select
              {...p}
              value={choice}
              onChange={(e) => {
                const next = e.target.value as PeriodChoice
                update(
                  next === 'custom'
                    ? { period: next, from: days.from, to: days.to }
                    : { period: next, from: null, to: null },
                )
              }}
            >
              {periodPresets.map((p) => (
                <option key={p} value={p}>
                  {t(`review.period.${p}`)}
                </option>
              ))}
              <option value="custom">{t('review.period.custom')}</option>
            </select>
          )}
        </Field>
        <Field label={t('review.period.from')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={days.from}
              onChange={(e) => update({ period: 'custom', from: e.target.value, to: days.to })}
            />
          )}
        </Field>
        <Field label={t('review.period.to')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={days.to}
              onChange={(e) => update({ period: 'custom', from: days.from, to: e.target.value })}
            />
          )}
        </Field>
        <FilterSelect
          label={t('review.filters.department')}
          value={filters.department}
          options={departments.map((d) => [d, d])}
          onChange={(v) => update({ department: v })}
        />
        <FilterSelect
          label={t('review.filters.channel')}
          value={filters.channel}
          options={channels.map((c) => [c, t(`channel.${c}`)])}
          onChange={(v) => update({ channel: v })}
        />
        <FilterSelect
          label={t('review.filters.category')}
          value={filters.category}
          options={complaintCategories.map((c) => [c, t(`category.${c}`)])}
          onChange={(v) => update({ category: v })}
        />
        <FilterSelect
          label={t('review.filters.severity')}
          value={filters.severity}
          options={severities.map((s) => [s, t(`severity.${s}`)])}
          onChange={(v) => update({ severity: v })}
        />
      </form>

      {!period ? (
        <p role="alert" className="error-message">
          {t('review.period.invalid')}
        </p>
      ) : !stats ? (
        <p aria-busy="true">{t('review.loading')}</p>
      ) : (
        <Dashboard stats={stats} />
      )}
    </>
  )
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: string | null
  options: readonly (readonly [string, string])[]
  onChange: (value: string | null) => void
}): ReactNode {
  const { t } = useTranslation()
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{t('review.filters.all')}</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

function Dashboard({ stats }: { stats: ReviewStats }): ReactNode {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const size = bucketSizeFor(stats.period)
  const tables = reviewTables(stats, t, size)
  const none = t('review.figures.none')
  const previous = periodDays(stats.previousPeriod)
  const current = periodDays(stats.period)
  const day = (d: string): string => formatDate(`${d}T12:00:00`, locale)

  const tiles: readonly [string, string, string?][] = [
    [t('review.figures.received'), formatCell(stats.received, locale, none)],
    [t('review.figures.closed'), formatCell(stats.closed, locale, none)],
    [
      t('review.figures.ackWithin24h'),
      formatCell({ share: stats.acknowledgement.shareWithin24h }, locale, none),
      t('review.figures.outOf', { count: stats.acknowledgement.judged, part: stats.acknowledgement.within24h }),
    ],
    [
      t('review.figures.resolveMedianDays'),
      formatCell({ decimal: stats.resolveDays?.median ?? null }, locale, none),
      t('review.figures.p90', { value: formatCell({ decimal: stats.resolveDays?.p90 ?? null }, locale, none) }),
    ],
    [
      t('review.figures.overdue'),
      formatCell({ share: stats.overdue.share }, locale, none),
      t('review.figures.outOf', { count: stats.overdue.withDeadline, part: stats.overdue.late }),
    ],
    [
      t('review.figures.satisfaction'),
      formatCell({ decimal: stats.surveys.meanSatisfaction }, locale, none),
      t('review.figures.answers', { count: stats.surveys.answered }),
    ],
  ]

  return (
    <>
      <p className="muted review-period-line">
        {t('review.period.showing', { from: day(current.from), to: day(current.to) })}{' '}
        {t('review.period.previous', { from: day(previous.from), to: day(previous.to) })}
      </p>
      <section aria-labelledby="review-figures">
        <h2 id="review-figures" className="visually-hidden">
          {t('review.figures.title')}
        </h2>
        <dl className="review-tiles">
          {tiles.map(([label, value, detail]) => (
            <div key={label} className="review-tile" role="group" aria-label={label}>
              <dt>{label}</dt>
              <dd className="review-tile__value">{value}</dd>
              {detail ? <dd className="review-tile__detail">{detail}</dd> : null}
            </div>
          ))}
        </dl>
      </section>

      <div className="review-grid">
        <ChartCard table={tables['volume']!} wide>
          <VolumeChart
            data={stats.series.map((b) => ({
              label: formatCell({ date: b.start, size }, locale, none),
              received: b.received,
              closed: b.closed,
            }))}
          />
        </ChartCard>
        <ChartCard table={tables['rootCauses']!} wide>
          <ParetoChart
            data={stats.rootCauses.map((r) => ({
              label: t(`review.rootCauses.${r.category}`),
              count: r.count,
              cumulative: Math.round(r.cumulativeShare * 1000) / 10,
            }))}
          />
        </ChartCard>
        <ChartCard table={tables['outcomes']!}>
          <CountBarChart
            name={t('review.columns.cases')}
            data={(tables['outcomes']?.rows ?? []).map((row) => ({
              label: String(row[0]),
              count: Number(row[1]),
            }))}
          />
        </ChartCard>
        <ChartCard table={tables['satisfaction']!}>
          <CountBarChart
            name={t('review.columns.answers')}
            data={stats.surveys.satisfaction.map((count, i) => ({ label: t(`review.scores.${i + 1}`), count }))}
          />
        </ChartCard>
        {(['answers', 'compensation', 'rising', 'repeat'] as const).map((id) => (
          <section key={id} className="card review-card" aria-labelledby={`review-${id}`}>
            <h2 id={`review-${id}`}>{tables[id]!.title}</h2>
            {id === 'repeat' && stats.repeatComplainants.customers > 0 ? (
              <p className="muted">
                {t('review.repeat.summary', {
                  count: stats.repeatComplainants.customers,
                  cases: stats.repeatComplainants.cases,
                })}
              </p>
            ) : null}
            <ReviewTableView table={tables[id]!} />
          </section>
        ))}
      </div>
    </>
  )
}

/** Writes the figures as CSV where the user chooses, through main (the renderer never names a path). */
function ExportButton({
  stats,
  period,
  filters,
}: {
  stats: ReviewStats
  period: { from: string; to: string }
  filters: ReviewFilters
}): ReactNode {
  const { t } = useTranslation()
  const api = useApi()
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (): Promise<void> => {
    setBusy(true)
    setMessage(null)
    try {
      const days = periodDays(period)
      const chosen = await api.call('dialog.saveFile', {
        title: t('review.export.dialogTitle'),
        suggestedName: `${t('review.export.fileStem')}-${days.from}-${days.to}.csv`.replace(/[\\/]/g, '-'),
        filters: [{ name: t('review.export.fileType'), extensions: ['csv'] }],
      })
      if (!chosen.ok) {
        setMessage({ text: t('review.export.failed', { reason: t(`errors.${chosen.error.code}`) }), error: true })
        return
      }
      if (chosen.value.canceled) return
      const tables = Object.values(reviewTables(stats, t, bucketSizeFor(period)))
      const text = tablesToCsv(reviewCsvTables(tables, { period, filters }, t))
      const written = await api.call('file.writeText', { grant: chosen.value.grant, text })
      setMessage(
        written.ok
          ? { text: t('review.export.done', { name: written.value.name }), error: false }
          : { text: t('review.export.failed', { reason: t(`errors.${written.error.code}`) }), error: true },
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className="button button--primary" onClick={() => void run()} disabled={busy}>
        {t('review.export.button')}
      </button>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-message' : 'review-export-done'}>
          {message.text}
        </p>
      ) : null}
    </>
  )
}
