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
