import { knownBodyText } from '../../core/known-body.js'
import type { ServerResponse } from 'node:http'

/** Resolves once the socket can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  // A destroyed response never drains, and its 'close' may have fired already.
  if (res.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/** Releases a body nobody will send; a routekit-made text body has no stream to release. */
export function discardBody(response: Response): void {
  if (knownBodyText(response) === undefined) response.body?.cancel().catch(() => {})
}

/**
 * Sets every header of `headers` on `res`, each `Set-Cookie` as its own
 * line. One pass: `Headers` iterates each Set-Cookie value on its own.
 */
export function setResponseHeaders(res: ServerResponse, headers: Headers): void {
  let cookies: string[] | undefined
  headers.forEach((value, name) => {
    if (name === 'set-cookie') (cookies ??= []).push(value)
    else res.setHeader(name, value)
  })
  if (cookies !== undefined) res.setHeader('set-cookie', cookies)
}

/**
 * Writes a Web Response onto Node's `res`: status, every header (each
 * `Set-Cookie` separately), and the body streamed with back-pressure. A
 * client that leaves mid-body cancels the stream instead of buffering it.
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  if (res.destroyed) {
    // The client is gone (it may have left mid-upload): nobody can receive this.
    discardBody(response)
    return
  }
  res.statusCode = response.status
  setResponseHeaders(res, response.headers)
  // Before `body`: asking a routekit-made response for its body builds the stream it saves.
  const text = knownBodyText(response)
  if (text !== undefined) {
    res.end(text)
    return
  }
  if (response.body === null) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  const stop = () => {
    reader.cancel().catch(() => {})
  }
  res.once('close', stop)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (res.write(value) === false) await drained(res)
      if (res.destroyed) {
        stop()
        return
      }
    }
    res.end()
  } catch (error) {
    // Headers are gone already; all that is left is to cut the connection
    // so the client sees a broken body rather than a truncated "success".
    res.destroy(error instanceof Error ? error : undefined)
  } finally {
    res.off('close', stop)
  }
}
