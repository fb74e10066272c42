import type { RouteResult, SpecParts } from '../validation/route-spec.js'
import type { ValidationSettings } from '../validation/validate-request.js'
import type { MaybePromise, Overwrite } from './types.js'

/**
 * The parts of the request every route handler receives beside the context,
 * typed from the route's schemas where it has them.
 *
 * @example
 * ```ts
 * const echo = ({ body, headers }: RequestParts<{ body: typeof NewItem }>) => ({ body, from: headers['user-agent'] })
 * ```
 */
export type RequestParts<TSpec = {}> = SpecParts<TSpec> & {
  /** The Web `Request`, for anything the other parts do not cover. */
  req: Request
  /** Aborts when the client disconnects or the handler's timeout passes. */
  signal: AbortSignal
}

/**
 * A route handler's argument: the middleware context, flattened, with the
 * request parts beside it. Request parts win over a context key of the same
 * name, so `req` or `params` always mean the request's own.
 *
 * @example
 * ```ts
 * const show = ({ params, auth }: HandlerArgs<{ auth: { sub: string } }, { params: typeof ItemParams }>) => items.get(params.id, auth.sub)
 * ```
 */
export type HandlerArgs<TCtx extends object, TSpec = {}> = Overwrite<TCtx, RequestParts<TSpec>>

/**
 * A route handler. Return a plain value for 200 JSON, `undefined` for 204, a
 * `Response` for anything else, or throw an `HttpError`.
 *
 * @example
 * ```ts
 * const list: RouteFunction<{}, { query: typeof ListQuery }> = ({ query }) => items.list(query.limit)
 * export const itemsRoute = api.get({ query: ListQuery }, list)
 * ```
 */
export type RouteFunction<TCtx extends object, TSpec = {}> = (
  args: HandlerArgs<TCtx, TSpec>,
) => MaybePromise<RouteResult<TSpec>>

/** Handler-wide settings a route needs at request time. */
export interface RouteSettings extends ValidationSettings {
  dev: boolean
}
