import { checkOptionNames, configError, optionNames } from '../core/options.js'

/**
 * Where `webhook()` remembers the deliveries it accepted, so a replay of
 * one is refused. `claim` must be atomic: two copies of a delivery racing
 * in at once may not both be claimed.
 *
 * @example
 * ```ts
 * const store: WebhookStore = memoryWebhookStore()
 * await store.claim('stripe:9f2c...', 600_000) // true: first time
 * await store.claim('stripe:9f2c...', 600_000) // false: a replay
 * ```
 */
export interface WebhookStore {
  /** Records `id` for `ttlMs` milliseconds unless it is recorded already; `true` when it was not. */
  claim(id: string, ttlMs: number): boolean | Promise<boolean>
  /** Forgets `id`: the delivery was not handled, so the provider's retry must get through. */
  release(id: string): void | Promise<void>
}

/**
 * Options for {@link memoryWebhookStore}.
 *
 * @example
 * ```ts
 * const store = memoryWebhookStore({ maxIds: 10_000 })
 * ```
 */
export interface MemoryWebhookStoreOptions {
  /** Most ids held at once; past it the oldest is forgotten. Default 100,000. */
  maxIds?: number
  /** The clock, in milliseconds since the epoch. For tests; default `Date.now`. */
  now?: () => number
}

/**
 * Delivery ids in this process's memory: right for one server, development
 * and tests. Each serverless instance remembers on its own, so a replay
 * sent to another instance passes: use {@link redisWebhookStore} there.
 * Memory stays bounded: expired ids are dropped as new ones arrive, and
 * past `maxIds` the oldest goes (only verified deliveries get this far, so
 * filling it takes the provider's own volume).
 *
 * @example
 * ```ts
 * const stripeEvents = api.use(webhook({ scheme: 'stripe', secrets: process.env.STRIPE_WEBHOOK_SECRET, store: memoryWebhookStore() }))
 * ```
 */
export function memoryWebhookStore(options: MemoryWebhookStoreOptions = {}): WebhookStore {
  checkOptionNames('routekit/webhooks: memoryWebhookStore()', options, optionNames<MemoryWebhookStoreOptions>({ maxIds: true, now: true }))
  const maxIds = options.maxIds ?? 100_000
  const now = options.now ?? Date.now
  if (!(Number.isInteger(maxIds) && maxIds >= 1)) throw configError('routekit/webhooks', '`maxIds` must be a whole number, 1 or more.')
  // In the order ids were claimed; with one window per middleware that is
  // also the order they expire in, so expired ids are always at the front.
  const expiries = new Map<string, number>()
  return {
    claim(id, ttlMs) {
      const time = now()
      const known = expiries.get(id)
      if (known !== undefined && known > time) return false
      expiries.delete(id) // set again at the end: the newest
      for (const [key, expiresAt] of expiries) {
        if (expiresAt > time && expiries.size < maxIds) break
        expiries.delete(key)
      }
      expiries.set(id, time + ttlMs)
      return true
    },
    release(id) {
      expiries.delete(id)
    },
  }
}
