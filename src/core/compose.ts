import { HttpError } from './http-error.js'
import { isResponse } from './is-response.js'
import { ignore } from './runtime.js'
import type { Middleware, NextResult } from './middleware.js'
import type { BodyLimits } from '../body/raw-body.js'
import { type RequestHead, requestHeadKey, type RequestHeaders, type RequestSource, RequestView } from './request-view.js'

type RawBodyModule = typeof import('../body/raw-body.js')
let rawBodyModule: Promise<RawBodyModule> | undefined

/**
 * What one request carries through the chain besides the context. `signal`
 * is a getter on the prototype: reading `Request.signal` costs Node's undici
 * several microseconds (it builds the AbortSignal on first access), and an
 * object literal with getters costs as much again to build, so neither is
 * paid unless some code asks for the signal. The same goes for `req` itself
 * when an adapter hands over a source (see `RequestView`).
 */
export class RequestState extends RequestView {
  constructor(
    origin: Request | RequestSource,
    readonly params: Record<string, string | string[]>,
    /** The methods the handler answers, for middleware that must say so (CORS). */
    readonly allowedMethods: readonly string[],
    /** Where the signal comes from when it is not `req.signal` (an adapter's or the timeout's). */
    readonly signalSource?: () => AbortSignal,
  ) {
    super(origin)
  }

  /** The body rules of the route this request reached; set by its chain before its middleware runs. */
  bodyLimits: BodyLimits | undefined = undefined

  get signal(): AbortSignal {
    return this.signalSource ? this.signalSource() : this.req.signal
  }

  /**
   * The body's exact bytes under the route's rules, read once: the route's
   * own parse later reuses them. The reader is loaded on first use, so
   * routes whose middleware never asks do not load it.
   */
  async rawBody(): Promise<Uint8Array> {
    if (this.bodyLimits === undefined) {
      throw HttpError.internal('rawBody() is for route middleware (`.use()` before a route): a handler-wide middleware, a next-connect step or an action has no route whose body rules apply.')
    }
    const { rawBodyBytes } = await (rawBodyModule ??= import('../body/raw-body.js'))
    return rawBodyBytes(this, this.bodyLimits)
  }
}

/** The argument of one middleware call; `req` and `signal` are made only on demand. */
class LayerArgs {
  readonly #state: RequestState

  constructor(
    state: RequestState,
    readonly ctx: object,
    readonly next: (options?: { ctx?: object }) => Promise<NextResult<object>>,
  ) {
    this.#state = state
  }

  get req(): Request {
    return this.#state.req
  }

  get headers(): RequestHeaders {
    return this.#state.headers
  }

  /** For routekit's own middleware (see `requestHead`). */
  get [requestHeadKey](): RequestHead {
    return this.#state
  }

  get signal(): AbortSignal {
    return this.#state.signal
  }

  get allowedMethods(): readonly string[] {
    return this.#state.allowedMethods
  }

  // A getter handing out a closure, so `({ rawBody })` can be destructured,
  // and only a middleware that asks pays for the closure.
  get rawBody(): () => Promise<Uint8Array> {
    const state = this.#state
    return () => state.rawBody()
  }
}

/**
 * The innermost step: the route itself, given the accumulated context, and
 * the body rules it reads by, which a middleware's `rawBody()` then uses.
 */
export type Terminal = ((state: RequestState, ctx: object) => Promise<Response>) & { bodyLimits?: BodyLimits }

// The runtime shape behind the type-only brand of `NextResult`.
class ChainResult {
  constructor(readonly response: Response) {}
}

/** A promise that is never reported as unhandled, though awaiting it still throws. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(ignore)
  return promise
}

function contractError(detail: string): HttpError {
  return new HttpError(500, { code: 'middleware_contract', detail })
}

/**
 * Builds the onion for one route, once, when the route is defined. Each
 * middleware gets a `next` that runs the rest of the chain with the merged
 * context; the result is awaited all the way down, and misuse (calling
 * `next()` twice, returning something that is neither `next()`'s result nor a
 * Response) becomes a 500 instead of a hung or doubled request.
 */
export function compose(
  middleware: readonly Middleware<any, any>[],
  terminal: Terminal,
): (state: RequestState, ctx?: object) => Promise<Response> {
  const dispatch = (state: RequestState, index: number, ctx: object): Promise<Response> =>
    index === middleware.length ? terminal(state, ctx) : runLayer(state, index, ctx)

  const runLayer = async (state: RequestState, index: number, ctx: object): Promise<Response> => {
    let calls = 0
    const next = (options?: { ctx?: object }): Promise<NextResult<object>> => {
      calls += 1
      if (calls > 1) return handled(Promise.reject(contractError('A middleware called next() more than once.')))
      const merged = options?.ctx ? { ...ctx, ...options.ctx } : ctx
      // Marked handled so a middleware that forgets to await next() leaves no
      // unhandled rejection behind; whoever awaits it still sees the error.
      return handled(dispatch(state, index + 1, merged).then((response) => new ChainResult(response) as never))
    }
    const layer = middleware[index]!
    const result: unknown = await layer(new LayerArgs(state, ctx, next) as never)
    if (calls > 1) throw contractError('A middleware called next() more than once.')
    if (result instanceof ChainResult) return result.response
    if (isResponse(result)) return result
    throw contractError("A middleware returned neither next()'s result nor a Response.")
  }

  // A chain may start from context gathered elsewhere (routekit/next-connect
  // runs one middleware at a time, each seeing what the earlier ones added).
  const { bodyLimits } = terminal
  if (bodyLimits === undefined) return (state, ctx = {}) => dispatch(state, 0, ctx)
  return (state, ctx = {}) => {
    state.bodyLimits = bodyLimits
    return dispatch(state, 0, ctx)
  }
}
