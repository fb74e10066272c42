import { compose, RequestState } from './compose.js'
import { allowedMethods, methodAnswers, type RouteMethod, withoutBody } from './method-guard.js'
import type { Middleware } from './middleware.js'
import { isNextControlFlowError } from './next-control-flow.js'
import { mapError, problemResponse } from './problem.js'
import type { RouteSpec } from '../validation/route-spec.js'
import { routeTerminal, type RouteFunction, type RouteSettings } from './route.js'
import { isDevelopment } from './runtime.js'
import { withTimeout } from './timeout.js'
import type { Overwrite, RawParams } from './types.js'

/**
 * Options for {@link createHandler}; every handler derived with `.use()` or a
 * route method shares them.
 */
export interface HandlerOptions {
  /**
   * Receives every error answered with a 5xx (the real error, before it is
   * hidden from the client) and the request. Errors it throws are ignored.
   */
  onError?: (error: unknown, req: Request) => void | Promise<void>
  /**
   * Development mode puts the details of server errors into the response.
   * Defaults to `process.env.NODE_ENV === 'development'`.
   */
  dev?: boolean
  /** Milliseconds a request may take before it is answered 503 and its signal aborts. Off by default. */
  timeout?: number
  /** Largest request body accepted, in bytes; a route's `bodyLimit` overrides it. Default 1 MiB. */
  bodyLimit?: number
  /** Deepest JSON nesting accepted in a body. Default 64. */
  maxDepth?: number
  /** Status for a well-formed body that fails its schema. Default 422. */
  invalidBodyStatus?: 400 | 422
}

/** What adapters and hosts pass along with the request. */
export interface HandleOptions {
  /** Dynamic path segments, already resolved. */
  params?: RawParams
  /**
   * Where the handler's `signal` comes from when it asks, instead of
   * `request.signal`: an adapter that learns of disconnects itself (Node's
   * `res` closing) creates the signal only if some code reads it.
   */
  signal?: () => AbortSignal
}

/**
 * The minimal surface adapters rely on, so they accept a handler of any
 * context type, or one from another copy of routekit.
 */
export interface RequestHandler {
  handle(request: Request, options?: HandleOptions): Promise<Response>
  readonly allowedMethods: readonly string[]
}

type CompiledRoute = (state: RequestState) => Promise<Response>

interface HandlerState {
  readonly options: Readonly<HandlerOptions>
  readonly settings: RouteSettings
  readonly middleware: readonly Middleware<any, any>[]
  readonly routes: ReadonlyMap<string, CompiledRoute>
}

/**
 * An immutable route builder. `.use()` and each route method return a new
 * handler, so a shared base can be extended by many routes without one
 * route's middleware or methods leaking into another's.
 *
 * A route runs the middleware that was `.use()`d before it was defined:
 * `api.get(list).use(auth).post(create)` leaves GET public and guards POST.
 *
 * @example
 * ```ts
 * const api: Handler = createHandler()
 * const items = api.get(() => listItems()).use(auth).post({ body: NewItem }, ({ body }) => created(insertItem(body)))
 * items.allowedMethods // ['GET', 'HEAD', 'POST', 'OPTIONS']
 * ```
 */
export class Handler<TCtx extends object = {}> implements RequestHandler {
  readonly #state: HandlerState
  readonly #answers: ReturnType<typeof methodAnswers>
  /** The methods this handler answers, in `Allow` order. */
  readonly allowedMethods: readonly string[]

  /** @internal Use {@link createHandler}. */
  constructor(state: HandlerState) {
    this.#state = state
    this.allowedMethods = Object.freeze(allowedMethods(state.routes.keys()))
    this.#answers = methodAnswers(this.allowedMethods.join(', '))
  }

  /**
   * Adds a middleware for the routes defined after it; what it passes to
   * `next({ ctx })` is merged into the context, later keys overwriting earlier ones.
   *
   * @example
   * ```ts
   * const withUser = api.use(async ({ req, next }) => next({ ctx: { user: await getUser(req) } }))
   * ```
   */
  use<TAdd extends object = {}>(middleware: Middleware<TCtx, TAdd>): Handler<Overwrite<TCtx, TAdd>> {
    return new Handler({ ...this.#state, middleware: [...this.#state.middleware, middleware] })
  }

  /**
   * Answers GET (and HEAD), optionally validating the request first.
   *
   * @example
   * ```ts
   * api.get({ query: z.object({ limit: z.coerce.number().int().max(100).default(20) }) },
   *   ({ query }) => listItems(query.limit))
   * ```
   */
  get<TSpec extends RouteSpec>(spec: TSpec, fn: RouteFunction<TCtx, TSpec>): Handler<TCtx>
  get(fn: RouteFunction<TCtx>): Handler<TCtx>
  get(specOrFn: RouteSpec | RouteFunction<TCtx, any>, fn?: RouteFunction<TCtx, any>): Handler<TCtx> {
    return this.#route('GET', specOrFn, fn)
  }

  /**
   * Answers POST. @example
   * ```ts
   * api.post({ body: NewItem }, async ({ body }) => created(await insertItem(body)))
   * ```
   */
  post<TSpec extends RouteSpec>(spec: TSpec, fn: RouteFunction<TCtx, TSpec>): Handler<TCtx>
  post(fn: RouteFunction<TCtx>): Handler<TCtx>
  post(specOrFn: RouteSpec | RouteFunction<TCtx, any>, fn?: RouteFunction<TCtx, any>): Handler<TCtx> {
    return this.#route('POST', specOrFn, fn)
  }

  /**
   * Answers PUT. @example
   * ```ts
   * api.put({ params: ItemParams, body: Item }, ({ params, body }) => replaceItem(params.id, body))
   * ```
   */
  put<TSpec extends RouteSpec>(spec: TSpec, fn: RouteFunction<TCtx, TSpec>): Handler<TCtx>
  put(fn: RouteFunction<TCtx>): Handler<TCtx>
  put(specOrFn: RouteSpec | RouteFunction<TCtx, any>, fn?: RouteFunction<TCtx, any>): Handler<TCtx> {
    return this.#route('PUT', specOrFn, fn)
  }

  /**
   * Answers PATCH. @example
   * ```ts
   * api.patch({ params: ItemParams, body: Item.partial() }, ({ params, body }) => updateItem(params.id, body))
   * ```
   */
  patch<TSpec extends RouteSpec>(spec: TSpec, fn: RouteFunction<TCtx, TSpec>): Handler<TCtx>
  patch(fn: RouteFunction<TCtx>): Handler<TCtx>
  patch(specOrFn: RouteSpec | RouteFunction<TCtx, any>, fn?: RouteFunction<TCtx, any>): Handler<TCtx> {
    return this.#route('PATCH', specOrFn, fn)
  }

  /**
   * Answers DELETE. @example
   * ```ts
   * api.delete({ params: ItemParams }, async ({ params }) => { await deleteItem(params.id) })
   * ```
   */
  delete<TSpec extends RouteSpec>(spec: TSpec, fn: RouteFunction<TCtx, TSpec>): Handler<TCtx>
  delete(fn: RouteFunction<TCtx>): Handler<TCtx>
  delete(specOrFn: RouteSpec | RouteFunction<TCtx, any>, fn?: RouteFunction<TCtx, any>): Handler<TCtx> {
    return this.#route('DELETE', specOrFn, fn)
  }

  #route(method: RouteMethod, specOrFn: RouteSpec | RouteFunction<TCtx, any>, fn?: RouteFunction<TCtx, any>): Handler<TCtx> {
    const [spec, handler] = typeof specOrFn === 'function' ? [{}, specOrFn] : [specOrFn, fn]
    if (typeof handler !== 'function') {
      throw new TypeError(`routekit: the ${method} route needs a handler function.`)
    }
    if (this.#state.routes.has(method)) {
      throw new TypeError(`routekit: a ${method} route is already defined on this handler.`)
    }
    const routes = new Map(this.#state.routes)
    routes.set(method, compose(this.#state.middleware, routeTerminal(spec, handler, this.#state.settings)))
    return new Handler({ ...this.#state, routes })
  }

  /**
   * Answers a Web `Request`. This is the whole core: adapters only translate
   * to and from it, and any Web-standard host can call it directly. It never
   * rejects, except with the errors Next.js throws on purpose (`redirect()`,
   * `notFound()`), which are passed back for Next to act on.
   *
   * @example
   * ```ts
   * const response = await items.handle(new Request('http://localhost/api/items'))
   * ```
   */
  async handle(request: Request, options: HandleOptions = {}): Promise<Response> {
    const method = request.method
    const route = this.#state.routes.get(method === 'HEAD' ? 'GET' : method)
    if (route === undefined) {
      if (method === 'OPTIONS') return this.#answers.options()
      return method === 'HEAD' ? withoutBody(this.#answers.notAllowed()) : this.#answers.notAllowed()
    }
    const params = options.params ?? {}
    const { timeout } = this.#state.options
    let response: Response
    try {
      response =
        timeout === undefined
          ? await route(new RequestState(request, params, options.signal))
          : await withTimeout(
              options.signal ?? (() => request.signal),
              (signal) => route(new RequestState(request, params, signal)),
              timeout,
            )
    } catch (error) {
      if (isNextControlFlowError(error)) throw error
      response = await this.#errorResponse(error, request)
    }
    return method === 'HEAD' ? withoutBody(response) : response
  }

  async #errorResponse(error: unknown, request: Request): Promise<Response> {
    const { options } = this.#state
    const { problem, headers } = mapError(error, this.#state.settings.dev)
    if (problem.status >= 500 && options.onError) {
      try {
        await options.onError(error, request)
      } catch {
        // A failing logger must not turn one error into two.
      }
    }
    return problemResponse(problem, headers)
  }
}

/**
 * Starts a handler. Build shared bases once at module scope and extend them
 * per route; every step returns a new, independent handler.
 *
 * @example
 * ```ts
 * export const api = createHandler({ onError: (error) => console.error(error) })
 * const items = api.get(() => listItems()).post(async ({ req }) => created(await insertItem(await req.json())))
 * ```
 */
export function createHandler(options: HandlerOptions = {}): Handler<{}> {
  return new Handler({
    options,
    settings: {
      dev: options.dev ?? isDevelopment(),
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
      maxDepth: options.maxDepth ?? 64,
      invalidBodyStatus: options.invalidBodyStatus ?? 422,
    },
    middleware: [],
    routes: new Map(),
  })
}
