/** Dates and numbers always go through Intl, in the user's language. */
export function formatDate(value: string | Date, locale: string, style: 'long' | 'short' = 'long'): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale, style === 'long' ? { dateStyle: 'long' } : { dateStyle: 'short' }).format(date)
}

export function formatDateTime(value: string | Date, locale: string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return ''
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** A date the customer gave as precisely as they knew it: a day, "March 2026", or "2026". */
export function formatApproximateDate(
  date: { value: string; precision: 'day' | 'month' | 'year' },
  locale: string,
): string {
  if (date.precision === 'year') return date.value
  if (date.precision === 'month') {
    const [y, m] = date.value.split('-').map(Number)
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(new Date(y ?? 0, (m ?? 1) - 1, 1))
  }
  return formatDate(`${date.value}T12:00:00`, locale)
}
