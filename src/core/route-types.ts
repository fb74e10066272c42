// What the builder's type remembers about each route, for clients typed from
// it (routekit/client). Types only: nothing here exists at run time.
import type { BodyAccept } from '../body/formats.js'
import type { InferInput, StandardSchemaV1 } from '../validation/standard-schema.js'
import type { RouteMethod } from './method-guard.js'
import type { ErrorStatus } from './status.js'

/**
 * A response that carries, in its type only, the JSON it was made from and
 * its status: what `json()` and `created()` return, so a client typed from
 * the route knows what a 201 holds. At run time it is a plain `Response`.
 *
 * @example
 * ```ts
 * const answer: TypedResponse<{ id: string }, 201> = created({ id: '1' })
 * ```
 */
export interface TypedResponse<TData = unknown, TStatus extends number = number> extends Response {
  readonly '~routekit'?: { readonly status: TStatus; readonly data: TData }
}

/**
 * Marks a middleware with the problem statuses it may answer with (a token
 * check's 401), in its type only: routes defined after it list them for
 * clients typed from the handler. Intersect a middleware's type with it.
 *
 * @example
 * ```ts
 * const tenant: Middleware<{}, { tenant: string }> & AnswersProblems<400> = ({ req, next }) => {
 *   const id = req.headers.get('x-tenant')
 *   if (!id) throw HttpError.badRequest('x-tenant is required.')
 *   return next({ ctx: { tenant: id } })
 * }
 * ```
 */
export interface AnswersProblems<TStatus extends ErrorStatus> {
  readonly '~problems'?: TStatus
}

/**
 * One route as its handler's type records it: the schemas' input types
 * (what a client sends), the `accepts` formats, what the handler returns,
 * and every problem status it can answer with.
 *
 * @example
 * ```ts
 * type NotesGet = RoutesOf<typeof notesHandler>['GET']
 * type Query = NotesGet['query'] // { limit?: unknown; tag?: string }
 * ```
 */
export interface RouteTypes {
  /** The params schema's input, or `undefined` without one: the path supplies the names. */
  readonly params: unknown
  readonly query: unknown
  readonly headers: unknown
  /** `undefined` when the route has no body schema. */
  readonly body: unknown
  readonly accepts: BodyAccept
  /** What the handler returns (a value, a `TypedResponse`, a `Response`, or nothing). */
  readonly returns: unknown
  readonly problems: ErrorStatus
}

/**
 * The routes of a handler by method.
 *
 * @example
 * ```ts
 * const map: RouteMap = {}
 * ```
 */
export type RouteMap = { readonly [M in RouteMethod]?: RouteTypes }

type SchemaInput<TSpec, K extends string> = TSpec extends { [P in K]: infer S extends StandardSchemaV1 } ? InferInput<S> : undefined

/**
 * The statuses routekit itself answers a route with, from its spec: a 400
 * for params, query or headers that fail their schema; for a body, a 400
 * (malformed) or 422 (invalid), 413 and 415; a 500 always. Plus the
 * statuses the spec's `errors` declares.
 */
type SpecProblems<TSpec> =
  | 500
  | (TSpec extends { errors: readonly (infer S extends ErrorStatus)[] } ? S : never)
  | (TSpec extends { params: object } | { query: object } | { headers: object } ? 400 : never)
  | (TSpec extends { body: object } ? 400 | 413 | 415 | 422 : never)

/** The types one route method records: its spec's inputs, what it returns, its problems. */
export type RouteEntry<TSpec, TReturns, TProblems extends ErrorStatus> = {
  params: SchemaInput<TSpec, 'params'>
  query: SchemaInput<TSpec, 'query'>
  headers: SchemaInput<TSpec, 'headers'>
  body: SchemaInput<TSpec, 'body'>
  accepts: TSpec extends { accepts: readonly (infer A extends BodyAccept)[] } ? A : 'json'
  returns: Awaited<TReturns>
  problems: TProblems | SpecProblems<TSpec>
}

/**
 * The route map of a handler (or anything a route map records it from).
 *
 * @example
 * ```ts
 * type Methods = keyof RoutesOf<typeof notesHandler> // 'GET' | 'POST'
 * ```
 */
export type RoutesOf<THandler> = THandler extends { readonly '~types'?: { readonly routes: infer R extends RouteMap } } ? R : never
