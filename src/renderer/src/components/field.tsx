import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface FieldControlProps {
  readonly id: string
  readonly 'aria-invalid': boolean
  readonly 'aria-describedby': string | undefined
}

/**
 * A labelled control with its hint and its error, wired for screen readers:
 * the error is an i18n key (schemas speak in keys), translated here.
 */
export function Field({
  label,
  hint,
  error,
  required,
  children,
  className,
}: {
  label: string
  hint?: string
  error?: string | undefined
  required?: boolean
  className?: string
  children: (props: FieldControlProps) => ReactNode
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field ${error ? 'field--invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> *</span> : null}
      </label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error ? (
        <span id={errorId} className="field__error">
          {t(error)}
        </span>
      ) : null}
    </div>
  )
}

/** A group of radios or checkboxes with a legend, and its error. */
export function Choices({
  legend,
  error,
  required,
  children,
}: {
  legend: string
  error?: string | undefined
  required?: boolean
  children: ReactNode
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  return (
    <fieldset
      className={`choices ${error ? 'field--invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        {legend}
        {required ? <span className="field__required"> *</span> : null}
      </legend>
      <div className="choices__options">{children}</div>
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {t(error)}
        </span>
      ) : null}
    </fieldset>
  )
}
