/** What node-redis (`isReady`) and ioredis (`status`) say about their connection, and their `ready` event. */
interface ConnectionState {
  isReady?: unknown
  status?: unknown
  once?: (event: 'ready', listener: () => void) => unknown
}

/**
 * Waits for a client's first connection. With the offline queue off (the
 * setup that fails fast while Redis is down) and `connect()` not awaited,
 * the first request of a new process would otherwise find the client not
 * ready yet, count nothing and pass (`'open'`) or be refused (`'closed'`):
 * a limit that leaks on every cold start. Only the first connection is
 * waited for; once the client has been ready, a broken connection fails
 * fast as before. The wait is bounded by the limiter's `storeTimeout`.
 * Clients that cannot say whether they are ready (HTTP clients such as
 * `@upstash/redis`, clusters) are never waited for.
 *
 * @example
 * ```ts
 * const ready = coldStart(client)
 * await ready() // resolves at once when the client was ready before
 * ```
 */
export function coldStart(client: unknown): () => Promise<void> | undefined {
  const state = client as ConnectionState
  const canTell = typeof state.once === 'function' && (typeof state.isReady === 'boolean' || typeof state.status === 'string')
  const isReady = () => state.isReady === true || state.status === 'ready'
  let warm = !canTell || isReady()
  let first: Promise<void> | undefined
  return () => {
    if (warm || (warm = isReady())) return undefined
    return (first ??= new Promise<void>((resolve) => {
      state.once!('ready', () => {
        warm = true
        resolve()
      })
    }))
  }
}
