import { useRef, type ReactNode } from 'react'

/**
 * Two columns that scroll together: moving one moves the other to the same
 * proportion of its length, so two tellings stay side by side as they are read.
 */
export function SyncColumns({ left, right }: { left: ReactNode; right: ReactNode }): ReactNode {
  const leftRef = useRef<HTMLDivElement>(null)
  const rightRef = useRef<HTMLDivElement>(null)
  // The column being scrolled by the reader; the other follows without echoing back.
  const leader = useRef<HTMLDivElement | null>(null)
  const follow = (source: HTMLDivElement, target: HTMLDivElement | null): void => {
    if (leader.current !== null && leader.current !== source) return
    leader.current = source
    if (target) {
      const range = source.scrollHeight - source.clientHeight
      const ratio = range > 0 ? source.scrollTop / range : 0
      target.scrollTop = ratio * (target.scrollHeight - target.clientHeight)
    }
    requestAnimationFrame(() => {
      leader.current = null
    })
  }
  return (
    <div className="sync-columns">
      <div ref={leftRef} className="sync-columns__column" onScroll={(e) => follow(e.currentTarget, rightRef.current)}>
        {left}
      </div>
      <div ref={rightRef} className="sync-columns__column" onScroll={(e) => follow(e.currentTarget, leftRef.current)}>
        {right}
      </div>
    </div>
  )
}
