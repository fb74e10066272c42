/**
 * A server-side list of ended sessions. Sealed cookies need no server, so
 * this is optional: without it, a logged-out cookie that was copied stays
 * valid until it expires. With it, `destroy()` and `regenerate()` revoke the
 * old session id.
 *
 * @example
 * ```ts
 * const revoked: SessionStore = {
 *   isRevoked: async (id) => (await redis.exists(`revoked:${id}`)) === 1,
 *   revoke: async (id, expiresAt) => {
 *     await redis.set(`revoked:${id}`, '1', { EXAT: expiresAt })
 *   },
 * }
 * export const withSession = api.use(session({ secret: process.env.SESSION_SECRET, store: revoked }))
 * ```
 */
export interface SessionStore {
  isRevoked(sessionId: string): boolean | Promise<boolean>
  /** `expiresAt` (seconds since the epoch) is when the entry may be forgotten. */
  revoke(sessionId: string, expiresAt: number): void | Promise<void>
}

/**
 * A revocation list in this process's memory: right for one server and for
 * tests. Several instances need a shared store (Redis, a database table)
 * implementing the same two methods.
 *
 * @example
 * ```ts
 * const sessions = session({ secret: process.env.SESSION_SECRET!, store: memorySessionStore() })
 * ```
 */
export function memorySessionStore(): SessionStore {
  const revoked = new Map<string, number>()
  return {
    isRevoked(sessionId) {
      const until = revoked.get(sessionId)
      if (until === undefined) return false
      if (until * 1000 > Date.now()) return true
      revoked.delete(sessionId)
      return false
    },
    revoke(sessionId, expiresAt) {
      revoked.set(sessionId, expiresAt)
    },
  }
}
