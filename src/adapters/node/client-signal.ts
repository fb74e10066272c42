import type { ServerResponse } from 'node:http'

/**
 * A signal that aborts when the client leaves before the answer is complete.
 * It is created only when some code asks for it, and only then listens to
 * `res`: an AbortController and a 'close' listener per request would cost
 * every request, and most never read the signal. Asked for after the client
 * left, it is aborted already.
 */
export function clientSignal(res: ServerResponse): () => AbortSignal {
  let controller: AbortController | undefined
  return () => {
    if (controller === undefined) {
      const made = (controller = new AbortController())
      // `destroyed` once 'close' has fired; finished, it was the answer that closed it.
      const left = () => {
        if (!res.writableFinished) made.abort()
      }
      if (res.destroyed) left()
      else res.once('close', left)
    }
    return controller.signal
  }
}
