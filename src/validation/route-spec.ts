import { checkOptionNames, configError, optionNames } from '../core/options.js'
import type { RawHeaders, RawParams, RawQuery } from '../core/types.js'
import { type ErrorStatus, isErrorStatus } from '../core/status.js'
import { type BodyAccept, checkAccepts } from '../body/formats.js'
import type { InferInput, InferOutput, StandardSchemaV1 } from './standard-schema.js'

/**
 * What a route declares about its request (and, optionally, its responses).
 * Every schema is optional and may come from any Standard Schema library.
 *
 * @example
 * ```ts
 * api.post({
 *   params: z.object({ id: z.uuid() }),
 *   query: z.object({ notify: z.enum(['yes', 'no']).default('no') }),
 *   body: z.object({ text: z.string().max(500) }),
 *   responses: { 201: Note },
 * }, async ({ params, query, body }) => created(await addNote(params.id, body.text, query.notify)))
 * ```
 */
export interface RouteSpec {
  params?: StandardSchemaV1
  /** Validated with empty values (`?limit=`) treated as absent. */
  query?: StandardSchemaV1
  /** Validated against the headers as a record with lower-case names. */
  headers?: StandardSchemaV1
  /** The only schema that makes the route read the body. */
  body?: StandardSchemaV1
  /**
   * The body formats the route takes: `'json'` (default), `'form'`
   * (`application/x-www-form-urlencoded`), `'multipart'`
   * (`multipart/form-data`), `'text'` (`text/plain`, as a string),
   * `'bytes'` (`application/octet-stream`, as a `Uint8Array`), or a media
   * type the route names (`'application/xml'`: `text/*` types as a
   * string, others as bytes). Anything else is a 415. Forms and text are
   * opt-in because a cross-site HTML form can send them as a CORS "simple"
   * request: accepting them lets any page post to the route without a
   * preflight.
   */
  accepts?: readonly BodyAccept[]
  /**
   * Response schemas by status. `200` types the handler's plain return
   * value; in development every declared status is checked.
   */
  responses?: { [status: number]: StandardSchemaV1 }
  /**
   * The problem statuses the handler itself throws (`HttpError.notFound()`
   * is a 404), for generated documentation: each is documented as
   * `application/problem+json` with its own `status`. The statuses routekit
   * and the route's middleware answer with are listed already.
   */
  errors?: readonly ErrorStatus[]
  /** Overrides the handler's `bodyLimit` for this route, in bytes. */
  bodyLimit?: number
  /** A one-line summary of the operation, for generated documentation. */
  summary?: string
  /** A longer description (CommonMark), for generated documentation. */
  description?: string
  /** Groups operations in generated documentation. */
  tags?: string[]
  /** A unique, stable name for the operation (client generators use it). */
  operationId?: string
  /** Marks the operation deprecated in generated documentation; it still answers. */
  deprecated?: boolean
}

const routeSpecNames = optionNames<RouteSpec>({
  params: true, query: true, headers: true, body: true, accepts: true, responses: true, errors: true, bodyLimit: true,
  summary: true, description: true, tags: true, operationId: true, deprecated: true,
})
// Keys people reach for that routekit spells differently or reads elsewhere.
const routeSpecHints = {
  cookies: 'read cookies from `req.headers` or with `session()`; a spec validates params, query, headers and body',
  searchParams: 'did you mean `query`?',
  problems: 'did you mean `errors`? It lists the problem statuses the handler throws',
  throws: 'did you mean `errors`? It lists the problem statuses the handler throws',
}

/** Refuses a spec key routekit does not know (a `cookies:` schema would otherwise validate nothing). */
export function checkRouteSpec(where: string, spec: unknown): void {
  checkOptionNames(where, spec, routeSpecNames, routeSpecHints)
  const { accepts, body, errors, responses } = spec as RouteSpec
  if (errors !== undefined) checkErrors(where, errors, responses)
  if (accepts !== undefined) checkAccepts(where, accepts, body !== undefined)
}

/**
 * `errors` lists error statuses. One that `responses` also declares would
 * be documented two ways (a JSON schema and a problem), so it is refused
 * rather than one silently winning.
 */
function checkErrors(where: string, errors: unknown, responses: RouteSpec['responses'] = {}): void {
  if (!Array.isArray(errors) || !errors.every(isErrorStatus)) {
    throw configError(where, '`errors` lists problem statuses: whole numbers from 400 to 599.')
  }
  const both = errors.find((status) => status in responses)
  if (both !== undefined) throw configError(where, `${both} is in both \`errors\` and \`responses\`.`)
}

type Validated<TSpec, K extends string, Fallback> = TSpec extends { [P in K]: infer S extends StandardSchemaV1 }
  ? InferOutput<S>
  : Fallback

/**
 * The request parts a handler receives, typed from its spec's schemas.
 *
 * @example
 * ```ts
 * api.get({ params: z.object({ id: z.coerce.number() }) }, ({ params }) => items.get(params.id)) // params.id: number
 * ```
 */
export interface SpecParts<TSpec> {
  params: Validated<TSpec, 'params', RawParams>
  query: Validated<TSpec, 'query', RawQuery>
  headers: Validated<TSpec, 'headers', RawHeaders>
  /** `undefined` unless the route has a body schema: only then is the body read. */
  body: Validated<TSpec, 'body', undefined>
}

type DeclaredResult<R> =
  | Response
  | (200 extends keyof R ? (R[200] extends StandardSchemaV1 ? InferInput<R[200]> : never) : never)
  | (204 extends keyof R ? void | undefined : never)

/**
 * What a handler may return. With `responses` declared, a plain value must
 * fit the 200 schema and returning nothing needs a declared 204; a
 * `Response` is always allowed. Without `responses`, anything goes.
 *
 * @example
 * ```ts
 * api.get({ responses: { 200: Item } }, () => ({ id: '1', name: 'milk' })) // must fit Item, or be a Response
 * ```
 */
export type RouteResult<TSpec> = TSpec extends { responses: infer R } ? DeclaredResult<R> : unknown
