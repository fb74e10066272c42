import { HttpError } from './http-error.js'
import { isResponse } from './is-response.js'
import { ignore } from './runtime.js'
import type { Middleware, NextResult } from './middleware.js'

/**
 * What one request carries through the chain besides the context. `signal`
 * is a getter on the prototype: reading `Request.signal` costs Node's undici
 * several microseconds (it builds the AbortSignal on first access), and an
 * object literal with getters costs as much again to build, so neither is
 * paid unless some code asks for the signal.
 */
export class RequestState {
  constructor(
    readonly req: Request,
    readonly params: Record<string, string | string[]>,
    /** The methods the handler answers, for middleware that must say so (CORS). */
    readonly allowedMethods: readonly string[],
    /** Where the signal comes from when it is not `req.signal` (an adapter's or the timeout's). */
    readonly signalSource?: () => AbortSignal,
  ) {}

  get signal(): AbortSignal {
    return this.signalSource ? this.signalSource() : this.req.signal
  }
}

/** The argument of one middleware call; `signal` is read only on demand. */
class LayerArgs {
  readonly req: Request
  readonly #state: RequestState

  constructor(
    state: RequestState,
    readonly ctx: object,
    readonly next: (options?: { ctx?: object }) => Promise<NextResult<object>>,
  ) {
    this.req = state.req
    this.#state = state
  }

  get signal(): AbortSignal {
    return this.#state.signal
  }

  get allowedMethods(): readonly string[] {
    return this.#state.allowedMethods
  }
}

/** The innermost step: the route itself, given the accumulated context. */
export type Terminal = (state: RequestState, ctx: object) => Promise<Response>

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
  return (state, ctx = {}) => dispatch(state, 0, ctx)
}
