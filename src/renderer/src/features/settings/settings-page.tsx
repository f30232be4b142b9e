import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorMessage } from '../../components/error-message'
import { useApiCall } from '../../hooks/use-api-call'
import { formatDate } from '../../lib/format'
import { themes, useTheme, type Theme } from '../../lib/theme'
import { useProfile, useSla } from '../../hooks/use-profile'
import { ProfileSettings, SampleData, SlaSettingsForm } from './workspace-settings'

/** Other features' settings (e.g. the interview question guide) are passed in by the app shell. */
export function SettingsPage({ sections }: { sections?: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation()
  const [theme, setTheme] = useTheme()
  const themeId = useId()
  const info = useApiCall('app.info', {})
  const profile = useProfile()
  const sla = useSla()

  return (
    <>
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>

      <section className="card" aria-labelledby="settings-preferences">
        <h2 id="settings-preferences">{t('settings.preferences')}</h2>
        <div className="field">
          <label htmlFor={themeId}>{t('settings.theme.label')}</label>
          <select id={themeId} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
            {themes.map((value) => (
              <option key={value} value={value}>
                {t(`settings.theme.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      {profile ? <ProfileSettings profile={profile} /> : null}
      {profile ? (
        <SlaSettingsForm key={`${sla.acknowledgeHours}-${sla.timeZone}`} sla={sla} actor={profile.name} />
      ) : null}
      <SampleData />
      {sections}

      <section className="card" aria-labelledby="settings-backup">
        <h2 id="settings-backup">{t('backup.settingsLink.title')}</h2>
        <p className="muted">{t('backup.settingsLink.hint')}</p>
        <Link to="/backup" className="button">
          {t('backup.settingsLink.link')}
        </Link>
      </section>

      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about.title')}</h2>
        {info.status === 'loading' ? (
          <p aria-busy="true">{t('app.loading')}</p>
        ) : info.status === 'error' ? (
          <ErrorMessage error={info.error} onRetry={info.retry} />
        ) : (
          <dl className="facts">
            <dt>{t('settings.about.version')}</dt>
            <dd>{info.value.version}</dd>
            <dt>{t('settings.about.connection')}</dt>
            <dd>{t(`settings.transport.${info.value.transport}`)}</dd>
            <dt>{t('settings.about.dataDir')}</dt>
            <dd>
              <code>{info.value.dataDir}</code>
            </dd>
            <dt>{t('settings.about.database')}</dt>
            <dd>{t('settings.about.databaseValue')}</dd>
            <dt>{t('settings.about.dateSample')}</dt>
            <dd>{formatDate(new Date(), i18n.language)}</dd>
            <dt>{t('settings.about.runtime')}</dt>
            <dd>
              Node {info.value.versions.node}
              {info.value.versions.electron ? ` · Electron ${info.value.versions.electron}` : ''}
              {info.value.versions.chrome ? ` · Chromium ${info.value.versions.chrome}` : ''}
            </dd>
          </dl>
        )}
      </section>
    </>
  )
}
