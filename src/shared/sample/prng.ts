/** A source of uniform numbers in [0, 1); every draw in the sample generator goes through one. */
export type Rng = () => number

/**
 * mulberry32: tiny, fast and good enough for sample data. Never Math.random, so
 * the same seed always yields the same data set (tests, benchmarks, bug reports).
 * Each value is an exact multiple of 2^-32, so `rng() * 2 ** 32` is a uint32.
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T
}

/** Integer in [min, max], both included. */
export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability
}

/** A weighted choice; build it once, draw from it many times. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const values = entries.map(([value]) => value)
  const cumulative: number[] = []
  let total = 0
  for (const [, weight] of entries) cumulative.push((total += weight))
  return (rng) => {
    const target = rng() * total
    for (let i = 0; i < cumulative.length; i++) if (target < (cumulative[i] as number)) return values[i] as T
    return values[values.length - 1] as T
  }
}

const hex: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex8(n: number): string {
  return (hex[(n >>> 24) & 255] as string) + hex[(n >>> 16) & 255] + hex[(n >>> 8) & 255] + hex[n & 255]
}

function hex4(n: number): string {
  return (hex[(n >>> 8) & 255] as string) + hex[n & 255]
}

/**
 * A UUIDv7 (RFC 9562) whose timestamp is `ms` and whose random bits come from
 * `rng`: valid and time-sortable like the ids newId() makes, but reproducible,
 * which newId() (crypto-random) is not.
 */
export function uuidV7FromRandom(ms: number, rng: Rng): string {
  const r1 = (rng() * 4294967296) >>> 0
  const r2 = (rng() * 4294967296) >>> 0
  const r3 = (rng() * 4294967296) >>> 0
  const high = Math.floor(ms / 65536)
  // trim() leaves a flat string: see flat() in bank.ts.
  return (
    hex8(high) +
    '-' +
    hex4(ms & 0xffff) +
    '-' +
    hex4(0x7000 | (r1 >>> 20)) +
    '-' +
    hex4(0x8000 | (r1 & 0x3fff)) +
    '-' +
    hex4(r2 >>> 16) +
    hex8(((r2 & 0xffff) << 16) | (r3 >>> 16))
  ).trim()
}
