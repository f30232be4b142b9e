import { useEffect, useRef, type ReactNode } from 'react'
import SignaturePad from 'signature_pad'
import { useTranslation } from 'react-i18next'

/**
 * The customer signs on screen with a finger, pen or mouse (signature_pad).
 * The value is a PNG data URL; a signature can be cleared and drawn again.
 */
export function SignatureField({
  value,
  onChange,
  label,
  error,
  describedBy,
}: {
  value: string
  onChange: (value: string) => void
  label: string
  error?: boolean
  describedBy?: string | undefined
}): ReactNode {
  const { t } = useTranslation()
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const padRef = useRef<SignaturePad | null>(null)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  useEffect(() => {
    const canvas = canvasRef.current
    if (!canvas) return
    const pad = new SignaturePad(canvas, { penColor: '#111827', backgroundColor: 'rgb(255,255,255)' })
    padRef.current = pad
    // Draw at the screen's pixel density so the signature stays sharp.
    const ratio = Math.max(window.devicePixelRatio || 1, 1)
    canvas.width = canvas.offsetWidth * ratio
    canvas.height = canvas.offsetHeight * ratio
    canvas.getContext('2d')?.scale(ratio, ratio)
    pad.clear()
    const onEnd = (): void => onChangeRef.current(pad.isEmpty() ? '' : pad.toDataURL('image/png'))
    pad.addEventListener('endStroke', onEnd)
    return () => {
      pad.removeEventListener('endStroke', onEnd)
      pad.off()
      padRef.current = null
    }
  }, [])

  // A restored draft brings its signature back onto the pad.
  useEffect(() => {
    const pad = padRef.current
    if (!pad) return
    if (value && pad.isEmpty()) {
      const canvas = canvasRef.current
      void pad.fromDataURL(value, { width: canvas?.offsetWidth ?? 0, height: canvas?.offsetHeight ?? 0 })
    } else if (!value && !pad.isEmpty()) pad.clear()
  }, [value])

  return (
    <div className={`signature ${error ? 'signature--invalid' : ''}`}>
      <canvas
        ref={canvasRef}
        className="signature__pad"
        role="img"
        aria-label={label}
        aria-describedby={describedBy}
        tabIndex={0}
      />
      <div className="signature__bar">
        <span className="signature__status" aria-live="polite">
          {value ? t('intake.signature.signed') : t('intake.signature.empty')}
        </span>
        <button
          type="button"
          onClick={() => {
            padRef.current?.clear()
            onChange('')
          }}
          disabled={!value}
        >
          {t('intake.signature.clear')}
        </button>
      </div>
    </div>
  )
}
