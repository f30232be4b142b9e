import type { InputHTMLAttributes, ReactNode, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { datePrecisions, type DatePrecision } from '@shared/domain/case'

/** The precisions as options: exact day, month only, year only. */
export function PrecisionOptions(): ReactNode {
  const { t } = useTranslation()
  return datePrecisions.map((d) => (
    <option key={d} value={d}>
      {t(`intake.precision.${d}`)}
    </option>
  ))
}

/**
 * The input for a date as precise as it is known: a date picker, a month picker,
 * or four digits for a year. Values are YYYY-MM-DD, YYYY-MM or YYYY.
 */
export function ApproximateDateInput({
  precision,
  ref,
  ...props
}: { precision: DatePrecision; ref?: Ref<HTMLInputElement> } & InputHTMLAttributes<HTMLInputElement>): ReactNode {
  return precision === 'year' ? (
    <input {...props} ref={ref} inputMode="numeric" maxLength={4} placeholder="2026" />
  ) : (
    <input {...props} ref={ref} type={precision === 'month' ? 'month' : 'date'} />
  )
}
