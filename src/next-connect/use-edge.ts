import { compose, RequestState } from '../core/compose.js'
import { isResponse } from '../core/is-response.js'
import type { Middleware } from '../core/middleware.js'
import { isNextControlFlowError } from '../core/next-control-flow.js'
import { addContext, contextOf, type Step } from './context.js'
import { checkStepOptions, problemFor, type StepOptions } from './options.js'
import { edgeParams } from './params.js'

/**
 * A next-connect handler for the edge router (`createEdgeRouter()`), App Router routes included.
 *
 * @example
 * ```ts
 * const auth: EdgeHandler = useEdge(bearer)
 * ```
 */
export type EdgeHandler = (req: Request, ctx: unknown, next: () => unknown) => Promise<unknown>

class EdgeStepState extends RequestState {
  downstreamError: { error: unknown } | undefined
  /** Set when the handlers after the step returned something other than a Response. */
  notAResponse: { value: unknown; standIn: Response } | undefined

  constructor(
    request: Request,
    params: Record<string, string | string[]>,
    readonly nextHandler: () => unknown,
  ) {
    super(request, params, [])
  }
}

async function runRest(state: RequestState, ctx: object): Promise<Response> {
  const step = state as EdgeStepState
  addContext(step.req, ctx)
  let value: unknown
  try {
    value = await step.nextHandler()
  } catch (error) {
    step.downstreamError = { error }
    throw error
  }
  if (isResponse(value)) return value
  // next-connect's edge handlers are meant to return a Response; whatever
  // they returned instead is handed back to next-connect unchanged.
  step.notAResponse = { value, standIn: new Response(null) }
  return step.notAResponse.standIn
}

/**
 * Runs a routekit middleware as next-connect middleware on the edge router
 * (Web `Request` in, `Response` out). What it adds to the context goes onto
 * the request (`req.auth`) for the handlers after it; a refusal is returned
 * as routekit's problem+json. The middleware's `next()` resolves with the
 * Response the later handlers return, so code after it works as in routekit.
 * Errors thrown by the next-connect handlers go on to next-connect's `onError`.
 *
 * @example
 * ```ts
 * const auth = useEdge(jwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] }))
 * type Req = Request & AddedBy<typeof auth>
 * const router = createEdgeRouter<Req, RouteContext>()
 * router.use(auth).get((req) => Response.json({ user: req.auth.sub }))
 * // The step adds `auth` to the request; `run` resolves with the Response.
 * export const GET = (req: Request, ctx: RouteContext) => router.run(req as Req, ctx) as Promise<Response>
 * ```
 */
export function useEdge<TAdd extends object>(
  middleware: Middleware<any, TAdd>,
  options: StepOptions = {},
): Step<EdgeHandler, TAdd> {
  checkStepOptions('useEdge()', options)
  const chain = compose([middleware], runRest)
  const step: EdgeHandler = async (req, ctx, next) => {
    let params: Record<string, string | string[]>
    try {
      params = await edgeParams(req, ctx)
    } catch (error) {
      return problemFor(error, req, options) // a match that is not valid percent-encoding: 400
    }
    const state = new EdgeStepState(req, params, next)
    let response: Response
    try {
      response = await chain(state, contextOf(req))
    } catch (error) {
      if (state.downstreamError !== undefined && error === state.downstreamError.error) throw error
      if (isNextControlFlowError(error)) throw error
      return problemFor(error, req, options)
    }
    if (state.notAResponse !== undefined && response === state.notAResponse.standIn) return state.notAResponse.value
    return response
  }
  return step as Step<EdgeHandler, TAdd>
}
