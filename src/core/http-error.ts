import { defaultCode, isErrorStatus, statusPhrase } from './status.js'

/**
 * A brand shared by every copy of routekit loaded in one process (ESM and CJS
 * builds, or two bundles), where `instanceof` would fail across copies.
 */
const brand = Symbol.for('routekit.HttpError')

/**
 * What `new Headers(init)` accepts. Named through `Headers` because TypeScript
 * declares `HeadersInit` only in its DOM lib: a Node project whose `lib`
 * leaves "dom" out (as `@tsconfig/node22` does) has `Headers` from
 * `@types/node` but no `HeadersInit`, and would fail to check these
 * declarations (`skipLibCheck: false`).
 *
 * @example
 * ```ts
 * throw new HttpError(503, { headers: { 'retry-after': '30' } })
 * throw new HttpError(503, { headers: new Headers([['retry-after', '30']]) })
 * ```
 */
export type HeadersInit = ConstructorParameters<typeof Headers>[0]

/**
 * Options accepted by {@link HttpError} and its helpers.
 *
 * @example
 * ```ts
 * throw new HttpError(409, { code: 'item_exists', detail: 'An item with this name exists.', extensions: { name } })
 * ```
 */
export interface HttpErrorOptions {
  /** Stable machine-readable code for clients; defaults to the status phrase in snake_case. */
  code?: string
  /** Human-readable explanation of this occurrence (RFC 9457 `detail`). */
  detail?: string
  /** Problem type URI (RFC 9457 `type`); defaults to `about:blank`. */
  type?: string
  /** Short summary of the problem type; defaults to the status phrase. */
  title?: string
  /** Headers sent with the problem response, such as `WWW-Authenticate` or `Retry-After`. */
  headers?: HeadersInit
  /** The underlying error. Never sent to clients; handed to `onError`. */
  cause?: unknown
  /**
   * Whether `detail` may reach the client. Defaults to true for 4xx and
   * false for 5xx, whose details usually describe the server's internals.
   */
  expose?: boolean
  /** Extra RFC 9457 extension members, such as `errors` for validation failures. */
  extensions?: Record<string, unknown>
}

/**
 * An error that becomes an RFC 9457 problem+json response with its status.
 *
 * @example
 * ```ts
 * throw new HttpError(409, { code: 'item_exists', detail: 'An item with this name exists.' })
 * throw HttpError.notFound('No item 42.')
 * ```
 */
export class HttpError extends Error {
  /** The HTTP status as given; one outside 400–599 is answered as 500. */
  readonly status: number
  /** The problem's stable `code`, such as `not_found` or your own `item_exists`. */
  readonly code: string
  /** The problem's `detail`, when one was given. */
  readonly detail: string | undefined
  /** The problem's `type` URI; `about:blank` unless given. */
  readonly type: string
  /** The problem's `title`; the status phrase unless given. */
  readonly title: string
  /** Headers sent with the problem response. */
  readonly headers: Headers
  /** Whether `detail` reaches the client (true for 4xx, false for 5xx unless given). */
  readonly expose: boolean
  /** Extension members added to the problem body. */
  readonly extensions: Record<string, unknown> | undefined

  constructor(status: number, options: HttpErrorOptions = {}) {
    // A status outside 400–599 is kept for inspection, but the error mapper
    // answers it as a 500: an error can never produce a success response.
    const effective = isErrorStatus(status) ? status : 500
    super(options.detail ?? statusPhrase(effective), { cause: options.cause })
    this.name = 'HttpError'
    this.status = status
    this.code = options.code ?? defaultCode(effective)
    this.detail = options.detail
    this.type = options.type ?? 'about:blank'
    this.title = options.title ?? statusPhrase(effective)
    this.headers = new Headers(options.headers)
    this.expose = options.expose ?? effective < 500
    this.extensions = options.extensions
    Object.defineProperty(this, brand, { value: true })
  }

  /** 400: the request is malformed. @example throw HttpError.badRequest('`from` must precede `to`.') */
  static badRequest(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(400, { ...options, detail })
  }

  /** 401: credentials are missing or invalid. @example throw HttpError.unauthorized() */
  static unauthorized(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(401, { ...options, detail })
  }

  /** 403: the caller is known but not allowed. @example throw HttpError.forbidden('Admins only.') */
  static forbidden(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(403, { ...options, detail })
  }

  /** 404: no such resource. @example throw HttpError.notFound(`No item ${id}.`) */
  static notFound(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(404, { ...options, detail })
  }

  /** 409: the request conflicts with the resource's state. @example throw HttpError.conflict('Name taken.') */
  static conflict(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(409, { ...options, detail })
  }

  /** 422: well-formed but semantically invalid. @example throw HttpError.unprocessable('Dates overlap.') */
  static unprocessable(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(422, { ...options, detail })
  }

  /** 429: slow down. @example throw HttpError.tooManyRequests(undefined, { headers: { 'Retry-After': '30' } }) */
  static tooManyRequests(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(429, { ...options, detail })
  }

  /** 500: a server fault; its detail is hidden in production. @example throw HttpError.internal('cache corrupt') */
  static internal(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(500, { ...options, detail })
  }

  /** 503: a dependency is unavailable. @example throw HttpError.serviceUnavailable(undefined, { headers: { 'Retry-After': '5' } }) */
  static serviceUnavailable(detail?: string, options?: HttpErrorOptions): HttpError {
    return new HttpError(503, { ...options, detail })
  }
}

/**
 * Whether a value is a routekit `HttpError`, from this copy of routekit or another.
 *
 * @example
 * ```ts
 * if (isHttpError(error) && error.status === 404) return null
 * ```
 */
export function isHttpError(value: unknown): value is HttpError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true
}
