import { assertHandler } from '../core/assert-handler.js'
import type { RequestHandler } from '../core/handler.js'
import { type AppRouteContext, routeContextParams } from './app/route-context.js'

export type { AppRouteContext }

/** One App Router method export. */
export type AppRouteMethod = (request: Request, context?: AppRouteContext) => Promise<Response>

/** Every method export of a `route.ts`, each answered by the same handler. */
export interface AppRoute {
  GET: AppRouteMethod
  HEAD: AppRouteMethod
  POST: AppRouteMethod
  PUT: AppRouteMethod
  PATCH: AppRouteMethod
  DELETE: AppRouteMethod
  OPTIONS: AppRouteMethod
}

/**
 * Turns a handler into App Router method exports. Export all of them: a
 * method left unexported is answered by Next with a bare 405 and no `Allow`,
 * while routekit answers it with problem+json and the right `Allow`.
 *
 * @example
 * ```ts
 * // app/api/items/[id]/route.ts
 * import { toAppRoute } from 'routekit/app'
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(item)
 * ```
 */
export function toAppRoute(handler: RequestHandler): AppRoute {
  assertHandler('routekit/app: toAppRoute()', handler)
  const answer: AppRouteMethod = async (request, context) =>
    handler.handle(request, { params: await routeContextParams(context) })
  return { GET: answer, HEAD: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer }
}
