import type { ServerResponse } from 'node:http'
import { assertHandler } from '../core/assert-handler.js'
import type { RequestHandler } from '../core/handler.js'
import { nodeAnswerer } from './node/answer.js'
import { NodeRequest, type PagesContext } from './node/node-request.js'
import { separateParams } from './node/params.js'
import type { PagesRequest } from './node/to-request.js'

export type { PagesContext, PagesRequest }

/**
 * A Pages Router API route: the default export of a `pages/api` file.
 *
 * @example
 * ```ts
 * // pages/api/items.ts
 * const route: PagesRoute = toPagesRoute(items)
 * export default route
 * export const config = { api: { bodyParser: false } }
 * ```
 */
export type PagesRoute = (req: PagesRequest, res: ServerResponse) => Promise<void>

/**
 * The Node `req`/`res` behind a request, for the rare handler that must use
 * them (streaming with `res.write`, a library that wants Node objects).
 * Undefined on the App Router. A handler that answers through `res` itself
 * should return nothing; routekit then leaves the response alone.
 *
 * @example
 * ```ts
 * const legacy = api.get(({ req }) => {
 *   const { res } = getPagesContext(req)!
 *   res.status(200).send('written by hand')
 * })
 * ```
 */
export function getPagesContext(request: Request): PagesContext | undefined {
  return NodeRequest.contextOf(request)
}

/**
 * Turns a handler into a `pages/api` route. Set `bodyParser: false` in the
 * route's config so routekit reads the body itself, with its limits and its
 * problem+json answers; with Next's parser left on, routekit uses `req.body`,
 * but Next answers malformed JSON in plain text before routekit runs.
 *
 * @example
 * ```ts
 * // pages/api/items/[id].ts
 * import { toPagesRoute } from 'routekit/pages'
 * export default toPagesRoute(item)
 * export const config = { api: { bodyParser: false } }
 * ```
 */
export function toPagesRoute(handler: RequestHandler): PagesRoute {
  assertHandler('routekit/pages: toPagesRoute()', handler)
  return nodeAnswerer(handler, { params: (req) => separateParams(req.query, req.url ?? '') })
}
