import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEdgeRouter, createRouter } from 'next-connect'
import { afterAll, beforeAll } from 'vitest'
import type { RequestHandler, RouteSpec } from '../../src/index.js'
import type { Middleware } from '../../src/core/middleware.js'
import { mountEdge, mountNode, useEdge, useNode, validateEdge, validateNode } from '../../src/next-connect/index.js'
import type { StepOptions, ValidationOptions } from '../../src/next-connect/index.js'

/** next-connect 1.0's two routers. */
export const kinds = ['node', 'edge'] as const
export type Kind = (typeof kinds)[number]

export interface Sent {
  method?: string
  path?: string
  headers?: Record<string, string>
  body?: string
  /** Next's dynamic segments: mixed into `req.query` (node) or the route context's `params` (edge). */
  segments?: Record<string, string>
  /** What Next's body parser left in `req.body` (node only; bodyParser on). */
  parsedBody?: unknown
}

export interface Received {
  status: number
  headers: Headers
  text: string
  json(): any
}

type AnyFn = (...args: any[]) => any

/** The same next-connect wiring for either router, so each test runs on both. */
export interface Kit {
  kind: Kind
  mount(handler: RequestHandler): AnyFn
  use(middleware: Middleware<any, any>, options?: StepOptions): AnyFn
  validate(spec: RouteSpec, options?: ValidationOptions): AnyFn
  /** A legacy next-connect handler answering 200 (or `status`) JSON computed from the request. */
  reply(compute: (req: any) => unknown, status?: number): AnyFn
  /** A legacy handler that throws. */
  fail(message: string): AnyFn
  router(): { get: AnyFn; post: AnyFn; put: AnyFn; all: AnyFn; use: AnyFn; handler: AnyFn }
  /** Sends one request through `router.handler({ onError })`; next-connect's onError answers 500 `onError: <message>`. */
  send(router: { handler: AnyFn }, sent?: Sent): Promise<Received>
  /** What next-connect's onError received during the last `send`. */
  readonly reported: unknown[]
}

const origin = 'http://routekit.test'

function onErrorText(error: unknown): string {
  return `onError: ${error instanceof Error ? error.message : String(error)}`
}

function edgeKit(): Kit {
  return {
    kind: 'edge',
    mount: mountEdge,
    use: useEdge,
    validate: validateEdge,
    reply: (compute, status = 200) => (req: Request) => Response.json(compute(req), { status }),
    fail: (message) => () => {
      throw new Error(message)
    },
    router: () => createEdgeRouter<Request, unknown>() as never,
    reported: [],
    async send(router, sent = {}) {
      this.reported.length = 0
      const request = new Request(`${origin}${sent.path ?? '/api/items'}`, {
        method: sent.method ?? 'GET',
        headers: sent.headers,
        body: sent.body,
      })
      const handle = router.handler({
        onError: (error: unknown) => {
          this.reported.push(error)
          return new Response(onErrorText(error), { status: 500 })
        },
      })
      const response: Response = await handle(request, { params: Promise.resolve(sent.segments ?? {}) })
      const text = await response.text()
      return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
    },
  }
}

/**
 * The Node router behind a real `node:http` server on 127.0.0.1, with Next's
 * additions simulated: `req.query` (query string plus dynamic segments) and,
 * when asked, `req.body` as Next's parser leaves it.
 */
function nodeKit(): Kit {
  let server: Server | undefined
  let current: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined
  let pending: Sent = {}
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin)
      const query: Record<string, string | string[]> = {}
      for (const key of new Set(url.searchParams.keys())) {
        const values = url.searchParams.getAll(key)
        query[key] = values.length === 1 ? values[0]! : values
      }
      Object.assign(req, { query: { ...query, ...pending.segments } })
      if ('parsedBody' in pending) Object.assign(req, { body: pending.parsedBody })
      void current!(req, res)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve))
  })
  return {
    kind: 'node',
    mount: mountNode,
    use: useNode,
    validate: validateNode,
    reply: (compute, status = 200) => (req: IncomingMessage, res: ServerResponse) => {
      res.statusCode = status
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(compute(req)))
    },
    fail: (message) => async () => {
      throw new Error(message)
    },
    router: () => createRouter<IncomingMessage, ServerResponse>() as never,
    reported: [],
    async send(router, sent = {}) {
      pending = sent
      this.reported.length = 0
      const reported = this.reported
      current = router.handler({
        onError: (error: unknown, _req: IncomingMessage, res: ServerResponse) => {
          reported.push(error)
          if (res.headersSent) return
          res.statusCode = 500
          res.end(onErrorText(error))
        },
      })
      const { port } = server!.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}${sent.path ?? '/api/items'}`, {
        method: sent.method ?? 'GET',
        headers: { host: 'routekit.test', ...sent.headers },
        body: sent.body,
      })
      const text = await response.text()
      return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
    },
  }
}

/** One kit per router; call at a file's top level (the node kit registers its server hooks). */
export function kits(): Kit[] {
  return [nodeKit(), edgeKit()]
}
