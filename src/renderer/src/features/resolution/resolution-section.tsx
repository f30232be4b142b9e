import { useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import type { CaseRecord, CaseStatus } from '@shared/domain/case'
import type { Profile } from '@shared/domain/profile'
import { SaveFailed } from '../../components/save-failed'
import { moveCase } from '../../db/cases-repo'
import { db } from '../../db/db'
import { ActionPlan } from './action-plan'
import { DecisionForm, DecisionView } from './decision-form'
import { LetterComposer } from './letter-composer'
import { ResolutionReadOnly, useResolutionData } from './resolution-data'
import './resolution.css'

/**
 * Step 4 of the workflow (DESIGN section 1): who is responsible, the root cause
 * and the decision, the action plan with each measure verified, and the letter
 * that tells the customer. Editable while the case is in resolution, read-only once closed.
 */
export function ResolutionSection({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const actor = useMemo(() => ({ name: profile.name }), [profile.name])
  const data = useResolutionData(record.id)
  const inResolution = record.status === 'resolution'
  const readOnly = record.status === 'closed'
  // Once the handler has signed the closure record, the case no longer goes back: the record would not match.
  const signed = useLiveQuery(
    async () => ((await db.closures.where('caseId').equals(record.id).first())?.signOffs.length ?? 0) > 0,
    [record.id],
  )

  if (record.status !== 'investigation' && !inResolution && !readOnly) return null
  // Signed records are read, not changed: the decision, plan and letters as the handler signed them.
  const frozen = readOnly || signed === true
  return (
    <section className="card resolution" aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('resolution.title')}</h2>
        {inResolution && signed === false ? (
          <MoveButton record={record} actor={actor} to="investigation" label={t('resolution.back')} />
        ) : null}
      </div>
      {record.status === 'investigation' ? (
        <>
          <p className="muted">{t('resolution.notYet')}</p>
          <MoveButton record={record} actor={actor} to="resolution" label={t('resolution.move')} primary />
        </>
      ) : !data ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <ResolutionReadOnly.Provider value={frozen}>
          {frozen ? <p className="muted">{t(readOnly ? 'resolution.readOnly' : 'resolution.signedReadOnly')}</p> : null}
          {frozen ? (
            <DecisionView resolution={data.resolution} parties={data.parties} />
          ) : (
            <DecisionForm caseId={record.id} resolution={data.resolution} parties={data.parties} actor={actor} />
          )}
          <ActionPlan caseId={record.id} data={data} actor={actor} />
          <LetterComposer record={record} profile={profile} data={data} actor={actor} />
        </ResolutionReadOnly.Provider>
      )}
    </section>
  )
}

/** A status move behind an in-app confirmation (a modal <dialog>: focus trapped, Escape cancels). */
function MoveButton({
  record,
  actor,
  to,
  label,
  primary = false,
}: {
  record: CaseRecord
  actor: { name: string }
  to: CaseStatus
  label: string
  primary?: boolean
}): ReactNode {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const confirm = async (): Promise<void> => {
    setBusy(true)
    setFailed(false)
    try {
      await moveCase(db, record.id, actor, to)
      dialogRef.current?.close()
    } catch (error) {
      console.error(error)
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }
  const toResolution = to === 'resolution'
  return (
    <>
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        onClick={() => {
          setFailed(false)
          dialogRef.current?.showModal()
        }}
      >
        {label}
      </button>
      <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId}>
        <h2 id={titleId} className="confirm-dialog__title">
          {toResolution ? t('resolution.moveConfirm') : t('resolution.backConfirm')}
        </h2>
        <SaveFailed failed={failed} />
        <div className="confirm-dialog__actions">
          {/* First in order, so the safe choice is the one a stray Enter picks. */}
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t('resolution.cancel')}
          </button>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void confirm()}>
            {toResolution ? t('resolution.moveYes') : t('resolution.backYes')}
          </button>
        </div>
      </dialog>
    </>
  )
}
