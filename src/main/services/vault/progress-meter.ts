/** Where a long file operation stands, in bytes. */
export interface TransferProgress {
  /** Bytes processed so far. */
  readonly done: number
  /** Bytes expected in all, or null when unknown. */
  readonly total: number | null
  /** Bytes per second over the last couple of seconds, or null before it can be told. */
  readonly rate: number | null
}

export type ProgressListener = (progress: TransferProgress) => void

export interface ProgressMeter {
  /** Records progress; tells the listener at most once per interval. */
  advance(done: number): void
  /** Tells the listener the final figure, whatever the interval. */
  finish(done: number): void
}

/**
 * Throttles progress reports (a 4 GB file is hundreds of chunks; the renderer
 * needs a few updates a second) and computes the rate over a sliding window, so
 * a stall shows as a falling rate rather than an average that hides it.
 */
export function createProgressMeter(options: {
  readonly total: number | null
  readonly listener: ProgressListener | undefined
  readonly intervalMs?: number
  readonly windowMs?: number
  readonly now?: () => number
}): ProgressMeter {
  const { total, listener } = options
  const intervalMs = options.intervalMs ?? 200
  const windowMs = options.windowMs ?? 2000
  const now = options.now ?? (() => performance.now())
  const samples: Array<{ at: number; done: number }> = [{ at: now(), done: 0 }]
  let lastReport = -Infinity

  const rateAt = (at: number, done: number): number | null => {
    while (samples.length > 1 && at - (samples[1]?.at ?? at) >= windowMs) samples.shift()
    const oldest = samples[0]
    if (!oldest || at - oldest.at < 50) return null
    return Math.max(0, ((done - oldest.done) * 1000) / (at - oldest.at))
  }

  const report = (at: number, done: number): void => {
    lastReport = at
    listener?.({ done, total, rate: rateAt(at, done) })
  }

  return {
    advance(done) {
      const at = now()
      samples.push({ at, done })
      if (at - lastReport >= intervalMs) report(at, done)
    },
    finish(done) {
      const at = now()
      samples.push({ at, done })
      report(at, done)
    },
  }
}
