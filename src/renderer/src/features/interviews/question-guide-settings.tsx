import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { complaintCategories, type ComplaintCategory } from '@shared/domain/case'
import { coachQuestion } from '@shared/domain/interviewing/coach'
import { defaultQuestionGuide, mergeGuide } from '@shared/domain/interviewing/question-guide'
import { languages, type Language } from '@shared/i18n/languages'
import { db } from '../../db/db'
import { saveQuestionGuide } from '../../db/investigation-repo'
import { useProfile } from '../../hooks/use-profile'
import { SaveFailed } from '../../components/save-failed'

/** Settings: the open questions offered during interviews, per kind of complaint and language. */
export function QuestionGuideSettings(): ReactNode {
  const { t } = useTranslation()
  const profile = useProfile()
  const [category, setCategory] = useState<ComplaintCategory>('delivery')
  const [language, setLanguage] = useState<Language>(profile?.language ?? 'en')
  const stored = useLiveQuery(() => db.questionGuides.get(category), [category])
  const id = useId()
  if (stored === undefined && profile === undefined) return null
  const guide = mergeGuide(stored, category)
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('interviews.guideSettings.title')}</h2>
      <p className="muted">{t('interviews.guideSettings.intro')}</p>
      <div className="inline-form">
        <label className="field">
          <span>{t('triage.category')}</span>
          <select value={category} onChange={(e) => setCategory(e.target.value as ComplaintCategory)}>
            {complaintCategories.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('interviews.fields.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {languages.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <GuideEditor
        key={`${category}-${language}-${stored?.updatedAt ?? 'default'}`}
        questions={guide[language]}
        language={language}
        customised={stored !== undefined}
        onSave={(questions) =>
          saveQuestionGuide(
            db,
            { name: profile?.name ?? '' },
            {
              id: category,
              questions: { ...guide, [language]: questions },
            },
          )
        }
        onRestore={() =>
          saveQuestionGuide(
            db,
            { name: profile?.name ?? '' },
            {
              id: category,
              questions: { ...guide, [language]: defaultQuestionGuide(category)[language] },
            },
          )
        }
      />
    </section>
  )
}

function GuideEditor({
  questions,
  language,
  customised,
  onSave,
  onRestore,
}: {
  questions: readonly string[]
  language: Language
  customised: boolean
  onSave: (questions: string[]) => Promise<void>
  onRestore: () => Promise<void>
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const [text, setText] = useState(questions.join('\n'))
  const [saved, setSaved] = useState(false)
  const [failed, setFailed] = useState(false)
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  // The guide must model good practice: its own questions pass the coach.
  const leading = lines.filter((l) => coachQuestion(l, language).flags.length > 0)
  const run = async (action: () => Promise<void>): Promise<void> => {
    setFailed(false)
    try {
      await action()
      setSaved(true)
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  }
  return (
    <form
      className="stack"
      aria-label={t('interviews.guideSettings.title')}
      onSubmit={(e) => {
        e.preventDefault()
        void run(() => onSave(lines))
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('interviews.guideSettings.questions')}</label>
        <span className="field__hint">{t('interviews.guideSettings.hint')}</span>
        <textarea
          id={`${id}-q`}
          rows={10}
          lang={language}
          value={text}
          onChange={(e) => {
            setSaved(false)
            setText(e.target.value)
          }}
        />
      </div>
      {leading.length > 0 ? (
        <div role="status" className="coach coach--flagged">
          <p className="coach__title">{t('interviews.guideSettings.leading', { count: leading.length })}</p>
          <ul className="coach__flags">
            {leading.map((l) => (
              <li key={l} lang={language}>
                {l}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={lines.length === 0}>
          {t('interviews.guideSettings.save')}
        </button>
        {customised ? (
          <button type="button" className="button" onClick={() => void run(onRestore)}>
            {t('interviews.guideSettings.restore')}
          </button>
        ) : null}
        {saved ? <span role="status">{t('interviews.guideSettings.saved')}</span> : null}
      </div>
    </form>
  )
}
