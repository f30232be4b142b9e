import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseId } from '@shared/domain/case'
import { checkFact } from '@shared/domain/facts'
import { factStatuses, type Fact, type FactSource, type FactStatus } from '@shared/domain/investigation'
import { Field } from '../../components/field'
import type { Actor } from '../../db/cases-repo'
import { db } from '../../db/db'
import { addFact, updateFact } from '../../db/investigation-repo'
import { errorKeyOf, factAnchor, type FindingsData, type Names, useFindingsReadOnly } from './findings-data'
import { SourcePicker } from './source-picker'

/** A request to bring a fact into view; `n` changes on every request so the same fact can be shown twice. */
export interface FactHighlight {
  readonly factId: string
  readonly n: number
}

/** The register of facts: what the investigation holds as confirmed, contradicted, doubtful or not yet verified. */
export function FactRegister({
  caseId,
  data,
  names,
  actor,
  highlight,
}: {
  caseId: CaseId
  data: FindingsData
  names: Names
  actor: Actor
  highlight: FactHighlight | null
}): ReactNode {
  const { t } = useTranslation()
  const readOnly = useFindingsReadOnly()
  const id = useId()
  const [editing, setEditing] = useState<string | null>(null)
  const [message, setMessage] = useState('')

  useEffect(() => {
    if (!highlight) return
    const row = document.getElementById(factAnchor(highlight.factId))
    row?.scrollIntoView({ block: 'center' })
    row?.focus({ preventScroll: true })
  }, [highlight])

  const counts = factStatuses.map((status) => ({
    status,
    count: data.facts.filter((f) => f.status === status).length,
  }))

  return (
    <section aria-labelledby={`${id}-title`} className="findings-block">
      <h3 id={`${id}-title`}>{t('findings.facts.title')}</h3>
      <p className="findings-summary">
        <strong>{t('findings.facts.total', { count: data.facts.length })}</strong>
        {counts.map(({ status, count }) => (
          <span key={status}>
            {' · '}
            {t('findings.facts.countOf', { status: t(`findings.facts.statuses.${status}`), n: count })}
          </span>
        ))}
      </p>
      {data.facts.length === 0 ? (
        <p className="muted">{t('findings.facts.none')}</p>
      ) : (
        <div className="findings-table-scroll">
          <table className="data-table findings-facts">
            <caption className="visually-hidden">{t('findings.facts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('findings.facts.statement')}</th>
                <th scope="col">{t('findings.facts.status')}</th>
                <th scope="col">{t('findings.facts.sources')}</th>
                <th scope="col">{t('findings.facts.note')}</th>
                <th scope="col">{t('findings.facts.followUp')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('findings.facts.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.facts.map((fact) => (
                <FactRows
                  key={fact.id}
                  fact={fact}
                  data={data}
                  names={names}
                  actor={actor}
                  highlighted={highlight?.factId === fact.id ? highlight.n : null}
                  editing={editing === fact.id}
                  onEdit={(on) => setEditing(on ? fact.id : null)}
                  onMessage={setMessage}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" className="findings-status-message">
        {message}
      </p>
      {readOnly ? null : <AddFactForm caseId={caseId} data={data} names={names} actor={actor} onMessage={setMessage} />}
    </section>
  )
}

export function FactStatusBadge({ status }: { status: FactStatus }): ReactNode {
  const { t } = useTranslation()
  return <span className={`badge findings-badge--${status}`}>{t(`findings.facts.statuses.${status}`)}</span>
}

function FactRows({
  fact,
  data,
  names,
  actor,
  highlighted,
  editing,
  onEdit,
  onMessage,
}: {
  fact: Fact
  data: FindingsData
  names: Names
  actor: Actor
  /** The highlight request number when this fact was asked for, else null. */
  highlighted: number | null
  editing: boolean
  onEdit: (on: boolean) => void
  onMessage: (message: string) => void
}): ReactNode {
  const { t } = useTranslation()
  const readOnly = useFindingsReadOnly()
  const task = fact.taskId ? data.taskById.get(fact.taskId) : undefined
  const editorId = `${factAnchor(fact.id)}-change`
  // Two alternating animations, so asking for the same fact again flashes it again.
  const flash = highlighted === null ? undefined : `findings-row--highlight findings-row--flash-${highlighted % 2}`
  return (
    <>
      <tr id={factAnchor(fact.id)} tabIndex={-1} className={flash}>
        <td className="pre-line">{fact.statement}</td>
        <td>
          <FactStatusBadge status={fact.status} />
        </td>
        <td>
          {fact.sources.length === 0 ? (
            <span className="muted">{t('findings.facts.noSources')}</span>
          ) : (
            <ul className="findings-source-list">
              {fact.sources.map((s) => (
                <li key={`${s.kind}:${s.id}`}>{names.source(s)}</li>
              ))}
            </ul>
          )}
        </td>
        <td className="pre-line">{fact.note}</td>
        <td>
          {task ? (
            <span className={`badge findings-badge--task-${task.status}`}>
              {t(`findings.facts.followUpState.${task.status}`)}
            </span>
          ) : (
            <span className="muted">{t('findings.facts.noFollowUp')}</span>
          )}
        </td>
        <td>
          {readOnly ? null : (
            <button
              type="button"
              className="button"
              aria-expanded={editing}
              aria-controls={editing ? editorId : undefined}
              onClick={() => onEdit(!editing)}
            >
              {t('findings.facts.change')}
            </button>
          )}
        </td>
      </tr>
      {editing ? (
        <tr id={editorId} className="findings-editor-row">
          <td colSpan={6}>
            <ChangeFactForm
              fact={fact}
              data={data}
              names={names}
              actor={actor}
              onClose={() => onEdit(false)}
              onMessage={onMessage}
            />
          </td>
        </tr>
      ) : null}
    </>
  )
}

function ChangeFactForm({
  fact,
  data,
  names,
  actor,
  onClose,
  onMessage,
}: {
  fact: Fact
  data: FindingsData
  names: Names
  actor: Actor
  onClose: () => void
  onMessage: (message: string) => void
}): ReactNode {
  const { t } = useTranslation()
  const [status, setStatus] = useState<FactStatus>(fact.status)
  const [sources, setSources] = useState<FactSource[]>([...fact.sources])
  const [note, setNote] = useState(fact.note)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const rule = checkFact(fact.statement, status, sources)
    if (rule) return setError(rule)
    setError(null)
    setBusy(true)
    const task = fact.taskId ? data.taskById.get(fact.taskId) : undefined
    try {
      const saved = await updateFact(db, fact.id, actor, { status, sources, note })
      const settled = (status === 'confirmed' || status === 'contradicted') && task?.status === 'open'
      onMessage(
        saved.taskId !== fact.taskId
          ? t('findings.facts.updatedDoubtful')
          : settled
            ? t('findings.facts.updatedSettled')
            : t('findings.facts.updated'),
      )
      onClose()
    } catch (failure) {
      setError(errorKeyOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      className="form-grid findings-form"
      aria-label={t('findings.facts.changeFormName', { statement: fact.statement })}
    >
      <FactStatusFields
        data={data}
        names={names}
        status={status}
        onStatus={setStatus}
        note={note}
        onNote={setNote}
        sources={sources}
        onSources={setSources}
        error={error}
      />
      <div className="form-actions form-grid__full">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('findings.facts.save')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('findings.cancel')}
        </button>
      </div>
    </form>
  )
}

function AddFactForm({
  caseId,
  data,
  names,
  actor,
  onMessage,
}: {
  caseId: CaseId
  data: FindingsData
  names: Names
  actor: Actor
  onMessage: (message: string) => void
}): ReactNode {
  const { t } = useTranslation()
  const [statement, setStatement] = useState('')
  const [status, setStatus] = useState<FactStatus>('unverified')
  const [sources, setSources] = useState<FactSource[]>([])
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const rule = checkFact(statement, status, sources)
    if (rule) return setError(rule)
    setError(null)
    setBusy(true)
    try {
      const { task } = await addFact(db, caseId, actor, { statement, status, sources, note: note.trim() })
      onMessage(task ? t('findings.facts.addedDoubtful') : t('findings.facts.added'))
      setStatement('')
      setStatus('unverified')
      setSources([])
      setNote('')
    } catch (failure) {
      // What was typed stays in the form, to be corrected.
      setError(errorKeyOf(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      className="form-grid findings-form"
      aria-label={t('findings.facts.add')}
    >
      <h4 className="form-grid__full">{t('findings.facts.add')}</h4>
      <Field label={t('findings.facts.statement')} required className="form-grid__full">
        {(p) => (
          <input
            {...p}
            type="text"
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            aria-invalid={error === 'findings.errors.statementRequired'}
          />
        )}
      </Field>
      <FactStatusFields
        data={data}
        names={names}
        status={status}
        onStatus={setStatus}
        note={note}
        onNote={setNote}
        sources={sources}
        onSources={setSources}
        error={error}
      />
      <div className="form-actions form-grid__full">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('findings.facts.submitAdd')}
        </button>
      </div>
    </form>
  )
}

/** Status, note and sources: what the add and change forms of a fact share, with the rule's error. */
function FactStatusFields(props: {
  data: FindingsData
  names: Names
  status: FactStatus
  onStatus: (status: FactStatus) => void
  note: string
  onNote: (note: string) => void
  sources: FactSource[]
  onSources: (sources: FactSource[]) => void
  error: string | null
}): ReactNode {
  const { t } = useTranslation()
  return (
    <>
      <Field label={t('findings.facts.status')} hint={t('findings.facts.statusHint')}>
        {(p) => (
          <select {...p} value={props.status} onChange={(e) => props.onStatus(e.target.value as FactStatus)}>
            {factStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`findings.facts.statuses.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('findings.facts.note')}>
        {(p) => <textarea {...p} rows={2} value={props.note} onChange={(e) => props.onNote(e.target.value)} />}
      </Field>
      <div className="form-grid__full">
        <SourcePicker
          data={props.data}
          names={props.names}
          value={props.sources}
          onChange={props.onSources}
          invalid={props.error === 'findings.errors.needsSource'}
        />
      </div>
      {props.error ? (
        <p role="alert" className="error-message form-grid__full">
          {t(props.error)}
        </p>
      ) : null}
    </>
  )
}
