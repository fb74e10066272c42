/**
 * Counting windows: `fixed` resets at each window boundary; `sliding` weighs the previous window in.
 *
 * @example
 * ```ts
 * rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 100, window: '1m', algorithm: 'fixed' })
 * ```
 */
export type RateLimitAlgorithm = 'fixed' | 'sliding'

/**
 * What a store needs to count one request.
 *
 * @example
 * ```ts
 * const policy: RateLimitPolicy = { limit: 10, windowMs: 60_000, algorithm: 'sliding' }
 * const counts = await store.hit('ip:203.0.113.7', policy)
 * ```
 */
export interface RateLimitPolicy {
  readonly limit: number
  readonly windowMs: number
  readonly algorithm: RateLimitAlgorithm
}

/**
 * What a store answers for one request: whether it was allowed (and so
 * counted) and the counters after it. Every store applies {@link countRequest}
 * (the Redis store in Lua), so they agree to the request.
 *
 * @example
 * ```ts
 * const counts: RateLimitCounts = await store.hit(key, policy)
 * if (!counts.allowed) console.log(`over the limit: ${counts.current} counted in this window`)
 * ```
 */
export interface RateLimitCounts {
  readonly allowed: boolean
  /** Requests counted in the current window, this one included when allowed. */
  readonly current: number
  /** Requests counted in the previous window; always 0 for `fixed`. */
  readonly previous: number
  /** Milliseconds since the current window began. */
  readonly elapsed: number
}

/**
 * One key's counters as a store keeps them.
 *
 * @example
 * ```ts
 * // A store of your own keeps these per key and hands them to countRequest()
 * const stored: WindowCounters | undefined = await db.read(key)
 * const { counts, next } = countRequest(policy, stored, Date.now())
 * ```
 */
export interface WindowCounters {
  /** The window's number since the epoch: `floor(now / windowMs)`. */
  readonly index: number
  readonly current: number
  readonly previous: number
}

/**
 * The two-window approximation of a sliding log (as Cloudflare describes
 * it): the previous window's count weighs in by the share of it the sliding
 * window still covers. `fixed` is the same with the previous window ignored.
 */
function estimate(policy: RateLimitPolicy, current: number, previous: number, elapsed: number): number {
  return current + (previous * (policy.windowMs - elapsed)) / policy.windowMs
}

/**
 * Counts one request at time `now` against what the store held. A refused
 * request is not counted, so a client that keeps retrying while limited
 * is let through again once its earlier requests age out. Stores call it
 * (inside their own lock or transaction) so they all count alike.
 *
 * @example
 * ```ts
 * const { counts, next } = countRequest(policy, await db.read(key), Date.now())
 * if (next) await db.write(key, next) // only allowed requests change the counters
 * return counts
 * ```
 */
export function countRequest(
  policy: RateLimitPolicy,
  stored: WindowCounters | undefined,
  now: number,
): { counts: RateLimitCounts; next: WindowCounters | undefined } {
  const index = Math.floor(now / policy.windowMs)
  const elapsed = now - index * policy.windowMs
  let current = 0
  let previous = 0
  if (stored?.index === index) ({ current, previous } = stored)
  else if (stored?.index === index - 1) previous = stored.current
  if (policy.algorithm === 'fixed') previous = 0
  if (estimate(policy, current, previous, elapsed) + 1 > policy.limit) {
    return { counts: { allowed: false, current, previous, elapsed }, next: undefined }
  }
  current += 1
  return { counts: { allowed: true, current, previous, elapsed }, next: { index, current, previous } }
}

/** Milliseconds a store must keep a key: to the window's end, or the next one's for `sliding`. */
export function keepFor(policy: RateLimitPolicy, elapsed: number): number {
  return (policy.algorithm === 'sliding' ? 2 : 1) * policy.windowMs - elapsed
}

/** What the response headers report about the counters. */
export interface LimitStatus {
  readonly remaining: number
  /** Milliseconds until a request is allowed again; 0 while `remaining` is above 0. */
  readonly retryAfterMs: number
  /** Milliseconds until the current counting window ends. */
  readonly windowEndsMs: number
}

/** Remaining quota and waiting time, from the counters a store returned. */
export function limitStatus(policy: RateLimitPolicy, counts: RateLimitCounts): LimitStatus {
  const { limit, windowMs } = policy
  const { current, previous, elapsed } = counts
  const remaining = Math.max(0, Math.floor(limit - estimate(policy, current, previous, elapsed)))
  const windowEndsMs = windowMs - elapsed
  if (remaining > 0) return { remaining, retryAfterMs: 0, windowEndsMs }
  if (policy.algorithm === 'fixed') return { remaining, retryAfterMs: windowEndsMs, windowEndsMs }
  // Sliding: solve estimate(t) + 1 <= limit for the first t. Within this
  // window only the previous window's weight can fall; otherwise wait for
  // the next window, where this window's count is the one that decays.
  let wait: number
  if (current + 1 <= limit) {
    const covered = previous === 0 ? elapsed : windowMs - (windowMs * (limit - 1 - current)) / previous
    wait = Math.max(0, covered - elapsed)
  } else {
    wait = windowEndsMs + windowMs - (windowMs * (limit - 1)) / current
  }
  return { remaining, retryAfterMs: Math.ceil(wait), windowEndsMs }
}
