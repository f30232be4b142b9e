import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { BackupGuard } from '../features/backup/backup-guard'
import { RestoreButton } from '../features/backup/restore-button'
import { FirstRunPage } from '../features/onboarding/first-run-page'
import type { Profile } from '@shared/domain/profile'
import { useProfile } from '../hooks/use-profile'
import { LanguageSwitcher } from './language-switcher'

const sections = [
  { to: '/cases', key: 'nav.cases', icon: 'M6 4h12v16H6zM9 8h6M9 12h6M9 16h4' },
  { to: '/review', key: 'nav.review', icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2' },
  { to: '/lessons', key: 'lessons.nav', icon: 'M12 3a6 6 0 0 0-3.5 10.9V17h7v-3.1A6 6 0 0 0 12 3zM9.5 21h5' },
  { to: '/packets', key: 'packets.nav', icon: 'M4 7l8-4 8 4v10l-8 4-8-4zM4 7l8 4 8-4M12 11v10' },
  { to: '/backup', key: 'backup.nav', icon: 'M4 14v5h16v-5M12 4v11M7 10l5 5 5-5' },
  { to: '/settings', key: 'nav.settings', icon: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3' },
] as const

export function Layout(): ReactNode {
  const { t } = useTranslation()
  const profile = useProfile()
  if (profile === undefined) return <p aria-busy="true">{t('app.loading')}</p>
  // The guard stands before everything: a database Chromium emptied also lost the profile.
  return <BackupGuard>{profile === null ? <FirstRun /> : <Shell profile={profile} />}</BackupGuard>
}

/** First run, with the way back for someone moving to a new computer: restore a backup. */
function FirstRun(): ReactNode {
  const { t } = useTranslation()
  return (
    <FirstRunPage>
      <section className="card" aria-labelledby="first-run-restore">
        <h2 id="first-run-restore">{t('backup.firstRun.title')}</h2>
        <p className="muted">{t('backup.firstRun.hint')}</p>
        <RestoreButton source="file" />
      </section>
    </FirstRunPage>
  )
}

function Shell({ profile }: { profile: Profile }): ReactNode {
  const { t } = useTranslation()
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
