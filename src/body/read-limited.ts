import { HttpError, isHttpError } from '../core/http-error.js'

function tooLarge(limit: number): HttpError {
  return new HttpError(413, { code: 'body_too_large', detail: `The request body exceeds ${limit} bytes.` })
}

/**
 * Refuses a body whose declared length is over the limit before a byte of it
 * is read (RFC 9110 §15.5.14).
 */
export function checkDeclaredLength(req: Request, limit: number): void {
  const declared = req.headers.get('content-length')
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    req.body?.cancel().catch(() => {})
    throw tooLarge(limit)
  }
}

/**
 * Reads the whole body, counting while it streams: a chunked or lying body
 * is cut off as soon as it passes the limit, so memory stays bounded by it.
 */
export async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  if (req.body === null) return new Uint8Array(0)
  if (req.bodyUsed) {
    throw HttpError.internal('The request body was already read, by a middleware or the handler.')
  }
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > limit) {
        reader.cancel().catch(() => {})
        throw tooLarge(limit)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (isHttpError(error)) throw error
    throw HttpError.badRequest('The request body could not be read to its end.', { code: 'body_unreadable' })
  }
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
