import type { TFunction } from 'i18next'
import type { CsvCell, CsvTable } from '@shared/domain/csv'
import { periodDays, type BucketSize } from '@shared/domain/review-period'
import { outcomeRows, type ReviewFilters, type ReviewStats } from '@shared/domain/review-stats'

/**
 * One cell of a review table: a plain value, or one that is formatted for the
 * screen (Intl, the user's language) and written plainly into the CSV (numbers a
 * spreadsheet can add up: 0–100 for shares, ISO dates, amounts without symbols).
 */
export type ReviewCell =
  | string
  | number
  | null
  | { readonly share: number | null }
  | { readonly amount: number; readonly currency: string }
  | { readonly decimal: number | null }
  | { readonly date: string; readonly size: BucketSize }

export interface ReviewTable {
  readonly id: string
  readonly title: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly ReviewCell[])[]
  /** Columns holding shares: written as percentages in the CSV, which the header says. */
  readonly percentColumns?: readonly number[]
  /** Said instead of an empty table. */
  readonly empty?: string
}

/** Every table of the dashboard, in screen order: the charts' figures and the lists. */
export function reviewTables(stats: ReviewStats, t: TFunction, size: BucketSize): Record<string, ReviewTable> {
  const c = (key: string): string => t(`review.columns.${key}`)
  const closedTotal = stats.closed
  return {
    summary: {
      id: 'summary',
      title: t('review.figures.title'),
      columns: [c('figure'), c('value')],
      rows: [
        [t('review.figures.received'), stats.received],
        [t('review.figures.closed'), stats.closed],
        [t('review.figures.declined'), stats.declined],
        [t('review.figures.ackWithin24h'), { share: stats.acknowledgement.shareWithin24h }],
        [t('review.figures.ackMedianHours'), { decimal: stats.acknowledgement.hours?.median ?? null }],
        [t('review.figures.resolveMedianDays'), { decimal: stats.resolveDays?.median ?? null }],
        [t('review.figures.resolveP90Days'), { decimal: stats.resolveDays?.p90 ?? null }],
        [t('review.figures.overdue'), { share: stats.overdue.share }],
        [t('review.figures.surveyAnswers'), stats.surveys.answered],
        [t('review.figures.responseRate'), { share: stats.surveys.responseRate }],
        [t('review.figures.satisfaction'), { decimal: stats.surveys.meanSatisfaction }],
        [t('review.figures.repeatCustomers'), stats.repeatComplainants.customers],
      ],
    },
    volume: {
      id: 'volume',
      title: t('review.charts.volume'),
      columns: [c('periodStart'), c('received'), c('closed')],
      rows: stats.series.map((b) => [{ date: b.start, size }, b.received, b.closed]),
    },
    outcomes: {
      id: 'outcomes',
      title: t('review.charts.outcomes'),
      columns: [c('outcome'), c('cases'), c('share')],
      percentColumns: [2],
      rows: outcomeRows.map((o) => [
        t(`review.outcomes.${o}`),
        stats.outcomes[o],
        { share: closedTotal === 0 ? null : stats.outcomes[o] / closedTotal },
      ]),
    },
    rootCauses: {
      id: 'rootCauses',
      title: t('review.charts.rootCauses'),
      columns: [c('rootCause'), c('cases'), c('share'), c('cumulative')],
      percentColumns: [2, 3],
      rows: stats.rootCauses.map((r) => [
        t(`review.rootCauses.${r.category}`),
        r.count,
        { share: r.share },
        { share: r.cumulativeShare },
      ]),
      empty: t('review.empty.rootCauses'),
    },
    satisfaction: {
      id: 'satisfaction',
      title: t('review.charts.satisfaction'),
      columns: [c('score'), c('answers')],
      rows: stats.surveys.satisfaction.map((n, i) => [t(`review.scores.${i + 1}`), n]),
    },
    answers: {
      id: 'answers',
      title: t('review.sections.surveyAnswers'),
      columns: [c('question'), c('answer'), c('answers')],
      rows: [
        ...(['yes', 'partly', 'no'] as const).map((a) => [
          t('review.surveys.fixAsWanted'),
          t(`review.surveys.answer.${a}`),
          stats.surveys.fixAsWanted[a],
        ]),
        ...(['yes', 'maybe', 'no'] as const).map((a) => [
          t('review.surveys.wouldReturn'),
          t(`review.surveys.answer.${a}`),
          stats.surveys.wouldReturn[a],
        ]),
      ],
    },
    compensation: {
      id: 'compensation',
      title: t('review.sections.compensation'),
      columns: [c('currency'), c('total'), c('cases')],
      rows: stats.compensation.map((m) => [m.currency, { amount: m.amount, currency: m.currency }, m.cases]),
      empty: t('review.empty.compensation'),
    },
    repeat: {
      id: 'repeat',
      title: t('review.sections.repeat'),
      columns: [c('customer'), c('complaints'), c('refs')],
      rows: stats.repeatComplainants.top.map((r) => [r.name, r.cases, r.refs.join(', ')]),
      empty: t('review.empty.repeat'),
    },
    rising: {
      id: 'rising',
      title: t('review.sections.rising'),
      columns: [c('department'), c('current'), c('previous'), c('change')],
      percentColumns: [3],
      rows: stats.risingDepartments.map((d) => [d.department, d.current, d.previous, { share: d.relativeChange }]),
      empty: t('review.empty.rising'),
    },
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')

function isShare(cell: ReviewCell | undefined): boolean {
  return typeof cell === 'object' && cell !== null && 'share' in cell
}

/** A cell as a spreadsheet should receive it. */
function csvCell(cell: ReviewCell): CsvCell {
  if (cell === null || typeof cell !== 'object') return cell
  if ('share' in cell) return cell.share === null ? null : Math.round(cell.share * 1000) / 10
  if ('amount' in cell) return cell.amount
  if ('decimal' in cell) return cell.decimal === null ? null : Math.round(cell.decimal * 10) / 10
  const d = new Date(cell.date)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The export: what was chosen (period, filters), then every table, shares in percent. */
export function reviewCsvTables(
  tables: readonly ReviewTable[],
  context: { period: { from: string; to: string }; filters: ReviewFilters },
  t: TFunction,
): CsvTable[] {
  const all = t('review.filters.all')
  const { filters } = context
  const days = periodDays(context.period)
  const header: CsvTable = {
    title: t('review.title'),
    columns: [t('review.columns.figure'), t('review.columns.value')],
    rows: [
      [t('review.period.from'), days.from],
      [t('review.period.to'), days.to],
      [t('review.filters.department'), filters.department ?? all],
      [t('review.filters.channel'), filters.channel ? t(`channel.${filters.channel}`) : all],
      [t('review.filters.category'), filters.category ? t(`category.${filters.category}`) : all],
      [t('review.filters.severity'), filters.severity ? t(`severity.${filters.severity}`) : all],
    ],
  }
  return [
    header,
    ...tables.map((table) => {
      const percent = new Set(table.percentColumns ?? [])
      return {
        title: table.title,
        columns: table.columns.map((label, i) => (percent.has(i) ? `${label} (%)` : label)),
        // A share among other figures (the key figures) says so in its own label.
        rows: table.rows.map((row) => {
          const cells = row.map(csvCell)
          if (row.some((cell, i) => !percent.has(i) && isShare(cell))) cells[0] = `${String(cells[0])} (%)`
          return cells
        }),
      }
    }),
  ]
}
