import { zodResolver } from '@hookform/resolvers/zod'
import { useId, useMemo, useState, type ReactNode } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case'
import type { Letter, LetterId } from '@shared/domain/closure'
import { builtInLetterTemplates, fillTemplate, unfilledPlaceholders } from '@shared/domain/letter-template'
import type { Profile } from '@shared/domain/profile'
import {
  letterChannels,
  letterSentSchema,
  type LetterSentInput,
  type LetterSentValues,
} from '@shared/domain/resolution-forms'
import { languages, type Language } from '@shared/i18n/languages'
import type { ApiErrorShape } from '@shared/contract'
import { ErrorMessage } from '../../components/error-message'
import { Field } from '../../components/field'
import type { Actor } from '../../db/cases-repo'
import { db } from '../../db/db'
import { markLetterSent, recordLetterRendered, saveLetterDraft } from '../../db/resolution-repo'
import { useApi } from '../../lib/api/api-context'
import { fromLocalInput, toLocalInput } from '../../lib/dates'
import { formatDateTime } from '../../lib/format'
import { errorKeyOf, localDay, useResolutionReadOnly, type ResolutionData } from './resolution-data'
import { letterValues } from './letter-values'

/**
 * The letter that tells the customer the decision, in their language: it starts
 * from the template filled from the case, the handler edits it, a PDF is made
 * from it, and once marked as sent it joins the case's communications for good.
 */
export function LetterComposer({
  record,
  profile,
  data,
  actor,
}: {
  record: CaseRecord
  profile: Profile
  data: ResolutionData
  actor: Actor
}): ReactNode {
  const { t, i18n } = useTranslation()
  const id = useId()
  const readOnly = useResolutionReadOnly()
  const draft = data.letters.findLast((letter) => letter.status === 'draft') ?? null
  const sent = data.letters.filter((letter) => letter.status === 'sent')
  const [another, setAnother] = useState(false)
  const locale = i18n.language

  const composing = !readOnly && data.resolution !== null && (draft !== null || sent.length === 0 || another)
  return (
    <section aria-labelledby={`${id}-title`} className="resolution-block">
      <h3 id={`${id}-title`}>{t('resolution.letter.title')}</h3>
      {!readOnly && !data.resolution ? <p className="muted">{t('resolution.letter.noDecision')}</p> : null}
      {sent.length > 0 ? (
        <>
          <h4>{t('resolution.letter.sentList')}</h4>
          <ul className="resolution-letters" aria-label={t('resolution.letter.sentList')}>
            {sent.map((letter) => (
              <li key={letter.id}>
                <details>
                  <summary>
                    <strong>{letter.subject}</strong>{' '}
                    <span className="muted small">
                      {t('resolution.letter.sentMeta', {
                        date: letter.sentAt ? formatDateTime(letter.sentAt, locale) : '',
                        channel: t(`resolution.letter.channels.${letter.sentChannel ?? 'letter'}`),
                        by: letter.sentBy ?? '',
                        language: t(`languageName.${letter.language}`),
                      })}
                    </span>
                  </summary>
                  <p className="pre-line resolution-letter-text" lang={letter.language}>
                    {letter.body}
                  </p>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {composing ? (
        <Composer
          record={record}
          profile={profile}
          data={data}
          draft={draft}
          actor={actor}
          onSent={() => setAnother(false)}
        />
      ) : !readOnly && data.resolution ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => setAnother(true)}>
            {t('resolution.letter.another')}
          </button>
        </div>
      ) : null}
    </section>
  )
}

function Composer({
  record,
  profile,
  data,
  draft,
  actor,
  onSent,
}: {
  record: CaseRecord
  profile: Profile
  data: ResolutionData
  draft: Letter | null
  actor: Actor
  onSent: () => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const id = useId()
  const filled = useMemo(
    () =>
      (language: Language): { subject: string; body: string } =>
        fillTemplate(
          builtInLetterTemplates[language],
          letterValues({
            record,
            profile,
            resolution: data.resolution,
            measures: data.measures,
            language,
            t: i18n.getFixedT(language),
          }),
        ),
    [record, profile, data.resolution, data.measures, i18n],
  )
  const [letterId, setLetterId] = useState<LetterId | null>(draft?.id ?? null)
  const [language, setLanguage] = useState<Language>(draft?.language ?? record.customer.language)
  // Null while the text is the template as filled from the case: it then follows the case (a measure
  // added, the decision changed) until the handler types into it or saves it.
  const [edited, setEdited] = useState<{ subject: string; body: string } | null>(
    draft ? { subject: draft.subject, body: draft.body } : null,
  )
  const text = edited ?? filled(language)
  const [pending, setPending] = useState<Language | null>(null)
  const [status, setStatus] = useState<'idle' | 'saved' | 'rendering' | 'rendered'>('idle')
  const [error, setError] = useState<string | null>(null)
  const [apiError, setApiError] = useState<ApiErrorShape | null>(null)
  const [unsupported, setUnsupported] = useState<string[]>([])
  const [sending, setSending] = useState(false)
  const saved = data.letters.find((letter) => letter.id === letterId) ?? null
  const unsaved = !saved || saved.subject !== text.subject || saved.body !== text.body || saved.language !== language
  const unfilled = unfilledPlaceholders(`${text.subject}\n${text.body}`)

  const edit = (next: { subject: string; body: string } | null): void => {
    setEdited(next)
    setStatus('idle')
  }
  const chooseLanguage = (next: Language): void => {
    if (edited === null) setLanguage(next)
    else setPending(next)
  }

  /** Saves what is on screen (if it changed) and gives the letter it is now. */
  const save = async (): Promise<Letter | null> => {
    setError(null)
    try {
      const letter =
        saved && !unsaved ? saved : await saveLetterDraft(db, record.id, actor, { language, ...text }, letterId)
      setLetterId(letter.id)
      setEdited({ subject: letter.subject, body: letter.body })
      return letter
    } catch (failure) {
      setError(errorKeyOf(failure))
      return null
    }
  }

  const render = async (): Promise<void> => {
    setApiError(null)
    setUnsupported([])
    const letter = await save()
    if (!letter) return
    setStatus('rendering')
    const result = await api.call('letter.render', {
      language,
      organisation: profile.organisation,
      recipient: { name: record.customer.name, address: record.customer.address },
      reference: record.ref,
      subject: letter.subject,
      body: letter.body,
      signatureName: profile.name,
      date: localDay(new Date()),
    })
    if (!result.ok) {
      setApiError(result.error)
      setStatus('idle')
      return
    }
    try {
      await recordLetterRendered(db, letter.id, actor, { sha256: result.value.sha256, size: result.value.size })
      setUnsupported(result.value.unsupportedCharacters)
      setStatus('rendered')
    } catch (failure) {
      setError(errorKeyOf(failure))
      setStatus('idle')
    }
  }

  const open = async (sha256: string): Promise<void> => {
    setApiError(null)
    const result = await api.call('vault.openExternally', { sha256, name: `${record.ref}-letter.pdf` })
    if (!result.ok) setApiError(result.error)
  }

  return (
    <div className="stack resolution-composer">
      <p className="field__hint">{t('resolution.letter.hint')}</p>
      <div className="resolution-narrow">
        <Field label={t('resolution.letter.language')}>
          {(p) => (
            <select {...p} value={pending ?? language} onChange={(e) => chooseLanguage(e.target.value as Language)}>
              {languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {t(`languageName.${l.code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {pending ? (
        <div role="alert" className="resolution-replace">
          <p>{t('resolution.letter.replaceTitle', { language: t(`languageName.${pending}`) })}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setLanguage(pending)
                edit(null)
                setPending(null)
              }}
            >
              {t('resolution.letter.replace')}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              {t('resolution.letter.keep')}
            </button>
          </div>
        </div>
      ) : null}
      <Field label={t('resolution.letter.subject')}>
        {(p) => (
          <input
            {...p}
            lang={language}
            value={text.subject}
            onChange={(e) => edit({ ...text, subject: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('resolution.letter.body')}>
        {(p) => (
          <textarea
            {...p}
            lang={language}
            rows={18}
            className="resolution-letter-body"
            value={text.body}
            onChange={(e) => edit({ ...text, body: e.target.value })}
          />
        )}
      </Field>
      {unfilled.length > 0 ? (
        <p role="status" className="resolution-warning">
          {t('resolution.letter.unfilled', { names: unfilled.map((name) => `{{${name}}}`).join(', ') })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-message">
          {t(error)}
        </p>
      ) : null}
      {apiError ? <ErrorMessage error={apiError} /> : null}
      {unsupported.length > 0 ? (
        <p role="status" className="resolution-warning">
          {t('resolution.letter.unsupported', { chars: unsupported.join(' ') })}
        </p>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save().then((letter) => letter && setStatus('saved'))}
        >
          {t('resolution.letter.save')}
        </button>
        <button type="button" className="button" onClick={() => edit(null)}>
          {t('resolution.letter.restart')}
        </button>
        <button type="button" className="button" disabled={status === 'rendering'} onClick={() => void render()}>
          {status === 'rendering' ? t('resolution.letter.rendering') : t('resolution.letter.render')}
        </button>
        {saved?.pdfSha256 && !unsaved ? (
          <button type="button" className="button" onClick={() => void open(saved.pdfSha256 ?? '')}>
            {t('resolution.letter.open')}
          </button>
        ) : null}
        <button type="button" className="button" aria-expanded={sending} onClick={() => setSending((s) => !s)}>
          {t('resolution.letter.send')}
        </button>
        <span role="status" className="muted">
          {status === 'saved' && !unsaved
            ? t('resolution.letter.saved')
            : status === 'rendered'
              ? t('resolution.letter.rendered')
              : ''}
        </span>
      </div>
      {sending ? (
        <SendForm
          titleId={`${id}-send`}
          onCancel={() => setSending(false)}
          onSend={async (values) => {
            const letter = await save()
            if (!letter) return
            try {
              await markLetterSent(db, letter.id, actor, { at: fromLocalInput(values.at), channel: values.channel })
              onSent()
            } catch (failure) {
              setError(errorKeyOf(failure))
            }
          }}
        />
      ) : null}
    </div>
  )
}

function SendForm({
  titleId,
  onSend,
  onCancel,
}: {
  titleId: string
  onSend: (values: LetterSentValues) => Promise<void>
  onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LetterSentInput, unknown, LetterSentValues>({
    resolver: zodResolver(letterSentSchema),
    defaultValues: { channel: 'letter', at: toLocalInput(new Date()) },
  })
  return (
    <form
      noValidate
      aria-labelledby={titleId}
      className="stack resolution-subform"
      onSubmit={(e) => void handleSubmit(onSend)(e)}
    >
      <h4 id={titleId}>{t('resolution.letter.sendTitle')}</h4>
      <div className="form-grid">
        <Field label={t('resolution.letter.channel')} error={errors.channel?.message} required>
          {(p) => (
            <select {...p} {...register('channel')}>
              {letterChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`resolution.letter.channels.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('resolution.letter.sentAt')} error={errors.at?.message} required>
          {(p) => <input {...p} type="datetime-local" {...register('at')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {t('resolution.letter.confirmSend')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('resolution.cancel')}
        </button>
      </div>
    </form>
  )
}
