import { compose, type RequestState } from './compose.js'
import { allowedMethods, methodAnswers, type RouteMethod, withoutBody } from './method-guard.js'
import type { Middleware } from './middleware.js'
import { isNextControlFlowError } from './next-control-flow.js'
import { mapError, problemResponse } from './problem.js'
import { routeTerminal, type RouteFunction } from './route.js'
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
}

/** What adapters and hosts pass along with the request. */
export interface HandleOptions {
  /** Dynamic path segments, already resolved. */
  params?: RawParams
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
  readonly options: Readonly<HandlerOptions> & { readonly dev: boolean }
  readonly middleware: readonly Middleware<any, any>[]
  readonly routes: ReadonlyMap<string, CompiledRoute>
}

function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV === 'development'
  } catch {
    return false // no `process` on this runtime
  }
}

/**
 * An immutable route builder. `.use()` and each route method return a new
 * handler, so a shared base can be extended by many routes without one
 * route's middleware or methods leaking into another's.
 *
 * A route runs the middleware that was `.use()`d before it was defined:
 * `api.get(list).use(auth).post(create)` leaves GET public and guards POST.
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

  /** Answers GET (and HEAD). @example api.get(async ({ query }) => listItems(query)) */
  get(fn: RouteFunction<TCtx>): Handler<TCtx> {
    return this.#route('GET', fn)
  }

  /** Answers POST. @example api.post(async ({ req }) => created(await insertItem(await req.json()))) */
  post(fn: RouteFunction<TCtx>): Handler<TCtx> {
    return this.#route('POST', fn)
  }

  /** Answers PUT. @example api.put(async ({ params, req }) => replaceItem(params.id, await req.json())) */
  put(fn: RouteFunction<TCtx>): Handler<TCtx> {
    return this.#route('PUT', fn)
  }

  /** Answers PATCH. @example api.patch(async ({ params, req }) => updateItem(params.id, await req.json())) */
  patch(fn: RouteFunction<TCtx>): Handler<TCtx> {
    return this.#route('PATCH', fn)
  }

  /** Answers DELETE. @example api.delete(async ({ params }) => { await deleteItem(params.id) }) */
  delete(fn: RouteFunction<TCtx>): Handler<TCtx> {
    return this.#route('DELETE', fn)
  }

  #route(method: RouteMethod, fn: RouteFunction<TCtx>): Handler<TCtx> {
    if (this.#state.routes.has(method)) {
      throw new TypeError(`routekit: a ${method} route is already defined on this handler.`)
    }
    const routes = new Map(this.#state.routes)
    routes.set(method, compose(this.#state.middleware, routeTerminal(fn)))
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
      return method === 'OPTIONS' ? this.#answers.options() : this.#answers.notAllowed()
    }
    const params = options.params ?? {}
    const { timeout } = this.#state.options
    let response: Response
    try {
      response =
        timeout === undefined
          ? await route({ req: request, params, signal: request.signal })
          : await withTimeout(timeout, request.signal, (signal) => route({ req: request, params, signal }))
    } catch (error) {
      if (isNextControlFlowError(error)) throw error
      response = await this.#errorResponse(error, request)
    }
    return method === 'HEAD' ? withoutBody(response) : response
  }

  async #errorResponse(error: unknown, request: Request): Promise<Response> {
    const { options } = this.#state
    const { problem, headers } = mapError(error, options.dev)
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
    options: { ...options, dev: options.dev ?? isDevelopment() },
    middleware: [],
    routes: new Map(),
  })
}
