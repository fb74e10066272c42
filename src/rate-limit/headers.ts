import type { RateLimitPolicy, LimitStatus } from './policy.js'

/**
 * Which rate-limit header fields to send. `draft`: `RateLimit-Policy` and
 * `RateLimit`, as draft-ietf-httpapi-ratelimit-headers defines them since
 * draft 08 (still so in draft 11). `legacy`: `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset`, from the earlier drafts and
 * widely deployed. `both`, or `false` for none.
 *
 * @example
 * ```ts
 * rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 100, window: '1m', headers: 'both' })
 * ```
 */
export type RateLimitHeaders = 'draft' | 'legacy' | 'both' | false

const seconds = (ms: number): number => Math.ceil(ms / 1000)

/** Seconds for `Retry-After`: a whole number, at least 1 (0 would invite an instant retry). */
export function retryAfterSeconds(status: LimitStatus): number {
  return Math.max(1, seconds(status.retryAfterMs))
}

/**
 * The header fields for one response. `t` (and `RateLimit-Reset`) is the
 * wait for the next allowed request when the quota is used up, else the
 * time until the counting window ends.
 */
export function limitHeaders(mode: RateLimitHeaders, name: string, policy: RateLimitPolicy, status: LimitStatus): [string, string][] {
  const reset = status.remaining === 0 ? retryAfterSeconds(status) : seconds(status.windowEndsMs)
  const fields: [string, string][] = []
  if (mode === 'draft' || mode === 'both') {
    fields.push(['ratelimit-policy', `"${name}";q=${policy.limit};w=${seconds(policy.windowMs)}`])
    fields.push(['ratelimit', `"${name}";r=${status.remaining};t=${reset}`])
  }
  if (mode === 'legacy' || mode === 'both') {
    fields.push(['ratelimit-limit', String(policy.limit)])
    fields.push(['ratelimit-remaining', String(status.remaining)])
    fields.push(['ratelimit-reset', String(reset)])
  }
  return fields
}

/**
 * Adds the fields to a response. The draft fields are lists, so a second
 * limiter on the same route adds its policy beside the first; the legacy
 * fields hold one value, and the limiter nearest the route keeps them.
 */
export function addLimitHeaders(headers: Headers, fields: [string, string][]): void {
  for (const [name, value] of fields) {
    if (name === 'ratelimit' || name === 'ratelimit-policy') headers.append(name, value)
    else if (!headers.has(name)) headers.set(name, value)
  }
}
