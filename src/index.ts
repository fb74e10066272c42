// The core entry: everything a route needs that is not an adapter or an
// integration. Explicit names, so the public surface is reviewed here.
export { createHandler, Handler } from './core/handler.js'
export type { HandleOptions, HandlerOptions, RequestHandler } from './core/handler.js'
export type { Middleware, MiddlewareArgs, NextFunction, NextResult } from './core/middleware.js'
export type { HandlerArgs, RequestParts, RouteFunction } from './core/route.js'
export { HttpError, isHttpError } from './core/http-error.js'
export type { HttpErrorOptions } from './core/http-error.js'
export { problemResponse } from './core/problem.js'
export type { ProblemDetails } from './core/problem.js'
export { accepted, created, json, noContent } from './core/responses.js'
export type { Overwrite, RawHeaders, RawParams, RawQuery, Simplify } from './core/types.js'
