import type { RedisScripting } from './redis-client.js'

/** A Lua script run by its SHA-1, loaded on demand. */
export type LuaScript = (redis: RedisScripting, keys: string[], args: string[]) => Promise<unknown>

function isNoScript(error: unknown): boolean {
  return String((error as { message?: unknown } | null)?.message ?? error).includes('NOSCRIPT')
}

/**
 * One round trip per call: EVALSHA of the script, and only on a server
 * without it cached (after a restart or `SCRIPT FLUSH`, a new cluster node)
 * an EVAL, which caches it again. The SHA-1 is computed once, with Web
 * Crypto (no Node built-in). Shared by every Redis store routekit has.
 *
 * @example
 * ```ts
 * const count = luaScript(countScript)
 * const reply = await count(redis, [key], [String(limit)])
 * ```
 */
export function luaScript(source: string): LuaScript {
  let sha: Promise<string> | undefined
  return async (redis, keys, args) => {
    sha ??= crypto.subtle.digest('SHA-1', new TextEncoder().encode(source)).then((digest) =>
      Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join(''),
    )
    try {
      return await redis.evalsha(await sha, keys, args)
    } catch (error) {
      if (!isNoScript(error)) throw error
      return redis.eval(source, keys, args)
    }
  }
}
