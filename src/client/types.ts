// The client's types, computed from the route map's handler types. Nothing
// here exists at run time; the routes are imported with `import type` only.
import type { HeadersInit } from '../core/http-error.js'
import type { ProblemDetails } from '../core/problem.js'
import type { ErrorStatus } from '../core/status.js'
import type { RouteMap, RouteTypes, RoutesOf } from '../core/route-types.js'
import type { Simplify } from '../core/types.js'
import type { ValidationIssue } from '../validation/validation-error.js'

/**
 * What a value becomes on its way through `JSON.stringify` and back: a
 * `Date` is a string, functions and `undefined` members are gone.
 *
 * @example
 * ```ts
 * type Note = JsonOf<{ id: string; at: Date }> // { id: string; at: string }
 * ```
 */
export type JsonOf<T> = 0 extends 1 & T
  ? any
  : T extends { toJSON(...args: any[]): infer J }
    ? JsonOf<J>
    : T extends string | number | boolean | null
      ? T
      : T extends undefined | symbol | bigint | ((...args: any[]) => unknown)
        ? never
        : T extends readonly (infer E)[]
          ? JsonOf<E>[]
          : T extends object
            ? JsonObject<T>
            : unknown

type IsFunction<T> = T extends (...args: any[]) => unknown ? true : false

/** An object's JSON: methods dropped, and a member that may be `undefined` optional (JSON leaves it out). */
type JsonObject<T> = Simplify<
  { [K in keyof T as undefined extends T[K] ? never : IsFunction<T[K]> extends true ? never : K]: JsonOf<T[K]> } & {
    [K in keyof T as undefined extends T[K] ? (IsFunction<T[K]> extends true ? never : K) : never]?: JsonOf<T[K]>
  }
>

/**
 * A 2xx answer: the data the route returned, parsed from JSON (a string
 * for `text/*`, `undefined` without a body), and the response itself.
 *
 * @example
 * ```ts
 * const ok: ClientSuccess<200, { id: string }[]> = { ok: true, status: 200, data: [], response: new Response('[]') }
 * ```
 */
export interface ClientSuccess<TStatus extends number, TData> {
  readonly ok: true
  readonly status: TStatus
  readonly data: TData
  readonly response: Response
}

/**
 * The problem an error status brings: a 422's (and usually a 400's)
 * validation issues, by part and path; otherwise RFC 9457's members.
 *
 * @example
 * ```ts
 * const invalid: ProblemOf<422> = { type: 'about:blank', title: 'Unprocessable Content', status: 422, code: 'validation_failed', errors: [] }
 * ```
 */
export type ProblemOf<TStatus extends number> = Simplify<
  ProblemDetails &
    (TStatus extends 422
      ? { status: 422; errors: ValidationIssue[] }
      : TStatus extends 400
        ? { status: 400; errors?: ValidationIssue[] }
        : { status: TStatus })
>

/**
 * An error answer the route declares (or routekit and its middleware
 * answer with): its status and problem+json body, typed per status.
 *
 * @example
 * ```ts
 * if (!result.ok && result.status === 404) console.warn(result.problem.detail)
 * ```
 */
export interface ClientFailure<TStatus extends number> {
  readonly ok: false
  readonly status: TStatus
  readonly problem: ProblemOf<TStatus>
  readonly response: Response
}

/**
 * A 401 with its `WWW-Authenticate` challenge (`Bearer realm="api",
 * error="invalid_token"`), or `null` when the server sent none.
 *
 * @example
 * ```ts
 * if (!result.ok && result.status === 401) signInAgain(result.challenge)
 * ```
 */
export interface ChallengeFailure extends ClientFailure<401> {
  readonly challenge: string | null
}

/**
 * An error status the route's types do not list (a proxy's 502, a 404 from
 * Next for a path with no file): the problem as sent, or one made from the
 * status when the body is not problem+json.
 *
 * @example
 * ```ts
 * if (!result.ok && result.status === 502) retryLater()
 * ```
 */
export interface UndeclaredFailure<TDeclared extends number> {
  readonly ok: false
  readonly status: Exclude<RegisteredErrorStatus, TDeclared>
  readonly problem: ProblemDetails
  readonly response: Response
}

/**
 * No HTTP answer to read: the network failed, the call was aborted, or the
 * body could not be read. `error` is what `fetch` or the body parser threw.
 *
 * @example
 * ```ts
 * if (!result.ok && result.status === null) showOffline(result.error)
 * ```
 */
export interface NetworkFailure {
  readonly ok: false
  readonly status: null
  readonly problem: null
  readonly error: unknown
  /** The response, when the failure was reading its body. */
  readonly response: Response | null
}

/**
 * The error statuses with a registered reason phrase (RFC 9110 and the
 * common extensions). The undeclared case lists these rather than all 200
 * of 400–599: its status is computed per route, and the short list keeps
 * type-checking an app's calls several times cheaper.
 */
type RegisteredErrorStatus =
  | 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415 | 416 | 417 | 418 | 421 | 422
  | 423 | 424 | 425 | 426 | 428 | 429 | 431 | 451 | 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511

type IsAny<T> = 0 extends 1 & T ? true : false

/** The success cases of what a handler returns, one per branch of its return type. */
type SuccessOf<R> =
  IsAny<R> extends true
    ? ClientSuccess<number, any>
    : R extends unknown
      ? '~routekit' extends keyof R
        ? NonNullable<R['~routekit' & keyof R]> extends { status: infer S extends number; data: infer D }
          ? S extends ErrorStatus
            ? never // json(problem, { status: 404 }): not a success; the failures list it if declared
            : ClientSuccess<S, JsonOf<D>>
          : never
        : R extends Response
          ? ClientSuccess<number, unknown>
          : [R] extends [void | undefined]
            ? ClientSuccess<204, undefined>
            : ClientSuccess<200, JsonOf<R>>
      : never

type FailureOf<P extends number> = P extends 401 ? ChallengeFailure : ClientFailure<P>

/**
 * Every outcome of one call: a success per status the handler returns, a
 * failure per problem status, one for statuses it does not declare, and a
 * network failure.
 *
 * @example
 * ```ts
 * const result: ResultOf<RoutesOf<typeof notesHandler>['GET']> = await api('/api/notes').get()
 * ```
 */
export type ResultOf<TRoute extends RouteTypes> =
  | SuccessOf<TRoute['returns']>
  | FailureOf<TRoute['problems']>
  | UndeclaredFailure<TRoute['problems']>
  | NetworkFailure

/** A query value as routekit reads it: numbers, booleans and dates are sent as strings. */
type QueryValue = string | number | boolean | Date | null | undefined

/**
 * A query schema's input as the client takes it: where the schema takes
 * anything (a coerced number) or any string (`z.stringbool()`), numbers,
 * booleans and dates are welcome too, since they are sent as strings anyway.
 */
type QueryOf<Q> = { [K in keyof Q]: unknown extends Q[K] ? QueryValue | readonly QueryValue[] : Widened<Q[K]> }
type Widened<T> = T extends string ? (string extends T ? QueryValue : T) : T extends readonly (infer E)[] ? readonly Widened<E>[] : T

type SegmentParams<S extends string> = S extends `[[...${infer N}]]`
  ? { [K in N]?: readonly (string | number)[] }
  : S extends `[...${infer N}]`
    ? { [K in N]: readonly (string | number)[] }
    : S extends `[${infer N}]`
      ? { [K in N]: string | number }
      : {}

/**
 * The path parameters a file path names: `[id]` one value, `[...slug]` an
 * array, `[[...slug]]` an optional array.
 *
 * @example
 * ```ts
 * type Params = PathParams<'/api/docs/[team]/[[...page]]'> // { team: string | number; page?: readonly (string | number)[] }
 * ```
 */
export type PathParams<TPath extends string> = TPath extends `${infer Head}/${infer Tail}`
  ? SegmentParams<Head> & PathParams<Tail>
  : SegmentParams<TPath>

/** A key that is required when its type has a required member, optional when all are. */
type Part<TKey extends string, T> = [T] extends [undefined] ? {} : {} extends T ? { [K in TKey]?: T } : { [K in TKey]: T }

/** What a route takes as its body: its schema's input as JSON, and the Web bodies of the formats it accepts. */
type BodyOf<TRoute extends RouteTypes> = [TRoute['body']] extends [undefined]
  ? undefined
  :
      | ('json' extends TRoute['accepts'] ? TRoute['body'] : never)
      | ('form' extends TRoute['accepts'] ? URLSearchParams : never)
      | ('multipart' extends TRoute['accepts'] ? FormData : never)
      | ('text' extends TRoute['accepts'] ? string : never)
      | ('bytes' extends TRoute['accepts'] ? Blob | ArrayBuffer | Uint8Array : never)
      | (Exclude<TRoute['accepts'], 'json' | 'form' | 'multipart' | 'text' | 'bytes'> extends never ? never : string | Blob | Uint8Array)

/**
 * `fetch`'s `cache` values, spelt out: TypeScript declares `RequestCache`
 * only in its DOM lib, which a Node project's types may not include.
 *
 * @example
 * ```ts
 * const cache: FetchCache = 'no-store'
 * ```
 */
export type FetchCache = 'default' | 'force-cache' | 'no-cache' | 'no-store' | 'only-if-cached' | 'reload'

/**
 * Options any call takes besides the route's own parts.
 *
 * @example
 * ```ts
 * const options: CallOptions = { signal: AbortSignal.timeout(5000), next: { revalidate: 60, tags: ['notes'] } }
 * ```
 */
export interface CallOptions {
  /** Headers for this call, on top of the client's. */
  headers?: HeadersInit
  signal?: AbortSignal
  /** Passed to `fetch`, as Next's data cache reads it. */
  cache?: FetchCache
  /** Next's fetch options (server side): revalidation and cache tags. */
  next?: { revalidate?: number | false; tags?: string[] }
  /** Anything else `fetch` takes (`credentials`, `keepalive`, ...). */
  init?: RequestInit
  /** Resolve to the success, and reject with a {@link ClientError} carrying the failure. */
  throwOnError?: boolean
}

/**
 * The argument of one call: path params the file path needs, the route's
 * query and body (required where the schema requires them), and the call
 * options (headers among them).
 *
 * @example
 * ```ts
 * type Args = CallArgs<'/api/notes/[id]', RoutesOf<typeof noteHandler>['GET']> // { params: { id: string | number }; ... }
 * ```
 */
export type CallArgs<TPath extends string, TRoute extends RouteTypes> = Simplify<
  (keyof PathParams<TPath> extends never ? {} : Part<'params', Simplify<PathParams<TPath>>>) &
    Part<'query', [TRoute['query']] extends [undefined] ? undefined : QueryOf<TRoute['query']>> &
    Part<'body', BodyOf<TRoute>> &
    CallOptions
>

/** A call, with the argument optional when nothing in it is required. */
type MethodCall<TPath extends string, TRoute extends RouteTypes> = {} extends CallArgs<TPath, TRoute>
  ? {
      (args: CallArgs<TPath, TRoute> & { throwOnError: true }): Promise<SuccessOf<TRoute['returns']>>
      (args?: CallArgs<TPath, TRoute>): Promise<ResultOf<TRoute>>
    }
  : {
      (args: CallArgs<TPath, TRoute> & { throwOnError: true }): Promise<SuccessOf<TRoute['returns']>>
      (args: CallArgs<TPath, TRoute>): Promise<ResultOf<TRoute>>
    }

type PathClient<TPath extends string, TRoutes extends RouteMap> = {
  readonly [M in keyof TRoutes as Lowercase<M & string>]: TRoutes[M] extends infer R extends RouteTypes ? MethodCall<TPath, R> : never
}

/**
 * A client for an app's route map: `api(path)` has one method per method
 * the path's handler defines.
 *
 * @example
 * ```ts
 * const api: Client<typeof routes> = createClient<typeof routes>()
 * const notes = await api('/api/notes').get({ query: { limit: 10 } })
 * ```
 */
export type Client<TRoutes> = <TPath extends HandlerPath<TRoutes>>(path: TPath) => PathClient<TPath, RoutesOf<TRoutes[TPath]>>

/** The paths of the map whose values are routekit handlers (not an OpenAPI document route, say). */
type HandlerPath<TRoutes> = { [P in keyof TRoutes & string]: [RoutesOf<TRoutes[P]>] extends [never] ? never : P }[keyof TRoutes & string]
