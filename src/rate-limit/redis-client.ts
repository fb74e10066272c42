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

/** node-redis (`redis` v4 and v5): `createClient()` or `createCluster()`. */
export interface NodeRedisClient {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

/** ioredis: `new Redis()` or `new Redis.Cluster()`. */
export interface IoredisClient {
  eval(script: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  evalsha(sha1: string, numKeys: number, ...keysAndArgs: string[]): Promise<unknown>
  defineCommand(...args: never[]): unknown
}

/** A client the Redis store accepts as it is. */
export type RedisClient = NodeRedisClient | IoredisClient | RedisScripting

/**
 * Adapts a client by its shape, so routekit imports no Redis package: only
 * node-redis has `evalSha`; ioredis and `@upstash/redis` both have
 * `evalsha`, but with different arguments, and only ioredis `defineCommand`.
 */
export function toScripting(client: RedisClient): RedisScripting {
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
