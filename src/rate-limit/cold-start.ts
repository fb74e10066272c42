/**
 * What clients say about their connection: node-redis clients and node-redis
 * 6 clusters `isReady`; ioredis clients and clusters `status`; node-redis 4
 * and 5 clusters neither, but their `masters` stay empty until they have
 * discovered the cluster's slots (a command sent before that throws a
 * TypeError inside the client, whatever its queue settings).
 */
interface ConnectionState {
  isReady?: unknown
  status?: unknown
  isOpen?: unknown
  masters?: unknown
}

/** How to tell that a client is ready, or undefined when it cannot say (HTTP clients such as `@upstash/redis`). */
function readiness(state: ConnectionState): (() => boolean) | undefined {
  if (typeof state.isReady === 'boolean') return () => state.isReady === true
  if (typeof state.status === 'string') return () => state.status === 'ready'
  if (typeof state.isOpen === 'boolean' && Array.isArray(state.masters)) return () => (state.masters as unknown[]).length > 0
  return undefined
}

// Polled, not heard: the clients announce readiness by different events
// ('ready'; 'connect' for node-redis 5 and 6 clusters), node-redis 4's
// cluster by none. A few milliseconds, and only until the first connection.
const pollMs = 5
// A client that never connects stops being polled; the next request starts again.
const giveUpMs = 30_000

/**
 * Waits for a client's first connection. With the offline queue off (the
 * setup that fails fast while Redis is down) and `connect()` not awaited,
 * the first request of a new process would otherwise find the client not
 * ready yet, count nothing and pass (`'open'`) or be refused (`'closed'`):
 * a limit that leaks on every cold start. Only the first connection is
 * waited for; once the client has been ready, a broken connection fails
 * fast as before. The wait is bounded by the limiter's `storeTimeout`.
 * Clients that cannot say whether they are ready are never waited for.
 *
 * @example
 * ```ts
 * const ready = coldStart(client)
 * await ready() // resolves at once when the client was ready before
 * ```
 */
export function coldStart(client: unknown): () => Promise<void> | undefined {
  const isReady = readiness(client as ConnectionState)
  if (isReady === undefined) return () => undefined
  let warm = isReady()
  let first: Promise<void> | undefined
  return () => {
    if (warm || (warm = isReady())) return undefined
    return (first ??= new Promise<void>((resolve) => {
      const givingUp = Date.now() + giveUpMs
      const poll = () => {
        if ((warm = isReady()) || Date.now() > givingUp) {
          first = undefined
          return resolve()
        }
        const timer = setTimeout(poll, pollMs) as { unref?: () => void }
        // Never what keeps a Node process alive (Edge timers have no unref).
        timer.unref?.()
      }
      poll()
    }))
  }
}
