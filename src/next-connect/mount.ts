import type { ServerResponse } from 'node:http'
import { nodeAnswerer, unreadableRequest } from '../adapters/node/answer.js'
import type { PagesRequest } from '../adapters/node/to-request.js'
import { assertHandler } from '../core/assert-handler.js'
import type { RequestHandler } from '../core/handler.js'
import type { RawParams } from '../core/types.js'
import { webRequestOf } from './node-request.js'
import { edgeParams, nodeParams } from './params.js'

/**
 * Mounts a routekit handler in a next-connect Node router (Pages API
 * routes): it answers every request next-connect gives it and never calls
 * `next()`. Methods the handler lacks get routekit's 405 with `Allow`, so
 * mount it with `router.all()` when it owns the resource, or with
 * `router.get()`/`.post()` for the methods it took over from legacy code.
 * Params are Next's dynamic segments plus next-connect's pattern matches
 * (`/api/items/:id`); errors inside are routekit's problem+json, never
 * next-connect's `onError`.
 *
 * @example
 * ```ts
 * // pages/api/items/[id].ts
 * const router = createRouter<NextApiRequest, NextApiResponse>()
 * router.all(mountNode(item))
 * export default router.handler()
 * export const config = { api: { bodyParser: false } }
 * ```
 */
export function mountNode(handler: RequestHandler): (req: PagesRequest, res: ServerResponse, next?: unknown) => Promise<void> {
  assertHandler('routekit/next-connect: mountNode()', handler)
  // The Web Request is shared with routekit steps that ran before, so a body
  // they read is not silently read again as empty.
  const answer = nodeAnswerer(handler, { params: nodeParams, request: (req, res) => webRequestOf(req, res).request })
  return (req, res) => answer(req, res)
}

/**
 * Mounts a routekit handler in a next-connect edge router (App Router
 * routes, Web `Request` in, `Response` out). Params are the route
 * context's `params` (Next's segments) plus next-connect's matches on
 * `req.params`. Like {@link mountNode}, it answers every request it gets.
 *
 * @example
 * ```ts
 * // app/api/items/[id]/route.ts
 * const router = createEdgeRouter<Request, { params: Promise<{ id: string }> }>()
 * router.all(mountEdge(item))
 * // `run` resolves with what the handlers return; Next's route types want a Response.
 * export const GET = (req: Request, ctx: { params: Promise<{ id: string }> }) => router.run(req, ctx) as Promise<Response>
 * ```
 */
export function mountEdge(handler: RequestHandler): (req: Request, ctx?: unknown, next?: unknown) => Promise<Response> {
  assertHandler('routekit/next-connect: mountEdge()', handler)
  return async (req, ctx) => {
    let params: RawParams
    try {
      params = await edgeParams(req, ctx)
    } catch {
      return unreadableRequest() // a next-connect match that is not valid percent-encoding
    }
    return handler.handle(req, { params })
  }
}
