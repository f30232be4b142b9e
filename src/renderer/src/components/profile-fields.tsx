import type { ReactNode } from 'react'
import type { FieldErrors, UseFormRegister } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { ProfileValues } from '@shared/domain/intake'
import { languages } from '@shared/i18n/languages'
import { Choices, Field } from './field'

/** The languages as options, each named in itself. */
export function LanguageOptions(): ReactNode {
  return languages.map((l) => (
    <option key={l.code} value={l.code} lang={l.code}>
      {l.name}
    </option>
  ))
}

/** Who uses this installation: the same fields on first run and in settings. */
export function ProfileFields({
  register,
  errors,
  languageLabel,
  onLanguageChange,
}: {
  register: UseFormRegister<ProfileValues>
  errors: FieldErrors<ProfileValues>
  languageLabel: string
  onLanguageChange?: (language: string) => void
}): ReactNode {
  const { t } = useTranslation()
  return (
    <>
      <Field label={t('onboarding.name')} error={errors.name?.message} required>
        {(p) => <input {...p} {...register('name')} autoComplete="name" />}
      </Field>
      <Choices legend={t('onboarding.role')} error={errors.role?.message} required>
        {(['investigator', 'manager'] as const).map((role) => (
          <label key={role} className="choice">
            <input type="radio" value={role} {...register('role')} />
            {t(`onboarding.roles.${role}`)}
          </label>
        ))}
      </Choices>
      <Field label={t('onboarding.organisation')} error={errors.organisation?.message} required>
        {(p) => <input {...p} {...register('organisation')} autoComplete="organization" />}
      </Field>
      <Field label={t('onboarding.department')} error={errors.department?.message} required>
        {(p) => <input {...p} {...register('department')} />}
      </Field>
      <Field
        label={t('onboarding.casePrefix')}
        hint={t('onboarding.casePrefixHint')}
        error={errors.casePrefix?.message}
        required
      >
        {(p) => (
          <input
            {...p}
            {...register('casePrefix', { setValueAs: (v: string) => v.toUpperCase() })}
            autoCapitalize="characters"
            maxLength={10}
          />
        )}
      </Field>
      <Field label={languageLabel} error={errors.language?.message} required>
        {(p) => (
          <select {...p} {...register('language', { onChange: (e) => onLanguageChange?.(e.target.value) })}>
            <LanguageOptions />
          </select>
        )}
      </Field>
    </>
  )
}
