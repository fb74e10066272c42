import { describe, expect, it } from 'vitest'
import { memoryRateLimitStore, type RateLimitPolicy } from '../../src/rate-limit/index.js'

const perMinute: RateLimitPolicy = { limit: 2, windowMs: 60_000, algorithm: 'fixed' }
const sliding: RateLimitPolicy = { ...perMinute, algorithm: 'sliding' }

function clock() {
  let time = 1_800_000_000_000
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

describe('memoryRateLimitStore', () => {
  it('sweeps expired keys as requests arrive, so memory stays bounded', () => {
    const time = clock()
    const store = memoryRateLimitStore({ now: time.now, sweepEvery: 10_000 })
    for (let i = 0; i < 1000; i++) store.hit(`client-${i}`, perMinute)
    expect(store.size).toBe(1000)
    time.advance(60_000) // every fixed window above has ended
    store.hit('late', perMinute)
    expect(store.size).toBe(1)
  })

  it('keeps sliding keys for the next window, where they still weigh in', () => {
    const time = clock()
    const store = memoryRateLimitStore({ now: time.now, sweepEvery: 10_000 })
    store.hit('a', sliding)
    store.hit('a', sliding)
    time.advance(60_000)
    expect(store.hit('a', sliding)).toMatchObject({ allowed: false, previous: 2 })
    expect(store.size).toBe(1)
    time.advance(60_000)
    store.hit('b', sliding)
    expect(store.size).toBe(1)
    expect(store.hit('a', sliding)).toMatchObject({ allowed: true, current: 1, previous: 0 })
  })

  it('forgets the oldest key past maxKeys', () => {
    const store = memoryRateLimitStore({ now: clock().now, maxKeys: 3 })
    for (const key of ['a', 'b', 'c', 'd']) store.hit(key, perMinute)
    expect(store.size).toBe(3)
    // 'a' was forgotten, so it starts afresh; 'd' was kept and counts on.
    expect(store.hit('a', perMinute)).toMatchObject({ allowed: true, current: 1 })
    expect(store.hit('d', perMinute)).toMatchObject({ allowed: true, current: 2 })
  })

  it('makes room for a new key without scanning every key it holds', () => {
    const time = clock()
    const store = memoryRateLimitStore({ now: time.now, maxKeys: 1000 })
    for (let i = 0; i < 1000; i++) store.hit(`client-${i}`, perMinute)
    // A flood of new keys (an IPv6 /64 holds 2^64 addresses) on a full store:
    // each must cost a few steps, not a walk over all 1000 entries.
    const steps = mapStepsDuring(() => {
      for (let i = 0; i < 100; i++) store.hit(`flood-${i}`, perMinute)
    })
    expect(steps).toBeLessThan(1000)
    expect(store.size).toBe(1000)
    // The least recently counted keys made the room; a key counted since stays.
    store.hit('client-500', perMinute)
    for (let i = 0; i < 500; i++) store.hit(`more-${i}`, perMinute)
    expect(store.hit('client-500', perMinute)).toMatchObject({ allowed: false, current: 2 })
  })

  it('does not count refused requests', () => {
    const time = clock()
    const store = memoryRateLimitStore({ now: time.now })
    store.hit('a', perMinute)
    store.hit('a', perMinute)
    expect(store.hit('a', perMinute)).toEqual({ allowed: false, current: 2, previous: 0, elapsed: 0 })
    expect(store.hit('a', perMinute)).toEqual({ allowed: false, current: 2, previous: 0, elapsed: 0 })
  })

  it.each([
    ['maxKeys', { maxKeys: 0 }],
    ['maxKeys', { maxKeys: 1.5 }],
    ['sweepEvery', { sweepEvery: 0 }],
    ['sweepEvery', { sweepEvery: -1 }],
    ['sweepEvery', { sweepEvery: Number.NaN }],
    ['sweepEvery', { sweepEvery: Number.POSITIVE_INFINITY }],
  ])('refuses a mistaken %s at creation (%o)', (name, options) => {
    expect(() => memoryRateLimitStore(options)).toThrow(new RegExp(`\\\`${name}\\\``))
  })
})

/** How many entries `for...of` loops over Maps visit while `work` runs (the store's work, without timing it). */
function mapStepsDuring(work: () => void): number {
  const iterate = Map.prototype[Symbol.iterator]
  let steps = 0
  Map.prototype[Symbol.iterator] = function (this: Map<unknown, unknown>) {
    const entries = iterate.call(this)
    return Object.assign(Object.create(entries), {
      next: () => {
        steps += 1
        return entries.next()
      },
    })
  } as typeof iterate
  try {
    work()
  } finally {
    Map.prototype[Symbol.iterator] = iterate
  }
  return steps
}
