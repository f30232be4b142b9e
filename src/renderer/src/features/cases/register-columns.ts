import { useCallback, useState } from 'react'

/** Columns of the register a person can show, hide and reorder. */
export const registerColumns = [
  'ref',
  'customerName',
  'receivedAt',
  'status',
  'severity',
  'sla',
  'channel',
  'department',
  'assignee',
] as const
export type RegisterColumn = (typeof registerColumns)[number]

const storageKey = 'redress.register.columns'

export interface ColumnPrefs {
  readonly order: readonly RegisterColumn[]
  readonly hidden: readonly RegisterColumn[]
}

const defaults: ColumnPrefs = { order: registerColumns, hidden: ['channel', 'assignee'] }

function load(): ColumnPrefs {
  try {
    const saved = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as ColumnPrefs | null
    if (!saved) return defaults
    const known = (c: string): c is RegisterColumn => (registerColumns as readonly string[]).includes(c)
    // Columns added in a later version join at the end; removed ones are dropped.
    const order = [...saved.order.filter(known), ...registerColumns.filter((c) => !saved.order.includes(c))]
    return { order, hidden: saved.hidden.filter(known) }
  } catch {
    return defaults
  }
}

/** Column choice and order, remembered across restarts. */
export function useColumnPrefs(): [ColumnPrefs, (next: ColumnPrefs) => void] {
  const [prefs, setPrefs] = useState<ColumnPrefs>(load)
  const update = useCallback((next: ColumnPrefs) => {
    setPrefs(next)
    window.localStorage.setItem(storageKey, JSON.stringify(next))
  }, [])
  return [prefs, update]
}
