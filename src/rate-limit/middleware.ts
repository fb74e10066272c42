import type { AnswersProblems } from '../core/route-types.js'
import { configError, checkOptionNames, optionNames } from '../core/options.js'
import { editHeaders } from '../core/append-header.js'
import { describeMiddleware } from '../core/describe.js'
import { HttpError, isHttpError } from '../core/http-error.js'
import type { Middleware } from '../core/middleware.js'
import { rateLimitDescription } from './description.js'
import { type Duration, durationToMs } from './duration.js'
import { addLimitHeaders, limitHeaders, type RateLimitHeaders, retryAfterSeconds } from './headers.js'
import type { KeyFunction } from './keys.js'
import { memoryRateLimitStore } from './memory-store.js'
import { limitStatus, type RateLimitAlgorithm, type RateLimitPolicy } from './policy.js'
import { hitWithTimeout } from './store-call.js'
import type { RateLimitStore } from './store.js'
import { claimName } from './support.js'

/**
 * Options for {@link rateLimit}.
 *
 * @example
 * ```ts
 * export const loginLimit = rateLimit({
 *   name: 'login',
 *   key: ipKey({ header: 'x-forwarded-for' }),
 *   limit: 5,
 *   window: '15m',
 *   store,
 *   onStoreError: 'closed',
 * })
 * ```
 */
export interface RateLimitOptions<TCtx extends object = {}> {
  /** Names the client each request counts against; `undefined` lets the request through unlimited. */
  key: KeyFunction<TCtx>
  /** Requests allowed per window. */
  limit: number
  /** The window: milliseconds, or a duration such as `'30s'`, `'1m'`, `'1h'`. */
  window: Duration
  /** `'sliding'` (default) weighs the previous window in, so no burst of twice the limit fits around a window's end; `'fixed'` counts per window. */
  algorithm?: RateLimitAlgorithm
  /** Where the counters live. Default: a new {@link memoryRateLimitStore} for this limiter. */
  store?: RateLimitStore
  /**
   * The policy's name: part of every store key and of the `RateLimit`
   * headers. Limiters sharing a store need different names (two with the
   * same name and policy share their counters, as two instances should).
   * Letters, digits and `_-.` (no `:`, which ends the name in the store key). Default `'default'`.
   */
  name?: string
  /** Which header fields to send. Default `'draft'` (`RateLimit-Policy` and `RateLimit`). */
  headers?: RateLimitHeaders
  /**
   * When the store fails or times out: `'open'` (default) lets the request
   * through without rate-limit headers; `'closed'` answers 503 with `Retry-After`.
   */
  onStoreError?: 'open' | 'closed'
  /** Milliseconds to wait for the store before treating it as failed, at most 2^31 - 1. Default 500. */
  storeTimeout?: number
  /** Seconds sent in `Retry-After` with the 503 of `onStoreError: 'closed'`. Default 5. */
  storeRetryAfter?: number
  /**
   * Receives store failures (the real error, never sent to the client) in
   * both modes; with `'closed'`, the handler's own `onError` also gets the
   * 503 with the failure as its `cause`. Errors it throws are ignored.
   */
  onError?: (error: unknown, req: Request) => void | Promise<void>
}

const rateLimitOptionNames = optionNames<RateLimitOptions>({
  key: true, limit: true, window: true, algorithm: true, store: true, name: true, headers: true,
  onStoreError: true, storeTimeout: true, storeRetryAfter: true, onError: true,
})

/**
 * Limits how often each client (as `key` names it) may call the routes
 * after it. Every answer carries the rate-limit headers; a request over the
 * limit is a 429 problem (`code: "rate_limited"`) with `Retry-After`, and is
 * not counted. Configuration mistakes throw here, at start-up.
 *
 * @example
 * ```ts
 * import { ipKey, rateLimit, redisRateLimitStore, userKey } from 'routekit/rate-limit'
 *
 * export const limited = api.use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 100, window: '1m' }))
 * export const writers = api.use(bearer).use(rateLimit({ name: 'writes', key: userKey(), limit: 20, window: '1m', store }))
 * ```
 */
export function rateLimit<TCtx extends object = {}>(options: RateLimitOptions<TCtx>): Middleware<TCtx, {}> & AnswersProblems<429 | 503> {
  checkOptionNames('routekit/rate-limit: rateLimit()', options, rateLimitOptionNames)
  const { key: keyOf, onError } = options
  if (typeof keyOf !== 'function') throw configError('routekit/rate-limit', '`key` must be a function of the request (see ipKey and userKey).')
  if (!(Number.isInteger(options.limit) && options.limit >= 1)) throw configError('routekit/rate-limit', '`limit` must be a whole number, 1 or more.')
  const algorithm = options.algorithm ?? 'sliding'
  if (algorithm !== 'sliding' && algorithm !== 'fixed') throw configError('routekit/rate-limit', "`algorithm` must be 'sliding' or 'fixed'.")
  const policy: RateLimitPolicy = { limit: options.limit, windowMs: durationToMs(options.window, 'window'), algorithm }
  const name = options.name ?? 'default'
  const store = options.store ?? memoryRateLimitStore()
  claimName(store, name, policy)
  const headerMode = options.headers ?? 'draft'
  if (!['draft', 'legacy', 'both', false].includes(headerMode)) throw configError('routekit/rate-limit', "`headers` must be 'draft', 'legacy', 'both' or false.")
  const failClosed = (options.onStoreError ?? 'open') === 'closed'
  const storeTimeout = options.storeTimeout ?? 500
  const storeRetryAfter = options.storeRetryAfter ?? 5
  // Node fires a timer longer than 2^31 - 1 ms after 1 ms, so `Infinity` ("no
  // deadline") would fail every store call and, open, limit nothing.
  if (!(storeTimeout > 0 && storeTimeout <= 2_147_483_647)) {
    throw configError('routekit/rate-limit', '`storeTimeout` must be a number of milliseconds above 0 and at most 2147483647 (about 24 days).')
  }
  if (!(Number.isInteger(storeRetryAfter) && storeRetryAfter >= 1)) throw configError('routekit/rate-limit', '`storeRetryAfter` must be a whole number of seconds, 1 or more.')

  // The arguments go to the key function as they are: `req` is built (on the Pages Router) only if it reads it.
  const limiter: Middleware<TCtx, {}> = async (args) => {
    const { next } = args
    const key = await keyOf(args)
    if (key === undefined) return next()

    let counts
    try {
      counts = await hitWithTimeout(store, `${name}:${key}`, policy, storeTimeout)
    } catch (error) {
      try {
        await onError?.(error, args.req)
      } catch {
        // A failing logger must not decide the answer.
      }
      if (!failClosed) return next()
      throw new HttpError(503, {
        code: 'rate_limit_unavailable',
        headers: { 'retry-after': String(storeRetryAfter) },
        cause: error,
      })
    }

    const status = limitStatus(policy, counts)
    const fields = limitHeaders(headerMode, name, policy, status)
    if (!counts.allowed) {
      const retryAfter = retryAfterSeconds(status)
      const headers = new Headers({ 'retry-after': String(retryAfter) })
      addLimitHeaders(headers, fields)
      throw new HttpError(429, { code: 'rate_limited', detail: `Too many requests; retry after ${retryAfter} s.`, headers })
    }
    try {
      const result = await next()
      return fields.length === 0 ? result : editHeaders(result.response, (headers) => addLimitHeaders(headers, fields))
    } catch (error) {
      // A client error from further in (validation, a 404, a deeper
      // limiter's 429) still used quota, so it reports it too.
      if (!isHttpError(error) || error.status < 400 || error.status > 499 || fields.length === 0) throw error
      const headers = new Headers(error.headers)
      addLimitHeaders(headers, fields)
      throw withOtherHeaders(error, headers)
    }
  }
  return describeMiddleware(limiter, rateLimitDescription(headerMode, failClosed))
}

/**
 * A copy of the error with other headers: the thrown object may be shared
 * between requests, so it is not changed. Copying every own property onto
 * the same prototype keeps the app's own subclass, its fields, the message,
 * stack and cause, which outer middleware and `onError` may look at.
 */
function withOtherHeaders(error: HttpError, headers: Headers): HttpError {
  const copy = Object.create(Object.getPrototypeOf(error), Object.getOwnPropertyDescriptors(error)) as HttpError
  Object.defineProperty(copy, 'headers', { value: headers, enumerable: true, configurable: true })
  return copy
}
