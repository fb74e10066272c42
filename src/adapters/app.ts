import { assertHandler } from '../core/assert-handler.js'
import type { RequestHandler } from '../core/handler.js'
import { type AppRouteContext, type AppRouteParams, routeContextParams } from './app/route-context.js'

export type { AppRouteContext, AppRouteParams }

/**
 * One App Router method export. `next build` checks every export of a
 * `route.ts` with its own types, and each version checks differently:
 *
 * - Next 15 (`.next/types/app/.../route.ts`) infers the second parameter's
 *   type and requires it to be assignable to `{ params: Promise<...> }`. An
 *   optional parameter (its type then includes `undefined`) or a `params`
 *   that may be a plain object fails with "... is not a valid type for the
 *   function's second argument". TypeScript infers from the last of several
 *   call signatures, so the last one below is exactly that shape.
 * - Next 16 (`.next/types/validator.ts`) requires each export to be
 *   assignable to `(request: NextRequest, context: { params:
 *   Promise<ParamMap[route]> }) => ...`, so a signature must accept the
 *   params of any route: string | string[] | undefined values, not a typed
 *   record. Both signatures do.
 * - Next 14 types the second parameter as `any` and passes a plain object
 *   (undefined `params` on a static route) at run time.
 *
 * The first signature is what the function accepts at run time on any
 * version: a Promise, a plain object, or no context at all (a unit test).
 * test/compat/next builds a route with each of the three.
 *
 * @example
 * ```ts
 * // app/api/items/[id]/route.ts
 * export const GET: AppRouteMethod = toAppRoute(item).GET
 * ```
 */
export interface AppRouteMethod {
  (request: Request, context?: AppRouteContext): Promise<Response>
  (request: Request, context: { params: Promise<AppRouteParams> }): Promise<Response>
}

/**
 * Every method export of a `route.ts`, each answered by the same handler.
 *
 * @example
 * ```ts
 * // app/api/items/route.ts: export the methods; the handler answers 405 for the ones it lacks
 * const route: AppRoute = toAppRoute(items)
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route
 * ```
 */
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
  const answer: AppRouteMethod = async (request: Request, context?: AppRouteContext) =>
    handler.handle(request, { params: await routeContextParams(context) })
  return { GET: answer, HEAD: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer }
}
