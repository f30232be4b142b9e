import { describe, expect, it } from 'vitest'
import {
  bookmarkSecond,
  clampMediaTime,
  formatMediaTime,
  parseMediaTime,
} from '../../../src/renderer/src/components/viewers/media-time'
import { zoomIn, zoomOut } from '../../../src/renderer/src/components/viewers/zoom'

describe('formatMediaTime', () => {
  it('reads mm:ss under an hour and h:mm:ss from an hour on', () => {
    expect(formatMediaTime(0)).toBe('00:00')
    expect(formatMediaTime(83.9)).toBe('01:23')
    expect(formatMediaTime(3599.99)).toBe('59:59')
    expect(formatMediaTime(3600)).toBe('1:00:00')
    expect(formatMediaTime(4 * 3600 + 5 * 60 + 7)).toBe('4:05:07')
  })

  it('shows hours for short positions of a long recording, so a list lines up', () => {
    expect(formatMediaTime(83, 5400)).toBe('0:01:23')
    expect(formatMediaTime(83, 600)).toBe('01:23')
  })

  it('says nothing precise about unknown positions and clamps negative ones', () => {
    expect(formatMediaTime(Number.NaN)).toBe('--:--')
    expect(formatMediaTime(Number.POSITIVE_INFINITY)).toBe('--:--')
    expect(formatMediaTime(-3)).toBe('00:00')
    // A stream without a known duration must not switch to hours.
    expect(formatMediaTime(5, Number.POSITIVE_INFINITY)).toBe('00:05')
  })
})

describe('seeking and bookmarks', () => {
  it('keeps a seek inside the recording', () => {
    expect(clampMediaTime(-10, 60)).toBe(0)
    expect(clampMediaTime(70, 60)).toBe(60)
    expect(clampMediaTime(30, Number.NaN)).toBe(30)
    expect(clampMediaTime(Number.NaN, 60)).toBe(0)
  })

  it('stores the whole second the button showed', () => {
    expect(bookmarkSecond(83.97)).toBe(83)
    expect(formatMediaTime(bookmarkSecond(83.97))).toBe(formatMediaTime(83.97))
    expect(bookmarkSecond(Number.NaN)).toBe(0)
  })
})

describe('zoom steps', () => {
  it('steps from any fitted scale to the next level, within bounds', () => {
    expect(zoomIn(1)).toBe(1.25)
    expect(zoomIn(0.62)).toBe(0.75)
    expect(zoomIn(0.7499)).toBe(1)
    expect(zoomIn(1.24)).toBe(1.5)
    expect(zoomIn(4)).toBe(4)
    expect(zoomOut(1)).toBe(0.75)
    expect(zoomOut(0.62)).toBe(0.5)
    expect(zoomOut(0.76)).toBe(0.5)
    expect(zoomOut(0.1)).toBe(0.1)
  })
})

describe('parseMediaTime', () => {
  it('reads the ways a person types a time in a recording', () => {
    expect(parseMediaTime('83')).toBe(83)
    expect(parseMediaTime('1:23')).toBe(83)
    expect(parseMediaTime(' 01:23 ')).toBe(83)
    expect(parseMediaTime('1:02:03')).toBe(3723)
    expect(parseMediaTime('12.7')).toBe(12)
  })
  it('refuses what is not a time', () => {
    for (const bad of ['', 'abc', '1:60', '-5', '1:2', '1:75:00', '1::00']) expect(parseMediaTime(bad), bad).toBeNull()
  })
})
