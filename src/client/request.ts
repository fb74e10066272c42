// Turning one call's arguments into what `fetch` takes: the URL from the
// file path, params and query, and the body in the format the route reads.

type ParamValue = string | number | readonly (string | number)[] | undefined

/** A dynamic segment of a file path: `[id]`, `[...slug]` or `[[...slug]]`. */
export interface DynamicSegment {
  readonly name: string
  readonly catchAll: boolean
  readonly optional: boolean
}

// `[` optional `[`, optional `...`, the name, `]` optional `]`.
const dynamicPattern = /^\[(\[)?(\.\.\.)?([^\]]+)\]\]?$/

/**
 * Reads one segment of a file path as Next names it; `undefined` for a
 * static one. The client fills paths with it and routekit/testing's
 * routesFetch matches them, so both read a path the same way.
 */
export function dynamicSegment(segment: string): DynamicSegment | undefined {
  const match = dynamicPattern.exec(segment)
  return match === null ? undefined : { name: match[3]!, catchAll: match[2] !== undefined, optional: match[1] !== undefined }
}

/**
 * The path with its dynamic segments filled in, each value percent-encoded
 * (a catch-all's values one segment each). An optional catch-all with no
 * values leaves its segment out, as Next matches it; a missing required
 * value is a programming error, thrown before anything is sent.
 */
export function fillPath(path: string, params: Record<string, ParamValue> = {}): string {
  return path
    .split('/')
    .flatMap((segment) => {
      const dynamic = dynamicSegment(segment)
      if (dynamic === undefined) return [segment]
      const { name, catchAll, optional } = dynamic
      const value = params[name]
      const values = value === undefined ? [] : Array.isArray(value) ? value : [value]
      if (values.length === 0 && optional) return []
      if (values.length === 0 || (!catchAll && Array.isArray(value))) {
        throw new TypeError(`routekit/client: ${path} needs params.${name} (${catchAll ? 'one or more values' : 'one value'}).`)
      }
      return values.map((item) => {
        const text = String(item)
        // '', '.' and '..' would not be a segment: the URL parser drops or
        // resolves them, and the call would reach another route.
        if (text === '' || text === '.' || text === '..') throw new TypeError(`routekit/client: params.${name} may not be ${JSON.stringify(text)}.`)
        return encodeURIComponent(text)
      })
    })
    .join('/') || '/'
}

type QueryItem = string | number | boolean | Date | null | undefined

/**
 * The query string as routekit parses it: an array is the key repeated,
 * numbers, booleans and dates are strings, `undefined` and `null` are left
 * out (routekit treats an empty value as absent too).
 */
export function queryString(query: Record<string, QueryItem | readonly QueryItem[]> = {}): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(key, item instanceof Date ? item.toISOString() : String(item))
    }
  }
  const text = search.toString()
  return text === '' ? '' : `?${text}`
}

/**
 * The body as `fetch` sends it. Web bodies go as they are (`fetch` names a
 * string `text/plain`, a `URLSearchParams` a form, a `FormData`
 * multipart, a `Blob` its own type); bytes and an untyped `Blob` are
 * `application/octet-stream`; anything else is JSON. A content type set
 * by the caller is kept, except on forms, which `fetch` must name.
 */
export function encodeBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined) return undefined
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams || body instanceof FormData) {
    // fetch names these itself (multipart with its boundary); a client-wide content type would be wrong.
    headers.delete('content-type')
    return body
  }
  if (body instanceof Blob && body.type !== '') return body
  if (body instanceof Blob || body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/octet-stream')
    return body as BodyInit
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  return JSON.stringify(body)
}
