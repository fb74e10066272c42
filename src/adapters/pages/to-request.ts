import type { IncomingMessage } from 'node:http'

/** A Pages Router request: Node's, with what Next.js adds to it. */
export type PagesRequest = IncomingMessage & {
  query?: Record<string, string | string[] | undefined>
  /** Set by Next's body parser; `undefined` when the route sets `bodyParser: false`. */
  body?: unknown
}

// Methods a Fetch Request refuses to carry; the adapter answers them itself.
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK'])

export function isForbiddenMethod(method: string): boolean {
  return forbiddenMethods.has(method.toUpperCase())
}

function requestUrl(req: PagesRequest): string {
  const path = req.url ?? '/'
  const forwarded = req.headers['x-forwarded-proto']
  const proto = typeof forwarded === 'string' ? forwarded.split(',', 1)[0]!.trim() : ''
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true
  const scheme = proto === 'https' || proto === 'http' ? proto : encrypted ? 'https' : 'http'
  // The path is appended to a fixed origin, never resolved against it, so a
  // request line like `//evil.example/x` cannot change the host.
  try {
    return new URL(`${scheme}://${req.headers.host ?? 'localhost'}${path}`).href
  } catch {
    return new URL(`${scheme}://localhost${path.startsWith('/') ? path : `/${path}`}`).href
  }
}

function requestHeaders(req: PagesRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.append(name, value)
  }
  return headers
}

/**
 * Pulls the Node stream only as fast as the reader asks, so limits can stop
 * it early; a route that never reads the body never touches the stream.
 */
function streamBody(req: PagesRequest): ReadableStream<Uint8Array> {
  let chunks: AsyncIterator<Buffer | string> | undefined
  return new ReadableStream({
    async pull(controller) {
      chunks ??= req[Symbol.asyncIterator]()
      const { done, value } = await chunks.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? new TextEncoder().encode(value) : new Uint8Array(value))
    },
    async cancel() {
      await chunks?.return?.()
    },
    // No queue: with the default high-water mark of 1 the stream would pull
    // (and start reading Node's request) as soon as it is built.
  }, { highWaterMark: 0 })
}

/**
 * Re-serialises what Next's body parser produced. Its JSON and form parsing
 * has already happened, so the original bytes are gone; `""` is how it
 * reports "no body" (on GET, for instance).
 */
function parsedBody(body: unknown, headers: Headers): BodyInit | null {
  if (body === undefined || body === null || body === '') return null
  // The length of the original bytes no longer describes this body.
  headers.delete('content-length')
  headers.delete('transfer-encoding')
  if (typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit
  const type = headers.get('content-type') ?? ''
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    const form = new URLSearchParams()
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(key, String(item))
    }
    return form
  }
  return JSON.stringify(body)
}

/** HTTP/1.1: a request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3). */
function hasBody(req: PagesRequest): boolean {
  const length = req.headers['content-length']
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined
}

/** Builds the Web Request the core answers, with its body left unread. */
export function toWebRequest(req: PagesRequest): Request {
  const method = (req.method ?? 'GET').toUpperCase()
  const headers = requestHeaders(req)
  const init: RequestInit & { duplex?: 'half' } = { method, headers }
  if (method !== 'GET' && method !== 'HEAD') {
    if (req.body !== undefined) init.body = parsedBody(req.body, headers)
    else if (hasBody(req)) {
      init.body = streamBody(req)
      init.duplex = 'half'
    }
  }
  return new Request(requestUrl(req), init)
}
