import type { ReactNode } from 'react'

/** What a screen shows before there is anything on it: what it is for and what to do first. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string
  children: ReactNode
  action?: ReactNode
}): ReactNode {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      <svg className="empty-state__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="8" y="6" width="32" height="36" rx="3" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M15 16h18M15 23h18M15 30h10" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
      <h2 id="empty-state-title">{title}</h2>
      <div className="empty-state__body">{children}</div>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  )
}
