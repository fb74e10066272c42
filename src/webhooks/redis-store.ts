import { checkOptionNames, configError, optionNames } from '../core/options.js'
import { coldStart } from '../rate-limit/cold-start.js'
import { luaScript } from '../rate-limit/lua-script.js'
import { type RedisClient, type RedisScripting, toScripting } from '../rate-limit/redis-client.js'
import type { WebhookStore } from './store.js'

/**
 * Options for {@link redisWebhookStore}.
 *
 * @example
 * ```ts
 * const store = redisWebhookStore({ client: redis, prefix: 'shop:webhooks:' })
 * ```
 */
export interface RedisWebhookStoreOptions {
  /** A connected node-redis or ioredis client, or any `RedisScripting` (such as `@upstash/redis`): the rate-limit store's client shapes. */
  client: RedisClient
  /** Prepended to every key. Default `'routekit:webhook:'`. */
  prefix?: string
}

// SET NX PX claims atomically and expires on its own; one script for both
// calls, so the clients need only EVAL and EVALSHA (the rate-limit store's
// shapes). One key per call, so it is safe on Redis Cluster.
const script = `
if ARGV[1] == 'claim' then
  if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[2]) then return 1 end
  return 0
end
redis.call('DEL', KEYS[1])
return 1
`

const claimOrRelease = luaScript(script)
const run = (redis: RedisScripting, key: string, args: string[]) => claimOrRelease(redis, [key], args)

/**
 * Delivery ids in Redis, shared by every instance of the app, so a replay
 * is refused whichever instance it reaches. Takes the same clients as the
 * rate-limit store (node-redis, ioredis, `@upstash/redis`); routekit imports
 * no Redis package. A failing Redis fails the delivery (500), which the
 * provider retries, rather than letting an unchecked one through.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis'
 *
 * const redis = createClient({ url: process.env.REDIS_URL })
 * await redis.connect()
 * const store = redisWebhookStore({ client: redis })
 * ```
 */
export function redisWebhookStore(options: RedisWebhookStoreOptions): WebhookStore {
  const where = 'routekit/webhooks: redisWebhookStore()'
  checkOptionNames(where, options, optionNames<RedisWebhookStoreOptions>({ client: true, prefix: true }))
  let redis: RedisScripting
  try {
    redis = toScripting(options.client)
  } catch {
    throw configError(where, '`client` must be a node-redis or ioredis client, or have `eval(script, keys, args)` and `evalsha(sha1, keys, args)`.')
  }
  const ready = coldStart(options.client)
  const prefix = options.prefix ?? 'routekit:webhook:'
  return {
    async claim(id, ttlMs) {
      await ready()
      return Number(await run(redis, prefix + id, ['claim', String(Math.max(1, Math.ceil(ttlMs)))])) === 1
    },
    async release(id) {
      await ready()
      await run(redis, prefix + id, ['release'])
    },
  }
}
