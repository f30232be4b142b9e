import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ResolutionCode } from '@shared/domain/closure'
import { languages, type Language } from '@shared/i18n/languages'
import { loadResolutionCodes, nextCustomCodeId, saveResolutionCode } from '../../db/closure-repo'
import { db } from '../../db/db'
import { useProfile } from '../../hooks/use-profile'

/** The checklist of resolution codes offered at closure: rename, retire, restore, add (settings). */
export function ResolutionCodesSettings(): ReactNode {
  const { t, i18n } = useTranslation()
  const profile = useProfile()
  const id = useId()
  const codes = useLiveQuery(() => loadResolutionCodes(db), [])
  const language = (i18n.language as Language) ?? 'en'
  const [labels, setLabels] = useState<Record<Language, string>>({ en: '', fr: '', vi: '', ru: '' })
  const [failure, setFailure] = useState(false)
  const actor = { name: profile?.name ?? '' }

  const toggle = async (code: ResolutionCode): Promise<void> => {
    await saveResolutionCode(db, actor, { ...code, retired: !code.retired })
  }
  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setFailure(false)
    const given = Object.values(labels)
      .find((l) => l.trim().length > 0)
      ?.trim()
    if (!given) return setFailure(true)
    // A label left empty in one language shows the one given, rather than nothing.
    const filled = Object.fromEntries(languages.map(({ code }) => [code, labels[code].trim() || given])) as Record<
      Language,
      string
    >
    await saveResolutionCode(db, actor, {
      id: await nextCustomCodeId(db),
      labels: filled,
      retired: false,
      builtIn: false,
    })
    setLabels({ en: '', fr: '', vi: '', ru: '' })
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('closure.codes.settingsTitle')}</h2>
      <p className="muted">{t('closure.codes.settingsHint')}</p>
      <ul className="code-list" aria-label={t('closure.codes.legend')}>
        {(codes ?? []).map((code) => (
          <li key={code.id} className={code.retired ? 'muted' : undefined}>
            <span>{code.labels[language]}</span>
            {code.retired ? <span className="badge"> {t('closure.codes.retired')}</span> : null}{' '}
            <button type="button" className="button button--small" onClick={() => void toggle(code)}>
              {t(code.retired ? 'closure.codes.restore' : 'closure.codes.retire', { label: code.labels[language] })}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="code-form" aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>{t('closure.codes.addTitle')}</h3>
        <div className="code-form__labels">
          {languages.map(({ code, name }) => (
            <div className="field" key={code}>
              <label htmlFor={`${id}-${code}`}>{t('closure.codes.labelIn', { language: name })}</label>
              <input
                id={`${id}-${code}`}
                lang={code}
                value={labels[code]}
                onChange={(e) => setLabels((l) => ({ ...l, [code]: e.target.value }))}
              />
            </div>
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('closure.codes.add')}
          </button>
        </div>
        {failure ? (
          <p role="alert" className="error-message">
            {t('closure.codes.labelRequired')}
          </p>
        ) : null}
      </form>
    </section>
  )
}
