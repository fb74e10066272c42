import { configError } from './options.js'
import { defineAction } from '../actions/define.js'
import type { Action, ActionFunction, ActionInput, ActionSpec } from '../actions/types.js'
import { compose } from './compose.js'
import { middlewareDescription, type RouteDescription } from './describe.js'
import { isHandlerWide } from './handler-wide.js'
import { dispatcher, type HandleOptions, type RouteRunner } from './dispatch.js'
import { allowedMethods, type RouteMethod } from './method-guard.js'
import type { Middleware } from './middleware.js'
import { handleSourceKey, type RequestSource } from './request-view.js'
import { checkOptionNames, optionNames } from './options.js'
import { checkRouteSpec, type RouteResult, type RouteSpec } from '../validation/route-spec.js'
import type { HandlerArgs, RouteFunction, RouteSettings } from './handler-args.js'
import { routeTerminal } from './route.js'
import { isDevelopment } from './runtime.js'
import type { AnswersProblems, RouteEntry, RouteMap } from './route-types.js'
import type { ErrorStatus } from './status.js'
import type { MaybePromise, Overwrite, Simplify } from './types.js'

/**
 * Options for {@link createHandler}; every handler derived with `.use()` or a
 * route method shares them.
 *
 * @example
 * ```ts
 * export const api = createHandler({ onError: (error, req) => console.error(req.url, error), timeout: 10_000, bodyLimit: 256 * 1024 })
 * ```
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

const handlerOptionNames = optionNames<HandlerOptions>({
  onError: true, dev: true, timeout: true, bodyLimit: true, maxDepth: true, invalidBodyStatus: true,
})

export type { HandleOptions } from './dispatch.js'

/**
 * The minimal surface adapters rely on, so they accept a handler of any
 * context type, or one from another copy of routekit.
 *
 * @example
 * ```ts
 * function mount(handler: RequestHandler) {
 *   return (request: Request) => handler.handle(request)
 * }
 * ```
 */
export interface RequestHandler {
  handle(request: Request, options?: HandleOptions): Promise<Response>
  readonly allowedMethods: readonly string[]
}

interface CompiledRoute {
  readonly run: RouteRunner
  readonly description: RouteDescription
}

interface HandlerState {
  readonly options: Readonly<HandlerOptions>
  readonly settings: RouteSettings
  /** Runs around the method guard, for every request (see `handlerWide`). */
  readonly handlerWide: readonly Middleware<any, any>[]
  /** Snapshotted by each route as it is defined. */
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
export class Handler<
  TContext extends object = {},
  TRoutes extends RouteMap = RouteMap,
  TProblems extends ErrorStatus = ErrorStatus,
> implements RequestHandler
{
  /**
   * In the type only: each route's input and output types and the problem
   * statuses of the middleware so far, for `createClient<typeof routes>()`.
   */
  declare readonly '~types'?: { readonly routes: TRoutes; readonly problems: TProblems }
  readonly #state: HandlerState
  readonly #dispatch: (origin: Request | RequestSource, options?: HandleOptions) => Promise<Response>
  /** The methods this handler answers, in `Allow` order. */
  readonly allowedMethods: readonly string[]

  /** @internal Use {@link createHandler}. */
  constructor(state: HandlerState) {
    this.#state = state
    this.allowedMethods = Object.freeze(allowedMethods(state.routes.keys()))
    this.#dispatch = dispatcher({
      allowedMethods: this.allowedMethods,
      routes: new Map([...state.routes].map(([method, route]) => [method, route.run])),
      handlerWide: state.handlerWide,
      timeout: state.options.timeout,
      dev: state.settings.dev,
      onError: state.options.onError,
    })
  }

  /**
   * The routes in `Allow` order, as documentation tools see them: method,
   * spec with its schemas and metadata, and what each middleware describes.
   *
   * @example
   * ```ts
   * items.routes.map((route) => route.method) // ['GET', 'POST']
   * ```
   */
  get routes(): readonly RouteDescription[] {
    return this.allowedMethods.flatMap((method) => {
      const route = this.#state.routes.get(method)
      return route ? [route.description] : []
    })
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
  use<TAdd extends object = {}, TAnswers extends ErrorStatus = never>(
    middleware: Middleware<TContext, TAdd> & AnswersProblems<TAnswers>,
  ): Handler<Overwrite<TContext, TAdd>, TRoutes, TProblems | TAnswers> {
    if (!isHandlerWide(middleware)) {
      return new Handler({ ...this.#state, middleware: [...this.#state.middleware, middleware] })
    }
    // It wraps the method guard, which answers for every route; letting
    // earlier routes escape it would make their 405s and preflights differ.
    if (this.#state.routes.size > 0) {
      throw configError('routekit', `${middleware.name || 'a handler-wide middleware'} must be added before the handler's first route.`)
    }
    return new Handler({ ...this.#state, handlerWide: [...this.#state.handlerWide, middleware] })
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
  get<TSpec extends RouteSpec, TReturns extends RouteResult<TSpec>>(
    spec: TSpec,
    fn: (args: HandlerArgs<TContext, TSpec>) => MaybePromise<TReturns>,
  ): WithRoute<this, 'GET', RouteEntry<TSpec, TReturns, TProblems>>
  get<TReturns>(fn: (args: HandlerArgs<TContext>) => MaybePromise<TReturns>): WithRoute<this, 'GET', RouteEntry<{}, TReturns, TProblems>>
  get(specOrFn: RouteSpec | RouteFunction<TContext, any>, fn?: RouteFunction<TContext, any>): Handler<any, any, any> {
    return this.#route('GET', specOrFn, fn)
  }

  /**
   * Answers POST. @example
   * ```ts
   * api.post({ body: NewItem }, async ({ body }) => created(await insertItem(body)))
   * ```
   */
  post<TSpec extends RouteSpec, TReturns extends RouteResult<TSpec>>(
    spec: TSpec,
    fn: (args: HandlerArgs<TContext, TSpec>) => MaybePromise<TReturns>,
  ): WithRoute<this, 'POST', RouteEntry<TSpec, TReturns, TProblems>>
  post<TReturns>(fn: (args: HandlerArgs<TContext>) => MaybePromise<TReturns>): WithRoute<this, 'POST', RouteEntry<{}, TReturns, TProblems>>
  post(specOrFn: RouteSpec | RouteFunction<TContext, any>, fn?: RouteFunction<TContext, any>): Handler<any, any, any> {
    return this.#route('POST', specOrFn, fn)
  }

  /**
   * Answers PUT. @example
   * ```ts
   * api.put({ params: ItemParams, body: Item }, ({ params, body }) => replaceItem(params.id, body))
   * ```
   */
  put<TSpec extends RouteSpec, TReturns extends RouteResult<TSpec>>(
    spec: TSpec,
    fn: (args: HandlerArgs<TContext, TSpec>) => MaybePromise<TReturns>,
  ): WithRoute<this, 'PUT', RouteEntry<TSpec, TReturns, TProblems>>
  put<TReturns>(fn: (args: HandlerArgs<TContext>) => MaybePromise<TReturns>): WithRoute<this, 'PUT', RouteEntry<{}, TReturns, TProblems>>
  put(specOrFn: RouteSpec | RouteFunction<TContext, any>, fn?: RouteFunction<TContext, any>): Handler<any, any, any> {
    return this.#route('PUT', specOrFn, fn)
  }

  /**
   * Answers PATCH. @example
   * ```ts
   * api.patch({ params: ItemParams, body: Item.partial() }, ({ params, body }) => updateItem(params.id, body))
   * ```
   */
  patch<TSpec extends RouteSpec, TReturns extends RouteResult<TSpec>>(
    spec: TSpec,
    fn: (args: HandlerArgs<TContext, TSpec>) => MaybePromise<TReturns>,
  ): WithRoute<this, 'PATCH', RouteEntry<TSpec, TReturns, TProblems>>
  patch<TReturns>(fn: (args: HandlerArgs<TContext>) => MaybePromise<TReturns>): WithRoute<this, 'PATCH', RouteEntry<{}, TReturns, TProblems>>
  patch(specOrFn: RouteSpec | RouteFunction<TContext, any>, fn?: RouteFunction<TContext, any>): Handler<any, any, any> {
    return this.#route('PATCH', specOrFn, fn)
  }

  /**
   * Answers DELETE. @example
   * ```ts
   * api.delete({ params: ItemParams }, async ({ params }) => { await deleteItem(params.id) })
   * ```
   */
  delete<TSpec extends RouteSpec, TReturns extends RouteResult<TSpec>>(
    spec: TSpec,
    fn: (args: HandlerArgs<TContext, TSpec>) => MaybePromise<TReturns>,
  ): WithRoute<this, 'DELETE', RouteEntry<TSpec, TReturns, TProblems>>
  delete<TReturns>(fn: (args: HandlerArgs<TContext>) => MaybePromise<TReturns>): WithRoute<this, 'DELETE', RouteEntry<{}, TReturns, TProblems>>
  delete(specOrFn: RouteSpec | RouteFunction<TContext, any>, fn?: RouteFunction<TContext, any>): Handler<any, any, any> {
    return this.#route('DELETE', specOrFn, fn)
  }

  /**
   * An action on this builder's chain: the same middleware as its routes,
   * the body schema validating the input. Bind it to Next with
   * `toServerAction()` from `routekit/actions` in a `'use server'` file.
   *
   * @example
   * ```ts
   * export const createNote = toServerAction(signedIn.action({ body: NewNote }, ({ body, session }) => notes.create(session.data.username, body)))
   * ```
   */
  action<TSpec extends ActionSpec, TData>(spec: TSpec, fn: ActionFunction<TContext, TSpec, TData>): Action<ActionInput<TSpec>, Awaited<TData>>
  action<TData>(fn: ActionFunction<TContext, {}, TData>): Action<void, Awaited<TData>>
  action(specOrFn: ActionSpec | ((args: never) => unknown), fn?: (args: never) => unknown): Action<any, any> {
    const [spec, handler] = typeof specOrFn === 'function' ? [{}, specOrFn] : [specOrFn, fn]
    const { handlerWide, middleware, settings, options } = this.#state
    return defineAction({ handlerWide, middleware, settings, onError: options.onError, timeout: options.timeout }, spec, handler!)
  }

  #route(method: RouteMethod, specOrFn: RouteSpec | RouteFunction<TContext, any>, fn?: RouteFunction<TContext, any>): Handler<any, any, any> {
    const [spec, handler] = typeof specOrFn === 'function' ? [{}, specOrFn] : [specOrFn, fn]
    checkRouteSpec(`routekit: the ${method} route's spec`, spec)
    if (typeof handler !== 'function') {
      throw configError('routekit', `the ${method} route needs a handler function.`)
    }
    if (this.#state.routes.has(method)) {
      throw configError('routekit', `a ${method} route is already defined on this handler.`)
    }
    const { middleware, settings, handlerWide } = this.#state
    const description: RouteDescription = Object.freeze({
      method,
      spec,
      // Handler-wide middleware runs first for every route, so it describes every route too.
      middleware: [...handlerWide, ...middleware].flatMap((layer) => middlewareDescription(layer) ?? []),
      invalidBodyStatus: settings.invalidBodyStatus,
      timeout: this.#state.options.timeout !== undefined,
    })
    const routes = new Map(this.#state.routes)
    routes.set(method, { run: compose(middleware, routeTerminal(spec, handler, settings)), description })
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
  handle(request: Request, options?: HandleOptions): Promise<Response> {
    return this.#dispatch(request, options)
  }

  /**
   * Answers a request an adapter has not made a `Request` of yet; one is
   * built only if some code reads `req` (see `RequestSource`).
   *
   * @internal For routekit's adapters.
   * @example
   * ```ts
   * const response = await items[handleSourceKey](source, { params })
   * ```
   */
  [handleSourceKey](source: RequestSource, options?: HandleOptions): Promise<Response> {
    return this.#dispatch(source, options)
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
export function createHandler(options: HandlerOptions = {}): Handler<{}, {}, never> {
  checkOptionNames('routekit: createHandler()', options, handlerOptionNames)
  return new Handler({
    options,
    settings: {
      dev: options.dev ?? isDevelopment(),
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
      maxDepth: options.maxDepth ?? 64,
      invalidBodyStatus: options.invalidBodyStatus ?? 422,
    },
    handlerWide: [],
    middleware: [],
    routes: new Map(),
  })
}

/**
 * The handler after one more route: the same context and middleware
 * problems, its route map with `TMethod`'s types added (flattened for hovers).
 */
type WithRoute<THandler, TMethod extends string, TEntry> =
  THandler extends Handler<infer TContext, infer TRoutes, infer TProblems>
    ? Handler<TContext, Simplify<TRoutes & { [M in TMethod]: Simplify<TEntry> }>, TProblems>
    : never
