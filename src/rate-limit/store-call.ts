import type { RateLimitCounts, RateLimitPolicy } from './policy.js'
import type { RateLimitStore } from './store.js'

/**
 * The store did not answer within `storeTimeout`; handled like any other
 * store failure, and what `onError` receives then.
 *
 * @example
 * ```ts
 * rateLimit({ ...options, onError: (error) => { if (error instanceof RateLimitStoreTimeoutError) metrics.increment('redis.slow') } })
 * ```
 */
export class RateLimitStoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`The rate-limit store did not answer within ${ms} ms.`)
    this.name = 'RateLimitStoreTimeoutError'
  }
}

/**
 * One store call with a deadline. Redis clients queue commands while they
 * reconnect, so an unreachable server would otherwise hold every request
 * until the client gives up, if it ever does. A synchronous answer (the
 * memory store's) needs no timer.
 */
export function hitWithTimeout(
  store: RateLimitStore,
  key: string,
  policy: RateLimitPolicy,
  ms: number,
): RateLimitCounts | Promise<RateLimitCounts> {
  const call = store.hit(key, policy)
  if (typeof (call as Partial<Promise<unknown>>).then !== 'function') return call
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RateLimitStoreTimeoutError(ms)), ms)
  })
  const pending = Promise.resolve(call)
  // The loser of the race may still fail later; that is not unhandled.
  pending.catch(() => {})
  return Promise.race([pending, deadline]).finally(() => clearTimeout(timer))
}
