/** Speeds an investigator needs to skim or to catch a mumbled answer; the browser's own menu may add others. */
export const playbackRates: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2]

/** How far "Back" and "Forward" jump, in seconds. */
export const skipSeconds = 10

/**
 * A media position as mm:ss, or h:mm:ss once the position or the whole recording
 * (`reference`, usually the duration) reaches an hour, so that times in one list line up.
 * Unknown positions (NaN, the Infinity of a stream without duration) read "--:--".
 */
export function formatMediaTime(seconds: number, reference = 0): string {
  if (!Number.isFinite(seconds)) return '--:--'
  const whole = Math.floor(Math.max(0, seconds))
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = whole % 60
  const withHours = hours > 0 || (Number.isFinite(reference) && reference >= 3600)
  const mm = String(minutes).padStart(2, '0')
  const ss = String(rest).padStart(2, '0')
  return withHours ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`
}

/** A seek target kept inside the recording; an unknown duration bounds nothing but zero. */
export function clampMediaTime(seconds: number, duration: number): number {
  const upper = Number.isFinite(duration) && duration > 0 ? duration : Number.POSITIVE_INFINITY
  if (!Number.isFinite(seconds)) return 0
  return Math.min(Math.max(0, seconds), upper)
}

/**
 * Bookmarks store the whole second the button showed, so "Add bookmark at 01:23"
 * really lands on 01:23 and the list reads the same as the label did.
 */
export function bookmarkSecond(seconds: number): number {
  return Number.isFinite(seconds) ? Math.floor(Math.max(0, seconds)) : 0
}

/**
 * A time typed by a person: "83", "1:23", "01:23" or "1:02:03" → seconds; null
 * for anything else (minutes and seconds past 59, letters, negatives).
 */
export function parseMediaTime(text: string): number | null {
  const trimmed = text.trim()
  if (/^\d+(?:[.,]\d+)?$/.test(trimmed)) return Math.floor(Number(trimmed.replace(',', '.')))
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(trimmed)
  if (!match) return null
  const hours = Number(match[1] ?? 0)
  const minutes = Number(match[2])
  const seconds = Number(match[3])
  if (seconds > 59 || (match[1] !== undefined && minutes > 59)) return null
  return hours * 3600 + minutes * 60 + seconds
}
