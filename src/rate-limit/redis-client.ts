import { configError } from '../core/options.js'

/**
 * The two calls the Redis store needs, in the shape `@upstash/redis` (and
 * other HTTP clients) already have: write this adapter for any other client.
 *
 * @example
 * ```ts
 * const scripting: RedisScripting = {
 *   eval: (script, keys, args) => myClient.send('EVAL', [script, keys.length, ...keys, ...args]),
 *   evalsha: (sha1, keys, args) => myClient.send('EVALSHA', [sha1, keys.length, ...keys, ...args]),
 * }
 * ```
 */
export interface RedisScripting {
  eval(script: string, keys: string[], args: string[]): Promise<unknown>
  evalsha(sha1: string, keys: string[], args: string[]): Promise<unknown>
}

/**
 * node-redis (`redis` 4, 5 and 6): `createClient()` or `createCluster()`.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis'
 *
 * const redis = createClient({ url: process.env.REDIS_URL })
 * await redis.connect()
 * const store = redisRateLimitStore({ client: redis })
 * ```
 */
export interface NodeRedisClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

/**
 * ioredis (5 and 6): `new Redis()` or `new Redis.Cluster()`.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 *
 * const store = redisRateLimitStore({ client: new Redis(process.env.REDIS_URL!) })
 * ```
 */
export interface IoredisClient {
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  defineCommand(...args: never[]): unknown
}

/** node-redis's `createCluster()`: its raw `sendCommand` routes by the key it is given. */
interface NodeRedisCluster {
  sendCommand(firstKey: string, isReadonly: boolean, args: string[]): Promise<unknown>
  getSlotRandomNode(slot: number): unknown
}

/**
 * A client the Redis store accepts as it is.
 *
 * @example
 * ```ts
 * import { Redis } from '@upstash/redis'
 *
 * const client: RedisClient = Redis.fromEnv()
 * const store = redisRateLimitStore({ client })
 * ```
 */
export type RedisClient = NodeRedisClient | IoredisClient | RedisScripting

/**
 * Adapts a client by its shape, so routekit imports no Redis package: only
 * node-redis has `evalSha`; ioredis and `@upstash/redis` both have
 * `evalsha`, but with different arguments, and only ioredis `defineCommand`.
 */
export function toScripting(client: RedisClient): RedisScripting {
  const cluster = client as unknown as NodeRedisCluster
  if (typeof (client as NodeRedisClient).evalSha === 'function' && typeof cluster.getSlotRandomNode === 'function' && typeof cluster.sendCommand === 'function') {
    // node-redis 4's cluster routes its own `evalSha` and `eval` by no key
    // (their key lookup is handed the script, not the options): each call,
    // and each retry after a MOVED reply, goes to a random master, and many
    // fail. Named here, the key picks the master that holds its slot, on
    // 4, 5 and 6 alike, and MOVED after a resharding is followed correctly.
    const run = (command: string, scriptOrSha: string, keys: string[], args: string[]) =>
      cluster.sendCommand(keys[0]!, false, [command, scriptOrSha, String(keys.length), ...keys, ...args])
    return {
      eval: (script, keys, args) => run('EVAL', script, keys, args),
      evalsha: (sha1, keys, args) => run('EVALSHA', sha1, keys, args),
    }
  }
  if (typeof (client as NodeRedisClient).evalSha === 'function') {
    const nodeRedis = client as NodeRedisClient
    return {
      eval: (script, keys, args) => nodeRedis.eval(script, { keys, arguments: args }),
      evalsha: (sha1, keys, args) => nodeRedis.evalSha(sha1, { keys, arguments: args }),
    }
  }
  if (typeof (client as IoredisClient).defineCommand === 'function') {
    const ioredis = client as IoredisClient
    return {
      eval: (script, keys, args) => ioredis.eval(script, keys.length, ...keys, ...args),
      evalsha: (sha1, keys, args) => ioredis.evalsha(sha1, keys.length, ...keys, ...args),
    }
  }
  const scripting = client as RedisScripting
  if (typeof scripting.eval === 'function' && typeof scripting.evalsha === 'function') {
    return { eval: (...args) => scripting.eval(...args), evalsha: (...args) => scripting.evalsha(...args) }
  }
  throw configError('routekit/rate-limit', '`client` must be a node-redis or ioredis client, or have `eval(script, keys, args)` and `evalsha(sha1, keys, args)`.')
}
