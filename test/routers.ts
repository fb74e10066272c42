import type { ServerResponse } from 'node:http'
import { createMocks, type RequestMethod } from 'node-mocks-http'
import { toAppRoute } from '../src/adapters/app.js'
import { type PagesRequest, toPagesRoute } from '../src/adapters/pages.js'
import type { RequestHandler } from '../src/index.js'
import { origin } from './helpers.js'

/** The two ways a user mounts a handler. */
export const routers = ['app', 'pages'] as const
export type Router = (typeof routers)[number]

export interface Sent {
  method?: string
  /** Path and query string, e.g. `/api/items/7?tag=a`. */
  path?: string
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** Dynamic segments, as the router would have matched them. */
  params?: Record<string, string | string[]>
  /** Scheme and host the request is addressed to. Default `http://routekit.test`. */
  origin?: string
}

export interface Received {
  status: number
  headers: Headers
  text: string
  json(): any
}

/** What Next puts in `req.query` on the Pages Router: the URL's query overlaid with the params. */
function nextQuery(path: string, params: Record<string, string | string[]>) {
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of new URL(path, origin).searchParams) {
    const existing = query[key]
    query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]
  }
  return { ...query, ...params }
}

async function viaApp(handler: RequestHandler, sent: Required<Pick<Sent, 'method' | 'path'>> & Sent): Promise<Received> {
  const route = toAppRoute(handler)
  const method = sent.method.toUpperCase() as keyof typeof route
  const request = new Request(`${sent.origin ?? origin}${sent.path}`, {
    method: sent.method,
    headers: sent.headers,
    body: sent.body as BodyInit | undefined,
  })
  const response = await (route[method] ?? route.GET)(request, { params: Promise.resolve(sent.params ?? {}) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

async function viaPages(handler: RequestHandler, sent: Required<Pick<Sent, 'method' | 'path'>> & Sent): Promise<Received> {
  const headers: Record<string, string> = { host: new URL(sent.origin ?? origin).host }
  for (const [name, value] of Object.entries(sent.headers ?? {})) headers[name.toLowerCase()] = value
  if (sent.body !== undefined && headers['content-length'] === undefined) {
    headers['transfer-encoding'] = 'chunked'
  }
  const { req, res } = createMocks(
    { method: sent.method as RequestMethod, url: sent.path, headers, query: nextQuery(sent.path, sent.params ?? {}) },
    { eventEmitter: (await import('node:events')).EventEmitter },
  )
  delete (req as { body?: unknown }).body // bodyParser: false
  if (sent.body !== undefined) req.once('async_iterator', () => req.send(Buffer.from(sent.body!)))
  await toPagesRoute(handler)(req as unknown as PagesRequest, res as unknown as ServerResponse)
  const responseHeaders = new Headers()
  for (const [name, value] of Object.entries(res._getHeaders())) {
    for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, String(item))
  }
  const text = String(res._getData())
  return { status: res._getStatusCode(), headers: responseHeaders, text, json: () => JSON.parse(text) }
}

/** Sends one request description through the chosen router's adapter. */
export function send(router: Router, handler: RequestHandler, sent: Sent = {}): Promise<Received> {
  const full = { method: 'GET', path: '/api/items', ...sent }
  return router === 'app' ? viaApp(handler, full) : viaPages(handler, full)
}
