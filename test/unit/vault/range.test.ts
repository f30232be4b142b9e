import { describe, expect, it } from 'vitest'
import { parseRange } from '../../../src/main/services/media/range'

const size = 1000

describe('parseRange', () => {
  it('answers 200 with the whole body when there is no Range header', () => {
    for (const header of [undefined, null]) {
      expect(parseRange(header, size)).toEqual({
        status: 200,
        start: 0,
        end: 999,
        headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '1000' },
      })
    }
  })

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, 999],
    ['bytes=-100', 900, 999],
    ['bytes=999-999', 999, 999],
    ['bytes=0-0', 0, 0],
    ['bytes=500-5000', 500, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=0-', 0, 999],
    ['Bytes = 10-19', 10, 19],
    ['bytes=10-19, 30-39', 10, 19],
    ['bytes=2000-3000, 5-9', 5, 9],
    ['bytes=, 5-9', 5, 9],
    [`bytes=0-${'9'.repeat(30)}`, 0, 999],
  ])('%s serves bytes %i to %i with 206', (header, start, end) => {
    expect(parseRange(header, size)).toEqual({
      status: 206,
      start,
      end,
      headers: {
        'Accept-Ranges': 'bytes',
        'Content-Length': String(end - start + 1),
        'Content-Range': `bytes ${start}-${end}/${size}`,
      },
    })
  })

  it.each(['bytes=1000-', 'bytes=1000-2000', 'bytes=-0', 'bytes=5000-, 1000-1001', `bytes=${'9'.repeat(30)}-`])(
    '%s cannot be satisfied: 416 with Content-Range bytes */size',
    (header) => {
      expect(parseRange(header, size)).toEqual({
        status: 416,
        start: 0,
        end: -1,
        headers: { 'Accept-Ranges': 'bytes', 'Content-Length': '0', 'Content-Range': 'bytes */1000' },
      })
    },
  )

  it('has nothing to give from an empty file', () => {
    expect(parseRange('bytes=0-', 0).status).toBe(416)
    expect(parseRange('bytes=-10', 0).status).toBe(416)
    expect(parseRange(null, 0)).toMatchObject({ status: 200, start: 0, end: -1, headers: { 'Content-Length': '0' } })
  })

  it.each([
    '',
    'bytes',
    'bytes=',
    'bytes=-',
    'bytes=a-b',
    'bytes=5-2',
    'bytes=1-2-3',
    'bytes=0x10-20',
    'bytes= -1 - 5',
    'bytes=+1-5',
    'bytes=1.5-2',
    'items=0-10',
    'bytes 0-10',
    `bytes=${Array.from({ length: 40 }, (_, i) => `${i}-${i}`).join(',')}`,
  ])('ignores the malformed or foreign header %j and serves the whole body', (header) => {
    expect(parseRange(header, size)).toMatchObject({ status: 200, start: 0, end: 999 })
  })
})
