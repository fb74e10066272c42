/**
 * What a test sends; every part is optional.
 *
 * @example
 * ```ts
 * await testRoute(notes, {
 *   method: 'GET',
 *   url: '/api/notes?tag=work',
 *   query: { limit: 10 },
 *   headers: { accept: 'application/json' },
 *   cookies: { theme: 'dark' },
 * })
 * ```
 */
export interface TestRequestOptions {
  /** Default `GET`. */
  method?: string
  /** A path (`/api/items/7?tag=a`) or a full URL. Default `http://localhost/`. */
  url?: string
  /** Dynamic segments, as the router would have matched them. */
  params?: Record<string, string | string[]>
  /** Added to the URL's query string; arrays repeat the key. */
  query?: Record<string, string | number | boolean | (string | number | boolean)[]>
  headers?: Record<string, string>
  /**
   * A string, bytes, `FormData` or `URLSearchParams` is sent as it is; any
   * other value as JSON with `content-type: application/json`.
   */
  body?: unknown
  /** Sent as the `Cookie` header. */
  cookies?: Record<string, string>
  /** A bearer token, sent as `Authorization: Bearer <auth>`. */
  auth?: string
}

function isRawBody(body: unknown): body is BodyInit {
  return (
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof ReadableStream
  )
}

/** The Web Request a test describes; both routers' runs start from it. */
export function buildRequest(options: TestRequestOptions): Request {
  const url = new URL(options.url ?? '/', 'http://localhost')
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item))
  }
  const headers = new Headers(options.headers)
  if (options.cookies) {
    headers.set('cookie', Object.entries(options.cookies).map(([name, value]) => `${name}=${value}`).join('; '))
  }
  if (options.auth !== undefined) headers.set('authorization', `Bearer ${options.auth}`)
  const init: RequestInit & { duplex?: 'half' } = { method: options.method ?? 'GET', headers }
  if (options.body !== undefined) {
    if (isRawBody(options.body)) init.body = options.body
    else {
      init.body = JSON.stringify(options.body)
      if (!headers.has('content-type')) headers.set('content-type', 'application/json')
    }
    if (options.body instanceof ReadableStream) init.duplex = 'half'
  }
  return new Request(url, init)
}
