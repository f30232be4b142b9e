import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { FirstRunPage } from '../features/onboarding/first-run-page'
import { useProfile } from '../hooks/use-profile'
import { LanguageSwitcher } from './language-switcher'

const sections = [
  { to: '/cases', key: 'nav.cases', icon: 'M6 4h12v16H6zM9 8h6M9 12h6M9 16h4' },
  { to: '/review', key: 'nav.review', icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2' },
  { to: '/lessons', key: 'lessons.nav', icon: 'M12 3a6 6 0 0 0-3.5 10.9V17h7v-3.1A6 6 0 0 0 12 3zM9.5 21h5' },
  { to: '/settings', key: 'nav.settings', icon: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3' },
] as const

export function Layout(): ReactNode {
  const { t } = useTranslation()
  const profile = useProfile()
  if (profile === undefined) return <p aria-busy="true">{t('app.loading')}</p>
  if (profile === null) return <FirstRunPage />
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            {sections.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to} className="nav-link">
                  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d={s.icon} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                  </svg>
                  <span>{t(s.key)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="workspace">
        <div className="topbar">
          <span className="topbar__user">
            {profile.name} · {t(`onboarding.roles.${profile.role}`)} · {profile.organisation}
          </span>
          <LanguageSwitcher />
        </div>
        <main id="main" tabIndex={-1} className="content">
          <Outlet />
        </main>
      </div>
    </div>
  )
}
