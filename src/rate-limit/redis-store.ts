import { checkOptionNames, optionNames } from '../core/options.js'
import type { RateLimitCounts } from './policy.js'
import { coldStart } from './cold-start.js'
import { type RedisClient, toScripting } from './redis-client.js'
import { luaScript } from './lua-script.js'
import { countScript } from './redis-script.js'
import type { RateLimitStore } from './store.js'

/**
 * Options for {@link redisRateLimitStore}.
 *
 * @example
 * ```ts
 * const store = redisRateLimitStore({ client: redis, prefix: 'notes-app:rate-limit:' })
 * ```
 */
export interface RedisRateLimitStoreOptions {
  /** A connected node-redis or ioredis client, or any {@link RedisScripting} (such as `@upstash/redis`). */
  client: RedisClient
  /** Prepended to every key. Default `'routekit:rate-limit:'`. */
  prefix?: string
}

const count = luaScript(countScript)

function toCounts(reply: unknown): RateLimitCounts {
  if (!Array.isArray(reply) || reply.length !== 4) throw new TypeError('routekit/rate-limit: unexpected reply from Redis.')
  const [allowed, current, previous, elapsed] = reply.map(Number)
  return { allowed: allowed === 1, current: current!, previous: previous!, elapsed: elapsed! }
}

/**
 * Counters in Redis, shared by every instance of the app. Each request is
 * one round trip: an EVALSHA of a small Lua script that reads, decides and
 * counts atomically with the Redis server's clock; only the first call on
 * a server without the script cached (NOSCRIPT) is followed by an EVAL.
 * Bring the client you already have; routekit imports no Redis package.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis'
 *
 * const redis = createClient({ url: process.env.REDIS_URL })
 * redis.on('error', (error) => console.error('[redis]', error))
 * await redis.connect()
 * const store = redisRateLimitStore({ client: redis })
 * ```
 */
export function redisRateLimitStore(options: RedisRateLimitStoreOptions): RateLimitStore {
  checkOptionNames('routekit/rate-limit: redisRateLimitStore()', options, optionNames<RedisRateLimitStoreOptions>({ client: true, prefix: true }))
  const redis = toScripting(options.client)
  const ready = coldStart(options.client)
  const prefix = options.prefix ?? 'routekit:rate-limit:'
  return {
    async hit(key, policy) {
      await ready()
      const keys = [prefix + key]
      const args = [String(policy.limit), String(policy.windowMs), policy.algorithm]
      return toCounts(await count(redis, keys, args))
    },
  }
}
