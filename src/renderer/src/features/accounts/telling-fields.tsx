import type { ReactNode } from 'react'
import type { FieldErrors, UseFormRegister, UseFormWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { accountSources, type Interview } from '@shared/domain/investigation'
import { Field } from '../../components/field'

/** When, how and what a party told: the same fields for a first telling and a retelling. */
export function TellingFields<T extends { telling: { source: string } } | { source: string }>({
  prefix,
  register,
  watch,
  errors,
  interviews,
  partyName,
}: {
  prefix: '' | 'telling.'
  register: UseFormRegister<T>
  watch: UseFormWatch<T>
  errors: FieldErrors<{ toldAt: string; source: string; interviewId: string | null; text: string }> | undefined
  interviews: readonly Interview[]
  partyName: (interview: Interview) => string
}): ReactNode {
  const { t, i18n } = useTranslation()
  // react-hook-form's paths are typed per form; both forms share these names under their prefix.
  const name = (field: string): never => `${prefix}${field}` as never
  const source = watch(name('source')) as unknown as string
  return (
    <>
      <div className="form-grid">
        <Field label={t('accounts.fields.toldAt')} error={errors?.toldAt?.message} required>
          {(p) => <input {...p} type="date" {...register(name('toldAt'))} />}
        </Field>
        <Field label={t('accounts.fields.source')} error={errors?.source?.message} required>
          {(p) => (
            <select {...p} {...register(name('source'))}>
              {accountSources.map((s) => (
                <option key={s} value={s}>
                  {t(`accounts.sources.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {source === 'interview' ? (
          <Field label={t('accounts.fields.interview')} error={errors?.interviewId?.message} required>
            {(p) => (
              <select {...p} {...register(name('interviewId'), { setValueAs: (v: string) => v || null })}>
                <option value="">{t('triage.choose')}</option>
                {interviews.map((i) => (
                  <option key={i.id} value={i.id}>
                    {partyName(i)} — {new Date(i.at).toLocaleDateString(i18n.language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <Field
        label={t('accounts.fields.text')}
        hint={t('accounts.fields.textHint')}
        error={errors?.text?.message}
        required
      >
        {(p) => <textarea {...p} rows={10} {...register(name('text'))} />}
      </Field>
    </>
  )
}
