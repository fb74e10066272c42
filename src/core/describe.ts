import type { RouteMethod } from './method-guard.js'
import type { RouteSpec } from '../validation/route-spec.js'

// A registered symbol, so a description made by one copy of routekit (the
// CJS build, a nested install) is read by another.
const description = Symbol.for('routekit.middleware.description')

/**
 * What a middleware tells documentation tools about itself: the credentials
 * it checks and the problem statuses it may answer with. routekit's own
 * `jwt()`, `session()` and the like carry one; OpenAPI generation reads it.
 *
 * @example
 * ```ts
 * const about: MiddlewareDescription = {
 *   security: { name: 'apiKey', scheme: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
 *   statuses: [401, 403],
 * }
 * const apiKey = describeMiddleware(checkApiKey, about)
 * ```
 */
export interface MiddlewareDescription {
  /** The security scheme it enforces, as OpenAPI names and defines it. */
  security?: {
    /** The key under `components.securitySchemes`, such as `bearerAuth`. */
    name: string
    /** The OpenAPI Security Scheme Object. */
    scheme: Record<string, unknown>
    /** Scopes the route needs under this scheme. */
    scopes?: string[]
    /** Requests without credentials pass (anonymous access is allowed). */
    optional?: boolean
  }
  /** Statuses it may answer with problem+json, such as 401 and 403. */
  statuses?: number[]
  /**
   * Statuses it answers only to unsafe methods (not GET, HEAD or OPTIONS),
   * such as a same-origin check's 403: a GET route does not list them.
   */
  unsafeMethodStatuses?: number[]
  /**
   * Response headers it adds, by name as documentation should spell them
   * (`RateLimit`), each an OpenAPI Header Object. A header with `statuses`
   * comes only with those (`Retry-After` with a 429); one without, with
   * every answer of the route.
   */
  headers?: Record<string, DescribedHeader>
  /** Request headers it reads (a webhook's signature headers), documented as header parameters. */
  requestHeaders?: {
    /** Lower case, as routekit reads headers. */
    name: string
    required: boolean
    description?: string
    /** Its JSON Schema. */
    schema: Record<string, unknown>
  }[]
}

/**
 * A response header a middleware documents: an OpenAPI Header Object, and
 * the statuses it comes with.
 *
 * @example
 * ```ts
 * const retryAfter: DescribedHeader = { description: 'Seconds to wait.', schema: { type: 'integer' }, statuses: [429] }
 * ```
 */
export interface DescribedHeader {
  description?: string
  /** Its JSON Schema. */
  schema: Record<string, unknown>
  /** Only with these statuses; every answer without it. */
  statuses?: number[]
}

/**
 * Attaches a description to a middleware and returns the same function, so a
 * user's own auth middleware can appear in the OpenAPI document too. A
 * middleware described already (routekit's own) gets the new description.
 *
 * @example
 * ```ts
 * const apiKey = describeMiddleware(checkApiKey, {
 *   security: { name: 'apiKey', scheme: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
 *   statuses: [401],
 * })
 * ```
 */
export function describeMiddleware<M extends Function>(middleware: M, about: MiddlewareDescription): M {
  // Configurable, so a middleware that describes itself (`jwt()`) can be described again.
  Object.defineProperty(middleware, description, { value: about, enumerable: false, configurable: true })
  return middleware
}

/**
 * The description attached to a middleware, if any.
 *
 * @example
 * ```ts
 * middlewareDescription(jwt({ secret, algorithms: ['HS256'] }))?.security?.name // 'bearerAuth'
 * ```
 */
export function middlewareDescription(middleware: Function): MiddlewareDescription | undefined {
  return (middleware as { [description]?: MiddlewareDescription })[description]
}

/**
 * One route of a handler as documentation tools see it: its method, its
 * spec (schemas and metadata), what its middleware describes (handler-wide
 * first, then in order) and the handler settings that decide its statuses.
 *
 * @example
 * ```ts
 * for (const route of notesHandler.routes) console.log(route.method, route.spec.summary, route.middleware.length)
 * ```
 */
export interface RouteDescription {
  readonly method: RouteMethod
  readonly spec: RouteSpec
  readonly middleware: readonly MiddlewareDescription[]
  /** The status of a well-formed body that fails its schema (the handler's `invalidBodyStatus`). */
  readonly invalidBodyStatus: 400 | 422
  /** Whether the handler has a `timeout`, which answers 503. */
  readonly timeout: boolean
}
