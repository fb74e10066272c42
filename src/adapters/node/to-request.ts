import type { IncomingMessage, ServerResponse } from 'node:http'
import { NodeBody } from './node-body.js'
import { NodeRequest, type NodeRequestParts } from './node-request.js'

/** Why a request whose line or headers a Web `Request` cannot carry is refused (a 400), wherever it is found. */
export const unreadableDetail = 'The request line or headers could not be read.'

/**
 * A Pages Router request: Node's, with what Next.js adds to it.
 *
 * @example
 * ```ts
 * // pages/api/items.ts, wrapping the route to log before routekit answers
 * const route = toPagesRoute(items)
 * export default function logged(req: PagesRequest, res: ServerResponse) {
 *   console.log(req.method, req.url)
 *   return route(req, res)
 * }
 * ```
 */
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

/**
 * The request's absolute URL, as a string: the Request constructor parses
 * it anyway, so parsing it here too would be paid twice.
 */
export function requestUrl(req: PagesRequest): string {
  const forwarded = req.headers['x-forwarded-proto']
  const proto = typeof forwarded === 'string' ? forwarded.split(',', 1)[0]!.trim() : ''
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true
  const scheme = proto === 'https' || proto === 'http' ? proto : encrypted ? 'https' : 'http'
  // The path is appended to a fixed origin, never resolved against it, so a
  // request line like `//evil.example/x` cannot change the host.
  return `${scheme}://${hostOf(req)}${req.url ?? '/'}`
}

// RFC 3986 §3.2.2-3.2.3: a registered name or IPv4 address, or an IP literal
// in brackets, then an optional port. Nothing that ends the authority.
const authority = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=%]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]*)?$/

/**
 * The Host header when it is only an authority. Node passes any value on,
 * and pasted into the URL a `/`, `?`, `#`, `@` or `\` in it would move the
 * real path into the query or change the host; such a request gets
 * `localhost`, as the App Router names every request.
 */
function hostOf(req: PagesRequest): string {
  const host = req.headers.host
  return host !== undefined && authority.test(host) ? host : 'localhost'
}

/** The same path on `localhost`, for a Host header the URL parser refuses. */
export function fallbackUrl(url: string, req: PagesRequest): string {
  const path = req.url ?? '/'
  return `${url.slice(0, url.indexOf(':'))}://localhost${path.startsWith('/') ? path : `/${path}`}`
}

function requestHeaders(req: PagesRequest): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else headers.append(name, value)
  }
  if (hasSingletons(req)) restoreDuplicates(req, headers)
  return headers
}

function hasSingletons(req: PagesRequest): boolean {
  return req.headers.authorization !== undefined || req.headers['content-type'] !== undefined
}

/**
 * Node's headers as the Request constructor's init, so that undici builds
 * its `Headers` once, straight from them: the record itself when every
 * value is one string (the usual case; undici appends them in order, as
 * {@link requestHeaders} would), else a `Headers` built here.
 */
function headersInit(req: PagesRequest): HeadersInit {
  const record = req.headers
  for (const name in record) if (typeof record[name] !== 'string') return requestHeaders(req)
  return record as Record<string, string>
}

// Node keeps only the first of a repeated Authorization or Content-Type
// (https://nodejs.org/api/http.html#messageheaders) where the Fetch API,
// and so the App Router, joins them. Two credentials must be ambiguous (400)
// on both routers, not "whichever came first" on one.
const singletons = ['authorization', 'content-type'] as const

/**
 * Every value of a header Node keeps only the first of, joined as the
 * Fetch API joins them, when the wire (`rawHeaders`) had more than one.
 */
export function repeatedSingleton(req: PagesRequest, name: 'authorization' | 'content-type'): string | undefined {
  const raw = req.rawHeaders as string[] | undefined
  if (raw === undefined) return undefined
  const values: string[] = []
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) values.push(raw[i + 1]!)
  }
  return values.length > 1 ? values.join(', ') : undefined
}

/** Puts back the values Node dropped, from `rawHeaders` (the wire's own list). */
function restoreDuplicates(req: PagesRequest, headers: Headers): void {
  for (const name of singletons) {
    const joined = repeatedSingleton(req, name)
    if (joined !== undefined) headers.set(name, joined)
  }
}

/**
 * Re-serialises what Next's body parser produced. Its JSON and form parsing
 * has already happened, so the original bytes are gone. Only called for a
 * request that had a body on the wire: Next reports an empty one as `{}`
 * (JSON) or `""`, which must stay "no body", as on the App Router.
 */
function parsedBody(body: unknown, headers: Headers): BodyInit | null {
  // The length of the original bytes no longer describes this body.
  headers.delete('content-length')
  headers.delete('transfer-encoding')
  if (body instanceof Uint8Array) return body as BodyInit
  const type = headers.get('content-type') ?? ''
  // Next JSON.parses these two types, so a string here was a JSON string
  // (`"hello"`), not the body's bytes: sent raw it would fail to parse, or
  // turn `"{\"a\":1}"` into an object. `null` is the JSON literal.
  if (/^\s*application\/(?:ld\+)?json\s*(?:;|$)/i.test(type)) return JSON.stringify(body)
  if (body === undefined || body === null || body === '') return null
  if (typeof body === 'string') return body
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
export function hasBody(req: PagesRequest): boolean {
  const length = req.headers['content-length']
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined
}

/**
 * Builds the Web Request the core answers. A body still in Node's stream is
 * left there (see NodeRequest), read through `body` when one is given (the
 * adapter's, already offered to routekit's reader); one Next's parser
 * already read is rebuilt.
 */
export function toWebRequest(req: PagesRequest, res: ServerResponse, signal: () => AbortSignal, body?: NodeBody): Request {
  const method = (req.method ?? 'GET').toUpperCase()
  const parts: NodeRequestParts = { context: { req, res }, signal }
  let init: RequestInit
  // Built already with the values Node dropped put back (a Headers made here).
  let restored = false
  if (method !== 'GET' && method !== 'HEAD' && req.body !== undefined) {
    // Next's parser read the body: rebuilt from its value, with headers made to match.
    const headers = requestHeaders(req)
    restored = true
    init = { method, headers, body: hasBody(req) ? parsedBody(req.body, headers) : null }
  } else {
    const headers = headersInit(req)
    restored = headers instanceof Headers
    init = { method, headers }
    if (method !== 'GET' && method !== 'HEAD' && hasBody(req)) parts.body = body ?? new NodeBody(req)
  }
  const url = requestUrl(req)
  let request: Request
  try {
    request = new NodeRequest(url, init, parts)
  } catch (error) {
    // Only a URL the parser refuses gets a second chance; bad headers do not.
    if (!URL.canParse(url)) request = new NodeRequest(fallbackUrl(url, req), init, parts)
    else throw error
  }
  if (!restored && hasSingletons(req)) restoreDuplicates(req, request.headers)
  return request
}
