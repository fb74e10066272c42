import { type BodySource, bodySourceOf, rebuiltBodyKey } from '../body/body-source.js'

/**
 * Read access to a request's headers: what `Headers` offers for reading,
 * and all routekit's middleware needs.
 *
 * @example
 * ```ts
 * const bearer: Middleware = ({ headers, next }) => {
 *   if (!headers.has('authorization')) throw HttpError.unauthorized('A token is required.')
 *   return next()
 * }
 * ```
 */
export interface RequestHeaders {
  /** The value, repeated headers joined with `, `; `null` when absent. Names are case-insensitive. */
  get(name: string): string | null
  has(name: string): boolean
  /** Every header, names in lower case and in `Headers`' order. */
  forEach(callback: (value: string, name: string) => void): void
}

/**
 * The parts of a request routekit's own middleware read: a `Request` has
 * this shape, and so does the chain's view of one, which builds nothing.
 */
export interface RequestHead {
  readonly method: string
  readonly url: string
  readonly headers: RequestHeaders
}

/** Where a middleware's arguments offer the chain's {@link RequestHead}; registered, as the other keys are. */
export const requestHeadKey: unique symbol = Symbol.for('routekit.request-head')

/**
 * The request's method, URL and headers from a middleware's arguments
 * without building `req` where the chain offers them, else `req` itself
 * (arguments made by hand, in a test).
 *
 * @example
 * ```ts
 * const middleware: Middleware = (args) => {
 *   const { method, headers } = requestHead(args)
 *   return args.next()
 * }
 * ```
 */
export function requestHead(args: { readonly req: Request }): RequestHead {
  return (args as { [requestHeadKey]?: RequestHead })[requestHeadKey] ?? args.req
}

/**
 * A request as a host adapter knows it before any Web `Request` exists (the
 * Pages adapter, over Node's `req`). The core reads method, URL, headers
 * and body through it, and asks for the `Request` only when some code reads
 * `req`: on Node, building one (undici's constructor, its `Headers` and the
 * `AbortSignal` it always makes) is most of what a bare route costs.
 * Found on a handler under {@link handleSourceKey}, so a handler from
 * another copy of routekit still understands it.
 */
export interface RequestSource {
  /** Marks a source: a `Request`'s own properties are not probed (Next's `NextRequest` throws on some). */
  readonly [requestSourceKey]: true
  /** Upper case. */
  readonly method: string
  /** Absolute; only the query is read from it. Once `request()` was called, that Request's. */
  readonly url: string
  /** Once `request()` was called, that Request's (a middleware may have set one). */
  readonly headers: RequestHeaders
  /** Whether there is a body on the wire, without touching it. */
  readonly hasBody: boolean
  /** The body straight from the host, until someone has started reading it; once `request()` was called, that Request's. */
  bodySource(): BodySource | undefined
  /** The real `Request`, the same object on every call. */
  request(): Request
}

/** The brand of a {@link RequestSource}; registered, so another copy of routekit recognises it. */
export const requestSourceKey: unique symbol = Symbol.for('routekit.request-source')

/**
 * The method a handler answers a {@link RequestSource} with, beside
 * `handle(request)`. A registered symbol, as the body source's is.
 */
export const handleSourceKey: unique symbol = Symbol.for('routekit.handle-source')

/** Whether the origin of a view is a host's source rather than a `Request`. */
export function isRequestSource(origin: Request | RequestSource): origin is RequestSource {
  return (origin as Partial<RequestSource>)[requestSourceKey] === true
}

/**
 * The core's view of one request: a `Request` it was given, or a source
 * whose `Request` is built the first time `req` is read. A source answers
 * for that `Request` once it exists (see `RequestSource`), so what user
 * code does to `req` (a header set by a middleware, a body read) is what
 * the core sees too, through any view of the same request.
 */
export class RequestView {
  readonly method: string
  readonly #req: Request | undefined
  readonly #source: RequestSource | undefined

  constructor(origin: Request | RequestSource) {
    this.method = origin.method
    if (isRequestSource(origin)) this.#source = origin
    else this.#req = origin
  }

  /** The Web `Request`, built now if the host made none yet. */
  get req(): Request {
    return this.#source === undefined ? this.#req! : this.#source.request()
  }

  get url(): string {
    return this.#source === undefined ? this.#req!.url : this.#source.url
  }

  get headers(): RequestHeaders {
    return this.#source === undefined ? this.#req!.headers : this.#source.headers
  }

  /**
   * What this view was made from: another view of the same request starts
   * from it, and it identifies the request (its body is read once).
   */
  get origin(): Request | RequestSource {
    return this.#source ?? this.#req!
  }

  /** The host's body source, while nobody has read the body or asked for the Web one. */
  bodySource(): BodySource | undefined {
    return this.#source === undefined ? bodySourceOf(this.#req!) : this.#source.bodySource()
  }

  /** Whether the request has a body; asks the body source first, which leaves the Web body unbuilt. */
  get hasBody(): boolean {
    if (this.#source !== undefined) return this.#source.hasBody
    return bodySourceOf(this.#req!) !== undefined || this.#req!.body !== null
  }

  /** Whether a host's parser read the body first, so its exact bytes are gone (see `rebuiltBodyKey`). A source's never was. */
  get rebuiltBody(): boolean {
    return this.#source === undefined && (this.#req as { [rebuiltBodyKey]?: boolean })[rebuiltBodyKey] === true
  }
}
