import type { ServerResponse } from 'node:http'
import { toPagesRoute } from '../adapters/pages.js'
import type { PagesRequest } from '../adapters/pages/to-request.js'
import type { RequestHandler } from '../core/handler.js'

interface MockResponse extends ServerResponse {
  _getStatusCode(): number
  _getHeaders(): Record<string, string | string[] | number>
  _getData(): unknown
}

/** What Next puts in `req.query` on the Pages Router: the URL's query overlaid with the params. */
function nextQuery(url: URL, params: Record<string, string | string[]>) {
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    query[key] = values.length === 1 ? values[0]! : values
  }
  return { ...query, ...params }
}

/**
 * Replays a Web Request through the Pages adapter with node-mocks-http, as
 * Next would call a `pages/api` route with `bodyParser: false`: the body
 * streams in only when the route reads it.
 */
export async function runPages(
  handler: RequestHandler,
  request: Request,
  params: Record<string, string | string[]>,
): Promise<Response> {
  const { createMocks } = await import('node-mocks-http')
  const { EventEmitter } = await import('node:events')
  const url = new URL(request.url)
  const headers: Record<string, string> = { host: url.host }
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer())
  // Node tells a request with a body by its framing headers.
  if (body !== undefined && headers['content-length'] === undefined) headers['transfer-encoding'] = 'chunked'
  const { req, res } = createMocks(
    { method: request.method as never, url: `${url.pathname}${url.search}`, headers, query: nextQuery(url, params) },
    { eventEmitter: EventEmitter },
  )
  delete (req as { body?: unknown }).body
  if (body !== undefined) req.once('async_iterator', () => req.send(Buffer.from(body)))
  const mock = res as unknown as MockResponse
  await toPagesRoute(handler)(req as unknown as PagesRequest, mock)
  const responseHeaders = new Headers()
  for (const [name, value] of Object.entries(mock._getHeaders())) {
    for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, String(item))
  }
  const status = mock._getStatusCode()
  const text = String(mock._getData() ?? '')
  return new Response([101, 204, 205, 304].includes(status) ? null : text, { status, headers: responseHeaders })
}
