import { knownBodyText, ownHeaders } from '../../core/known-body.js'
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
 * Sends a response whose whole body is known text: status and headers in
 * one `writeHead` (a record, each Set-Cookie a line of its own; Node takes
 * it without building its header map), from routekit's own headers while
 * nobody read the response's `headers`, with the Content-Length that
 * `end(text)` would have added had the head not been written yet.
 */
function endWithText(res: ServerResponse, response: Response, text: string): void {
  const own = ownHeaders(response)
  const head: Record<string, string | string[]> = own === undefined ? {} : { ...own }
  if (own === undefined) {
    response.headers.forEach((value, name) => {
      if (name === 'set-cookie') ((head[name] as string[] | undefined) ??= []).push(value)
      else head[name] = value
    })
  }
  head['content-length'] ??= String(Buffer.byteLength(text))
  res.writeHead(response.status, head)
  res.end(text)
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
  // Before `body`: asking a routekit-made response for its body builds the stream it saves.
  const text = knownBodyText(response)
  if (text !== undefined) {
    endWithText(res, response, text)
    return
  }
  res.statusCode = response.status
  setResponseHeaders(res, response.headers)
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
