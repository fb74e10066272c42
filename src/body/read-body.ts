import { HttpError } from '../core/http-error.js'
import { bodySourceOf } from './body-source.js'
import { entriesToRecord } from '../core/request-parts.js'
import { type BodyFormat, classifyMediaType, formatMediaTypes } from './media-type.js'
import { checkDeclaredLength, readLimited } from './read-limited.js'
import { decodeUtf8, parseJsonBody } from './safe-json.js'

export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  bodyLimit: number
  /** Deepest JSON nesting accepted. */
  maxDepth: number
  /** The formats the route takes; default JSON only. */
  accepts?: readonly BodyFormat[]
}

const jsonOnly: readonly BodyFormat[] = ['json']

/** "Send application/json or application/x-www-form-urlencoded." */
function sendDetail(accepts: readonly BodyFormat[]): string {
  const types = accepts.map((format) => formatMediaTypes[format])
  return `Send ${types.length === 1 ? types[0] : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`}.`
}

/** A body that is there (parsed), or not there at all. */
export type ReadBody = { present: true; value: unknown } | { present: false }

const absent: ReadBody = { present: false }

function unsupported(detail: string, headers?: HeadersInit): HttpError {
  return new HttpError(415, { code: 'unsupported_media_type', detail, headers })
}

/**
 * Reads and parses a request body in the order that costs least on bad
 * input: encoding and media type first, then the declared length, then the
 * bytes (counted while they stream), then the parse.
 */
export async function readBody(req: Request, limits: BodyLimits): Promise<ReadBody> {
  // Asking a host's body source leaves the Web body unbuilt (see BodySource).
  const present = bodySourceOf(req) !== undefined || req.body !== null
  if (!present || req.headers.get('content-length') === '0') return absent
  const encoding = req.headers.get('content-encoding')
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    // Decompressing would need a second limit on the inflated size; refusing
    // is the safe answer, and Accept-Encoding tells the client what works.
    throw unsupported('Compressed request bodies are not accepted.', { 'accept-encoding': 'identity' })
  }
  const contentType = req.headers.get('content-type')
  const accepts = limits.accepts ?? jsonOnly
  const verdict = classifyMediaType(contentType)
  // A format routekit parses but this route does not take is refused like any other type.
  const refused = 'refused' in verdict ? (verdict.refused ?? sendDetail(accepts)) : accepts.includes(verdict.format) ? undefined : sendDetail(accepts)
  if (refused !== undefined && contentType !== null) throw unsupported(refused)
  checkDeclaredLength(req, limits.bodyLimit)
  const bytes = await readLimited(req, limits.bodyLimit)
  if (bytes.byteLength === 0) return absent
  if ('refused' in verdict || refused !== undefined) throw unsupported(refused!) // bytes, but no Content-Type
  switch (verdict.format) {
    case 'json':
      return { present: true, value: parseJsonBody(bytes, limits.maxDepth) }
    case 'form':
      return { present: true, value: entriesToRecord(new URLSearchParams(decodeUtf8(bytes))) }
    case 'multipart':
      return { present: true, value: entriesToRecord(await parseMultipart(bytes, contentType!)) }
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
