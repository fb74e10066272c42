import { HttpError, isHttpError } from '../core/http-error.js'
import type { RequestView } from '../core/request-view.js'

function tooLarge(limit: number): HttpError {
  return new HttpError(413, { code: 'body_too_large', detail: `The request body exceeds ${limit} bytes.` })
}

/**
 * Refuses a body whose declared length is over the limit before a byte of it
 * is read (RFC 9110 §15.5.14).
 */
export function checkDeclaredLength(request: RequestView, limit: number): void {
  const declared = request.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    // A body source has not started reading; only a Web body may need stopping.
    if (request.bodySource() === undefined) request.req.body?.cancel().catch(() => {})
    throw tooLarge(limit)
  }
}

/** One chunk at a time, and a way to stop the sender early. */
interface Chunks {
  next(): Promise<IteratorResult<Uint8Array, unknown>>
  stop(): void
}

function webChunks(body: ReadableStream<Uint8Array>): Chunks {
  const reader = body.getReader()
  return {
    next: () => reader.read() as Promise<IteratorResult<Uint8Array, unknown>>,
    stop: () => {
      reader.cancel().catch(() => {})
    },
  }
}

function sourceChunks(iterator: AsyncIterator<Uint8Array>): Chunks {
  return {
    next: () => iterator.next(),
    stop: () => {
      iterator.return?.()?.catch(() => {})
    },
  }
}

/**
 * Reads the whole body, counting while it streams: a chunked or lying body
 * is cut off as soon as it passes the limit, so memory stays bounded by it.
 * A host's body source (see `BodySource`) is read directly, without a Web
 * stream in between; the limits are the same either way. A body the host
 * holds whole already is answered at once, without a promise.
 */
export function readLimited(request: RequestView, limit: number): Uint8Array | Promise<Uint8Array> {
  const source = request.bodySource()
  if (source !== undefined) {
    const arrived = source.takeArrived?.()
    if (arrived !== undefined) {
      if (arrived.byteLength > limit) throw tooLarge(limit)
      return arrived
    }
    return readChunks(sourceChunks(source.take()), limit)
  }
  const { body, bodyUsed } = request.req
  if (body === null) return new Uint8Array(0)
  if (bodyUsed) {
    throw HttpError.internal('The request body was already read, by a middleware or the handler.')
  }
  return readChunks(webChunks(body), limit)
}

async function readChunks(chunks: Chunks, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await chunks.next()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        chunks.stop()
        throw tooLarge(limit)
      }
      parts.push(value)
    }
  } catch (error) {
    if (isHttpError(error)) throw error
    throw HttpError.badRequest('The request body could not be read to its end.', { code: 'body_unreadable' })
  }
  if (parts.length === 1) return parts[0]!
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return bytes
}
