import { HttpError } from './http-error.js'

/**
 * Runs `work` with a deadline. When it passes, the request's signal aborts
 * (so the handler can stop its own I/O) and the answer is a 503. The work is
 * left to settle on its own; its late result or rejection is ignored, because
 * `Promise.race` has already subscribed to it. The combined signal is built
 * only if the work asks for it.
 */
export async function withTimeout<T>(
  parent: () => AbortSignal,
  work: (signal: () => AbortSignal) => Promise<T>,
  ms: number,
): Promise<T> {
  const controller = new AbortController()
  let combined: AbortSignal | undefined
  const signal = () => (combined ??= AbortSignal.any([parent(), controller.signal]))
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = HttpError.serviceUnavailable('The request took too long to answer.', {
        code: 'timeout',
        expose: true,
      })
      controller.abort(error)
      reject(error)
    }, ms)
  })
  try {
    return await Promise.race([work(signal), deadline])
  } finally {
    clearTimeout(timer)
  }
}
