import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewCell, ReviewTable } from './review-tables'

/** Formats a cell in the user's language: shares as percentages, amounts in their currency, dates by bucket. */
export function formatCell(cell: ReviewCell, locale: string, none: string): string {
  if (cell === null) return none
  if (typeof cell === 'string') return cell
  if (typeof cell === 'number') return new Intl.NumberFormat(locale).format(cell)
  if ('share' in cell) {
    return cell.share === null
      ? none
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(cell.share)
  }
  if ('amount' in cell) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: cell.currency }).format(cell.amount)
    } catch {
      // A code Intl does not know (a typo in old data): the number and the code as written.
      return `${new Intl.NumberFormat(locale).format(cell.amount)} ${cell.currency}`
    }
  }
  if ('decimal' in cell) {
    return cell.decimal === null
      ? none
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(cell.decimal)
  }
  const options: Intl.DateTimeFormatOptions =
    cell.size === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }
  return new Intl.DateTimeFormat(locale, options).format(new Date(cell.date))
}

/** A review table as HTML: the figures behind a chart, or a list such as repeat complainants. */
export function ReviewTableView({ table }: { table: ReviewTable }): ReactNode {
  const { t, i18n } = useTranslation()
  const none = t('review.figures.none')
  if (table.rows.length === 0) return <p className="muted">{table.empty ?? none}</p>
  return (
    <div className="review-table-scroll">
      <table className="data-table review-table" aria-label={table.title}>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {formatCell(cell, i18n.language, none)}
                  </th>
                ) : (
                  <td key={i} className={typeof cell === 'string' ? undefined : 'numeric'}>
                    {formatCell(cell, i18n.language, none)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
