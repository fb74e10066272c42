import { HttpError } from '../core/http-error.js'
import { entriesToRecord } from '../core/request-parts.js'
import type { RequestView } from '../core/request-view.js'
import { type BodyLimits, ownBytes, type RawBody, readRawBody } from './raw-body.js'
import { decodeUtf8, parseJsonBody } from './safe-json.js'

export type { BodyLimits } from './raw-body.js'

/** A body that is there (parsed), or not there at all. */
export type ReadBody = { present: true; value: unknown } | { present: false }

const absent: ReadBody = { present: false }

/**
 * Reads (see `readRawBody`: limits, media types, once per request) and
 * parses a request body: JSON and forms to values, text to a string, bytes
 * as they are. A body the host holds whole, in any format but multipart,
 * is answered without a promise.
 *
 * @example
 * ```ts
 * const body = await readBody(request, { bodyLimit: 1024 * 1024, maxDepth: 64, accepts: ['json', 'form'] })
 * const value = body.present ? body.value : undefined
 * ```
 */
export function readBody(request: RequestView, limits: BodyLimits): ReadBody | Promise<ReadBody> {
  const raw = readRawBody(request, limits)
  return raw instanceof Promise ? raw.then((read) => parsed(request, read, limits)) : parsed(request, raw, limits)
}

function parsed(request: RequestView, raw: RawBody, limits: BodyLimits): ReadBody | Promise<ReadBody> {
  if (raw === undefined) return absent
  const { bytes, format } = raw
  switch (format) {
    case 'json':
      return { present: true, value: parseJsonBody(bytes, limits.maxDepth) }
    case 'form':
      return { present: true, value: entriesToRecord(new URLSearchParams(decodeUtf8(bytes))) }
    case 'multipart':
      return parseMultipart(bytes, request.headers.get('content-type')!).then((form) => ({ present: true, value: entriesToRecord(form) }))
    case 'text':
      return { present: true, value: decodeUtf8(bytes) }
    case 'bytes':
      return { present: true, value: ownBytes(bytes) }
  }
}

/** Multipart fields as strings and files as `File`, from bytes already bounded by the limit. */
async function parseMultipart(bytes: Uint8Array, contentType: string): Promise<FormData> {
  try {
    return await new Response(bytes as BodyInit, { headers: { 'content-type': contentType } }).formData()
  } catch {
    throw HttpError.badRequest('The multipart body could not be parsed.', { code: 'malformed_multipart' })
  }
}
