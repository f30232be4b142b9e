import { zodResolver } from '@hookform/resolvers/zod'
import { useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { profileSchema, type ProfileValues } from '@shared/domain/intake'
import type { Language } from '@shared/i18n/languages'
import { ProfileFields } from '../../components/profile-fields'
import { saveProfile } from '../../db/cases-repo'
import { db } from '../../db/db'
import { seedSampleCases } from '../../db/seed'

/** How many sample cases a new user gets: enough to see the register and triage working. */
export const sampleSize = 36

/**
 * On first run, the app asks who is using it before anything else. `children`
 * comes after the form (the app adds "restore a backup" there).
 */
export function FirstRunPage({ children }: { children?: ReactNode }): ReactNode {
  const { t, i18n } = useTranslation()
  const [busy, setBusy] = useState<null | 'empty' | 'sample'>(null)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: {
      name: '',
      role: 'investigator',
      organisation: '',
      department: '',
      casePrefix: '',
      language: i18n.language as Language,
    },
  })

  const start = (withSamples: boolean) =>
    handleSubmit(async (values) => {
      setBusy(withSamples ? 'sample' : 'empty')
      const profile = profileSchema.parse(values)
      // Samples first: saving the profile opens the app, which must find the register whole.
      if (withSamples) await seedSampleCases(db, sampleSize)
      await saveProfile(db, { ...profile, id: 'me', createdAt: new Date().toISOString() })
      setBusy(null)
    })

  return (
    <main id="main" className="standalone standalone--wide">
      <header>
        <p className="brand__name">{t('app.name')}</p>
        <h1>{t('onboarding.title')}</h1>
        <p className="muted">{t('onboarding.intro')}</p>
      </header>
      <form className="card form-grid" noValidate onSubmit={(e) => void start(false)(e)}>
        <ProfileFields
          register={register}
          errors={errors}
          languageLabel={t('language.label')}
          onLanguageChange={(language) => void i18n.changeLanguage(language)}
        />
        <div className="form-actions form-grid__full">
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {busy === 'empty' ? t('app.loading') : t('onboarding.startEmpty')}
          </button>
          <button type="button" className="button" disabled={busy !== null} onClick={(e) => void start(true)(e)}>
            {busy === 'sample' ? t('onboarding.loadingSamples') : t('onboarding.startSample', { count: sampleSize })}
          </button>
        </div>
      </form>
      {children}
    </main>
  )
}
