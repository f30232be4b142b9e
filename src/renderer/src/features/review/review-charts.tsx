import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ReviewTable } from './review-tables'
import { ReviewTableView } from './review-table-view'

/** Colours come from CSS variables (styles.css), so dark mode and the light theme both read well. */
const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 'var(--radius)',
  color: 'var(--text)',
}

/**
 * A chart with an accessible name, and the same figures as a table beneath it:
 * a screen reader user (or anyone who wants the numbers) reads the table.
 */
export function ChartCard({
  table,
  children,
  wide,
}: {
  table: ReviewTable
  children: ReactNode
  wide?: boolean
}): ReactNode {
  const { t } = useTranslation()
  const titleId = useId()
  const empty = table.rows.length === 0
  return (
    <section className={`card review-card ${wide ? 'review-card--wide' : ''}`} aria-labelledby={titleId}>
      <h2 id={titleId}>{table.title}</h2>
      {empty && table.empty ? (
        <p className="muted">{table.empty}</p>
      ) : (
        <>
          <div className="review-chart" role="img" aria-label={table.title}>
            {children}
          </div>
          <details className="review-details">
            <summary>{t('review.charts.asTable')}</summary>
            <ReviewTableView table={table} />
          </details>
        </>
      )}
    </section>
  )
}

export interface VolumePoint {
  readonly label: string
  readonly received: number
  readonly closed: number
}

export function VolumeChart({ data }: { data: readonly VolumePoint[] }): ReactNode {
  const { t } = useTranslation()
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={[...data]} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" className="review-chart__grid" vertical={false} />
        <XAxis dataKey="label" tickLine={false} interval="preserveStartEnd" minTickGap={12} />
        <YAxis allowDecimals={false} width={40} />
        <Tooltip contentStyle={tooltipStyle} cursor={{ className: 'review-chart__cursor' }} />
        <Legend itemSorter={null} />
        <Bar
          dataKey="received"
          name={t('review.columns.received')}
          className="review-chart__series-1"
          fill="var(--chart-1)"
          isAnimationActive={false}
        />
        <Bar
          dataKey="closed"
          name={t('review.columns.closed')}
          className="review-chart__series-2"
          fill="var(--chart-2)"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}

export interface ParetoPoint {
  readonly label: string
  readonly count: number
  /** Cumulative share in percent. */
  readonly cumulative: number
}

export function ParetoChart({ data }: { data: readonly ParetoPoint[] }): ReactNode {
  const { t } = useTranslation()
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart data={[...data]} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 64 }}>
        <CartesianGrid strokeDasharray="3 3" className="review-chart__grid" vertical={false} />
        <XAxis dataKey="label" tickLine={false} interval={0} height={96} tick={<SlantedTick />} />
        <YAxis yAxisId="count" allowDecimals={false} width={40} />
        <YAxis yAxisId="share" orientation="right" domain={[0, 100]} unit="%" width={48} />
        <Tooltip contentStyle={tooltipStyle} cursor={{ className: 'review-chart__cursor' }} />
        <Legend itemSorter={null} />
        <Bar
          yAxisId="count"
          dataKey="count"
          name={t('review.columns.cases')}
          className="review-chart__series-1"
          fill="var(--chart-1)"
          isAnimationActive={false}
        />
        <Line
          yAxisId="share"
          dataKey="cumulative"
          name={t('review.columns.cumulative')}
          unit="%"
          className="review-chart__line"
          stroke="var(--chart-line)"
          isAnimationActive={false}
          dot
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

export interface CountPoint {
  readonly label: string
  readonly count: number
}

/** Horizontal bars: long labels (outcomes, scores) stay readable in every language. */
export function CountBarChart({ data, name }: { data: readonly CountPoint[]; name: string }): ReactNode {
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, data.length * 36 + 40)}>
      <BarChart
        data={[...data]}
        layout="vertical"
        accessibilityLayer={false}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" className="review-chart__grid" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={170} tickLine={false} />
        <Tooltip contentStyle={tooltipStyle} cursor={{ className: 'review-chart__cursor' }} />
        <Bar
          dataKey="count"
          name={name}
          className="review-chart__series-1"
          fill="var(--chart-1)"
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  )
}

/**
 * A slanted axis label, shortened past 20 characters: root causes run long in
 * every language ("Nhà cung cấp hoặc vận chuyển"); the full name is in the
 * tooltip and the table.
 */
function SlantedTick(props: { x?: number; y?: number; payload?: { value: string } }): ReactNode {
  const { x = 0, y = 0, payload } = props
  const label = payload?.value ?? ''
  const short = label.length > 20 ? `${label.slice(0, 19)}…` : label
  return (
    <g transform={`translate(${x},${y})`}>
      <text className="review-chart__tick" textAnchor="end" dy={10} transform="rotate(-30)">
        {short}
      </text>
    </g>
  )
}
