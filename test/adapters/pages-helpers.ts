import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMocks, type RequestOptions } from 'node-mocks-http'
import type { PagesRequest, PagesRoute } from '../../src/adapters/pages.js'

export interface PagesCall extends Omit<RequestOptions, 'body'> {
  /** What Next's body parser left in `req.body` (an object, a string, or `""` for no body). */
  body?: unknown
  /** Raw body bytes streamed after the route starts reading (bodyParser: false). */
  stream?: string | Buffer
}

/**
 * Calls a Pages route with node-mocks-http objects. Without `body`, the mock
 * request has no `req.body`, like a route with `bodyParser: false`.
 */
export async function callPages(route: PagesRoute, call: PagesCall = {}) {
  const { stream, ...options } = call
  if (stream !== undefined && options.headers?.['content-length'] === undefined) {
    // A real client frames a streamed body; Node tells bodies apart by these headers.
    options.headers = { ...options.headers, 'transfer-encoding': 'chunked' }
  }
  const framed = options.headers?.['content-length'] !== undefined || options.headers?.['transfer-encoding'] !== undefined
  if ('body' in options && options.body !== '' && options.body !== undefined && !framed) {
    // Next parsed a body that came framed by Content-Length: an empty one it
    // reports as {} or "", which the adapter must treat as no body.
    const bytes = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    options.headers = { ...options.headers, 'content-length': String(Buffer.byteLength(bytes)) }
  }
  const { req, res } = createMocks<PagesRequest & Parameters<typeof createMocks>[0], ServerResponse>(
    { method: 'GET', url: '/api/items', headers: { host: 'localhost:3000' }, ...options } as RequestOptions,
    { eventEmitter: (await import('node:events')).EventEmitter },
  )
  // The mock turns a falsy body into {}; set exactly what Next's parser would have.
  if ('body' in options) (req as { body?: unknown }).body = options.body
  else delete (req as { body?: unknown }).body
  if (stream !== undefined) req.once('async_iterator', () => req.send(Buffer.from(stream)))
  await route(req as unknown as PagesRequest, res as unknown as ServerResponse)
  return {
    res,
    status: res._getStatusCode(),
    headers: res._getHeaders() as Record<string, string | string[] | undefined>,
    text: () => String(res._getData()),
    json: () => JSON.parse(String(res._getData())) as Record<string, unknown>,
  }
}

/** A real node:http server on 127.0.0.1 that answers with `route`: for what only sockets show. */
export async function listenPages(route: (req: PagesRequest, res: ServerResponse) => unknown): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer((req, res) => void route(req as PagesRequest, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const close = async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
  return { server, port: (server.address() as AddressInfo).port, close }
}
