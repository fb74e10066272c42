import type { RouteResult, RouteSpec, SpecParts } from '../validation/route-spec.js'
import { type ValidationSettings, validateRequest } from '../validation/validate-request.js'
import { validateResponse } from '../validation/validate-response.js'
import type { RequestState, Terminal } from './compose.js'
import { isResponse } from './is-response.js'
import { headerRecord, parseQuery } from './request-parts.js'
import { json } from './responses.js'
import type { MaybePromise, Overwrite } from './types.js'

/**
 * The parts of the request every route handler receives beside the context,
 * typed from the route's schemas where it has them.
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
 */
export type HandlerArgs<TCtx extends object, TSpec = {}> = Overwrite<TCtx, RequestParts<TSpec>>

/**
 * A route handler. Return a plain value for 200 JSON, `undefined` for 204, a
 * `Response` for anything else, or throw an `HttpError`.
 */
export type RouteFunction<TCtx extends object, TSpec = {}> = (
  args: HandlerArgs<TCtx, TSpec>,
) => MaybePromise<RouteResult<TSpec>>

/** Handler-wide settings a route needs at request time. */
export interface RouteSettings extends ValidationSettings {
  dev: boolean
}

/** Turns what a handler returned into the response to send. */
export function toResponse(value: unknown): Response {
  if (isResponse(value)) return value
  if (value === undefined) return new Response(null, { status: 204 })
  return json(value)
}

/**
 * The innermost step of a route's chain: validation, then the handler. Parts
 * without a schema are parsed only if the handler reads them, and the body
 * only ever with a body schema.
 */
export function routeTerminal(spec: RouteSpec, fn: RouteFunction<any, any>, settings: RouteSettings): Terminal {
  const validates = Boolean(spec.params || spec.query || spec.headers || spec.body)
  const checksResponses = settings.dev && spec.responses !== undefined
  return async (state: RequestState, ctx: object) => {
    const { req } = state
    const validated = validates ? await validateRequest(spec, req, state.params, settings) : {}
    let rawQuery: unknown
    let rawHeaders: unknown
    const args = {
      ...ctx,
      req,
      signal: state.signal,
      params: 'params' in validated ? validated.params : state.params,
      body: validated.body,
      get query() {
        return 'query' in validated ? validated.query : (rawQuery ??= parseQuery(req.url))
      },
      get headers() {
        return 'headers' in validated ? validated.headers : (rawHeaders ??= headerRecord(req.headers))
      },
    }
    const result = await fn(args)
    if (checksResponses) await validateResponse(spec.responses!, result)
    return toResponse(result)
  }
}
