import type { RequestHandler } from '../src/index.js'
import { testRoute } from '../src/testing/index.js'
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

/**
 * Sends one request description through the chosen router's adapter, with
 * routekit/testing's own testRoute. A string body goes as bytes, so it has
 * exactly the headers the test gives (a Web Request would add text/plain).
 */
export async function send(router: Router, handler: RequestHandler, sent: Sent = {}): Promise<Received> {
  const result = await testRoute(handler, {
    router,
    method: sent.method ?? 'GET',
    url: `${sent.origin ?? origin}${sent.path ?? '/api/items'}`,
    headers: sent.headers,
    params: sent.params,
    body: typeof sent.body === 'string' ? new TextEncoder().encode(sent.body) : sent.body,
  })
  return { status: result.status, headers: result.headers, text: result.text, json: () => JSON.parse(result.text) }
}
