import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { caseStatuses, channels, severities } from '@shared/domain/case'
import { slaState, type SlaFlag } from '@shared/domain/sla'
import { matchesQuery } from '@shared/domain/text'
import { EmptyState } from '../../components/empty-state'
import { SlaBadge, StatusBadge } from '../../components/sla-badge'
import { db } from '../../db/db'
import type { CaseSummary } from '../../db/redress-db'
import { useAllSummaries } from '../../db/summary-store'
import { useNow } from '../../hooks/use-now'
import { formatDateTime } from '../../lib/format'
import { DraftsList } from './drafts-list'
import { registerColumns, useColumnPrefs, type RegisterColumn } from './register-columns'

const rowHeight = 44
/** Rows shown at once before every case is loaded, so the first screen appears at once. */
const firstPage = 60

const slaRanks: Readonly<Record<SlaFlag, number>> = { overdue: 0, due_soon: 1, on_track: 2, met: 3, none: 4 }
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Sort keys per column; the register sorts and filters itself (see Register) to stay fast at 50,000 cases. */
function sortValue(row: CaseSummary, column: string, now: Date): string | number {
  switch (column) {
    case 'sla':
      return slaRanks[slaState(row, now).worst]
    case 'severity':
      return row.severity ?? ''
    default:
      return String(row[column as keyof CaseSummary] ?? '')
  }
}

function filterValue(row: CaseSummary, column: string, now: Date): string {
  return column === 'sla' ? slaState(row, now).worst : String(sortValue(row, column, now))
}

export function CasesPage(): ReactNode {
  const { t } = useTranslation()
  // The newest cases first, then all of them for sorting, filtering and search in memory.
  const [mountedAt] = useState(() => {
    performance.mark('redress:register-mount')
    return performance.now()
  })
  const all = useAllSummaries()
  const first = useLiveQuery(
    () => (all ? [] : db.caseSummaries.orderBy('receivedAt').reverse().limit(firstPage).toArray()),
    [all === undefined],
  )
  const rows = all ?? first

  return (
    <>
      <header className="page-header">
        <h1>{t('cases.title')}</h1>
        <div className="page-header__actions">
          {all ? <p className="page-header__meta">{t('cases.count', { count: all.length })}</p> : null}
          <Link className="button button--primary" to="/intake/new">
            {t('cases.newComplaint')}
          </Link>
        </div>
      </header>
      <DraftsList />
      {rows === undefined ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : rows.length === 0 ? (
        <EmptyState
          title={t('cases.emptyTitle')}
          action={
            <Link className="button button--primary" to="/intake/new">
              {t('cases.newComplaint')}
            </Link>
          }
        >
          <p>{t('cases.emptyBody')}</p>
          <p>{t('cases.emptyFirstStep')}</p>
        </EmptyState>
      ) : (
        <Register rows={rows} complete={all !== undefined} mountedAt={mountedAt} />
      )}
    </>
  )
}

function Register({
  rows,
  complete,
  mountedAt,
}: {
  rows: CaseSummary[]
  complete: boolean
  mountedAt: number
}): ReactNode {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const [sorting, setSorting] = useState<SortingState>([{ id: 'receivedAt', desc: true }])
  const [filters, setFilters] = useState<ColumnFiltersState>([])
  const [prefs, setPrefs] = useColumnPrefs()
  const locale = i18n.language

  const columns = useMemo<ColumnDef<CaseSummary>[]>(
    () => [
      {
        id: 'ref',
        accessorKey: 'ref',
        header: () => t('cases.columns.ref'),
        cell: ({ row }) => <Link to={`/cases/${row.original.id}`}>{row.original.ref}</Link>,
      },
      { id: 'customerName', accessorKey: 'customerName', header: () => t('cases.columns.customer') },
      {
        id: 'receivedAt',
        accessorKey: 'receivedAt',
        header: () => t('cases.columns.received'),
        cell: ({ getValue }) => formatDateTime(getValue<string>(), locale),
      },
      {
        id: 'status',
        accessorKey: 'status',
        header: () => t('cases.columns.status'),
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      },
      {
        id: 'severity',
        accessorFn: (r) => r.severity ?? '',
        header: () => t('cases.columns.severity'),
        cell: ({ row }) => (row.original.severity ? t(`severity.${row.original.severity}`) : '—'),
      },
      {
        id: 'sla',
        accessorFn: (r) => slaState(r, now).worst,
        header: () => t('cases.columns.sla'),
        cell: ({ row }) => <SlaBadge item={row.original} now={now} />,
      },
      {
        id: 'channel',
        accessorKey: 'channel',
        header: () => t('cases.columns.channel'),
        cell: ({ row }) => t(`channel.${row.original.channel}`),
      },
      {
        id: 'department',
        accessorKey: 'department',
        header: () => t('cases.columns.department'),
      },
      { id: 'assignee', accessorKey: 'assignee', header: () => t('cases.columns.assignee') },
    ],
    [t, locale, now],
  )

  // Sorting all rows happens only when the rows or the sort change; a keystroke then
  // filters the sorted array in one pass, keeping the order without sorting again.
  // Only deadline sorting and filtering depend on the clock: other sorts survive its ticks.
  const clock = sorting[0]?.id === 'sla' || filters.some((f) => f.id === 'sla' && f.value) ? now : null
  const sortedRows = useMemo(() => {
    const [sort] = sorting
    if (!sort) return rows
    const at = clock ?? new Date()
    const keyed = rows.map((row) => ({ row, key: sortValue(row, sort.id, at) }))
    keyed.sort((a, b) => {
      const order =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : sort.id === 'receivedAt' || sort.id === 'ref'
            ? String(a.key) < String(b.key)
              ? -1
              : String(a.key) > String(b.key)
                ? 1
                : 0
            : collator.compare(String(a.key), String(b.key))
      return sort.desc ? -order : order
    })
    return keyed.map((k) => k.row)
  }, [rows, sorting, clock])
  const shownRows = useMemo(() => {
    const active = filters.filter((f) => f.value)
    if (!query.trim() && active.length === 0) return sortedRows
    const at = clock ?? new Date()
    return sortedRows.filter(
      (row) =>
        active.every((f) => filterValue(row, f.id, at) === f.value) &&
        (!query.trim() || matchesQuery(row.search, query)),
    )
  }, [sortedRows, filters, query, clock])

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: shownRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const paddingTop = items[0]?.start ?? 0
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  const windowStart = items[0]?.index ?? 0
  const windowEnd = (items.at(-1)?.index ?? -1) + 1
  // TanStack Table builds an object per row it is given: give it only the rows on
  // screen, so 50,000 cases cost what 40 do. Columns, order and visibility stay its job.
  const windowRows = useMemo(() => shownRows.slice(windowStart, windowEnd), [shownRows, windowStart, windowEnd])

  const table = useReactTable({
    data: windowRows,
    columns,
    state: {
      sorting,
      columnOrder: [...prefs.order],
      columnVisibility: Object.fromEntries(registerColumns.map((c) => [c, !prefs.hidden.includes(c)])),
    },
    onSortingChange: setSorting,
    manualSorting: true,
    manualFiltering: true,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  })
  const tableRows = table.getRowModel().rows

  // Timing marks for npm run bench:register (first rows on screen, rows after a keystroke).
  const firstMarked = useRef(false)
  useEffect(() => {
    if (!firstMarked.current && tableRows.length > 0) {
      firstMarked.current = true
      performance.mark('redress:register-first-rows', { detail: { sinceMount: performance.now() - mountedAt } })
    }
    performance.mark('redress:register-rendered', { detail: { query, rows: shownRows.length, complete } })
  }, [tableRows, shownRows, query, complete, mountedAt])

  const setFilter = (id: RegisterColumn, value: string): void =>
    setFilters((current) => [...current.filter((f) => f.id !== id), ...(value ? [{ id, value }] : [])])
  const chosenFilter = (id: RegisterColumn): string => (filters.find((f) => f.id === id)?.value as string) ?? ''
  const departments = useMemo(() => [...new Set(rows.map((r) => r.department))].sort(), [rows])
  const assignees = useMemo(() => [...new Set(rows.map((r) => r.assignee))].sort(), [rows])

  return (
    <section aria-labelledby="register-title" className="register">
      <h2 id="register-title" className="visually-hidden">
        {t('cases.tableLabel')}
      </h2>
      <div className="register__tools">
        <div className="field field--search">
          <label htmlFor={searchId}>{t('cases.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('cases.searchPlaceholder')}
          />
        </div>
        <FilterSelect
          label={t('cases.columns.status')}
          value={chosenFilter('status')}
          onChange={(v) => setFilter('status', v)}
          options={caseStatuses.map((s) => [s, t(`status.${s}`)])}
        />
        <FilterSelect
          label={t('cases.columns.severity')}
          value={chosenFilter('severity')}
          onChange={(v) => setFilter('severity', v)}
          options={severities.map((s) => [s, t(`severity.${s}`)])}
        />
        <FilterSelect
          label={t('cases.columns.sla')}
          value={chosenFilter('sla')}
          onChange={(v) => setFilter('sla', v)}
          options={[
            ['overdue', t('sla.flag.overdue')],
            ['due_soon', t('sla.flag.due_soon')],
          ]}
        />
        <FilterSelect
          label={t('cases.columns.channel')}
          value={chosenFilter('channel')}
          onChange={(v) => setFilter('channel', v)}
          options={channels.map((c) => [c, t(`channel.${c}`)])}
        />
        <FilterSelect
          label={t('cases.columns.department')}
          value={chosenFilter('department')}
          onChange={(v) => setFilter('department', v)}
          options={departments.map((d) => [d, d])}
        />
        <FilterSelect
          label={t('cases.columns.assignee')}
          value={chosenFilter('assignee')}
          onChange={(v) => setFilter('assignee', v)}
          options={assignees.map((a) => [a, a])}
        />
        <ColumnChooser prefs={prefs} onChange={setPrefs} />
      </div>
      <p className="muted small" role="status">
        {complete ? t('cases.showing', { count: shownRows.length }) : t('cases.loadingAll')}
      </p>
      <div ref={scrollRef} className="register__scroll" tabIndex={0} aria-label={t('cases.tableLabel')}>
        <table
          className="data-table data-table--register"
          aria-label={t('cases.tableLabel')}
          aria-rowcount={shownRows.length + 1}
          data-query={query}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted()
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    </th>
                  )
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td style={{ height: paddingTop }} colSpan={table.getVisibleLeafColumns().length} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = tableRows[item.index - windowStart]
              if (!row) return null
              return (
                <tr key={row.id} aria-rowindex={item.index + 2} style={{ height: rowHeight }}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ))}
                </tr>
              )
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td style={{ height: paddingBottom }} colSpan={table.getVisibleLeafColumns().length} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {shownRows.length === 0 ? <p className="register__none">{t('cases.noMatch')}</p> : null}
      </div>
    </section>
  )
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  options: ReadonlyArray<readonly [string, string]>
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field field--filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('cases.all')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

function ColumnChooser({
  prefs,
  onChange,
}: {
  prefs: ReturnType<typeof useColumnPrefs>[0]
  onChange: (p: typeof prefs) => void
}): ReactNode {
  const { t } = useTranslation()
  const move = (column: RegisterColumn, by: -1 | 1): void => {
    const order = [...prefs.order]
    const from = order.indexOf(column)
    const to = from + by
    if (from < 0 || to < 0 || to >= order.length) return
    order.splice(from, 1)
    order.splice(to, 0, column)
    onChange({ ...prefs, order })
  }
  return (
    <details className="column-chooser">
      <summary className="button">{t('cases.columnsButton')}</summary>
      <ul>
        {prefs.order.map((column, index) => {
          const name = t(
            `cases.columns.${column === 'customerName' ? 'customer' : column === 'receivedAt' ? 'received' : column}`,
          )
          return (
            <li key={column}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={!prefs.hidden.includes(column)}
                  disabled={column === 'ref'}
                  onChange={(e) =>
                    onChange({
                      ...prefs,
                      hidden: e.target.checked ? prefs.hidden.filter((c) => c !== column) : [...prefs.hidden, column],
                    })
                  }
                />
                {name}
              </label>
              <button
                type="button"
                aria-label={t('cases.moveLeft', { column: name })}
                disabled={index === 0}
                onClick={() => move(column, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('cases.moveRight', { column: name })}
                disabled={index === prefs.order.length - 1}
                onClick={() => move(column, 1)}
              >
                ↓
              </button>
            </li>
          )
        })}
      </ul>
    </details>
  )
}
