import { createClient } from 'redis'
import { ipKey, memoryRateLimitStore, rateLimit, type RateLimitStore, redisRateLimitStore } from 'routekit/rate-limit'

// RATE_LIMIT_STORE=redis (with REDIS_URL) shares the counters between all
// instances of the app; otherwise each process counts on its own.
function createStore(): RateLimitStore {
  if (process.env.RATE_LIMIT_STORE !== 'redis') return memoryRateLimitStore()
  if (!process.env.REDIS_URL) throw new Error('RATE_LIMIT_STORE=redis needs REDIS_URL.')
  // Without the offline queue, requests fail fast (and pass: fail open)
  // while Redis is down, instead of piling up until it returns.
  const client = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true })
  client.on('error', (error: Error) => console.error('[redis]', error.message))
  client.connect().catch(() => {}) // reported through 'error'; the client keeps retrying
  return redisRateLimitStore({ client })
}

// One store per process, on globalThis like the app's other shared state.
const shared = globalThis as { routekitExampleRateLimits?: RateLimitStore }
const store = (shared.routekitExampleRateLimits ??= createStore())

// Both limits fail open: while the store is unreachable, a request passes
// and the outage is logged.
const letThrough = (error: unknown) => console.error('[rate-limit] store unavailable, letting the request through', error)

// Password guessing: 10 login attempts a minute per client address. Next
// sets x-forwarded-for to the socket's address when a request has none; in
// production, trust it only behind a proxy that appends the client's
// address (see the README's warning). It fails open, so the demo keeps
// working while Redis is down; a production login would choose
// `onStoreError: 'closed'`, since the limit is its defence.
export const loginLimit = rateLimit({
  name: 'login',
  key: ipKey({ header: 'x-forwarded-for' }),
  limit: 10,
  window: '1m',
  store,
  onError: letThrough,
})

// The notes page's form (a Server Action on the same base as the routes): 5
// new notes a minute per client address, counted after the session check.
export const noteFormLimit = rateLimit({
  name: 'note-form',
  key: ipKey({ header: 'x-forwarded-for' }),
  limit: 5,
  window: '1m',
  store,
  onError: letThrough,
})
