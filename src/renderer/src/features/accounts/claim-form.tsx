import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { locateQuote } from '@shared/domain/compare'
import { isRecording, type EvidenceId, type EvidenceItem } from '@shared/domain/evidence'
import type { AccountVersion, ClaimLink } from '@shared/domain/investigation'
import { parseMediaTime } from '../../components/viewers/media-time'
import { db } from '../../db/db'
import { addClaim } from '../../db/investigation-repo'
import { SaveFailed } from '../../components/save-failed'

/**
 * Marks a passage of the telling as a claim on a topic. The passage can be
 * selected in the text or typed (keyboard users, screen readers): it must be
 * found in the telling, forgiving spacing, case and accents.
 */
export function ClaimForm({
  version,
  topics,
  evidence,
  actorName,
}: {
  version: AccountVersion
  topics: readonly string[]
  evidence: readonly EvidenceItem[]
  actorName: string
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const [passage, setPassage] = useState('')
  const [topic, setTopic] = useState('')
  const [linkKind, setLinkKind] = useState<'none' | 'recording' | 'evidence'>('none')
  const [target, setTarget] = useState('')
  const [time, setTime] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failed, setFailed] = useState(false)
  const recordings = evidence.filter(isRecording)

  const takeSelection = (): void => {
    const selected = window.getSelection()?.toString() ?? ''
    if (selected.trim()) setPassage(selected.trim())
  }

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const next: Record<string, string> = {}
    const found = passage.trim() ? locateQuote(version.text, passage) : null
    if (!passage.trim()) next['passage'] = 'intake.errors.required'
    else if (!found) next['passage'] = 'claims.errors.notFound'
    if (!topic.trim()) next['topic'] = 'intake.errors.required'
    let link: ClaimLink | null = null
    if (linkKind !== 'none' && !target) next['target'] = 'intake.errors.choose'
    if (linkKind === 'recording') {
      const seconds = parseMediaTime(time)
      if (seconds === null) next['time'] = 'interviews.errors.time'
      else if (target) link = { kind: 'recording', evidenceId: target as EvidenceId, atSeconds: seconds }
    }
    if (linkKind === 'evidence' && target) link = { kind: 'evidence', evidenceId: target as EvidenceId }
    setErrors(next)
    if (Object.keys(next).length > 0 || !found) return
    setFailed(false)
    try {
      await addClaim(db, { name: actorName }, { versionId: version.id, ...found, topic, link })
      setPassage('')
      setLinkKind('none')
      setTarget('')
      setTime('')
    } catch (error) {
      console.error(error)
      setFailed(true)
    }
  }

  const error = (key: string): ReactNode =>
    errors[key] ? <span className="field__error">{t(errors[key] ?? '')}</span> : null

  return (
    <form noValidate aria-label={t('claims.addTitle')} className="stack" onSubmit={(e) => void submit(e)}>
      <h3>{t('claims.addTitle')}</h3>
      <div className={`field ${errors['passage'] ? 'field--invalid' : ''}`}>
        <label htmlFor={`${id}-passage`}>
          {t('claims.passage')}
          <span className="field__required"> *</span>
        </label>
        <span className="field__hint">{t('claims.passageHint')}</span>
        <textarea
          id={`${id}-passage`}
          rows={2}
          value={passage}
          aria-invalid={Boolean(errors['passage'])}
          onChange={(e) => setPassage(e.target.value)}
        />
        {error('passage')}
        <button type="button" className="link-button" onMouseDown={(e) => e.preventDefault()} onClick={takeSelection}>
          {t('claims.useSelection')}
        </button>
      </div>
      <div className={`field ${errors['topic'] ? 'field--invalid' : ''}`}>
        <label htmlFor={`${id}-topic`}>
          {t('claims.topic')}
          <span className="field__required"> *</span>
        </label>
        <span className="field__hint">{t('claims.topicHint')}</span>
        <input
          id={`${id}-topic`}
          list={`${id}-topics`}
          value={topic}
          aria-invalid={Boolean(errors['topic'])}
          onChange={(e) => setTopic(e.target.value)}
        />
        <datalist id={`${id}-topics`}>
          {topics.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
        {error('topic')}
      </div>
      <fieldset className="choices">
        <legend>{t('claims.link')}</legend>
        <div className="choices__options">
          {(['none', 'recording', 'evidence'] as const).map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name={`${id}-link`}
                value={k}
                checked={linkKind === k}
                disabled={
                  k === 'recording' ? recordings.length === 0 : k === 'evidence' ? evidence.length === 0 : false
                }
                onChange={() => {
                  setLinkKind(k)
                  setTarget('')
                }}
              />
              {t(`claims.linkKinds.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {linkKind !== 'none' ? (
        <div className="inline-form">
          <div className={`field ${errors['target'] ? 'field--invalid' : ''}`}>
            <label htmlFor={`${id}-target`}>
              {linkKind === 'recording' ? t('claims.recording') : t('claims.evidence')}
            </label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('triage.choose')}</option>
              {(linkKind === 'recording' ? recordings : evidence).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
            {error('target')}
          </div>
          {linkKind === 'recording' ? (
            <div className={`field ${errors['time'] ? 'field--invalid' : ''}`}>
              <label htmlFor={`${id}-time`}>{t('interviews.answerTime')}</label>
              <input
                id={`${id}-time`}
                placeholder="mm:ss"
                value={time}
                aria-invalid={Boolean(errors['time'])}
                onChange={(e) => setTime(e.target.value)}
              />
              {error('time')}
            </div>
          ) : null}
        </div>
      ) : null}
      <SaveFailed failed={failed} />
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          {t('claims.add')}
        </button>
      </div>
    </form>
  )
}
