import { configError } from '../core/options.js'
import { isDevelopment } from '../core/runtime.js'
import type { RateLimitPolicy } from './policy.js'
import type { RateLimitStore } from './store.js'

// Policy names are sent as Structured Field strings; this set needs no
// escaping. No ':', which ends the name in the store key `<name>:<key>`:
// otherwise 'api' keyed 'ip:1.2.3.4' and 'api:ip' keyed '1.2.3.4' would share counters.
const validName = /^[A-Za-z0-9_.-]{1,64}$/

// Names already used per store in this process, with the policy each was
// used for: two different policies under one name would share counters
// (and a login limit would eat an API's quota).
const claimed = new WeakMap<RateLimitStore, Map<string, string>>()

/**
 * Refuses a bad name, or one already used on the same store for a different
 * policy. In development the newer policy replaces the older instead: hot
 * reloading re-creates an edited limiter against the same (globalThis) store.
 */
export function claimName(store: RateLimitStore, name: string, policy: RateLimitPolicy): void {
  if (!validName.test(name)) throw configError('routekit/rate-limit', '`name` must be 1–64 letters, digits or `_-.`.')
  const signature = `${policy.limit}/${policy.windowMs}/${policy.algorithm}`
  let names = claimed.get(store)
  if (names === undefined) claimed.set(store, (names = new Map()))
  const existing = names.get(name)
  if (existing !== undefined && existing !== signature && !isDevelopment()) {
    throw configError('routekit/rate-limit', `the name '${name}' is already used on this store by a different policy; give each limiter its own \`name\`.`)
  }
  names.set(name, signature)
}
