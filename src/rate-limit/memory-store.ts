import { configError, checkOptionNames, optionNames } from '../core/options.js'
import { countRequest, keepFor, type WindowCounters } from './policy.js'
import type { RateLimitStore } from './store.js'


/**
 * Options for {@link memoryRateLimitStore}.
 *
 * @example
 * ```ts
 * const store = memoryRateLimitStore({ maxKeys: 10_000, sweepEvery: 30_000 })
 * ```
 */
export interface MemoryRateLimitStoreOptions {
  /** Most keys held at once; past it the least recently counted is forgotten (that key starts afresh). Default 100,000. */
  maxKeys?: number
  /** Milliseconds between sweeps of expired keys. Default 60,000. */
  sweepEvery?: number
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: () => number
}

/**
 * The in-memory store, with the number of keys it holds (for monitoring and tests).
 *
 * @example
 * ```ts
 * const store: MemoryRateLimitStore = memoryRateLimitStore()
 * console.log(`${store.size} clients counted`)
 * ```
 */
export interface MemoryRateLimitStore extends RateLimitStore {
  readonly size: number
}

interface Entry extends WindowCounters {
  expiresAt: number
}

/**
 * Counters in this process's memory: right for one server, development and
 * tests. Each process (and each serverless instance) counts on its own, so
 * several instances need {@link redisRateLimitStore}. Memory stays bounded:
 * expired keys are swept as requests arrive (no timer keeps the process
 * alive), and `maxKeys` caps what a flood of distinct keys can hold.
 *
 * @example
 * ```ts
 * const store = memoryRateLimitStore()
 * export const limited = api.use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 100, window: '1m', store }))
 * ```
 */
export function memoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): MemoryRateLimitStore {
  checkOptionNames('routekit/rate-limit: memoryRateLimitStore()', options, optionNames<MemoryRateLimitStoreOptions>({ maxKeys: true, sweepEvery: true, now: true }))
  const maxKeys = options.maxKeys ?? 100_000
  const sweepEvery = options.sweepEvery ?? 60_000
  const now = options.now ?? Date.now
  if (!(Number.isInteger(maxKeys) && maxKeys >= 1)) throw configError('routekit/rate-limit', '`maxKeys` must be a whole number, 1 or more.')
  // NaN would never sweep and 0 would sweep every key on every request.
  if (!(Number.isFinite(sweepEvery) && sweepEvery > 0)) throw configError('routekit/rate-limit', '`sweepEvery` must be a number of milliseconds above 0.')
  const entries = new Map<string, Entry>()
  let nextSweep = now() + sweepEvery

  const sweep = (time: number): void => {
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key)
    nextSweep = time + sweepEvery
  }

  // The Map is in the order keys were last counted, which under one policy
  // is also the order they expire in: expired keys come first, then the
  // least recently counted. Taking them from the front costs a step or two
  // per new key, where a sweep per new key would walk the whole full store.
  const makeRoom = (time: number): void => {
    for (const [key, entry] of entries) {
      if (entries.size < maxKeys && entry.expiresAt > time) return
      entries.delete(key)
    }
  }

  return {
    get size() {
      return entries.size
    },
    hit(key, policy) {
      const time = now()
      if (time >= nextSweep) sweep(time)
      const stored = entries.get(key)
      const { counts, next } = countRequest(policy, stored !== undefined && stored.expiresAt > time ? stored : undefined, time)
      if (next === undefined) return counts
      if (stored === undefined) makeRoom(time)
      else entries.delete(key) // set again below, at the end: counted last
      entries.set(key, { ...next, expiresAt: time + keepFor(policy, counts.elapsed) })
      return counts
    },
  }
}
