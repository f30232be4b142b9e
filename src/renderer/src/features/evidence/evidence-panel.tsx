import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case'
import type { EvidenceItem } from '@shared/domain/evidence'
import type { Profile } from '@shared/domain/profile'
import { ErrorMessage } from '../../components/error-message'
import { db } from '../../db/db'
import { addEvidence } from '../../db/evidence-repo'
import { useApi } from '../../lib/api/api-context'
import { formatBytes, formatDuration } from '../../lib/bytes'
import { formatDateTime } from '../../lib/format'
import type { ApiErrorShape } from '@shared/contract'
import { EvidenceDetail } from './evidence-detail'
import { useIngest, type IngestJob } from './use-ingest'

/** The case's documents and recordings: add them, see them, check them. */
export function EvidencePanel({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const items = useLiveQuery(() => db.evidence.where('caseId').equals(record.id).sortBy('acquiredAt'), [record.id])
  const [openId, setOpenId] = useState<string | null>(null)
  const [pickError, setPickError] = useState<ApiErrorShape | null>(null)
  const [dragging, setDragging] = useState(false)
  const [dropNote, setDropNote] = useState(false)
  const actor = { name: profile.name }

  const onStored = useCallback(
    async (stored: Parameters<Parameters<typeof useIngest>[0]>[0], receivedAt: string) => {
      const item = await addEvidence(
        db,
        record.id,
        { name: profile.name },
        {
          sha256: stored.sha256,
          size: stored.size,
          name: stored.name,
          type: stored.detectedType,
          receivedAt,
          deduplicated: stored.deduplicated,
        },
        record.customer.name,
      )
      setOpenId(item.id)
    },
    [record.id, record.customer.name, profile.name],
  )
  const ingest = useIngest(onStored)

  const pick = async (): Promise<void> => {
    setPickError(null)
    const picked = await api.call('dialog.openFile', { title: t('evidence.pickTitle'), multiple: true })
    if (!picked.ok) setPickError(picked.error)
    else if (!picked.value.canceled) ingest.start(picked.value.files)
  }

  const drop = async (files: File[]): Promise<void> => {
    setPickError(null)
    setDropNote(false)
    if (!api.grantDroppedFiles) {
      setDropNote(true)
      return
    }
    const granted = await api.grantDroppedFiles(files)
    if (!granted.ok) setPickError(granted.error)
    else ingest.start(granted.value.files)
  }

  const open = items?.find((i) => i.id === openId) ?? null
  return (
    <section
      className={`card ${dragging ? 'card--drop' : ''}`}
      aria-labelledby="case-evidence"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        setDragging(false)
        void drop([...e.dataTransfer.files])
      }}
    >
      <div className="card__header">
        <h2 id="case-evidence">{t('evidence.title')}</h2>
        <button type="button" className="button button--primary" onClick={() => void pick()}>
          {t('evidence.add')}
        </button>
      </div>
      <p className="muted small">{t('evidence.dropHint')}</p>
      {dropNote ? (
        <p role="status" className="callout">
          {t('evidence.dropDesktopOnly')}
        </p>
      ) : null}
      {pickError ? <ErrorMessage error={pickError} /> : null}
      {ingest.jobs.length > 0 ? (
        <ul className="jobs" aria-label={t('evidence.jobs')}>
          {ingest.jobs.map((job) => (
            <JobRow
              key={job.taskId}
              job={job}
              onCancel={() => ingest.cancel(job.taskId)}
              onDismiss={() => ingest.dismiss(job.taskId)}
            />
          ))}
        </ul>
      ) : null}
      {items && items.length > 0 ? (
        <table className="data-table" aria-label={t('evidence.title')}>
          <thead>
            <tr>
              <th scope="col">{t('evidence.name')}</th>
              <th scope="col">{t('evidence.type')}</th>
              <th scope="col">{t('evidence.size')}</th>
              <th scope="col">{t('evidence.acquired')}</th>
              <th scope="col">{t('evidence.reliability')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} aria-selected={item.id === openId}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setOpenId(item.id)}
                    aria-pressed={item.id === openId}
                  >
                    {item.name}
                  </button>
                </td>
                <td>{item.type?.mime ?? t('evidence.unknownType')}</td>
                <td>{formatBytes(item.size, i18n.language)}</td>
                <td>{formatDateTime(item.acquiredAt, i18n.language)}</td>
                <td>
                  <span className={`badge badge--${item.reliability}`}>
                    {t(`evidence.reliabilities.${item.reliability}`)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : items ? (
        <p className="muted">{t('evidence.none')}</p>
      ) : null}
      {open ? <EvidenceDetail key={open.id} item={open} actor={actor} /> : null}
    </section>
  )
}

function JobRow({
  job,
  onCancel,
  onDismiss,
}: {
  job: IngestJob
  onCancel: () => void
  onDismiss: () => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const left = job.rate && job.rate > 0 ? (job.total - job.done) / job.rate : null
  useEffect(() => {
    if (job.status !== 'done') return
    const timer = setTimeout(onDismiss, 4000)
    return () => clearTimeout(timer)
  }, [job.status, onDismiss])
  return (
    <li className="job">
      <span className="job__name">{job.name}</span>
      <progress
        max={Math.max(job.total, 1)}
        value={job.done}
        aria-label={t('evidence.progressOf', { name: job.name })}
      />
      <span className="job__status" role="status">
        {job.status === 'running'
          ? t('evidence.progress', {
              done: formatBytes(job.done, locale),
              total: formatBytes(job.total, locale),
              rate: job.rate ? `${formatBytes(job.rate, locale)}/s` : '…',
              left: left !== null ? formatDuration(left, locale) : '…',
            })
          : job.status === 'done'
            ? t('evidence.stored')
            : job.status === 'canceled'
              ? t('evidence.canceled')
              : t(`errors.${job.error ?? 'internal'}`)}
      </span>
      {job.status === 'running' ? (
        <button type="button" onClick={onCancel} aria-label={t('evidence.cancelOf', { name: job.name })}>
          {t('evidence.cancel')}
        </button>
      ) : (
        <button type="button" onClick={onDismiss} aria-label={t('evidence.dismissOf', { name: job.name })}>
          {t('evidence.dismiss')}
        </button>
      )}
    </li>
  )
}

export type { EvidenceItem }
