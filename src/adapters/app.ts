import type { RequestHandler } from '../core/handler.js'
import type { RawParams } from '../core/types.js'

/** The second argument Next.js passes to an App Router route handler. */
export interface AppRouteContext {
  /** A Promise since Next 15; a plain object before. Optional catch-all segments may be undefined. */
  params?: Promise<Record<string, string | string[] | undefined>> | Record<string, string | string[] | undefined>
}

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

async function resolveParams(context: AppRouteContext | undefined): Promise<RawParams> {
  const given = await context?.params
  const params: RawParams = {}
  if (given) {
    for (const [name, value] of Object.entries(given)) {
      if (value !== undefined) params[name] = value
    }
  }
  return params
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
  const answer: AppRouteMethod = async (request, context) =>
    handler.handle(request, { params: await resolveParams(context) })
  return { GET: answer, HEAD: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer }
}
