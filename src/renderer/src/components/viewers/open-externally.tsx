import { useId, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import './viewers.css'

/**
 * "Open with the system's application", behind an in-app confirmation: the file
 * leaves the app's sandbox and whatever program opens it may run what it carries.
 * A modal <dialog> gives focus trapping and Escape without a library.
 */
export function OpenExternally({ name, onOpen }: { name: string; onOpen: () => void }): ReactNode {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const bodyId = useId()
  return (
    <>
      <button type="button" onClick={() => dialogRef.current?.showModal()}>
        {t('viewers.external.open')}
      </button>
      <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
        <h2 id={titleId} className="confirm-dialog__title">
          {t('viewers.external.confirmTitle', { name })}
        </h2>
        <p id={bodyId}>{t('viewers.external.confirmBody')}</p>
        <div className="confirm-dialog__actions">
          {/* First in order, so the safe choice is the one a stray Enter picks. */}
          <button type="button" onClick={() => dialogRef.current?.close()}>
            {t('viewers.external.cancel')}
          </button>
          <button
            type="button"
            className="button--primary"
            onClick={() => {
              dialogRef.current?.close()
              onOpen()
            }}
          >
            {t('viewers.external.confirm')}
          </button>
        </div>
      </dialog>
    </>
  )
}
