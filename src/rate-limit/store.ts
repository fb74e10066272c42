import type { RateLimitCounts, RateLimitPolicy } from './policy.js'

/**
 * Where a limiter keeps its counters. `hit` counts one request for `key`
 * under `policy` and must be atomic: two requests racing for the last unit
 * of quota may not both be allowed. Implement it with {@link countRequest}
 * (or the same arithmetic in your database) so every store agrees.
 *
 * @example
 * ```ts
 * const store: RateLimitStore = memoryRateLimitStore()
 * const counts = await store.hit('ip:203.0.113.7', { limit: 10, windowMs: 60_000, algorithm: 'sliding' })
 * ```
 */
export interface RateLimitStore {
  hit(key: string, policy: RateLimitPolicy): RateLimitCounts | Promise<RateLimitCounts>
}
