import { compose, RequestState } from './compose.js'
import { methodAnswers, withoutBody } from './method-guard.js'
import type { Middleware } from './middleware.js'
import type { RequestSource } from './request-view.js'
import { mapReported, problemResponse } from './problem.js'
import { withTimeout } from './timeout.js'
import type { RawParams } from './types.js'

/**
 * What adapters and hosts pass along with the request.
 *
 * @example
 * ```ts
 * const response = await api.handle(request, { params: { id: '7' } })
 * ```
 */
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

/** A route's chain, compiled when the route was defined. */
export type RouteRunner = (state: RequestState) => Promise<Response>

/** The parts of a handler's configuration a request is answered with. */
export interface DispatchConfig {
  readonly allowedMethods: readonly string[]
  /** Each defined method's chain; HEAD runs GET's. */
  readonly routes: ReadonlyMap<string, RouteRunner>
  /** Runs around the method guard, for every request (see `handlerWide`). */
  readonly handlerWide: readonly Middleware<any, any>[]
  readonly timeout: number | undefined
  readonly dev: boolean
  readonly onError: ((error: unknown, req: Request) => void | Promise<void>) | undefined
}

/**
 * Builds the function that answers every request of one handler: the
 * handler-wide layers, the method guard, the route's chain, and anything
 * thrown mapped to a problem. Everything that depends only on the
 * configuration (the Allow answers, the composed layers) is prepared here,
 * once per handler.
 */
export function dispatcher(config: DispatchConfig): (origin: Request | RequestSource, options?: HandleOptions) => Promise<Response> {
  const { allowedMethods, routes, timeout, dev, onError } = config
  const answers = methodAnswers(allowedMethods.join(', '))

  /** The problem response for anything thrown. Next's control-flow errors are thrown on: Next answers them. */
  const errorResponse = async (error: unknown, from: { readonly req: Request }): Promise<Response> => {
    // `req` is read only for a hook that is there: an error alone builds no Request.
    const { problem, headers } = await mapReported(error, dev, onError && ((cause: unknown) => onError(cause, from.req)), undefined)
    return problemResponse(problem, headers)
  }

  /** The method guard, then the route's chain. */
  const answer = async (state: RequestState): Promise<Response> => {
    const { method } = state
    const run = routes.get(method === 'HEAD' ? 'GET' : method)
    if (run === undefined) return method === 'OPTIONS' ? answers.options() : answers.notAllowed()
    try {
      return timeout === undefined
        ? await run(state)
        : await withTimeout(
            () => state.signal,
            (signal) => run(new RequestState(state.origin, state.params, state.allowedMethods, signal)),
            timeout,
          )
    } catch (error) {
      return errorResponse(error, state)
    }
  }

  // A handler-wide layer's thrown error becomes its problem response where
  // it is thrown, so the layers around it (CORS) see it on the way out like
  // any other answer, and `onError` hears of it once.
  const answeringErrors =
    (layer: Middleware<any, any>): Middleware<any, any> =>
    async (args) => {
      try {
        return await layer(args)
      } catch (error) {
        return errorResponse(error, args)
      }
    }
  const wrapped = config.handlerWide.length === 0 ? undefined : compose(config.handlerWide.map(answeringErrors), answer)

  return async (origin, options = {}) => {
    const state = new RequestState(origin, options.params ?? {}, allowedMethods, options.signal)
    let response: Response
    if (wrapped === undefined) {
      response = await answer(state)
    } else {
      try {
        response = await wrapped(state)
      } catch (error) {
        response = await errorResponse(error, state)
      }
    }
    return state.method === 'HEAD' ? withoutBody(response) : response
  }
}
