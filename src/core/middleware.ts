import type { RequestHeaders } from './request-view.js'
import type { MaybePromise } from './types.js'

// Type-only brand: it makes `NextResult` impossible to build by hand, so a
// middleware's return type proves it passed `next()`'s result through (or
// answered with its own Response). Forgetting `return next()` gives a
// `Promise<void>` that does not type-check.
declare const addedContext: unique symbol

/**
 * What `next()` resolves to: the downstream response, plus (in the type only)
 * the context this middleware added. Read or change `response.headers` before
 * returning it, or return a different `Response` instead.
 *
 * @example
 * ```ts
 * const timing: Middleware = async ({ next }) => {
 *   const started = performance.now()
 *   const result = await next()
 *   result.response.headers.set('server-timing', `app;dur=${performance.now() - started}`)
 *   return result
 * }
 * ```
 */
export interface NextResult<TAdded extends object = {}> {
  readonly response: Response
  readonly [addedContext]: TAdded
}

/**
 * Calls the rest of the chain, optionally adding to the context. It may be
 * called once; a second call is a 500 and the handler still runs only once.
 *
 * @example
 * ```ts
 * const withUser: Middleware<{}, { user: User }> = async ({ req, next }) =>
 *   next({ ctx: { user: await loadUser(req) } })
 * ```
 */
export interface NextFunction {
  (): Promise<NextResult<{}>>
  <TAdd extends object>(options: { ctx: TAdd }): Promise<NextResult<TAdd>>
}

/**
 * What every middleware receives.
 *
 * @example
 * ```ts
 * const timing: Middleware = async ({ req, signal, next }) => {
 *   const started = performance.now()
 *   const result = await next()
 *   if (!signal.aborted) console.log(req.method, req.url, `${Math.round(performance.now() - started)} ms`)
 *   return result
 * }
 * ```
 */
export interface MiddlewareArgs<TCtx> {
  /** The Web `Request`. On the Pages Router it is built when first read: read `headers` when they are all you need. */
  readonly req: Request
  /** The request's headers, as `req.headers` has them, without building `req`. */
  readonly headers: RequestHeaders
  /** Context added by the middleware before this one. */
  readonly ctx: TCtx
  readonly next: NextFunction
  /** Aborts when the client goes away or the handler's timeout passes. */
  readonly signal: AbortSignal
  /** The methods the handler answers, in `Allow` order (HEAD and OPTIONS included). */
  readonly allowedMethods: readonly string[]
  /**
   * The request body's exact bytes, for a check over them before the route
   * parses them (a webhook signature). Read once, with the route's
   * `bodyLimit` and `accepts` (413, 415): the route's own parse reuses
   * them, so the body is never read twice. An empty array when there is
   * no body. The Web body is used afterwards: read it only through this.
   *
   * @example
   * ```ts
   * const signed: Middleware = async ({ rawBody, next }) => {
   *   const bytes = await rawBody()
   *   if (!(await verify(bytes))) throw HttpError.unauthorized('Bad signature.')
   *   return next()
   * }
   * ```
   */
  readonly rawBody: () => Promise<Uint8Array>
}

/**
 * One layer of the onion: it sees the request and the context so far, and
 * either calls `next()` (optionally adding context) or answers by itself with
 * a `Response` or a thrown `HttpError`.
 *
 * @example
 * ```ts
 * const requireTenant: Middleware<{}, { tenant: string }> = ({ req, next }) => {
 *   const tenant = req.headers.get('x-tenant')
 *   if (!tenant) throw HttpError.badRequest('x-tenant header is required.')
 *   return next({ ctx: { tenant } })
 * }
 * ```
 */
export type Middleware<TCtx extends object = {}, TAdd extends object = {}> = (
  args: MiddlewareArgs<TCtx>,
) => MaybePromise<NextResult<TAdd> | Response>
