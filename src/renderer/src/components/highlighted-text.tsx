import type { ReactNode } from 'react'

/** A passage of a text to show marked: a claim, with its topic as the mark's title. */
export interface TextMark {
  readonly id: string
  readonly start: number
  readonly end: number
  readonly topic: string
}

/**
 * A party's words with the passages marked as claims. Overlapping marks are
 * shown from the first one's start to the furthest end, so no word is shown twice.
 */
export function HighlightedText({
  text,
  claims,
  className,
  label,
  lang,
}: {
  text: string
  claims: readonly TextMark[]
  className?: string
  label: string
  lang?: string
}): ReactNode {
  const parts: ReactNode[] = []
  let at = 0
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    if (claim.end <= at) continue
    const start = Math.max(at, claim.start)
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark key={claim.id} className="claim-mark" title={claim.topic} data-claim={claim.id}>
        {text.slice(start, claim.end)}
      </mark>,
    )
    at = claim.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return (
    <div className={`pre-line ${className ?? ''}`} aria-label={label} role="region" lang={lang} tabIndex={0}>
      {parts}
    </div>
  )
}
