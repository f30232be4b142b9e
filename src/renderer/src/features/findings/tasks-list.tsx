import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FactId, Task } from '@shared/domain/investigation'
import type { Actor } from '../../db/cases-repo'
import { db } from '../../db/db'
import { setTaskDone } from '../../db/investigation-repo'
import { formatDate, formatDateTime } from '../../lib/format'
import { errorKeyOf, type FindingsData, useFindingsReadOnly } from './findings-data'

/** The follow-up tasks that doubtful facts opened: what still needs investigating, then what was done. */
export function TasksList({
  data,
  actor,
  onShowFact,
}: {
  data: FindingsData
  actor: Actor
  onShowFact: (factId: FactId) => void
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const open = data.tasks.filter((task) => task.status === 'open')
  const done = data.tasks
    .filter((task) => task.status === 'done')
    .sort((a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? ''))

  const mark = async (task: Task, isDone: boolean): Promise<void> => {
    setError(null)
    try {
      await setTaskDone(db, task.id, actor, isDone)
    } catch (failure) {
      setError(errorKeyOf(failure))
    }
  }

  const item = (task: Task): ReactNode => (
    <TaskItem
      key={task.id}
      task={task}
      hasFact={task.origin !== null && data.factById.has(task.origin.id)}
      onToggle={(isDone) => void mark(task, isDone)}
      onShowFact={onShowFact}
    />
  )

  return (
    <section aria-labelledby={`${id}-title`} className="findings-block">
      <h3 id={`${id}-title`}>{t('findings.tasks.title')}</h3>
      {open.length === 0 ? (
        <p className="muted">{t('findings.tasks.none')}</p>
      ) : (
        <ul className="findings-tasks" aria-label={t('findings.tasks.openList')}>
          {open.map(item)}
        </ul>
      )}
      {error ? (
        <p role="alert" className="error-message">
          {t(error)}
        </p>
      ) : null}
      {done.length > 0 ? (
        <details className="findings-done">
          <summary>{t('findings.tasks.doneTitle', { n: done.length })}</summary>
          <ul className="findings-tasks" aria-label={t('findings.tasks.doneList')}>
            {done.map(item)}
          </ul>
        </details>
      ) : null}
    </section>
  )
}

function TaskItem({
  task,
  hasFact,
  onToggle,
  onShowFact,
}: {
  task: Task
  hasFact: boolean
  onToggle: (done: boolean) => void
  onShowFact: (factId: FactId) => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const readOnly = useFindingsReadOnly()
  const id = useId()
  const locale = i18n.language
  return (
    <li className={`findings-task findings-task--${task.status}`}>
      <p id={`${id}-text`} className="findings-task__text">
        {t('findings.tasks.text', { statement: task.text })}
      </p>
      <p className="muted small">
        {t('findings.tasks.meta', { owner: task.owner, date: formatDate(task.createdAt, locale, 'short') })}
        {task.due ? ` · ${t('findings.tasks.due', { date: formatDate(`${task.due}T12:00:00`, locale, 'short') })}` : ''}
        {task.status === 'done' && task.doneAt
          ? ` · ${t('findings.tasks.doneMeta', { by: task.doneBy ?? '', at: formatDateTime(task.doneAt, locale) })}`
          : ''}
      </p>
      <div className="form-actions">
        {readOnly ? null : (
          <button
            type="button"
            className={task.status === 'open' ? 'button button--primary' : 'button'}
            aria-describedby={`${id}-text`}
            onClick={() => onToggle(task.status === 'open')}
          >
            {task.status === 'open' ? t('findings.tasks.markDone') : t('findings.tasks.reopen')}
          </button>
        )}
        {hasFact && task.origin ? (
          <button type="button" className="link-button" onClick={() => task.origin && onShowFact(task.origin.id)}>
            {t('findings.tasks.showFact')}
          </button>
        ) : null}
      </div>
    </li>
  )
}
