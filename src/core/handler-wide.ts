import type { Middleware } from './middleware.js'

const handlerWideMark = Symbol.for('routekit.middleware.handlerWide')

/**
 * A middleware that sees every request its handler receives, before the
 * method guard: CORS preflight, refused methods and plain OPTIONS included,
 * and every response on the way out, error responses included. It cannot
 * add context, since routes never see what it would add.
 *
 * @example
 * ```ts
 * const requestLog: HandlerWideMiddleware = handlerWide(async ({ req, next }) => {
 *   const result = await next()
 *   console.log(req.method, new URL(req.url).pathname, result.response.status)
 *   return result
 * })
 * export const api = createHandler().use(requestLog)
 * ```
 */
export type HandlerWideMiddleware = Middleware<{}, {}> & { readonly [handlerWideMark]: true }

/**
 * Marks a middleware as handler-wide; `.use()` then runs it around the
 * method guard rather than in the route's chain. It must be `.use()`d before
 * the handler's first route (a TypeError otherwise), and runs before every
 * ordinary middleware whatever their order.
 *
 * @example
 * ```ts
 * const requestLog = handlerWide(async ({ req, next }) => {
 *   const result = await next()
 *   console.log(req.method, new URL(req.url).pathname, result.response.status)
 *   return result
 * })
 * const api = createHandler().use(requestLog) // 405s and preflights are logged too
 * ```
 */
export function handlerWide(middleware: Middleware<{}, {}>): HandlerWideMiddleware {
  Object.defineProperty(middleware, handlerWideMark, { value: true, enumerable: false })
  return middleware as HandlerWideMiddleware
}

/** Whether `.use()` should run this middleware around the method guard. */
export function isHandlerWide(middleware: Function): boolean {
  return (middleware as { [handlerWideMark]?: true })[handlerWideMark] === true
}

const httpOnlyMark = Symbol.for('routekit.middleware.httpOnly')

/**
 * Marks a handler-wide middleware as concerning only HTTP exchanges
 * (preflights, response headers for browsers): a Server Action built on the
 * same base skips it rather than refusing to be built.
 *
 * @example
 * ```ts
 * const poweredBy = httpOnly(handlerWide(async ({ next }) => {
 *   const result = await next()
 *   result.response.headers.set('x-powered-by', 'routekit')
 *   return result
 * }))
 * ```
 */
export function httpOnly<T extends HandlerWideMiddleware>(middleware: T): T {
  Object.defineProperty(middleware, httpOnlyMark, { value: true, enumerable: false })
  return middleware
}

/** Whether an action may skip this handler-wide middleware. */
export function isHttpOnly(middleware: Function): boolean {
  return (middleware as { [httpOnlyMark]?: true })[httpOnlyMark] === true
}
