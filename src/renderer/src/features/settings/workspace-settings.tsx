import { zodResolver } from '@hookform/resolvers/zod'
import { useRef, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { profileSchema, type ProfileValues } from '@shared/domain/intake'
import type { Profile, SlaSettings } from '@shared/domain/profile'
import { Field } from '../../components/field'
import { ProfileFields } from '../../components/profile-fields'
import { saveProfile, saveSla } from '../../db/cases-repo'
import { db } from '../../db/db'
import { seedSampleCases, type SeedProgress } from '../../db/seed'

export function ProfileSettings({ profile }: { profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const [saved, setSaved] = useState(false)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ProfileValues>({ resolver: zodResolver(profileSchema), defaultValues: profile })
  const onSubmit = handleSubmit(async (values) => {
    const parsed = profileSchema.parse(values)
    await saveProfile(db, { ...profile, ...parsed })
    if (parsed.language !== i18n.language) await i18n.changeLanguage(parsed.language)
    setSaved(true)
  })
  return (
    <section className="card" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('settings.profile')}</h2>
      <form noValidate className="form-grid" onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)}>
        <ProfileFields register={register} errors={errors} languageLabel={t('settings.profileLanguage')} />
        <div className="form-actions form-grid__full">
          <button type="submit" className="button button--primary">
            {t('settings.save')}
          </button>
          {saved ? <span role="status">{t('settings.saved')}</span> : null}
        </div>
      </form>
    </section>
  )
}

const slaForm = z.object({
  acknowledgeHours: z.coerce
    .number<string>()
    .int('settings.errors.whole')
    .min(1, 'settings.errors.range')
    .max(720, 'settings.errors.range'),
  minor: z.coerce
    .number<string>()
    .int('settings.errors.whole')
    .min(1, 'settings.errors.range')
    .max(365, 'settings.errors.range'),
  major: z.coerce
    .number<string>()
    .int('settings.errors.whole')
    .min(1, 'settings.errors.range')
    .max(365, 'settings.errors.range'),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz })
      return true
    } catch {
      return false
    }
  }, 'settings.errors.timeZone'),
})

export function SlaSettingsForm({ sla, actor }: { sla: SlaSettings; actor: string }): ReactNode {
  const { t } = useTranslation()
  const [saved, setSaved] = useState(false)
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof slaForm>, unknown, z.output<typeof slaForm>>({
    resolver: zodResolver(slaForm),
    defaultValues: {
      acknowledgeHours: String(sla.acknowledgeHours),
      minor: String(sla.resolveDays.minor),
      major: String(sla.resolveDays.major),
      timeZone: sla.timeZone,
    },
  })
  const onSubmit = handleSubmit(async (v) => {
    await saveSla(
      db,
      {
        id: 'sla',
        acknowledgeHours: v.acknowledgeHours,
        resolveDays: { minor: v.minor, major: v.major },
        timeZone: v.timeZone,
      },
      { name: actor },
    )
    setSaved(true)
  })
  return (
    <section className="card" aria-labelledby="settings-sla">
      <h2 id="settings-sla">{t('settings.slaTitle')}</h2>
      <p className="muted">{t('settings.slaHint')}</p>
      <form noValidate className="form-grid" onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)}>
        <Field label={t('settings.acknowledgeHours')} error={errors.acknowledgeHours?.message} required>
          {(p) => <input {...p} type="number" min={1} {...register('acknowledgeHours')} />}
        </Field>
        <Field label={t('settings.timeZone')} error={errors.timeZone?.message} required>
          {(p) => <input {...p} {...register('timeZone')} />}
        </Field>
        <Field label={t('settings.resolveMinor')} error={errors.minor?.message} required>
          {(p) => <input {...p} type="number" min={1} {...register('minor')} />}
        </Field>
        <Field label={t('settings.resolveMajor')} error={errors.major?.message} required>
          {(p) => <input {...p} type="number" min={1} {...register('major')} />}
        </Field>
        <div className="form-actions form-grid__full">
          <button type="submit" className="button button--primary">
            {t('settings.save')}
          </button>
          {saved ? <span role="status">{t('settings.saved')}</span> : null}
        </div>
      </form>
    </section>
  )
}

/** Loads generated sample cases, with progress and a cancel button. */
export function SampleData(): ReactNode {
  const { t } = useTranslation()
  const [count, setCount] = useState('36')
  const [progress, setProgress] = useState<SeedProgress | null>(null)
  const [result, setResult] = useState<string | null>(null)
  const abort = useRef<AbortController | null>(null)
  const [running, setRunning] = useState(false)

  const load = async (): Promise<void> => {
    const n = Math.max(1, Math.min(50_000, Math.floor(Number(count) || 0)))
    abort.current = new AbortController()
    setRunning(true)
    setResult(null)
    setProgress({ done: 0, total: n })
    try {
      const done = await seedSampleCases(db, n, { signal: abort.current.signal, onProgress: setProgress })
      setResult(
        done < n ? t('settings.samplesCancelled', { count: done }) : t('settings.samplesLoaded', { count: done }),
      )
    } catch (error) {
      console.error(error)
      setResult(t('errors.internal'))
    } finally {
      abort.current = null
      setRunning(false)
      setProgress(null)
    }
  }

  return (
    <section className="card" aria-labelledby="settings-samples">
      <h2 id="settings-samples">{t('settings.samplesTitle')}</h2>
      <p className="muted">{t('settings.samplesHint')}</p>
      <div className="inline-form">
        <Field label={t('settings.samplesCount')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={50000}
              value={count}
              onChange={(e) => setCount(e.target.value)}
              disabled={running}
            />
          )}
        </Field>
        <button type="button" className="button" onClick={() => void load()} disabled={running}>
          {t('settings.samplesLoad')}
        </button>
        {running ? (
          <button type="button" className="button" onClick={() => abort.current?.abort()}>
            {t('settings.cancel')}
          </button>
        ) : null}
      </div>
      {progress ? (
        <div className="progress-row">
          <progress max={progress.total} value={progress.done} aria-label={t('settings.samplesProgress')} />
          <span role="status">{t('settings.samplesProgressText', { done: progress.done, total: progress.total })}</span>
        </div>
      ) : null}
      {result ? <p role="status">{result}</p> : null}
    </section>
  )
}
