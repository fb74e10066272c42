import type { RequestState, Terminal } from './compose.js'
import { isResponse } from './is-response.js'
import { headerRecord, parseQuery } from './request-parts.js'
import { json } from './responses.js'
import type { MaybePromise, Overwrite, RawHeaders, RawParams, RawQuery } from './types.js'

/** The parts of the request every route handler receives beside the context. */
export interface RequestParts {
  /** The Web `Request`, for anything the other parts do not cover. */
  req: Request
  /** Dynamic path segments (`[id]`, `[...slug]`) from either router. */
  params: RawParams
  /** The query string; repeated keys are arrays. */
  query: RawQuery
  /** Request headers with lower-case names. */
  headers: RawHeaders
  /** Aborts when the client disconnects or the handler's timeout passes. */
  signal: AbortSignal
}

/**
 * A route handler's argument: the middleware context, flattened, with the
 * request parts beside it. Request parts win over a context key of the same
 * name, so `req` or `params` always mean the request's own.
 */
export type HandlerArgs<TCtx extends object> = Overwrite<TCtx, RequestParts>

/**
 * A route handler. Return a plain value for 200 JSON, `undefined` for 204, a
 * `Response` for anything else, or throw an `HttpError`.
 */
export type RouteFunction<TCtx extends object> = (args: HandlerArgs<TCtx>) => MaybePromise<unknown>

/** Turns what a handler returned into the response to send. */
export function toResponse(value: unknown): Response {
  if (isResponse(value)) return value
  if (value === undefined) return new Response(null, { status: 204 })
  return json(value)
}

/**
 * The innermost step of a route's chain. Query and headers are parsed only if
 * the handler reads them, so a route that ignores them does not pay for them.
 */
export function routeTerminal(fn: RouteFunction<any>): Terminal {
  return async (state: RequestState, ctx: object) => {
    const { req } = state
    let query: RawQuery | undefined
    let headers: RawHeaders | undefined
    const args = {
      ...ctx,
      req,
      params: state.params,
      signal: state.signal,
      get query() {
        return (query ??= parseQuery(req.url))
      },
      get headers() {
        return (headers ??= headerRecord(req.headers))
      },
    }
    return toResponse(await fn(args))
  }
}
