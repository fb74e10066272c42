import { HttpError } from '../core/http-error.js'
import { isRequestSource, type RequestView } from '../core/request-view.js'
import type { BodyAccept, BodyFormat } from './formats.js'
import { classifyMediaType, type MediaTypeVerdict } from './media-type.js'
import { checkDeclaredLength, readLimited } from './read-limited.js'

/** The rules a route reads its body by. */
export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  bodyLimit: number
  /** Deepest JSON nesting accepted. */
  maxDepth: number
  /** The formats the route takes; default JSON only. */
  accepts?: readonly BodyAccept[]
}

/** A body's bytes and the format they are to be parsed as; `undefined` when there is no body. */
export type RawBody = { bytes: Uint8Array; format: BodyFormat } | undefined

const jsonOnly: readonly BodyAccept[] = ['json']

/** A read that ended at once: its bytes, or its refusal. */
type Settled = { raw: RawBody } | { refusal: unknown }

type Read = Settled | Promise<RawBody>

// One read per request, whoever asks first: a middleware that verifies a
// signature over the bytes and the route that then parses them share it.
// Kept on a host's request source itself (a property costs far less than a
// WeakMap entry), and for a `Request` beside it, which may be frozen.
const readKey = Symbol('routekit.body-read')
const reads = new WeakMap<object, Read>()

type Origin = RequestView['origin'] & { [readKey]?: Read }

const knownRead = (origin: Origin): Read | undefined => (isRequestSource(origin) ? origin[readKey] : reads.get(origin))

function keepRead(origin: Origin, read: Read): void {
  if (isRequestSource(origin)) origin[readKey] = read
  else reads.set(origin, read)
}

function unsupported(detail: string, headers?: HeadersInit): HttpError {
  return new HttpError(415, { code: 'unsupported_media_type', detail, headers })
}

function replay(read: Read): RawBody | Promise<RawBody> {
  if (read instanceof Promise) return read
  if ('refusal' in read) throw read.refusal
  return read.raw
}

/**
 * Reads a request body in the order that costs least on bad input:
 * encoding and media type first, then the declared length, then the bytes
 * (counted while they stream). The read happens once per request; later
 * calls get the same bytes, or the same refusal. A body the host holds
 * whole is answered (or refused, by a throw) without a promise.
 *
 * @example
 * ```ts
 * const raw = await readRawBody(request, { bodyLimit: 1024 * 1024, maxDepth: 64, accepts: ['json'] })
 * if (raw !== undefined) console.log(raw.format, raw.bytes.byteLength)
 * ```
 */
export function readRawBody(request: RequestView, limits: BodyLimits): RawBody | Promise<RawBody> {
  const origin: Origin = request.origin
  const known = knownRead(origin)
  if (known !== undefined) return replay(known)
  let read: RawBody | Promise<RawBody>
  try {
    read = readOnce(request, limits)
  } catch (refusal) {
    keepRead(origin, { refusal })
    throw refusal
  }
  keepRead(origin, read instanceof Promise ? read : { raw: read })
  return read
}

function readOnce(request: RequestView, limits: BodyLimits): RawBody | Promise<RawBody> {
  if (!request.hasBody || request.headers.get('content-length') === '0') return undefined
  const encoding = request.headers.get('content-encoding')
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') {
    // Decompressing would need a second limit on the inflated size; refusing
    // is the safe answer, and Accept-Encoding tells the client what works.
    throw unsupported('Compressed request bodies are not accepted.', { 'accept-encoding': 'identity' })
  }
  const contentType = request.headers.get('content-type')
  const verdict = classifyMediaType(contentType, limits.accepts ?? jsonOnly)
  if ('refused' in verdict && contentType !== null) throw unsupported(verdict.refused)
  checkDeclaredLength(request, limits.bodyLimit)
  const bytes = readLimited(request, limits.bodyLimit)
  return bytes instanceof Uint8Array ? withFormat(bytes, verdict) : bytes.then((read) => withFormat(read, verdict))
}

/** The bytes read, with the format their media type named; an empty body is no body. */
function withFormat(bytes: Uint8Array, verdict: MediaTypeVerdict): RawBody {
  if (bytes.byteLength === 0) return undefined
  if ('refused' in verdict) throw unsupported(verdict.refused) // bytes, but no Content-Type
  return { bytes, format: verdict.format }
}

/**
 * Bytes as a plain `Uint8Array` of their own: a host's chunk may be a
 * Node `Buffer` (whose methods differ) or a view into a larger buffer, and
 * code given the bytes must see the same thing on every router.
 *
 * @example
 * ```ts
 * ownBytes(Buffer.from('abc')).constructor === Uint8Array // true
 * ```
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const plain = bytes.constructor === Uint8Array && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  return plain ? bytes : new Uint8Array(bytes)
}

/**
 * The exact bytes of the body for a middleware (an empty array when there
 * is none), with the route's limits and media types. A rebuilt body's bytes
 * are not the ones that were sent, so a signature over them would always
 * fail: that is a setup mistake, answered as a 500 that says so.
 *
 * @example
 * ```ts
 * const bytes = await rawBodyBytes(request, { bodyLimit: 1024, maxDepth: 64 })
 * ```
 */
export async function rawBodyBytes(request: RequestView, limits: BodyLimits): Promise<Uint8Array> {
  if (request.rebuiltBody) {
    throw HttpError.internal(
      "The exact request body is gone: Next's body parser read it. Export `config = { api: { bodyParser: false } }` from this Pages route.",
    )
  }
  const raw = await readRawBody(request, limits)
  return raw === undefined ? new Uint8Array(0) : ownBytes(raw.bytes)
}
