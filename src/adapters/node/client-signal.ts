import type { ServerResponse } from 'node:http'

/**
 * A signal that aborts when the client leaves before the answer is complete.
 * It is created only when some code asks for it: building an AbortController
 * per request costs every request, and most never read the signal.
 */
export function clientSignal(res: ServerResponse): () => AbortSignal {
  let controller: AbortController | undefined
  let gone = false
  res.once('close', () => {
    if (res.writableFinished) return
    gone = true
    controller?.abort()
  })
  return () => {
    if (controller === undefined) {
      controller = new AbortController()
      if (gone) controller.abort()
    }
    return controller.signal
  }
}
